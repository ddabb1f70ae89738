package raster

import "testing"

func TestVisual(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"plain text", "plain text"},
		// باب: beh initial, alef final, beh isolated; drawn right to left.
		{"باب", "\uFE8F\uFE8E\uFE91"},
		// لا is one ligature.
		{"لا", "\uFEFB"},
		// A right-to-left line: the English run keeps its order, after it.
		{"باب ok", "ok \uFE8F\uFE8E\uFE91"},
		// A left-to-right line with an Arabic word inside.
		{"see باب now", "see \uFE8F\uFE8E\uFE91 now"},
		// Digits keep their order inside Arabic.
		{"باب 12", "12 \uFE8F\uFE8E\uFE91"},
		// Hebrew is reversed, unshaped.
		{"שלום", "םולש"},
		// Brackets mirror in a right-to-left run.
		{"(باب)", "(\uFE8F\uFE8E\uFE91)"},
	} {
		if got := visual(tt.in); got != tt.want {
			t.Errorf("visual(%q) = %q (%U), want %q", tt.in, got, []rune(got), tt.want)
		}
	}
}
