// Package textmetrics measures and wraps text with the real advance widths of
// Liberation Sans, which has the same widths as Arial: the diagram names
// fontname="Arial" (one of the few families Graphviz's WASM build measures
// correctly) and viewers draw it with Arial or Liberation Sans, so text
// wrapped here fits the boxes cxmap draws around it. The same font bytes are
// exported for the PNG and PDF renderers so every format shows one picture.
package textmetrics

import (
	"strings"
	"sync"
	"unicode"

	"github.com/cxmap/cxmap/pkg/textshape"
	"github.com/go-fonts/dejavu/dejavusans"
	"github.com/go-fonts/liberation/liberationsansbold"
	"github.com/go-fonts/liberation/liberationsansregular"
	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// Regular and Bold are the TrueType bytes of Liberation Sans, for renderers
// that embed the font (pkg/render/raster).
var (
	Regular = liberationsansregular.TTF
	Bold    = liberationsansbold.TTF
)

// Ellipsis ends a label that was cut short.
const Ellipsis = "…"

type face struct {
	once  sync.Once
	data  []byte
	font  *sfnt.Font
	upem  float64
	mu    sync.Mutex
	cache map[rune]float64 // advance in em
	// ascii holds the advances of the ASCII characters, read without the
	// lock: most labels are ASCII, and measuring them is the cost of the
	// label-truncated rule and of layout.
	ascii [128]float64
	// maxEm bounds the width of any one byte of text, in em: the widest
	// ASCII character, half the widest glyph or fallback (other runes
	// take two bytes or more), and U+FFFD, which stands for one invalid
	// byte.
	maxEm float64
}

var faces = [2]*face{{data: Regular}, {data: Bold}}

// rtlFallback measures the Arabic and Hebrew letters a face lacks: DejaVu
// Sans draws them in PNG and PDF (pkg/render/raster's fallback face).
var rtlFallback = &face{data: dejavusans.TTF}

// std measures with Liberation Sans.
var std = &Metrics{faces: faces, Family: "Arial", Regular: Regular, Bold: Bold}

func (f *face) load() {
	f.once.Do(func() {
		ft, err := sfnt.Parse(f.data)
		if err != nil {
			panic("textmetrics: font does not parse (Load checks fonts): " + err.Error())
		}
		f.font = ft
		f.upem = float64(ft.UnitsPerEm())
		f.cache = make(map[rune]float64, 256)
		for r := range rune(128) {
			f.ascii[r] = f.measure(r)
			f.maxEm = max(f.maxEm, f.ascii[r])
		}
		widest := 1.0 // a wide character the font lacks
		var buf sfnt.Buffer
		for i := range ft.NumGlyphs() {
			adv, err := ft.GlyphAdvance(&buf, sfnt.GlyphIndex(i), fixed.Int26_6(f.upem*64), font.HintingNone)
			if err == nil {
				widest = max(widest, float64(adv)/64/f.upem)
			}
		}
		f.maxEm = max(f.maxEm, widest/2, f.measure(unicode.ReplacementChar))
	})
}

// advance is the width of r in em. A character the font lacks (CJK, most
// emoji) is counted as a full em when wide and 0.6 em otherwise, which is
// wider than the fallback fonts draw them, so wrapped text errs on fitting.
func (f *face) advance(r rune) float64 {
	f.load()
	if r >= 0 && r < 128 {
		return f.ascii[r]
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if w, ok := f.cache[r]; ok {
		return w
	}
	w := f.measure(r)
	f.cache[r] = w
	return w
}

// measure reads r's advance from the font, in em.
func (f *face) measure(r rune) float64 {
	var w float64
	var buf sfnt.Buffer
	idx, err := f.font.GlyphIndex(&buf, r)
	if err == nil && idx != 0 {
		adv, err := f.font.GlyphAdvance(&buf, idx, fixed.Int26_6(f.upem*64), font.HintingNone)
		if err == nil {
			w = float64(adv) / 64 / f.upem
		}
	}
	if idx == 0 || err != nil {
		switch {
		case unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Me, r) || r == 0x200B || r == 0x200D || (r >= 0xFE00 && r <= 0xFE0F):
			w = 0
		case isWide(r):
			w = 1.0
		default:
			w = 0.6
		}
	}
	return w
}

// Width is the advance width of s in points at size pt, in Liberation Sans.
func Width(s string, size float64, bold bool) float64 { return std.Width(s, size, bold) }

// Width is the advance width of s in points at size pt.
//
// Right-to-left text measures the wider of its shaped width (as PNG and
// PDF draw it) and its characters one by one (an Arabic letter Liberation
// lacks counts 0.6 em): Graphviz places the text measuring each byte of a
// non-ASCII character as a space (0.556 em a letter), so a box must hold
// that measure as well as the drawn words.
func (m *Metrics) Width(s string, size float64, bold bool) float64 {
	em := m.em(s, bold)
	if textshape.HasRTL(s) {
		em = max(em, m.shapedEm(s, bold))
	}
	return em * size
}

// Drawn is the width of s as PNG and PDF draw it, in Liberation Sans with
// right-to-left text shaped: for placing a line (centring it, aligning
// it right). Width, which is never less, is for fitting text in a box.
func Drawn(s string, size float64, bold bool) float64 { return std.Drawn(s, size, bold) }

// Drawn is the package's Drawn, measured with m.
func (m *Metrics) Drawn(s string, size float64, bold bool) float64 {
	if !textshape.HasRTL(s) {
		return m.Width(s, size, bold)
	}
	return m.shapedEm(s, bold) * size
}

// shapedEm is the width of s as PNG and PDF draw it, in em: shaped
// (textshape.Visual, in m's font when it has the letters, else in DejaVu
// Sans, as pkg/render/raster does), each character in m's font or, when
// it lacks it, in DejaVu Sans (raster's fallback face).
func (m *Metrics) shapedEm(s string, bold bool) float64 {
	i := 0
	if bold {
		i = 1
	}
	f := m.faces[i]
	f.load()
	own, _ := textshape.Load(f.data)
	fallback, _ := textshape.Load(rtlFallback.data)
	var em float64
	var buf sfnt.Buffer
	for _, r := range textshape.Visual(s, own, fallback) {
		if g, err := f.font.GlyphIndex(&buf, r); err == nil && g != 0 {
			em += f.advance(r)
		} else {
			em += rtlFallback.advance(r)
		}
	}
	return em
}

func (m *Metrics) em(s string, bold bool) float64 {
	var em float64
	for _, r := range s {
		em += m.adv(bold, r)
	}
	return em
}

// LineHeight is the distance between baselines for a font size, matching
// what Graphviz uses for HTML-like labels (1.2 × size).
func LineHeight(size float64) float64 { return size * 1.2 }

// isWide reports East Asian wide characters, where a line may break between
// any two characters, and emoji, which draw about one em wide.
func isWide(r rune) bool {
	if r < 0x1100 { // below Hangul Jamo, the first of the ranges
		return false
	}
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) ||
		(r >= 0x3000 && r <= 0x303F) || // CJK punctuation
		(r >= 0xFF00 && r <= 0xFF60) || // full-width forms
		(r >= 0x1F000 && r <= 0x1FAFF) || // emoji and pictographs
		(r >= 0x2600 && r <= 0x27BF)
}

