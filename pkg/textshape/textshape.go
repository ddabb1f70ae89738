// Package textshape turns a line of text into the characters PNG and PDF
// draw, left to right: right-to-left runs (Arabic, Hebrew) are put in
// visual order by the Unicode bidi algorithm, and Arabic letters are
// shaped (joined forms, lam-alef and the font's other ligatures) by
// HarfBuzz (github.com/go-text/typesetting). The shaped glyphs are mapped
// back to the characters the font gives them (its cmap: the Arabic
// Presentation Forms), so the drawers keep drawing strings, fpdf keeps
// writing extractable text, and a text with no right-to-left character is
// returned as it came, byte for byte. See docs/rendering.md.
package textshape

import (
	"bytes"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/go-text/typesetting/bidi"
	"github.com/go-text/typesetting/di"
	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/language"
	"github.com/go-text/typesetting/shaping"
	"golang.org/x/image/math/fixed"
)

// HasRTL reports whether s holds a right-to-left character (Hebrew,
// Arabic, Syriac, Thaana, N'Ko and their presentation forms, or an
// explicit right-to-left mark or embedding). Text without one takes the
// fast path: Visual returns it unchanged.
func HasRTL(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			for _, r := range s[i:] {
				if isRTL(r) {
					return true
				}
			}
			return false
		}
	}
	return false
}

func isRTL(r rune) bool {
	switch {
	case r < 0x0590:
		return false
	case r <= 0x08FF, r >= 0xFB1D && r <= 0xFDFF, r >= 0xFE70 && r <= 0xFEFF:
		return true
	case r == 0x200F, r == 0x202B, r == 0x202E, r == 0x2067, r == 0x061C:
		return true
	case r >= 0x10800 && r <= 0x10FFF, r >= 0x1E800 && r <= 0x1EFFF:
		return true
	}
	return false
}

// Font is a font that shapes text: its HarfBuzz face and, for each glyph,
// the character its cmap draws it for.
type Font struct {
	face *font.Face
	upem float64
	// chars maps a glyph to the characters the font's cmap gives it,
	// smallest first.
	chars map[font.GID][]rune
	mu    sync.Mutex // guards shaper, and the face's caches
	// shaper keeps its shaping plans between calls (building one is most
	// of the cost of shaping a short line).
	shaper shaping.HarfbuzzShaper
}

var (
	loadMu sync.Mutex
	loaded = map[*byte]*Font{}
)

// Load parses a TrueType or OpenType font for shaping, once per font file
// (keyed by its bytes, which must not change).
func Load(ttf []byte) (*Font, error) {
	if len(ttf) == 0 {
		return nil, nil
	}
	loadMu.Lock()
	defer loadMu.Unlock()
	if f, ok := loaded[&ttf[0]]; ok {
		return f, nil
	}
	face, err := font.ParseTTF(bytes.NewReader(ttf))
	if err != nil {
		return nil, err
	}
	f := &Font{face: face, upem: float64(face.Upem()), chars: map[font.GID][]rune{}}
	it := face.Cmap.Iter()
	for it.Next() {
		r, g := it.Char()
		f.chars[g] = append(f.chars[g], r)
	}
	for _, rs := range f.chars {
		slices.Sort(rs)
	}
	loaded[&ttf[0]] = f
	return f, nil
}

// Has reports whether the font has a glyph for r.
func (f *Font) Has(r rune) bool {
	_, ok := f.face.Cmap.Lookup(r)
	return ok
}

// covers reports whether the font has every letter of rs (spaces,
// punctuation and marks may come from another face).
func (f *Font) covers(rs []rune) bool {
	for _, r := range rs {
		if isRTL(r) && !transparent(r) && !f.Has(r) {
			return false
		}
	}
	return true
}

// InRTLParagraph marks s to be ordered by Visual as a right-to-left
// paragraph rather than from its first strong letter (a leading
// RIGHT-TO-LEFT MARK, rule P2, which Visual drops once the text is
// ordered): in a right-to-left document "City of Springfield · الوضع
// المستقبلي · المسؤول:" starts at the right with the English name and ends
// at the left with the colon. A text with no right-to-left character is
// returned as it is and keeps its own direction.
func InRTLParagraph(s string) string {
	if !HasRTL(s) {
		return s
	}
	return "\u200f" + s
}

// Visual is s as drawn left to right: the bidi algorithm's runs in visual
// order, each right-to-left run shaped by the first of fonts that has its
// letters (mapped back to the characters the font draws the glyphs for),
// or by the presentation-form tables when none has, or when a glyph has
// no character. The paragraph's direction is its first strong
// character's. A text with no right-to-left character comes back as is.
func Visual(s string, fonts ...*Font) string {
	if !HasRTL(s) {
		return s
	}
	// Labels are measured many times (each wrap, each count): short
	// lines are remembered, per fonts.
	if len(s) > maxCached {
		return visual(s, fonts)
	}
	k := cacheKey{s: s}
	copy(k.fonts[:], fonts)
	if len(fonts) > len(k.fonts) {
		return visual(s, fonts)
	}
	cacheMu.Lock()
	v, ok := cache[k]
	cacheMu.Unlock()
	if ok {
		return v
	}
	v = visual(s, fonts)
	cacheMu.Lock()
	if len(cache) >= maxEntries {
		clear(cache) // bounded: a huge input cannot grow it without end
	}
	cache[k] = v
	cacheMu.Unlock()
	return v
}

