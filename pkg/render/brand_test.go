package render

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/cxmap/cxmap/internal/golden"
	"github.com/cxmap/cxmap/pkg/journey"
	"github.com/cxmap/cxmap/pkg/locale"
	"github.com/cxmap/cxmap/pkg/theme"
	"go.yaml.in/yaml/v3"
)

// brandCase is a journey drawn in a theme and a language.
type brandCase struct {
	name, theme, locale string
}

var brandCases = []brandCase{
	// Light, with an SVG logo, English.
	{"riverside", "../../examples/themes/riverside.yaml", ""},
	// Dark, with its own font (the Go fonts), French.
	{"night-fr", "../../examples/themes/night.yaml", "fr"},
	// No theme, German: cxmap's colours, German words.
	{"default-de", "", "de"},
}

// drawBrand draws testdata/render/permit.yaml in every format for c and
// returns the files by extension.
func drawBrand(t *testing.T, c brandCase) map[string][]byte {
	t.Helper()
	data, err := os.ReadFile("../../testdata/render/permit.yaml")
	if err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	o, stderr := options(t, out, "svg", "png", "pdf", "dot", "mermaid")
	o.Quiet = true
	o.Rows = []string{"time", "pains", "metrics"}
	if c.theme != "" {
		if o.Theme, err = theme.Load(c.theme); err != nil {
			t.Fatal(err)
		}
	}
	if c.locale != "" {
		if o.Locale, err = locale.New(c.locale); err != nil {
			t.Fatal(err)
		}
	}
	res, err := Run(context.Background(), []*journey.Journey{parse(t, "permit.yaml", data)}, []string{"permit.yaml"}, false, o)
	if err != nil || res.Failed || res.Invalid {
		t.Fatalf("%s: %v %+v: %s", c.name, err, res, stderr)
	}
	return outputs(t, out)
}

// outputs is the files in dir by extension.
func outputs(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	got := map[string][]byte{}
	for _, f := range files(t, dir) {
		b, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			t.Fatal(err)
		}
		got[filepath.Ext(f)] = b
	}
	return got
}

// dataURL stands for the bytes of an embedded font or logo in goldens.
var dataURL = regexp.MustCompile(`base64,[A-Za-z0-9+/=]+`)

// TestBrandGolden: a themed journey's SVG, DOT and Mermaid are goldens
// (embedded fonts and logos shortened to their kind), and the PDF's text
// when pdftotext is installed.
func TestBrandGolden(t *testing.T) {
	for _, c := range brandCases {
		got := drawBrand(t, c)
		for _, ext := range []string{".svg", ".dot", ".mmd"} {
			b := got[ext]
			if ext == ".svg" {
				b = dataURL.ReplaceAll(b, []byte("base64,…"))
			}
			golden.Check(t, filepath.Join("../../testdata/render/golden/brand", "permit-"+c.name+ext), b)
		}
		if text, ok := pdfText(t, got[".pdf"]); ok {
			golden.Check(t, filepath.Join("../../testdata/render/golden/brand", "permit-"+c.name+".pdf.txt"), []byte(text))
		}
	}
}

// pdfText is the PDF's text by pdftotext (poppler), if installed, in
// content-stream order (-raw).
func pdfText(t *testing.T, pdf []byte) (string, bool) {
	t.Helper()
	return pdftotext(t, pdf, "-raw")
}

// pdftotext runs pdftotext with the options opts on pdf, if installed.
func pdftotext(t *testing.T, pdf []byte, opts ...string) (string, bool) {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Log("pdftotext is not installed: PDF text not checked")
		return "", false
	}
	f := filepath.Join(t.TempDir(), "x.pdf")
	if err := os.WriteFile(f, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", append(opts, "-enc", "UTF-8", f, "-")...).Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out), true
}

// TestBrandLook: what each theme asks for is in the pictures.
func TestBrandLook(t *testing.T) {
	riverside := drawBrand(t, brandCases[0])
	night := drawBrand(t, brandCases[1])
	plain := drawBrand(t, brandCase{name: "plain"})
	for _, tc := range []struct {
		what string
		in   []byte
		want string
	}{
		{"riverside SVG: its primary colour on the bands", riverside[".svg"], `fill="#005eb8"`},
		{"riverside SVG: the logo", riverside[".svg"], `<image x="`},
		{"riverside SVG: the classification line", riverside[".svg"], "Confidential — prepared for Riverside NHS Trust · Outpatients programme 2027"},
		{"riverside DOT: the primary colour", riverside[".dot"], `fillcolor="#005EB8"`},
		{"riverside Mermaid: the init directive", riverside[".mmd"], "%%{init: {'theme': 'base', 'themeVariables': {'background': '#FFFFFF', 'primaryColor': '#005EB8'"},
		{"night SVG: the dark background", night[".svg"], `fill="#111827"`},
		{"night SVG: the font embedded", night[".svg"], `@font-face{font-family:"Go";font-weight:normal;src:url(data:font/ttf;base64,`},
		{"night SVG: text in the font", night[".svg"], `font-family="Go"`},
		{"night DOT: the font named", night[".dot"], `fontname="Go"`},
		{"night Mermaid: the font", night[".mmd"], `'fontFamily': 'Go'`},
	} {
		if !bytes.Contains(tc.in, []byte(tc.want)) {
			t.Errorf("%s: no %q", tc.what, tc.want)
		}
	}
	for ext, b := range plain {
		if bytes.Contains(b, []byte("%%{init")) || bytes.Contains(b, []byte("@font-face")) || bytes.Contains(b, []byte("<image")) {
			t.Errorf("%s without a theme has theme output", ext)
		}
	}
	// The PNG draws the theme: night's is mostly its dark background.
	if bytes.Equal(night[".png"], plain[".png"]) || bytes.Equal(riverside[".png"], plain[".png"]) {
		t.Error("a themed PNG is the default's")
	}
}

