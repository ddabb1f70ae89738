package raster

import (
	_ "embed"
	"strings"
	"sync"

	"github.com/cxmap/cxmap/pkg/textshape"
	"github.com/go-fonts/dejavu/dejavusans"
	"github.com/go-fonts/liberation/liberationmonobold"
	"github.com/go-fonts/liberation/liberationmonobolditalic"
	"github.com/go-fonts/liberation/liberationmonoitalic"
	"github.com/go-fonts/liberation/liberationmonoregular"
	"github.com/go-fonts/liberation/liberationsansbold"
	"github.com/go-fonts/liberation/liberationsansbolditalic"
	"github.com/go-fonts/liberation/liberationsansitalic"
	"github.com/go-fonts/liberation/liberationsansregular"
	"github.com/go-fonts/liberation/liberationserifbold"
	"github.com/go-fonts/liberation/liberationserifbolditalic"
	"github.com/go-fonts/liberation/liberationserifitalic"
	"github.com/go-fonts/liberation/liberationserifregular"
	"golang.org/x/image/font/sfnt"
)

// Liberation fonts have the advance widths of Arial, Times New Roman and
// Courier New, which are the tables Graphviz's WASM build measures text
// with; drawing with them keeps every label where Graphviz put it. They are
// compiled into the binary, so no system fonts are needed.

type family int

const (
	sans family = iota
	serif
	mono
	symbols // DejaVu Sans, for characters the Liberation faces lack
	cjk     // Droid Sans Fallback, for CJK characters neither has
)

// droidFallback is Droid Sans Fallback (Apache 2.0; see fonts/README.md).
//
//go:embed fonts/DroidSansFallback.ttf
var droidFallback []byte

// fontID picks one of the twelve embedded faces.
type fontID struct {
	fam          family
	bold, italic bool
	// brand, when set, is a theme's font, drawn for sans text (its
	// regular or bold; no italic).
	brand *Brand
}

func (id fontID) ttf() []byte {
	switch {
	case id.brand != nil && id.bold:
		return id.brand.Bold
	case id.brand != nil:
		return id.brand.Regular
	case id.fam == symbols:
		return dejavusans.TTF
	case id.fam == cjk:
		return droidFallback
	case id.fam == serif && id.bold && id.italic:
		return liberationserifbolditalic.TTF
	case id.fam == serif && id.bold:
		return liberationserifbold.TTF
	case id.fam == serif && id.italic:
		return liberationserifitalic.TTF
	case id.fam == serif:
		return liberationserifregular.TTF
	case id.fam == mono && id.bold && id.italic:
		return liberationmonobolditalic.TTF
	case id.fam == mono && id.bold:
		return liberationmonobold.TTF
	case id.fam == mono && id.italic:
		return liberationmonoitalic.TTF
	case id.fam == mono:
		return liberationmonoregular.TTF
	case id.bold && id.italic:
		return liberationsansbolditalic.TTF
	case id.bold:
		return liberationsansbold.TTF
	case id.italic:
		return liberationsansitalic.TTF
	}
	return liberationsansregular.TTF
}

// pdfName is the family/style pair fpdf registers the face under.
func (id fontID) pdfName() (familyName, style string) {
	familyName = [...]string{"LiberationSans", "LiberationSerif", "LiberationMono", "DejaVuSans", "DroidSansFallback"}[id.fam]
	if id.brand != nil {
		familyName = "Brand"
	}
	if id.bold {
		style += "B"
	}
	if id.italic {
		style += "I"
	}
	return familyName, style
}

