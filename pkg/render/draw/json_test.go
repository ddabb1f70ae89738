package draw

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/cxmap/cxmap/pkg/render/layout"
	"github.com/cxmap/cxmap/pkg/render/raster"
)

// sceneText is every text op's string in a json layout, U+2060 dropped as
// pkg/render/raster does when drawing.
func sceneText(t *testing.T, gvJSON []byte) string {
	t.Helper()
	s, err := raster.Parse(gvJSON)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, l := range s.Lists {
		for _, op := range l {
			if op.Kind == 'T' {
				b.WriteString(strings.ReplaceAll(op.Text, wordJoiner, ""))
				b.WriteByte('\n')
			}
		}
	}
	return b.String()
}

// Graphviz's json writer lost the text after two backslashes in a row, and
// the next line of the label with it; PNG and PDF draw from that json.
func TestJSONKeepsTextAfterBackslashes(t *testing.T) {
	data, err := os.ReadFile("../../../testdata/render/permit.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, title := range []string{`Files on \\fs01\intake ü`, `a\\\\b\\\c é`, `\\`} {
		t.Run(title, func(t *testing.T) {
			y := bytes.Replace(data, []byte("title: Building permit application"), []byte("title: '"+title+"'"), 1)
			g := grid(t, "permit.yaml", y, layout.Options{})
			var js bytes.Buffer
			if err := JSON(g, &js); err != nil {
				t.Fatal(err)
			}
			text := sceneText(t, js.Bytes())
			for _, want := range []string{title, "Persona: Small-business owner"} {
				if !strings.Contains(text, want) {
					t.Errorf("json text lacks %q:\n%s", want, text)
				}
			}
			if strings.Contains(text, "\uFFFD") {
				t.Errorf("json text holds U+FFFD:\n%s", text)
			}
			for _, f := range []func() error{
				func() error { return raster.PNG(&bytes.Buffer{}, js.Bytes(), 1) },
				func() error { return raster.PDF(&bytes.Buffer{}, js.Bytes()) },
			} {
				if err := f(); err != nil {
					t.Error(err)
				}
			}
			// The SVG carries no joiners.
			if bytes.Contains(svg(t, g), []byte(wordJoiner)) {
				t.Error("SVG holds U+2060")
			}
		})
	}
}

func TestForJSON(t *testing.T) {
	for in, want := range map[string]string{
		`a\\b`:           `a\\b`,
		`a\\\\b`:         `a\\` + wordJoiner + `\\b`,
		`a\\\\\\b`:       `a\\` + wordJoiner + `\\` + wordJoiner + `\\b`,
		`"\\\\\"x"`:      `"\\` + wordJoiner + `\\` + wordJoiner + `\"x"`,
		"plain <b>é</b>": "plain <b>é</b>",
	} {
		if got := string(ForJSON([]byte(in))); got != want {
			t.Errorf("ForJSON(%q) = %q, want %q", in, got, want)
		}
	}
}