// TestBrandFontEmbedded: the theme's font is embedded in the PDF under its
// own name (not fpdf's "utf8brand"), as pdffonts (poppler) lists it.
func TestBrandFontEmbedded(t *testing.T) {
	if _, err := exec.LookPath("pdffonts"); err != nil {
		t.Skip("pdffonts (poppler-utils) is not installed")
	}
	pdf := drawBrand(t, brandCases[1])[".pdf"]
	f := filepath.Join(t.TempDir(), "x.pdf")
	if err := os.WriteFile(f, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdffonts", f).Output()
	if err != nil {
		t.Fatalf("pdffonts: %v", err)
	}
	var brand []string
	for _, line := range strings.Split(string(out), "\n") {
		fields := strings.Fields(line)
		if len(fields) > 0 && strings.Contains(strings.ToLower(fields[0]), "brand") {
			t.Errorf("the theme font is named %s, not after itself", fields[0])
		}
		// Named after the font: a subset tag and its PostScript name.
		if len(fields) > 4 && regexp.MustCompile(`^[A-Z]{6}\+Go(Regular|-Bold)$`).MatchString(fields[0]) {
			brand = append(brand, line)
			if !strings.Contains(line, " yes ") {
				t.Errorf("theme font not embedded: %s", line)
			}
		}
		if len(fields) > 0 && strings.Contains(fields[0], "Liberation") {
			t.Errorf("Liberation Sans drawn in a picture with a theme font: %s", line)
		}
	}
	if len(brand) != 2 {
		t.Errorf("want the theme's regular and bold, got:\n%s", out)
	}
}

// TestFrenchHasNoEnglish: a French picture has no English fixed word: no
// English text of the render catalogue, nor of the common words the
// picture uses, where French says something else.
func TestFrenchHasNoEnglish(t *testing.T) {
	got := drawBrand(t, brandCase{name: "fr", locale: "fr"})
	svg := string(got[".svg"])
	var texts []string
	for _, m := range regexp.MustCompile(`<text[^>]*>([^<]*)</text>`).FindAllStringSubmatch(svg, -1) {
		texts = append(texts, m[1])
	}
	all := "\n" + strings.Join(texts, "\n") + "\n"
	journeyText, err := os.ReadFile("../../testdata/render/permit.yaml")
	if err != nil {
		t.Fatal(err)
	}
	fr, err := locale.New("fr")
	if err != nil {
		t.Fatal(err)
	}
	ids := catalogue(t, "../locale/messages/render/en.yaml")
	ids = append(ids, "Working well", "Unhappy", "Very unhappy", "Not rated", "Critical", "Customer actions", "Physical evidence",
		"Emotion", "Time", "Pains", "Quotes", "Opportunities", "Metrics", "Line of interaction", "Line of visibility",
		"Line of internal interaction", "Updated {x}")
	checked := 0
	for _, id := range ids {
		if fr.T(id) == id {
			continue // the same word in French ("support", "{x} · total {y}")
		}
		for _, piece := range strings.FieldsFunc(id, func(r rune) bool { return r == '{' || r == '}' }) {
			piece = strings.TrimSpace(piece)
			if len(piece) < 4 || piece == "x" || piece == "y" || bytes.Contains(journeyText, []byte(piece)) {
				continue
			}
			checked++
			if strings.Contains(all, piece) {
				t.Errorf("English %q (from %q) in the French picture", piece, id)
			}
		}
	}
	if checked < 30 {
		t.Fatalf("only %d English words checked", checked)
	}
	for _, want := range []string{"Actions du client", "Satisfaisant", "Ligne de visibilité", "parcours du client"} {
		if !strings.Contains(all, want) {
			t.Errorf("no %q in the French picture", want)
		}
	}
}

// catalogue is the ids of a message file.
func catalogue(t *testing.T, path string) []string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := yaml.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	var ids []string
	for k := range m {
		ids = append(ids, k)
	}
	return ids
}
