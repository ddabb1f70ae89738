package deck

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/cxmap/cxmap/pkg/journey"
	"github.com/cxmap/cxmap/pkg/locale"
	"github.com/cxmap/cxmap/pkg/theme"
)

// textRun is one run of text on a slide and its height in logical px of a
// 1080-pixel-tall slide.
type textRun struct {
	text string
	px   float64
	pic  bool
}

// pictureRuns lists the text a blueprint picture draws: Graphviz json ops,
// the font size of the last "F" op before each "T", times the scale the
// picture is drawn at.
func pictureRuns(t *testing.T, p *Picture) []textRun {
	t.Helper()
	var doc any
	if err := json.Unmarshal(p.GV, &doc); err != nil {
		t.Fatal(err)
	}
	var out []textRun
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			for _, k := range []string{"_draw_", "_ldraw_", "_hldraw_", "_tldraw_"} {
				ops, _ := v[k].([]any)
				size := 0.0
				for _, o := range ops {
					op, _ := o.(map[string]any)
					switch op["op"] {
					case "F":
						size, _ = op["size"].(float64)
					case "T":
						s, _ := op["text"].(string)
						out = append(out, textRun{s, size * p.Scale, true})
					}
				}
			}
			for _, k := range []string{"objects", "edges"} {
				if l, ok := v[k].([]any); ok {
					for _, o := range l {
						walk(o)
					}
				}
			}
		}
	}
	walk(doc)
	return out
}

// slideRuns lists every text run on a slide.
func slideRuns(t *testing.T, s Slide) []textRun {
	for _, sh := range s.Shapes {
		if sh.Kind == ShapeTable && sh.Table.Size < MinBodyPx {
			t.Errorf("slide %q: table text %.1f px, under %v", s.Title, sh.Table.Size, MinBodyPx)
		}
	}
	var out []textRun
	for _, sh := range s.Shapes {
		switch sh.Kind {
		case ShapeText:
			for _, l := range sh.Lines {
				out = append(out, textRun{l, sh.Size, false})
			}
		case ShapeTable:
			for _, r := range sh.Table.Rows {
				for _, c := range r.Cells {
					for _, l := range c.Lines {
						out = append(out, textRun{l, sh.Table.Size, false})
					}
				}
			}
		case ShapePicture:
			out = append(out, pictureRuns(t, sh.Picture)...)
		}
	}
	return out
}

// TestEveryTextReadable measures every text run on every slide of every
// example deck (issue 20): nothing under 12 px on a 1920×1080 slide, the
// blueprint pictures' badges, lane sub-labels, tags and stubs included
// (drawn at the page's scale); tables, the body of the text slides, at
// least 14 px. The smallest picture text per slide is logged.
func TestEveryTextReadable(t *testing.T) {
	paths, _ := filepath.Glob("../../examples/*.yaml")
	more, _ := filepath.Glob("../../examples/*/*.yaml")
	paths = append(paths, more...)
	worstPic := map[string]float64{}
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		j, _ := journey.Parse(p, src)
		if j == nil {
			continue // a catalog
		}
		// The default look, and a theme with a wider font and a footer
		// strip (less height for the slides) in French (longer words).
		night, err := theme.Load("../../examples/themes/night.yaml")
		if err != nil {
			t.Fatal(err)
		}
		fr, _ := locale.New("fr")
		for _, o := range []Options{{}, {Theme: night, Locale: fr}} {
			d, err := Build(j, o)
			if err != nil {
				t.Fatal(err)
			}
			for i, s := range d.Slides {
				for _, r := range slideRuns(t, s) {
					if r.text == "" {
						continue
					}
					if r.pic {
						key := fmt.Sprintf("%s slide %d", filepath.Base(p), i+1)
						if w, ok := worstPic[key]; !ok || r.px < w {
							worstPic[key] = r.px
						}
					}
					if r.px < MinTextPx-0.01 {
						t.Errorf("%s slide %d (%s): %q is %.1f px, under 12", p, i+1, s.Kind, r.text, r.px)
					}
				}
			}
		}
	}
	keys := make([]string, 0, len(worstPic))
	for k := range worstPic {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		t.Logf("%s: smallest picture text %.1f px", k, worstPic[k])
	}
}
