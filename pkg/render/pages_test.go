package render

import (
	"context"
	"errors"
	"math"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/cxmap/cxmap/pkg/journey"
	"github.com/cxmap/cxmap/pkg/render/layout"
)

// TestDrawPage: a page holds the steps asked for and only their columns,
// is marked before it is drawn, keeps or drops the emotion row as asked,
// and is widened to Width.
func TestDrawPage(t *testing.T) {
	data, err := os.ReadFile("../../testdata/render/permit.yaml")
	if err != nil {
		t.Fatal(err)
	}
	j := parse(t, "permit.yaml", data)
	all := j.Steps()
	first := []string{all[0].ID}
	tests := []struct {
		name      string
		o         PageOptions
		cols      int
		emotion   bool
		widerThan float64 // the page's width without Width, plus this
	}{
		{"all steps", PageOptions{}, len(all), true, 0},
		{"one step", PageOptions{Steps: first}, 1, true, 0},
		{"no emotion", PageOptions{Steps: first, NoEmotion: true}, 1, false, 0},
		{"widened", PageOptions{Steps: first, Width: 1}, 1, true, 120},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var order []string
			o := tc.o
			o.Mark = []func(*layout.Grid){func(*layout.Grid) { order = append(order, "mark") }}
			o.DrawGrid = func(g *layout.Grid) ([]byte, error) {
				order = append(order, "draw")
				return GraphvizPageJSON(g)
			}
			var plain *DrawnPage
			if tc.widerThan > 0 {
				p, err := DrawPage(j, PageOptions{Steps: o.Steps})
				if err != nil {
					t.Fatal(err)
				}
				plain = p
				o.Width = p.W + tc.widerThan
				order = nil
			}
			d, err := DrawPage(j, o)
			if err != nil {
				t.Fatal(err)
			}
			if len(d.Grid.Columns) != tc.cols {
				t.Errorf("%d columns, want %d", len(d.Grid.Columns), tc.cols)
			}
			if (d.Grid.Emotion != nil) != tc.emotion {
				t.Errorf("emotion row %v, want %v", d.Grid.Emotion != nil, tc.emotion)
			}
			if len(d.Grid.Legend.Items) != 0 || d.W <= 0 || d.H <= 0 || !strings.Contains(string(d.SVG), "<svg") {
				t.Errorf("page: legend %d items, %gx%g pt, svg %.40q", len(d.Grid.Legend.Items), d.W, d.H, d.SVG)
			}
			want := []string{"mark", "draw"}
			if plain != nil {
				want = append(want, "draw")
				if math.Abs(d.W-o.Width) > 0.05 || d.H != plain.H || d.Grid.Columns[0].W <= plain.Grid.Columns[0].W {
					t.Errorf("widened to %g×%g pt (column %g), want %g wide, %g tall (was column %g)", d.W, d.H, d.Grid.Columns[0].W, o.Width, plain.H, plain.Grid.Columns[0].W)
				}
			}
			if !slices.Equal(order, want) {
				t.Errorf("calls %q, want %q", order, want)
			}
		})
	}
}

// TestRunStopsWhenCancelled: a run whose context is done draws nothing.
func TestRunStopsWhenCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	out := t.TempDir()
	o, _ := options(t, out, "svg")
	_, err := Run(ctx, []*journey.Journey{parse(t, "ok.yaml", []byte(tiny))}, []string{"ok.yaml"}, false, o)
	if !errors.Is(err, context.Canceled) || len(files(t, out)) != 0 {
		t.Errorf("error %v, files %v", err, files(t, out))
	}
}
