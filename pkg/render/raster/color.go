package raster

import (
	"image/color"
	"math"
	"strconv"
	"strings"

	"github.com/cxmap/cxmap/pkg/theme"
)

// Graphviz writes resolved colours into xdot as #rrggbb or #rrggbbaa, so
// names are rare here; the table covers the ones its own defaults use and
// the basic X11 names a DOT writer is likely to pass through.
var namedColors = map[string]color.NRGBA{
	"black":       {0, 0, 0, 255},
	"white":       {255, 255, 255, 255},
	"transparent": {255, 255, 254, 0},
	"none":        {0, 0, 0, 0},
	"invis":       {0, 0, 0, 0},
	"red":         {255, 0, 0, 255},
	"green":       {0, 255, 0, 255},
	"blue":        {0, 0, 255, 255},
	"yellow":      {255, 255, 0, 255},
	"orange":      {255, 165, 0, 255},
	"gray":        {192, 192, 192, 255},
	"grey":        {192, 192, 192, 255},
	"lightgray":   {211, 211, 211, 255},
	"lightgrey":   {211, 211, 211, 255},
	"darkgray":    {169, 169, 169, 255},
	"darkgrey":    {169, 169, 169, 255},
	"lightblue":   {173, 216, 230, 255},
	"navy":        {0, 0, 128, 255},
	"purple":      {160, 32, 240, 255},
	"brown":       {165, 42, 42, 255},
	"pink":        {255, 192, 203, 255},
	"cyan":        {0, 255, 255, 255},
	"magenta":     {255, 0, 255, 255},
}

// parseColor reads an xdot colour. Unknown names become black, as in
// Graphviz (which warns and uses black).
func parseColor(s string) color.NRGBA {
	s = strings.TrimSpace(strings.ToLower(s))
	if i := strings.LastIndexByte(s, '/'); i >= 0 { // "/x11/red"
		s = s[i+1:]
	}
	if strings.HasPrefix(s, "#") {
		if c, ok := parseHex(s[1:]); ok {
			return c
		}
		return color.NRGBA{A: 255}
	}
	if c, ok := namedColors[s]; ok {
		return c
	}
	if c, ok := parseHSV(s); ok {
		return c
	}
	return color.NRGBA{A: 255}
}

// parseHex reads xdot's rrggbb or rrggbbaa (after the "#"): the colour by
// theme.ParseHex, the one colour parser of cxmap, and the alpha here.
func parseHex(h string) (color.NRGBA, bool) {
	a := uint64(255)
	if len(h) == 8 {
		v, err := strconv.ParseUint(h[6:], 16, 8)
		if err != nil {
			return color.NRGBA{}, false
		}
		a, h = v, h[:6]
	}
	if len(h) != 6 {
		return color.NRGBA{}, false
	}
	c, err := theme.ParseHex("#" + h)
	if err != nil {
		return color.NRGBA{}, false
	}
	return color.NRGBA{c.R, c.G, c.B, uint8(a)}, true
}

// parseHSV reads Graphviz's "H,S,V" or "H S V" form, each in [0,1].
func parseHSV(s string) (color.NRGBA, bool) {
	f := strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' })
	if len(f) != 3 {
		return color.NRGBA{}, false
	}
	var v [3]float64
	for i, t := range f {
		x, err := strconv.ParseFloat(t, 64)
		if err != nil || !finite(x) {
			return color.NRGBA{}, false
		}
		v[i] = math.Min(math.Max(x, 0), 1)
	}
	h, sat, val := v[0]*6, v[1], v[2]
	i := math.Floor(h)
	fr := h - i
	p, q, t := val*(1-sat), val*(1-sat*fr), val*(1-sat*(1-fr))
	var r, g, b float64
	switch int(i) % 6 {
	case 0:
		r, g, b = val, t, p
	case 1:
		r, g, b = q, val, p
	case 2:
		r, g, b = p, val, t
	case 3:
		r, g, b = p, q, val
	case 4:
		r, g, b = t, p, val
	default:
		r, g, b = val, p, q
	}
	c8 := func(x float64) uint8 { return uint8(math.Round(x * 255)) }
	return color.NRGBA{c8(r), c8(g), c8(b), 255}, true
}