// Wrap breaks text into at most maxLines lines no wider than maxWidth points
// at size pt. Lines break at spaces, between any two CJK characters, and
// inside a word too long for a line. When the text does not fit, the last
// line ends with an ellipsis and truncated is true. Runs of white space
// (newlines included) count as one space. maxLines <= 0 means no limit.
func Wrap(text string, maxWidth, size float64, bold bool, maxLines int) (lines []string, truncated bool) {
	return std.Wrap(text, maxWidth, size, bold, maxLines)
}

// Wrap is the package's Wrap, measured with m.
func (m *Metrics) Wrap(text string, maxWidth, size float64, bold bool, maxLines int) (lines []string, truncated bool) {
	width := m.Width
	words := tokens(text)
	if len(words) == 0 {
		return nil, false
	}
	space := width(" ", size, bold)
	var cur strings.Builder
	curW := 0.0
	flush := func() {
		lines = append(lines, cur.String())
		cur.Reset()
		curW = 0
	}
	// full: there are more lines than can be shown; the rest of a long
	// text is never measured (a 9 MiB label costs no more than a short one).
	full := func() bool { return maxLines > 0 && len(lines) > maxLines }
	for _, tk := range words {
		if full() {
			break
		}
		w := width(tk.text, size, bold)
		sep := 0.0
		if cur.Len() > 0 && tk.spaceBefore {
			sep = space
		}
		if curW+sep+w <= maxWidth {
			if sep > 0 {
				cur.WriteByte(' ')
			}
			cur.WriteString(tk.text)
			curW += sep + w
			continue
		}
		if cur.Len() > 0 {
			flush()
		}
		// The token alone on a fresh line; hard-break it if it is too long.
		for _, r := range tk.text {
			rw := width(string(r), size, bold)
			if curW+rw > maxWidth && cur.Len() > 0 {
				if flush(); full() {
					break
				}
			}
			cur.WriteRune(r)
			curW += rw
		}
	}
	if cur.Len() > 0 && !full() {
		flush()
	}
	if full() {
		lines = lines[:maxLines]
		lines[maxLines-1] = m.Ellipsize(lines[maxLines-1], maxWidth, size, bold)
		return lines, true
	}
	return lines, false
}

