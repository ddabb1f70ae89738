package deck

import (
	"fmt"
	"strings"
	"sync"
	"unicode"

	"github.com/cxmap/cxmap/pkg/inputs"
	"github.com/cxmap/cxmap/pkg/textmetrics"
	"github.com/cxmap/cxmap/pkg/theme"
	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// brandFont is a theme's font: its files' bytes (the PDF embeds them), its
// family name (the PPTX names it) and advance widths, which measure and
// wrap every text of the deck, so text set in it fits its box.
type brandFont struct {
	Regular, Bold []byte
	Family        string
	Paths         [2]string // the regular and bold files, as the theme names them
	// pptx is the font as the PPTX names and embeds it (pptxfont.go),
	// read at first use; noEmbed says why it is not embedded ("": it is).
	pptxOnce sync.Once
	pptx     *pptxFont
	noEmbed  string
	faces    [2]*sfnt.Font
	upem     [2]float64
	cache    [2]map[rune]float64
}

func loadFont(f theme.Font) (*brandFont, error) {
	if f.Regular == "" {
		return nil, nil
	}
	bf := &brandFont{Paths: [2]string{f.Regular, f.Bold}}
	for i, path := range []string{f.Regular, f.Bold} {
		data, err := inputs.ReadFile(path, theme.MaxAsset)
		if err != nil {
			return nil, err
		}
		ft, err := sfnt.Parse(data)
		if err != nil {
			return nil, fmt.Errorf("%s: not a font cxmap can read: %v", path, err)
		}
		bf.faces[i], bf.upem[i], bf.cache[i] = ft, float64(ft.UnitsPerEm()), map[rune]float64{}
		if i == 0 {
			bf.Regular = data
			var buf sfnt.Buffer
			if name, err := ft.Name(&buf, sfnt.NameIDFamily); err == nil {
				bf.Family = name
			}
		} else {
			bf.Bold = data
		}
	}
	if bf.Family == "" {
		bf.Family = "Arial"
	}
	return bf, nil
}

// advance is r's width in em; a character the font lacks is measured in
// Liberation Sans (what the PDF falls back to).
func (bf *brandFont) advance(r rune, bold bool) float64 {
	i := 0
	if bold {
		i = 1
	}
	if w, ok := bf.cache[i][r]; ok {
		return w
	}
	var buf sfnt.Buffer
	f := bf.faces[i]
	w := -1.0
	if idx, err := f.GlyphIndex(&buf, r); err == nil && idx != 0 {
		if adv, err := f.GlyphAdvance(&buf, idx, fixed.Int26_6(bf.upem[i]*64), font.HintingNone); err == nil {
			w = float64(adv) / 64 / bf.upem[i]
		}
	}
	if w < 0 {
		w = textmetrics.Width(string(r), 1, bold)
	}
	bf.cache[i][r] = w
	return w
}

// has reports whether the font draws every character of s.
func (bf *brandFont) has(s string, bold bool) bool {
	i := 0
	if bold {
		i = 1
	}
	var buf sfnt.Buffer
	for _, r := range s {
		if idx, err := bf.faces[i].GlyphIndex(&buf, r); err != nil || idx == 0 {
			if !unicode.IsSpace(r) {
				return false
			}
		}
	}
	return true
}

func (bf *brandFont) width(s string, size float64, bold bool) float64 {
	em := 0.0
	for _, r := range s {
		em += bf.advance(r, bold)
	}
	return em * size
}

// width is the width of s at size px in the deck's font.
func (br *builder) width(s string, size float64, bold bool) float64 {
	if br.font == nil {
		return textWidth(s, size, bold)
	}
	return br.font.width(s, size, bold)
}

// wrap is wrap in the deck's font.
func (br *builder) wrap(s string, w, size float64, bold bool, maxLines int) []string {
	if br.font == nil {
		return wrap(s, w, size, bold, maxLines)
	}
	var lines []string
	for _, para := range strings.Split(s, "\n") {
		words := strings.Fields(para)
		cur := ""
		for _, word := range words {
			try := word
			if cur != "" {
				try = cur + " " + word
			}
			if br.font.width(try, size, bold) <= w || cur == "" && br.font.width(word, size, bold) <= w {
				cur = try
				continue
			}
			if cur != "" {
				lines = append(lines, cur)
			}
			// A word wider than the line is broken where it must be.
			for br.font.width(word, size, bold) > w {
				rs := []rune(word)
				n := len(rs) - 1
				for n > 1 && br.font.width(string(rs[:n]), size, bold) > w {
					n--
				}
				lines = append(lines, string(rs[:n]))
				word = string(rs[n:])
			}
			cur = word
		}
		lines = append(lines, cur)
	}
	if maxLines > 0 && len(lines) > maxLines {
		lines = lines[:maxLines]
		last := lines[maxLines-1]
		for last != "" && br.font.width(last+textmetrics.Ellipsis, size, bold) > w {
			if i := strings.LastIndexByte(strings.TrimRight(last, " "), ' '); i > 0 {
				last = last[:i]
			} else {
				rs := []rune(last)
				last = string(rs[:len(rs)-1])
			}
		}
		lines[maxLines-1] = strings.TrimRight(last, " ,;:-–—") + textmetrics.Ellipsis
	}
	return lines
}

// text is a text shape at (x, y), w wide, as tall as its wrapped lines.
func (br *builder) text(x, y, w float64, s string, size float64, bold bool, color string, maxLines int) Shape {
	if br.font == nil {
		return text(x, y, w, s, size, bold, color, maxLines)
	}
	lines := br.wrap(s, w, size, bold, maxLines)
	return Shape{Kind: ShapeText, Rect: Rect{x, y, w, float64(len(lines)) * lineH(size)}, Lines: lines, Size: size, Bold: bold, Color: color}
}
