package render

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/cxmap/cxmap/pkg/journey"
	"github.com/cxmap/cxmap/pkg/theme"
	"golang.org/x/text/unicode/norm"
)

// drawArabic draws testdata/render/arabic.yaml as PNG and PDF, in the
// theme at themePath ("" for none), and returns the files by extension.
func drawArabic(t *testing.T, themePath string) map[string][]byte {
	t.Helper()
	data, err := os.ReadFile("../../testdata/rtl/arabic.yaml")
	if err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	o, stderr := options(t, out, "png", "pdf")
	o.Quiet = true
	o.Rows = []string{"pains"}
	if themePath != "" {
		if o.Theme, err = theme.Load(themePath); err != nil {
			t.Fatal(err)
		}
	}
	res, err := Run(context.Background(), []*journey.Journey{parse(t, "arabic.yaml", data)}, []string{"arabic.yaml"}, false, o)
	if err != nil || res.Failed || res.Invalid {
		t.Fatalf("%v %+v: %s", err, res, stderr)
	}
	return outputs(t, out)
}

// The Arabic of a PDF can be copied out: pdftotext gives the journey's
// words back (in presentation forms, which NFKC folds to the letters;
// poppler puts right-to-left lines back in logical order).
func TestPDFArabicExtractable(t *testing.T) {
	for _, tc := range []struct{ name, theme string }{
		{"default", ""},
		{"arabic font", "../../testdata/rtl/arabic-theme.yaml"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			// Not -raw: poppler's reading order puts right-to-left
			// lines back in logical order, as a reader copies them.
			text, ok := pdftotext(t, drawArabic(t, tc.theme)[".pdf"])
			if !ok {
				t.Skip("pdftotext is not installed")
			}
			text = strings.Map(func(r rune) rune {
				if r >= 0x202A && r <= 0x202E { // poppler's embedding marks
					return -1
				}
				return r
			}, norm.NFKC.String(text))
			for _, want := range []string{
				"مطالبة تأمين المنزل بسبب تسرب المياه",
				"يتصل بخط المطالبات",
				"الإبلاغ عن الضرر",
				"لا أحد يتصل خلال يومين",
				// Digits inside Arabic come out of poppler's reordering
				// misplaced ("صور9  من3 الرفع يفشل عند"): the words only.
				"الرفع يفشل عند",
				"يسجّل الموظف المطالبة",
			} {
				if !strings.Contains(text, want) {
					t.Errorf("PDF text lacks %q:\n%s", want, text)
				}
			}
		})
	}
}
