package textmetrics

import (
	"math"
	"strings"
	"testing"

	"github.com/cxmap/cxmap/pkg/textshape"
	"github.com/go-fonts/dejavu/dejavusans"
)

// Arabic is measured as drawn: shaped, in DejaVu Sans (the face PNG and
// PDF draw it with). The measure is at least the drawn width, so a box
// sized by it holds the text.
func TestWidthShapedRTL(t *testing.T) {
	dv, err := textshape.Load(dejavusans.TTF)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"باب", "خطوة 3 من 9", "مرحبا بالعالم", "الدفع فشل عند السداد", "اتصل بـ Anna اليوم", "שלום עולם"} {
		drawn := 0.0
		for _, r := range textshape.Visual(s, dv) {
			if r < 0x80 || r >= 0x0590 && r < 0x0600 {
				drawn += Width(string(r), 10, false) // Liberation draws these
				continue
			}
			drawn += rtlFallback.advance(r) * 10
		}
		got := Width(s, 10, false)
		if shaped := std.shapedEm(s, false) * 10; math.Abs(shaped-drawn) > 0.01 {
			t.Errorf("shaped width of %q = %.1f, drawn %.1f wide", s, shaped, drawn)
		}
		// The measure holds both the drawn words and Graphviz's measure
		// of Arabic (each byte of a letter a space, 0.556 em a letter;
		// Hebrew is measured in Liberation Sans, as before).
		gv := graphvizEm(s) * 10
		if strings.ContainsRune(s, 'ש') {
			gv = 0
		}
		if got < drawn-0.01 || got < gv-0.01 {
			t.Errorf("Width(%q) = %.1f, drawn %.1f wide, Graphviz measures %.1f", s, got, drawn, gv)
		}
		t.Logf("%q: measured %.1f, drawn %.1f", s, got, drawn)
	}
	// Count and Wrap agree on Arabic too.
	s := "الدفع فشل عند السداد ولم يصل أي تأكيد إلى العميل"
	lines, _ := Wrap(s, 80, 10, false, 0)
	if n := Count(s, 80, 10, false, 0); n != len(lines) {
		t.Errorf("Count = %d, Wrap gave %d lines", n, len(lines))
	}
	for _, l := range lines {
		if w := Width(l, 10, false); w > 80 {
			t.Errorf("line %q is %.1f wide, over 80", l, w)
		}
	}
}

// graphvizEm is Graphviz's estimate of s in Arial, in em: ASCII from the
// font, any other byte as a space.
func graphvizEm(s string) float64 {
	em := 0.0
	for i := 0; i < len(s); i++ {
		if s[i] < 0x80 {
			em += Width(s[i:i+1], 1, false)
		} else {
			em += Width(" ", 1, false)
		}
	}
	return em
}

// A word whose joined forms are wider than 0.6 em a letter measures its
// drawn width (before, each letter counted 0.6 em and the word overflowed).
func TestWidthWideArabic(t *testing.T) {
	s := "سسس ششش صصص"
	logical := std.em(s, false) * 10
	drawn := std.shapedEm(s, false) * 10
	if drawn <= logical {
		t.Fatalf("test text is not wider shaped: %.1f <= %.1f", drawn, logical)
	}
	if got := Width(s, 10, false); got != drawn {
		t.Errorf("Width = %.1f, want the drawn %.1f (letters alone: %.1f)", got, drawn, logical)
	}
}

// Drawn places a line: the drawn width of Arabic (joined, narrower than
// the measure that fits it), Width's for left-to-right text.
func TestDrawn(t *testing.T) {
	for _, s := range []string{"Checkout", "مرحبا بالعالم", "خطوة 3 من 9"} {
		w, d := Width(s, 10, false), Drawn(s, 10, false)
		switch {
		case !textshape.HasRTL(s) && d != w:
			t.Errorf("Drawn(%q) = %.2f, Width %.2f", s, d, w)
		case textshape.HasRTL(s) && math.Abs(d-std.shapedEm(s, false)*10) > 1e-9:
			t.Errorf("Drawn(%q) = %.2f, drawn %.2f", s, d, std.shapedEm(s, false)*10)
		case d > w:
			t.Errorf("Drawn(%q) = %.2f is over Width %.2f", s, d, w)
		}
	}
}
