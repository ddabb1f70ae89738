package deck

import (
	"bytes"
	"errors"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/cxmap/cxmap/internal/brandtest"
	"github.com/cxmap/cxmap/internal/golden"
	"github.com/cxmap/cxmap/pkg/render/layout"
	"github.com/cxmap/cxmap/pkg/theme"
	rscpdf "rsc.io/pdf"
)

// themedDeck is the building-permit future state against its baseline in
// a theme and a language.
func themedDeck(t *testing.T, th, tag string) *Deck {
	t.Helper()
	j := loadFile(t, "../../examples/building-permit/future.yaml")
	base := loadFile(t, "../../examples/building-permit/current.yaml")
	o := Options{Baseline: base}
	if th != "" {
		o.Theme = brandtest.Theme(t, th)
	}
	if tag != "" {
		o.Locale = brandtest.Locale(t, tag)
	}
	d, err := Build(j, o)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// pdfPages is the text of every page of a deck's PDF.
func pdfPages(t *testing.T, d *Deck) (string, []byte) {
	t.Helper()
	var out bytes.Buffer
	if err := PDF(&out, d); err != nil {
		t.Fatal(err)
	}
	r, err := rscpdf.NewReader(bytes.NewReader(out.Bytes()), int64(out.Len()))
	if err != nil {
		t.Fatalf("PDF does not parse: %v", err)
	}
	var all strings.Builder
	for i := 1; i <= r.NumPage(); i++ {
		all.WriteString(pdfText(t, r.Page(i)))
		all.WriteString("\n")
	}
	return all.String(), out.Bytes()
}

// TestFrenchDeckHasNoEnglish: the text of a French deck's PDF, and of an
// Arabic or Hebrew deck's PDF and PPTX, holds none of the deck's fixed English words
// (issue 21). Every message of the deck catalogue, and of the shared
// catalogue, whose translation differs is cut at its placeholders into
// fragments; a fragment of two words or more must not appear (single words
// could be the journey's own English text, which is never translated).
//
// Arabic and Hebrew are looked for in the PPTX's text: a PDF draws it in glyphs whose
// extracted text need not be the characters written (shaped forms).
func TestFrenchDeckHasNoEnglish(t *testing.T) {
	for _, c := range []struct {
		tag, theme string
		want       []string
	}{
		{"fr", "riverside.yaml", []string{"Synthèse", "Points de douleur"}},
		{"ar", "", []string{"الملخص التنفيذي", "مواطن الألم", "مؤشرات الأداء مقارنةً بالمستهدف"}},
		{"he", "", []string{"תקציר מנהלים", "איפה כואב", "מדדי ביצוע מול היעד"}},
	} {
		t.Run(c.tag, func(t *testing.T) {
			d := themedDeck(t, c.theme, c.tag)
			text, _ := pdfPages(t, d)
			shown := text
			if c.tag == "ar" || c.tag == "he" {
				shown = slidesText(t, d)
				text += shown
			}
			for _, w := range c.want {
				if !strings.Contains(shown, w) {
					t.Fatalf("the %s deck lacks %q:\n%.600s", c.tag, w, shown)
				}
			}
			for _, f := range englishIn(t, text, c.tag) {
				t.Errorf("the %s deck shows the English %q", c.tag, f)
			}
		})
	}
}

// slidesText is the text of every slide of a deck's PPTX, a line a run.
func slidesText(t *testing.T, d *Deck) string {
	t.Helper()
	var b bytes.Buffer
	if err := PPTX(&b, d); err != nil {
		t.Fatal(err)
	}
	run := regexp.MustCompile(`<a:t>([^<]*)</a:t>`)
	var out strings.Builder
	for name, x := range unzipped(t, b.Bytes()) {
		if strings.HasPrefix(name, "ppt/slides/slide") {
			for _, m := range run.FindAllSubmatch(x, -1) {
				out.Write(m[1])
				out.WriteString("\n")
			}
		}
	}
	return html.UnescapeString(out.String())
}

// englishIn are the fixed English fragments of the deck that text shows
// and lang's catalogue translates (not the journey's own words).
func englishIn(t *testing.T, text, lang string) []string {
	t.Helper()
	// The journeys' own words are never translated: a fragment they hold
	// ("from the start" in a touchpoint) is not a fixed word shown.
	var own strings.Builder
	for _, f := range []string{"future.yaml", "current.yaml"} {
		b, err := os.ReadFile(filepath.Join("..", "..", "examples", "building-permit", f))
		if err != nil {
			t.Fatal(err)
		}
		own.Write(b)
	}
	placeholder := regexp.MustCompile(`\{[xyzn]\}`)
	var found []string
	for _, area := range []string{"deck", "common"} {
		en, tr := brandtest.Catalogue(t, area, "en"), brandtest.Catalogue(t, area, lang)
		for id, v := range en {
			enText, ok := v.(string)
			if !ok {
				continue // plural forms: their "other" is checked through the id
			}
			if fv, _ := tr[id].(string); fv == enText {
				continue // the same in both languages
			}
			for _, frag := range placeholder.Split(enText, -1) {
				frag = strings.Trim(frag, " .,:;()·–—")
				if strings.Count(frag, " ") < 1 || len(frag) < 8 {
					continue
				}
				if strings.Contains(text, frag) && !strings.Contains(own.String(), frag) {
					found = append(found, frag)
				}
			}
		}
	}
	sort.Strings(found)
	return found
}

// TestThemedDeck: a theme reaches the PDF (its font embedded, its footer
// and classification label on every page, its logo) and the PPTX (theme
// part, master, layouts); its colour pairs that carry words keep WCAG AA.
func TestThemedDeck(t *testing.T) {
	d := themedDeck(t, "night.yaml", "de")
	text, pdf := pdfPages(t, d)
	if n := strings.Count(text, "Service design review"); n != len(d.Slides) {
		t.Errorf("footer on %d of %d pages", n, len(d.Slides))
	}
	if !strings.Contains(text, "Zusammenfassung") && !strings.Contains(text, "Executive") {
		t.Logf("no German title found (catalogue wording?)")
	}
	if pdffonts, err := exec.LookPath("pdffonts"); err != nil {
		t.Log("pdffonts (Debian poppler-utils) is not installed: the embedded font is checked in the PDF's bytes only")
	} else {
		f := filepath.Join(t.TempDir(), "d.pdf")
		if err := os.WriteFile(f, pdf, 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command(pdffonts, f).CombinedOutput()
		if err != nil {
			t.Fatalf("pdffonts: %v\n%s", err, out)
		}
		for _, name := range []string{"GoRegular", "Go-Bold"} {
			if !regexp.MustCompile(`(?m)^[A-Z]{6}\+` + name + `\s+CID TrueType\s+Identity-H\s+yes`).Match(out) {
				t.Errorf("the theme's font is not embedded as %s:\n%s", name, out)
			}
		}
		if bytes.Contains(out, []byte("brand")) {
			t.Errorf("the theme's font is named after fpdf's family, not itself:\n%s", out)
		}
	}
	if !bytes.Contains(pdf, []byte("/FontFile2")) {
		t.Error("no embedded TrueType font in the PDF")
	}
	parts := pptxParts(t, d)
	th := string(parts["ppt/theme/theme1.xml"])
	for _, want := range []string{`<a:dk1><a:srgbClr val="E5E7EB"/>`, `<a:lt1><a:srgbClr val="111827"/>`, `<a:dk2><a:srgbClr val="7DD3FC"/>`, `<a:latin typeface="Go" panose=`} {
		if !strings.Contains(th, want) {
			t.Errorf("theme1.xml lacks %s", want)
		}
	}
	master := string(parts["ppt/slideMasters/slideMaster1.xml"])
	for _, want := range []string{`<p:ph type="title"/>`, `<p:ph type="body" idx="1"/>`, "Service design review", `lang="de"`, `<a:schemeClr val="bg1"/>`} {
		if !strings.Contains(master, want) {
			t.Errorf("slideMaster1.xml lacks %s", want)
		}
	}
	for i := 1; i <= 3; i++ {
		if _, ok := parts["ppt/slideLayouts/slideLayout"+itoa(i)+".xml"]; !ok {
			t.Errorf("no slideLayout%d.xml", i)
		}
	}
	if strings.Contains(string(parts["ppt/slides/slide2.xml"]), "Service design review") {
		t.Error("the footer is on the slide as well as on the master")
	}
	// Colours that carry words keep AA contrast.
	p := d.pal
	pairs := [][3]string{{"ink on background", p.ink, p.bg}, {"muted on background", p.muted, p.bg}, {"muted on panels", p.muted, p.headFill}, {"words on bands", p.onBand, p.bandFill}, {"ink on panels", p.ink, p.headFill}}
	for r, s := range p.rating {
		pairs = append(pairs, [3]string{"rating " + r, s[1], s[0]}, [3]string{"ink on tint " + r, p.ink, s[2]})
	}
	for _, q := range p.quads {
		pairs = append(pairs, [3]string{"quadrant", q[1], q[0]})
	}
	for _, pr := range pairs {
		f, _ := theme.ParseHex(pr[1])
		b, _ := theme.ParseHex(pr[2])
		if c := theme.Contrast(f, b); c < theme.AANormal {
			t.Errorf("%s: %s on %s is %.2f:1", pr[0], pr[1], pr[2], c)
		}
	}
}

// TestThemedGolden: the text of a themed French deck and its PPTX theme
// and master, as goldens (testdata/deck/themed-*; -update rewrites).
func TestThemedGolden(t *testing.T) {
	d := themedDeck(t, "riverside.yaml", "fr")
	text, _ := pdfPages(t, d)
	golden.Check(t, filepath.Join("..", "..", "testdata", "deck", "themed-fr.pdf.txt"), []byte(text))
	var pp bytes.Buffer
	if err := PPTX(&pp, d); err != nil {
		t.Fatal(err)
	}
	parts := unzipped(t, pp.Bytes())
	for _, n := range []string{"ppt/theme/theme1.xml", "ppt/slideMasters/slideMaster1.xml", "ppt/slideLayouts/slideLayout2.xml"} {
		golden.Check(t, filepath.Join("..", "..", "testdata", "deck", "themed-fr-"+filepath.Base(n)), parts[n])
	}
	if _, ok := parts["ppt/media/logo.png"]; !ok {
		t.Error("the themed PPTX holds no logo")
	}
}

// TestDrawGridOption: Options.DrawGrid draws the blueprint pages (no
// package-level hook).
func TestDrawGridOption(t *testing.T) {
	j := genJourney(t, 5)
	boom := errors.New("drawn by the option")
	_, err := Build(j, Options{DrawGrid: func(*layout.Grid) ([]byte, error) { return nil, boom }})
	if !errors.Is(err, boom) {
		t.Errorf("Build did not draw with Options.DrawGrid: %v", err)
	}
}