// Count is how many lines Wrap breaks text into, counting no further than
// maxLines+1: Count(...) > maxLines exactly when Wrap truncates. It breaks
// lines as Wrap does but builds none, so a label is measured without
// allocating; a text too short to fill one line is not measured at all.
func Count(text string, maxWidth, size float64, bold bool, maxLines int) int {
	return std.Count(text, maxWidth, size, bold, maxLines)
}

// Count is the package's Count, measured with m.
func (m *Metrics) Count(text string, maxWidth, size float64, bold bool, maxLines int) int {
	f := m.view(bold)
	// Every byte is at most maxEm wide, and a run of white space counts
	// as one space (itself a byte): a text whose bytes fit on one line is
	// one line.
	if float64(len(text))*f.maxEm*size < maxWidth*0.999 {
		for _, r := range text {
			if !unicode.IsSpace(r) {
				return 1
			}
		}
		return 0
	}
	space := f.advance(' ') * size
	lines := 0
	open := false // the current line holds something
	curW := 0.0
	full := func() bool { return maxLines > 0 && lines > maxLines }
	// place puts one token (a word, or a wide character) where Wrap would.
	place := func(tok string, spaceBefore bool) {
		var em float64
		if textshape.HasRTL(tok) {
			em = m.Width(tok, 1, bold)
		} else {
			for _, r := range tok {
				em += f.advance(r)
			}
		}
		w := em * size
		sep := 0.0
		if open && spaceBefore {
			sep = space
		}
		if curW+sep+w <= maxWidth {
			curW += sep + w
			open = true
			return
		}
		if open {
			lines++
			open, curW = false, 0
		}
		for _, r := range tok {
			rw := f.advance(r) * size
			if curW+rw > maxWidth && open {
				lines++
				open, curW = false, 0
				if full() {
					return
				}
			}
			curW += rw
			open = true
		}
	}
	start, spaceBefore := -1, false
	for i, r := range text {
		if full() {
			break
		}
		switch {
		case unicode.IsSpace(r):
			if start >= 0 {
				place(text[start:i], spaceBefore)
				start, spaceBefore = -1, false
			}
			spaceBefore = true
		case isWide(r) && r < 0x1F000:
			if start >= 0 {
				place(text[start:i], spaceBefore)
				start, spaceBefore = -1, false
			}
			place(string(r), spaceBefore)
			spaceBefore = false
		default:
			if start < 0 {
				start = i
			}
		}
	}
	if start >= 0 && !full() {
		place(text[start:], spaceBefore)
	}
	if open && !full() {
		lines++
	}
	return lines
}

// Ellipsize shortens line until it and an ellipsis fit in maxWidth, and
// ends it with the ellipsis, measured with m.
func (m *Metrics) Ellipsize(line string, maxWidth, size float64, bold bool) string {
	width := m.Width
	ew := width(Ellipsis, size, bold)
	// Width adds up the runes' advances, so the longest prefix that fits
	// is found in one pass (a long line costs no more than a short one).
	w := ew
	for i, r := range line {
		if w += width(string(r), size, bold); w > maxWidth {
			line = line[:i]
			break
		}
	}
	return strings.TrimRight(line, " ") + Ellipsis
}

type token struct {
	text        string
	spaceBefore bool
}

// tokens splits text into words at white space, and each wide (CJK)
// character into its own token so a line may break beside it.
func tokens(text string) []token {
	var out []token
	var cur strings.Builder
	space := false
	emit := func() {
		if cur.Len() > 0 {
			out = append(out, token{text: cur.String(), spaceBefore: space})
			cur.Reset()
			space = false
		}
	}
	for _, r := range text {
		switch {
		case unicode.IsSpace(r):
			emit()
			space = true
		case isWide(r) && r < 0x1F000:
			emit()
			out = append(out, token{text: string(r), spaceBefore: space})
			space = false
		default:
			cur.WriteRune(r)
		}
	}
	emit()
	return out
}
