package raster

import (
	"strings"
	"sync"

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
)

// fontID picks one of the twelve embedded faces.
type fontID struct {
	fam          family
	bold, italic bool
}

func (id fontID) ttf() []byte {
	switch {
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
	familyName = [...]string{"LiberationSans", "LiberationSerif", "LiberationMono"}[id.fam]
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
// Arial, so the sans face is the default here.
func fontFor(st *state) fontID {
	f := strings.ToLower(st.face)
	id := fontID{fam: sans, bold: st.bold(), italic: st.italic()}
	switch {
	case strings.Contains(f, "sans"), strings.Contains(f, "arial"), strings.Contains(f, "helvetica"):
	case strings.Contains(f, "times"), strings.Contains(f, "serif"), strings.Contains(f, "georgia"):
		id.fam = serif
	case strings.Contains(f, "courier"), strings.Contains(f, "mono"):
		id.fam = mono
	}
	return id
}

var (
	parsedMu sync.Mutex
	parsed   = map[fontID]*sfnt.Font{}
)

// sfntFont parses an embedded face once per process. An sfnt.Font may be
// used from several goroutines, each with its own sfnt.Buffer.
func sfntFont(id fontID) (*sfnt.Font, error) {
	parsedMu.Lock()
	defer parsedMu.Unlock()
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

// HasGlyph reports whether the sans face cxmap draws with (regular or bold)
// has a glyph for r. Marks without one (✓, ⚠, ★, emoji, CJK) show as empty
// boxes in PNG and PDF, so callers choosing symbols can check first.
func HasGlyph(r rune, bold bool) bool {
	f, err := sfntFont(fontID{fam: sans, bold: bold})
	if err != nil {
		return false
	}
	var b sfnt.Buffer
	i, err := f.GlyphIndex(&b, r)
	return err == nil && i != 0
}