// fontFor maps Graphviz's font name and text flags to an embedded face.
// Graphviz itself falls back to Times for unknown names; cxmap asks for
// Arial, so the sans face is the default here. Text in the family of a
// theme's font (b) is drawn with it.
func fontFor(st *state, b *Brand) fontID {
	f := strings.ToLower(st.face)
	id := fontID{fam: sans, bold: st.bold(), italic: st.italic()}
	switch {
	case b != nil && b.Family != "" && len(b.Regular) > 0 && strings.EqualFold(st.face, b.Family):
		id.brand, id.italic = b, false
	case strings.Contains(f, "sans"), strings.Contains(f, "arial"), strings.Contains(f, "helvetica"):
	case strings.Contains(f, "times"), strings.Contains(f, "serif"), strings.Contains(f, "georgia"):
		id.fam = serif
	case strings.Contains(f, "courier"), strings.Contains(f, "mono"):
		id.fam = mono
	}
	return id
}

var parsed = map[fontID]*sfnt.Font{} // guarded by coverMu

// sfntFont parses an embedded face once per process. An sfnt.Font may be
// used from several goroutines, each with its own sfnt.Buffer.
func sfntFont(id fontID) (*sfnt.Font, error) {
	coverMu.Lock()
	defer coverMu.Unlock()
	return sfntFontLocked(id)
}

// sfntFontLocked is sfntFont for callers holding coverMu.
func sfntFontLocked(id fontID) (*sfnt.Font, error) {
	if f, ok := parsed[id]; ok {
		return f, nil
	}
	f, err := sfnt.Parse(id.ttf())
	if err != nil {
		return nil, err
	}
	parsed[id] = f
	return f, nil
}

// symbolFont is the fallback face: DejaVu Sans has the marks people type
// into journey text that Liberation lacks (✓ ✗ ⚠ ★ △ ◆ ⇒ and more). It
// has no CJK (cjkFont has) and fpdf cannot draw emoji, which still show
// as boxes.
var symbolFont = fontID{fam: symbols}

// cjkFont is the last fallback: Droid Sans Fallback has Chinese, Japanese
// and Korean characters.
var cjkFont = fontID{fam: cjk}

var (
	coverMu sync.Mutex
	coverBf sfnt.Buffer
	covered = map[coverKey]bool{}
)

type coverKey struct {
	id fontID
	r  rune
}

// has reports whether face id has a glyph for r (cached: text is drawn
// rune by rune through this).
func has(id fontID, r rune) bool {
	if r < 0x7f && id.fam != symbols && id.fam != cjk && id.brand == nil {
		return true // Liberation covers ASCII
	}
	coverMu.Lock()
	defer coverMu.Unlock()
	k := coverKey{id, r}
	if v, ok := covered[k]; ok {
		return v
	}
	v := false
	if f, err := sfntFontLocked(id); err == nil {
		i, err := f.GlyphIndex(&coverBf, r)
		v = err == nil && i != 0
	}
	covered[k] = v
	return v
}

// textRun is a stretch of text drawn with one face.
type textRun struct {
	text string
	id   fontID
}

// runs splits s into stretches for the face id and the fallbacks: a
// character id lacks goes to the first fallback that has it.
func runs(s string, id fontID) []textRun {
	var out []textRun
	start, cur := 0, id
	for i, r := range s {
		want := id
		if !has(id, r) {
			switch {
			case has(symbolFont, r):
				want = symbolFont
			case has(cjkFont, r):
				want = cjkFont
			}
		}
		if want != cur && i > start {
			out = append(out, textRun{s[start:i], cur})
			start = i
		}
		cur = want
	}
	if start < len(s) {
		out = append(out, textRun{s[start:], cur})
	}
	return out
}

// visual is s as drawn left to right (textshape.Visual): a right-to-left
// run is shaped in the text's own face when it has the run's letters (a
// theme's font with Arabic), else in DejaVu Sans, the embedded fallback
// (Arabic and Hebrew); runs then draws each character from the first face
// that has it.
func visual(s string, id fontID) string {
	if !textshape.HasRTL(s) {
		return s
	}
	own, _ := textshape.Load(id.ttf())
	fallback, _ := textshape.Load(symbolFont.ttf())
	return textshape.Visual(s, own, fallback)
}
