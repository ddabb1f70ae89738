package draw

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"github.com/cxmap/cxmap/internal/golden"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/cxmap/cxmap/internal/testgen"
	"github.com/cxmap/cxmap/pkg/journey"
	"github.com/cxmap/cxmap/pkg/render/layout"
)

func grid(t testing.TB, name string, data []byte, o layout.Options) *layout.Grid {
	t.Helper()
	j, fs := journey.Parse(name, data)
	if j == nil {
		t.Fatalf("%s does not parse: %v", name, fs)
	}
	g, err := layout.Build(j, o)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func svg(t testing.TB, g *layout.Grid) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := SVG(g, &buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// svgText reads an SVG's visible text (each <text> element) and its
// tooltips (xlink:title), XML-decoded.
func svgText(t testing.TB, data []byte) (texts, titles []string) {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = false // the DOCTYPE
	in := false
	var cur strings.Builder
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("SVG is not well-formed XML: %v", err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			if e.Name.Local == "text" {
				in = true
				cur.Reset()
			}
			for _, a := range e.Attr {
				if a.Name.Local == "title" {
					titles = append(titles, a.Value)
				}
			}
		case xml.CharData:
			if in {
				cur.Write(e)
			}
		case xml.EndElement:
			if e.Name.Local == "text" {
				texts = append(texts, cur.String())
				in = false
			}
		}
	}
	return texts, titles
}

func TestGolden(t *testing.T) {
	files := golden.RenderFixtures(t)
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		g := grid(t, f, data, layout.Options{})
		dot := DOT(g)
		out := svg(t, g)
		if again := svg(t, g); !bytes.Equal(out, again) {
			t.Fatalf("%s: SVG differs between two renders", f)
		}
		for ext, got := range map[string][]byte{".dot": dot, ".svg": out} {
			golden.Check(t, golden.RenderPath(f, ext), got)
		}
	}
}

// TestHostileLabelsShowLiterally renders labels full of DOT, HTML and
// escape syntax and checks each shows in the SVG exactly as written.
func TestHostileLabelsShowLiterally(t *testing.T) {
	data, err := os.ReadFile("../../../testdata/render/hostile.yaml")
	if err != nil {
		t.Fatal(err)
	}
	out := svg(t, grid(t, "hostile.yaml", data, layout.Options{}))
	texts, titles := svgText(t, out)
	all := strings.ReplaceAll(strings.Join(texts, "\n"), wordJoiner, "")
	tips := strings.ReplaceAll(strings.Join(titles, "\n"), wordJoiner, "")
	for _, want := range []string{
		`Quotes " and <b>tags</b> & \N \G \L ]]> in the title`,
		`Persona: <script>alert(1)</script>`,
		`Web "site" <i>&amp;</i>`,
		`Stage <TABLE> \n`,
		`&lt;entity&gt; and &#x41;`,
	} {
		if !strings.Contains(all, want) {
			t.Errorf("SVG text lacks %q; it has:\n%s", want, all)
		}
	}
	if want := `Types <b>bold</b> & "quoted" text with \N and \G and \l escapes`; !strings.Contains(tips, want) {
		t.Errorf("SVG tooltips lack %q; they are:\n%s", want, tips)
	}
	for _, bad := range []string{"<script", "<b>", "<i>", "<TABLE>"} {
		if bytes.Contains(out, []byte(bad)) {
			t.Errorf("SVG contains raw markup %q", bad)
		}
	}
}

func TestFormatsCheckedBeforeAsking(t *testing.T) {
	g := grid(t, "gen.yaml", testgen.Journey(1, 2), layout.Options{})
	var buf bytes.Buffer
	if err := Render(DOT(g), "png", &buf); err == nil || buf.Len() != 0 {
		t.Fatalf("png accepted (err %v, %d bytes)", err, buf.Len())
	}
	// The instance still works afterwards.
	if err := JSON(g, &buf); err != nil || !bytes.HasPrefix(bytes.TrimSpace(buf.Bytes()), []byte("{")) {
		t.Fatalf("json after a refused format: %v %.40q", err, buf.String())
	}
}

func TestConcurrentRendersAreSerialised(t *testing.T) {
	g := grid(t, "gen.yaml", testgen.Journey(2, 4), layout.Options{})
	want := svg(t, g)
	errs := make(chan error, 8)
	for i := 0; i < 8; i++ {
		go func() {
			var buf bytes.Buffer
			err := SVG(g, &buf)
			if err == nil && !bytes.Equal(buf.Bytes(), want) {
				err = fmt.Errorf("concurrent render differs")
			}
			errs <- err
		}()
	}
	for i := 0; i < 8; i++ {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
}

func BenchmarkSVG(b *testing.B) {
	for _, n := range []int{10, 50, 200, 1000} {
		j, _ := journey.Parse("gen.yaml", testgen.Journey(1, n))
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				g, err := layout.Build(j, layout.Options{})
				if err != nil {
					b.Fatal(err)
				}
				if err := SVG(g, io.Discard); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkJSON(b *testing.B) {
	for _, n := range []int{10, 50, 200} {
		j, _ := journey.Parse("gen.yaml", testgen.Journey(1, n))
		g, _ := layout.Build(j, layout.Options{})
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if err := JSON(g, io.Discard); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
