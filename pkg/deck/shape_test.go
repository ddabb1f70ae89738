package deck

import (
	"strings"
	"testing"

	"github.com/cxmap/cxmap/pkg/theme"
)

// The deck's PDF draws Arabic joined and right to left, in the faces the
// pictures use and in a theme's font that has Arabic: the page holds the
// journey's title shaped, in visual order (the presentation forms a
// reader extracts), never its letters in logical order.
func TestPDFArabicShaped(t *testing.T) {
	j := loadFile(t, "../../testdata/rtl/arabic.yaml")
	th, err := theme.Load("../../testdata/rtl/arabic-theme.yaml")
	if err != nil {
		t.Fatal(err)
	}
	// مطالبة تأمين, as drawn: each word reversed and joined (meem
	// initial, tah medial, alef final, lam initial, beh medial, teh
	// marbuta final), the second word left of the first.
	const (
		first  = "\uFE94\uFE92\uFEDF\uFE8E\uFEC4\uFEE3"
		second = "\uFEE6\uFEF4\uFEE3\uFE84\uFE97"
	)
	for _, tc := range []struct {
		name string
		th   *theme.Theme
	}{{"default", nil}, {"arabic font", th}} {
		t.Run(tc.name, func(t *testing.T) {
			d, err := Build(j, Options{Theme: tc.th})
			if err != nil {
				t.Fatal(err)
			}
			text, _ := pdfPages(t, d)
			a, b := strings.Index(text, first), strings.Index(text, second)
			if a < 0 || b < 0 || b > a {
				t.Errorf("the title is not shaped in visual order in the PDF (at %d, %d); page text:\n%.400s", a, b, text)
			}
			if strings.Contains(text, "مطالبة") {
				t.Error("the title is written in logical order, unshaped")
			}
		})
	}
}