const (
	maxCached  = 512  // bytes of a line worth remembering
	maxEntries = 4096 // lines remembered
)

type cacheKey struct {
	s     string
	fonts [3]*Font
}

var (
	cacheMu sync.Mutex
	cache   = map[cacheKey]string{}
)

func visual(s string, fonts []*Font) string {
	// Each paragraph (a line break ends one) is ordered on its own.
	if i := strings.IndexAny(s, "\n\r\u2029\u0085\x1c\x1d\x1e"); i >= 0 {
		_, n := utf8.DecodeRuneInString(s[i:])
		return visual(s[:i], fonts) + s[i:i+n] + visual(s[i+n:], fonts)
	}
	text := []rune(s)
	var p bidi.Paragraph
	segs := p.Segment(text, bidi.Neutral)
	type run struct {
		start, end int
		level      bidi.Level
		out        []rune
	}
	runs := make([]run, segs.NumRuns())
	for i := range runs {
		r := segs.Run(i)
		runs[i] = run{start: r.Start, end: r.End, level: r.Level}
		if r.IsLeftToRight() {
			runs[i].out = text[r.Start:r.End]
			continue
		}
		runs[i].out = shapeRTL(text, r.Start, r.End, fonts)
	}
	// Rule L2: from the highest level down to the lowest odd one, reverse
	// every stretch of runs at that level or higher.
	var top, lowOdd bidi.Level = 0, 127
	for _, r := range runs {
		top = max(top, r.level)
		if r.level%2 == 1 {
			lowOdd = min(lowOdd, r.level)
		}
	}
	for lvl := top; lvl >= lowOdd && lvl > 0; lvl-- {
		for i := 0; i < len(runs); {
			if runs[i].level < lvl {
				i++
				continue
			}
			j := i
			for j < len(runs) && runs[j].level >= lvl {
				j++
			}
			slices.Reverse(runs[i:j])
			i = j
		}
	}
	out := make([]rune, 0, len(text))
	for _, r := range runs {
		for _, c := range r.out {
			if !isControl(c) {
				out = append(out, c)
			}
		}
	}
	return string(out)
}

// isControl reports the bidi formatting characters, which have done their
// work once the text is in visual order and draw nothing (rule X9).
func isControl(r rune) bool {
	return r == 0x061C || r == 0x200E || r == 0x200F || r >= 0x202A && r <= 0x202E || r >= 0x2066 && r <= 0x2069
}

// shapeRTL shapes text[start:end], a right-to-left run, into visual order.
func shapeRTL(text []rune, start, end int, fonts []*Font) []rune {
	for _, f := range fonts {
		if f == nil || !f.covers(text[start:end]) {
			continue
		}
		if out, ok := f.shape(text, start, end); ok {
			return out
		}
	}
	return reverse(shapeArabic(text[start:end]))
}

// shape runs HarfBuzz on text[start:end] (the rest of text is context)
// and maps the glyphs, which come in visual order, back to characters:
// the cluster's own character when the glyph is its cmap glyph, else the
// smallest character the cmap gives the glyph (a presentation form). ok
// is false when a glyph has no character.
func (f *Font) shape(text []rune, start, end int) (out []rune, ok bool) {
	script := language.Arabic
	for _, r := range text[start:end] {
		if s := language.LookupScript(r); s.Strong() {
			script = s
			break
		}
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	res := f.shaper.Shape(shaping.Input{
		Text: text, RunStart: start, RunEnd: end,
		Direction: di.DirectionRTL, Face: f.face,
		Size:   fixed.I(int(f.upem)),
		Script: script,
	})
	out = make([]rune, 0, len(res.Glyphs))
	for _, g := range res.Glyphs {
		if g.RunesCount() == 1 && isControl(text[g.TextIndex()]) {
			continue // HarfBuzz draws it as an empty space glyph
		}
		if own := text[g.TextIndex()]; g.RunesCount() == 1 && g.GlyphsCount() == 1 {
			if id, has := f.face.Cmap.Lookup(own); has && id == g.GlyphID && mirrorOf(own) == own {
				out = append(out, own)
				continue
			}
		}
		rs := f.chars[g.GlyphID]
		if g.GlyphID == 0 || len(rs) == 0 {
			return nil, false
		}
		out = append(out, rs[0])
	}
	return out, true
}

// mirrorOf is r's mirror image (a bracket's partner), or r.
func mirrorOf(r rune) rune {
	if m, ok := mirror[r]; ok {
		return m
	}
	return r
}
