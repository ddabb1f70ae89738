package textmetrics

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

func TestWidthMatchesArial(t *testing.T) {
	// Arial advance widths per 1000 em: H 722, e 556, l 222, o 556; bold H 722, e 556, l 278, o 611.
	tests := []struct {
		s    string
		bold bool
		want float64
	}{
		{"Hello", false, (722 + 556 + 222 + 222 + 556) / 100.0},
		{"Hello", true, (722 + 556 + 278 + 278 + 611) / 100.0},
		{"", false, 0},
	}
	for _, tt := range tests {
		if got := Width(tt.s, 10, tt.bold); math.Abs(got-tt.want) > 0.05 {
			t.Errorf("Width(%q, bold=%v) = %.2f, want %.2f", tt.s, tt.bold, got, tt.want)
		}
	}
}

func TestWrap(t *testing.T) {
	tests := []struct {
		name      string
		text      string
		width     float64
		maxLines  int
		want      []string
		truncated bool
	}{
		{"fits", "Looks up rules", 200, 3, []string{"Looks up rules"}, false},
		{"breaks at spaces", "Looks up which permits apply", 80, 5, []string{"Looks up which", "permits apply"}, false},
		{"collapses white space", "a  b\n\tc", 200, 3, []string{"a b c"}, false},
		{"hard-breaks a long word", "Supercalifragilisticexpialidocious", 60, 5, []string{"Supercalifrag", "ilisticexpialid", "ocious"}, false},
		{"ellipsis", "one two three four five six seven eight", 40, 2, []string{"one two", "three…"}, true},
		{"CJK breaks anywhere", "申請書を提出する", 45, 5, []string{"申請書を", "提出する"}, false},
		{"empty", "   ", 100, 3, nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, tr := Wrap(tt.text, tt.width, 10, false, tt.maxLines)
			if strings.Join(got, "|") != strings.Join(tt.want, "|") || tr != tt.truncated {
				t.Errorf("Wrap(%q) = %q (truncated %v), want %q (%v)", tt.text, got, tr, tt.want, tt.truncated)
			}
			for _, l := range got {
				if w := Width(l, 10, false); w > tt.width {
					t.Errorf("line %q is %.1f pt wide, over %.1f", l, w, tt.width)
				}
			}
		})
	}
}

func TestWrapNeverOverflows(t *testing.T) {
	texts := []string{
		"Checks the request and updates the case with everything the customer sent",
		"WWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWW",
		"Ça coûte 35 € — déjà payé? 顧客は申請書を提出します 🙂🙂🙂",
	}
	for _, s := range texts {
		for _, w := range []float64{20, 50, 120} {
			for _, bold := range []bool{false, true} {
				lines, _ := Wrap(s, w, 9, bold, 3)
				if len(lines) > 3 {
					t.Errorf("Wrap(%q, %v) gave %d lines, max 3", s, w, len(lines))
				}
				for _, l := range lines {
					if lw := Width(l, 9, bold); lw > w {
						t.Errorf("Wrap(%q, %v): line %q is %.1f pt wide", s, w, l, lw)
					}
				}
			}
		}
	}
}

// TestCountAgreesWithWrap: Count breaks lines exactly as Wrap does, for
// short, long, spaced, CJK, emoji, combining and invalid text, bold or not.
func TestCountAgreesWithWrap(t *testing.T) {
	texts := []string{
		"", "   ", "Books", "Waits for the letter that confirms the appointment",
		strings.Repeat("Waits for the letter that confirms the appointment ", 6),
		strings.Repeat("W", 200), strings.Repeat("@m", 40) + " x",
		"申請書を提出して、確認の手紙を待つ。" + strings.Repeat("書類", 30),
		"Calls 📞 the line 😀😀😀 and waits " + strings.Repeat("🙂", 40),
		"e\u0301e\u0301 " + strings.Repeat("é", 80), "bad \xff\xfe bytes " + strings.Repeat("\xff", 60),
		"line\nbreaks\r\n\tand\u00a0spaces   " + strings.Repeat("word ", 50),
		"Supercalifragilisticexpialidocious-and-more-hyphenated-words-without-spaces-at-all-anywhere-here",
	}
	for _, text := range texts {
		for _, bold := range []bool{false, true} {
			for _, c := range []struct {
				w, size float64
				lines   int
			}{{136, 10, 5}, {136, 9, 4}, {120, 9, 3}, {136, 8, 4}, {40, 10, 2}, {136, 10, 0}} {
				lines, cut := Wrap(text, c.w, c.size, bold, c.lines)
				n := Count(text, c.w, c.size, bold, c.lines)
				if cut != (c.lines > 0 && n > c.lines) || (!cut && n != len(lines)) {
					t.Errorf("%q bold=%v %+v: Wrap %d lines cut=%v, Count %d", text, bold, c, len(lines), cut, n)
				}
			}
		}
	}
}

// TestCountAgreesWithWrapRandom compares the two on random texts (fixed
// seed): words of mixed scripts and lengths around the line width.
func TestCountAgreesWithWrapRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []string{"a", "W", "m", "i", "@", " ", " ", "  ", "\n", "é", "書", "😀", "\u0301", "-", "\xff"}
	for i := range 3000 {
		var b strings.Builder
		for range rng.IntN(120) {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		text := b.String()
		bold := i%2 == 0
		w := 20 + rng.Float64()*140
		maxLines := rng.IntN(6)
		lines, cut := Wrap(text, w, 9, bold, maxLines)
		n := Count(text, w, 9, bold, maxLines)
		if cut != (maxLines > 0 && n > maxLines) || (!cut && n != len(lines)) {
			t.Fatalf("%q bold=%v w=%g lines=%d: Wrap %d cut=%v, Count %d", text, bold, w, maxLines, len(lines), cut, n)
		}
	}
}
