package draw

import (
	"math"
	"strconv"
	"testing"

	"github.com/cxmap/cxmap/pkg/render/layout"
)

// contrast is the WCAG 2 contrast ratio of two #RRGGBB colours.
func contrast(a, b string) float64 {
	lum := func(h string) float64 {
		var c [3]float64
		for i := range c {
			v, _ := strconv.ParseUint(h[1+2*i:3+2*i], 16, 8)
			x := float64(v) / 255
			if x <= 0.03928 {
				c[i] = x / 12.92
			} else {
				c[i] = math.Pow((x+0.055)/1.055, 2.4)
			}
		}
		return 0.2126*c[0] + 0.7152*c[1] + 0.0722*c[2]
	}
	la, lb := lum(a), lum(b)
	return (math.Max(la, lb) + 0.05) / (math.Min(la, lb) + 0.05)
}

// Every badge word (ratings, "Not rated", critical, persona tags) and the
// line labels reach WCAG AA for small text, 4.5:1.
func TestBadgeContrast(t *testing.T) {
	if got := contrast("#8A94A3", "#FFFFFF"); math.Abs(got-3.07) > 0.01 {
		t.Fatalf("contrast check is off: old Not rated measures %.2f, want 3.07", got)
	}
	b := layout.DefaultBrand()
	pairs := map[string][2]string{"critical": {b.Critical, b.CriticalInk}, "persona tag": {b.TagFill, b.TagInk}}
	for name, r := range b.Ratings {
		pairs["rating "+strconv.Quote(name)] = [2]string{r.Fill, r.Ink}
	}
	for _, k := range []layout.LineKind{layout.LineInteraction, layout.LineVisibility, layout.LineInternal} {
		pairs["line "+string(k)] = [2]string{b.Background, lineStyleOf(&b, k).color}
	}
	for name, p := range pairs {
		if c := contrast(p[0], p[1]); c < 4.5 {
			t.Errorf("%s: %s on %s is %.2f:1, under 4.5:1", name, p[1], p[0], c)
		}
	}
}
