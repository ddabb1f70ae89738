package theme

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// RGB is a colour in 8-bit sRGB.
type RGB struct{ R, G, B uint8 }

// ParseHex reads "#RGB" or "#RRGGBB" (case does not matter).
func ParseHex(s string) (RGB, error) {
	h := strings.TrimPrefix(s, "#")
	if len(h) != len(s)-1 {
		return RGB{}, fmt.Errorf("colour %q must start with #, as in #1F3A5F", s)
	}
	if len(h) == 3 {
		h = string([]byte{h[0], h[0], h[1], h[1], h[2], h[2]})
	}
	if len(h) != 6 {
		return RGB{}, fmt.Errorf("colour %q must be #RGB or #RRGGBB", s)
	}
	v, err := strconv.ParseUint(h, 16, 32)
	if err != nil {
		return RGB{}, fmt.Errorf("colour %q is not hexadecimal: #RGB or #RRGGBB", s)
	}
	return RGB{uint8(v >> 16), uint8(v >> 8), uint8(v)}, nil
}

// Hex writes the colour as "#RRGGBB" in capitals, the form the outputs use.
func (c RGB) Hex() string { return fmt.Sprintf("#%02X%02X%02X", c.R, c.G, c.B) }

// linear is the WCAG 2 sRGB channel linearisation.
func linear(v uint8) float64 {
	c := float64(v) / 255
	if c <= 0.04045 {
		return c / 12.92
	}
	return math.Pow((c+0.055)/1.055, 2.4)
}

// Luminance is the WCAG 2 relative luminance, 0 (black) to 1 (white).
func (c RGB) Luminance() float64 {
	return 0.2126*linear(c.R) + 0.7152*linear(c.G) + 0.0722*linear(c.B)
}

// Contrast is the WCAG 2 contrast ratio of two colours, 1 to 21.
func Contrast(a, b RGB) float64 {
	la, lb := a.Luminance(), b.Luminance()
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// The WCAG AA minimums (success criterion 1.4.3).
const (
	AANormal = 4.5 // text under 18 pt (14 pt bold)
	AALarge  = 3.0 // large text, and graphics that carry meaning (1.4.11)
)

// hsl converts to hue (0-360), saturation and lightness (0-1).
func (c RGB) hsl() (h, s, l float64) {
	r, g, b := float64(c.R)/255, float64(c.G)/255, float64(c.B)/255
	mx, mn := math.Max(r, math.Max(g, b)), math.Min(r, math.Min(g, b))
	l = (mx + mn) / 2
	if mx == mn {
		return 0, 0, l
	}
	d := mx - mn
	if l > 0.5 {
		s = d / (2 - mx - mn)
	} else {
		s = d / (mx + mn)
	}
	switch mx {
	case r:
		h = (g - b) / d
		if g < b {
			h += 6
		}
	case g:
		h = (b-r)/d + 2
	default:
		h = (r-g)/d + 4
	}
	return h * 60, s, l
}

func fromHSL(h, s, l float64) RGB {
	if s == 0 {
		v := uint8(math.Round(l * 255))
		return RGB{v, v, v}
	}
	var q float64
	if l < 0.5 {
		q = l * (1 + s)
	} else {
		q = l + s - l*s
	}
	p := 2*l - q
	f := func(t float64) uint8 {
		t = math.Mod(t+1, 1)
		var v float64
		switch {
		case t < 1.0/6:
			v = p + (q-p)*6*t
		case t < 0.5:
			v = q
		case t < 2.0/3:
			v = p + (q-p)*(2.0/3-t)*6
		default:
			v = p
		}
		return uint8(math.Round(v * 255))
	}
	h /= 360
	return RGB{f(h + 1.0/3), f(h), f(h - 1.0/3)}
}

// Nearest returns the colour closest to c in lightness, keeping its hue and
// saturation, that reaches min contrast against bg: darker when bg is light,
// lighter when bg is dark (the other way when that cannot reach min). It
// returns c itself when c already passes, and ok=false when no lightness
// does (then black or white, whichever is better).
func Nearest(c, bg RGB, min float64) (RGB, bool) {
	if Contrast(c, bg) >= min {
		return c, true
	}
	h, s, l := c.hsl()
	darkFirst := bg.Luminance() > 0.18
	for _, dark := range []bool{darkFirst, !darkFirst} {
		// Lightness moves monotonically toward black or white; a binary
		// search finds the smallest move that passes.
		end := 1.0
		if dark {
			end = 0
		}
		if Contrast(fromHSL(h, s, end), bg) < min {
			continue
		}
		lo, hi := 0.0, 1.0 // fraction of the way from l to end
		for i := 0; i < 30; i++ {
			mid := (lo + hi) / 2
			if Contrast(fromHSL(h, s, l+(end-l)*mid), bg) >= min {
				hi = mid
			} else {
				lo = mid
			}
		}
		out := fromHSL(h, s, l+(end-l)*hi)
		// Rounding to 8 bits can fall just short; step on until it passes.
		for Contrast(out, bg) < min && hi < 1 {
			hi = math.Min(1, hi+0.002)
			out = fromHSL(h, s, l+(end-l)*hi)
		}
		return out, true
	}
	black, white := RGB{}, RGB{255, 255, 255}
	if Contrast(black, bg) >= Contrast(white, bg) {
		return black, false
	}
	return white, false
}
