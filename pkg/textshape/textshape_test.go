package textshape

import (
	"os"
	"strings"
	"testing"

	"github.com/go-fonts/dejavu/dejavusans"
	"github.com/go-fonts/liberation/liberationsansregular"
	"github.com/go-text/typesetting/font"
)

func load(t *testing.T, ttf []byte) *Font {
	t.Helper()
	f, err := Load(ttf)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func noto(t *testing.T) *Font {
	t.Helper()
	data, err := os.ReadFile("testdata/NotoSansArabic-Regular.ttf")
	if err != nil {
		t.Fatal(err)
	}
	return load(t, data)
}

// The expected strings are in visual order, left to right, as drawn.
func TestVisual(t *testing.T) {
	dejavu := load(t, dejavusans.TTF)
	for _, tt := range []struct{ name, in, want string }{
		{"latin", "plain text", "plain text"},
		{"latin with marks", "Café – ✓ 3/9", "Café – ✓ 3/9"},
		// باب: beh initial, alef final, beh isolated; drawn right to left.
		{"arabic word", "باب", "\u0628\uFE8E\uFE91"},
		// لا is one ligature.
		{"lam-alef", "لا", "\uFEFB"},
		{"lam-alef final", "سلام", "\u0645\uFEFC\uFEB3"},
		// خطوة 3 من 9: the digits keep their order, the runs reverse; teh
		// marbuta after waw (which joins only to the right) stays isolated.
		{"step n of m", "خطوة 3 من 9", "9 \uFEE6\uFEE3 3 \u0629\uFEEE\uFEC4\uFEA7"},
		// A right-to-left line: the English run keeps its order, before it.
		{"arabic then latin", "باب ok", "ok \u0628\uFE8E\uFE91"},
		// A left-to-right line with an Arabic word inside.
		{"latin around arabic", "see باب now", "see \u0628\uFE8E\uFE91 now"},
		{"latin name in arabic", "اتصل بـ Anna اليوم", "\u0645\uFEEE\uFEF4\uFEDF\u0627 Anna \u0640\uFE91 \uFEDE\uFEBC\uFE97\u0627"},
		{"arabic digits", "باب ١٢", "١٢ \u0628\uFE8E\uFE91"},
		// Brackets mirror in a right-to-left run.
		{"brackets", "(باب)", "(\u0628\uFE8E\uFE91)"},
		// Hebrew needs no joining: reversed.
		{"hebrew", "שלום", "םולש"},
		{"hebrew and digits", "שלב 3 מתוך 9", "9 ךותמ 3 בלש"},
		// A right-to-left override reverses Latin too (what a browser
		// shows); the formatting characters themselves are not drawn.
		{"override", "a \u202Egnp.exe\u202C b", "a exe.png b"},
		// A right-to-left mark first makes the line right to left.
		{"marks", "\u200Fabc \u200Fباب", "\u0628\uFE8E\uFE91 abc"},
		// Each paragraph is ordered on its own.
		{"two paragraphs", "باب\nok باب", "\u0628\uFE8E\uFE91\nok \u0628\uFE8E\uFE91"},
		{"arabic sentence then latin", "مرحبا. Hello", "Hello .\uFE8E\uFE92\uFEA3\uFEAE\uFEE3"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := Visual(tt.in, dejavu); got != tt.want {
				t.Errorf("Visual(%q) = %q\n%U\nwant %q\n%U", tt.in, got, []rune(got), tt.want, []rune(tt.want))
			}
		})
	}
}

// Noto Sans Arabic shapes the same words to the same forms, and the
// tables (no font) agree where they can.
func TestVisualFonts(t *testing.T) {
	n := noto(t)
	for _, in := range []string{"باب", "سلام", "خطوة 3 من 9", "مرحبا بالعالم", "لا إله"} {
		want := Visual(in, load(t, dejavusans.TTF))
		if got := Visual(in, n); got != want {
			t.Errorf("Noto: Visual(%q) = %U, DejaVu gave %U", in, []rune(got), []rune(want))
		}
		if got := Visual(in); got != want {
			t.Errorf("tables: Visual(%q) = %U, DejaVu gave %U", in, []rune(got), []rune(want))
		}
	}
	// A font without Arabic leaves the run to the next font.
	if got, want := Visual("باب", load(t, liberationsansregular.TTF), n), "\u0628\uFE8E\uFE91"; got != want {
		t.Errorf("fallback font: %U, want %U", []rune(got), []rune(want))
	}
}

// Text with no right-to-left character is returned as it came.
func TestFastPath(t *testing.T) {
	for _, s := range []string{"", "Checkout", "Zahlung fehlgeschlagen – 3 €", "支付失败", "✓ ok", "naïve \xff bytes"} {
		if HasRTL(s) {
			t.Errorf("HasRTL(%q) = true", s)
		}
		if got := Visual(s); got != s {
			t.Errorf("Visual(%q) = %q", s, got)
		}
	}
	for _, s := range []string{"باب", "שלום", "a \u200F b"} {
		if !HasRTL(s) {
			t.Errorf("HasRTL(%q) = false", s)
		}
	}
}

// A glyph the font gives no character (a joined form reached only through
// its GSUB) sends the run to the presentation-form tables.
func TestVisualGlyphWithoutCharacter(t *testing.T) {
	n := noto(t)
	bare := &Font{face: n.face, upem: n.upem, chars: map[font.GID][]rune{}}
	if _, ok := bare.shape([]rune("باب"), 0, 3); ok {
		t.Fatal("shape mapped glyphs the font gives no character")
	}
	if got, want := Visual("باب سلام", bare), Visual("باب سلام"); got != want {
		t.Errorf("Visual = %U, the tables give %U", []rune(got), []rune(want))
	}
}

// TestInRTLParagraph: a line with right-to-left text is ordered right to
// left as a whole (its colon at the left end, the English name at the
// right); one without keeps its own direction.
func TestInRTLParagraph(t *testing.T) {
	mixed := "Acme · المسؤول:"
	if got, plain := Visual(InRTLParagraph(mixed)), Visual(mixed); got == plain || !strings.HasPrefix(got, ":") || !strings.HasSuffix(got, "Acme") {
		t.Errorf("InRTLParagraph(%q) drawn %q (first-strong order %q), want the colon first and Acme last", mixed, got, plain)
	}
	if got := InRTLParagraph("Plain English."); got != "Plain English." {
		t.Errorf("left-to-right text changed: %q", got)
	}
}
