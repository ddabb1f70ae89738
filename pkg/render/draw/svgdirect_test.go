package draw

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/cxmap/cxmap/internal/golden"
	"github.com/cxmap/cxmap/pkg/journey"
	"github.com/cxmap/cxmap/pkg/render/layout"
	"github.com/cxmap/cxmap/pkg/textmetrics"
)

// item is one thing an SVG draws, in page coordinates: a text line (key
// "text:" and its words; box is its left baseline point) or a shape (key
// its fill, or its stroke when unfilled; box its bounding box).
type item struct {
	key            string
	x0, y0, x1, y1 float64
}

var (
	drawnNumRe  = regexp.MustCompile(`-?[0-9]+(?:\.[0-9]+)?`)
	translateRe = regexp.MustCompile(`translate\(([-0-9.]+)[ ,]([-0-9.]+)\)`)
)

// drawnItems reads every text line and shape of an SVG written by
// Graphviz or by SVGDirect.
func drawnItems(t *testing.T, data []byte) []item {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = false
	var tx, ty float64
	var items []item
	var text *item
	var words strings.Builder
	var textAttr map[string]string
	f := func(s string) float64 { v, _ := strconv.ParseFloat(s, 64); return v }
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("not well-formed XML: %v", err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			a := map[string]string{}
			for _, at := range e.Attr {
				a[at.Name.Local] = at.Value
			}
			if m := translateRe.FindStringSubmatch(a["transform"]); m != nil {
				tx, ty = f(m[1]), f(m[2])
			}
			key := strings.ToLower(a["fill"])
			if key == "none" || key == "" {
				key = "stroke:" + strings.ToLower(a["stroke"])
			}
			var xs, ys []float64
			switch e.Name.Local {
			case "text":
				text, textAttr = &item{}, a
				words.Reset()
				continue
			case "polygon", "path":
				src := a["points"] + a["d"]
				n := drawnNumRe.FindAllString(src, -1)
				for i := 0; i+1 < len(n); i += 2 {
					xs, ys = append(xs, f(n[i])), append(ys, f(n[i+1]))
				}
			case "rect":
				xs = []float64{f(a["x"]), f(a["x"]) + f(a["width"])}
				ys = []float64{f(a["y"]), f(a["y"]) + f(a["height"])}
			case "ellipse", "circle":
				rx, ry := f(a["rx"]), f(a["ry"])
				if e.Name.Local == "circle" {
					rx, ry = f(a["r"]), f(a["r"])
				}
				xs = []float64{f(a["cx"]) - rx, f(a["cx"]) + rx}
				ys = []float64{f(a["cy"]) - ry, f(a["cy"]) + ry}
			default:
				continue
			}
			it := item{key: key, x0: math.Inf(1), y0: math.Inf(1), x1: math.Inf(-1), y1: math.Inf(-1)}
			for i := range xs {
				it.x0, it.x1 = math.Min(it.x0, xs[i]+tx), math.Max(it.x1, xs[i]+tx)
				it.y0, it.y1 = math.Min(it.y0, ys[i]+ty), math.Max(it.y1, ys[i]+ty)
			}
			items = append(items, it)
		case xml.CharData:
			if text != nil {
				words.Write(e)
			}
		case xml.EndElement:
			if e.Name.Local != "text" || text == nil {
				continue
			}
			s := words.String()
			text = nil
			if strings.TrimSpace(s) == "" {
				continue // Graphviz's spacers
			}
			x, y := f(textAttr["x"])+tx, f(textAttr["y"])+ty
			if textAttr["text-anchor"] == "middle" {
				x -= textmetrics.Width(s, f(textAttr["font-size"]), textAttr["font-weight"] == "bold") / 2
			}
			items = append(items, item{key: "text:" + s, x0: x, y0: y, x1: x, y1: y})
		}
	}
	return items
}

// TestSVGDirectDrawsWhatGraphvizDraws renders every example and render
// fixture both ways and checks they draw the same things at the same
// places: every text line, with the same words, within 1 pt of where
// Graphviz puts it, and every filled shape, line and arrowhead with the same
// colour and a bounding box within 1 pt. Nothing may be missing or extra.
func TestSVGDirectDrawsWhatGraphvizDraws(t *testing.T) {
	for _, f := range golden.RenderFixtures(t) {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		opts := []layout.Options{{}, {Rows: layout.DefaultRows()}, {Rows: layout.RowNames()}}
		// One page per stage, as render --split stage draws: stubs to and
		// from the other pages.
		if j, _ := journey.Parse(f, data); j != nil {
			for _, st := range j.Stages {
				opts = append(opts, layout.Options{Stage: st.ID, Rows: layout.DefaultRows()})
			}
		}
		for _, o := range opts {
			g := grid(t, f, data, o)
			var direct bytes.Buffer
			if err := SVGDirect(g, &direct); err != nil {
				t.Fatal(err)
			}
			want, got := drawnItems(t, svg(t, g)), drawnItems(t, direct.Bytes())
			// A page of a split can be exactly as wide as its title's
			// longest line; Graphviz measures that line a few points wider
			// than cxmap (e.g. "·", "é") and centres its wider table, so
			// its title starts up to 5 pt left of the margin, where
			// SVGDirect starts it at the margin: there, 5 pt.
			loose := map[string]bool{}
			if o.Stage != "" {
				for _, tx := range []layout.Text{g.Title.Heading, g.Title.Sub} {
					for _, l := range tx.Lines {
						loose["text:"+l] = true
					}
				}
			}
			for _, miss := range unmatched(want, got, loose) {
				t.Errorf("%s: Graphviz draws %s, SVGDirect does not (within 1 pt)", f, miss)
			}
			for _, extra := range unmatched(got, want, loose) {
				t.Errorf("%s: SVGDirect draws %s, Graphviz does not (within 1 pt)", f, extra)
			}
		}
	}
}

// unmatched lists the items of a that no item of b matches within 1 pt (5
// pt across for keys in loose), one to one.
func unmatched(a, b []item, loose map[string]bool) []string {
	used := make([]bool, len(b))
	var out []string
	for _, x := range a {
		found := false
		dx := 1.0
		if loose[x.key] {
			dx = 5
		}
		for i, y := range b {
			if !used[i] && x.key == y.key && math.Abs(x.x0-y.x0) <= dx && math.Abs(x.y0-y.y0) <= 1 && math.Abs(x.x1-y.x1) <= dx && math.Abs(x.y1-y.y1) <= 1 {
				used[i], found = true, true
				break
			}
		}
		if !found {
			out = append(out, fmt.Sprintf("%q at %.2f,%.2f–%.2f,%.2f", x.key, x.x0, x.y0, x.x1, x.y1))
		}
	}
	sort.Strings(out)
	return out
}

// TestSVGDirectTextAndTooltips checks that SVGDirect writes exactly the
// words and tooltips Graphviz writes for the same grid (the hostile
// fixture's markup, entities and escapes included, so they stay literal),
// and no raw markup.
func TestSVGDirectTextAndTooltips(t *testing.T) {
	for _, f := range golden.RenderFixtures(t) {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		g := grid(t, f, data, layout.Options{Rows: layout.RowNames()})
		var direct bytes.Buffer
		if err := SVGDirect(g, &direct); err != nil {
			t.Fatal(err)
		}
		wantTexts, wantTips := svgText(t, svg(t, g))
		gotTexts, gotTips := svgText(t, direct.Bytes())
		visible := func(ss []string) string {
			var out []string
			for _, s := range ss {
				if strings.TrimSpace(s) != "" {
					out = append(out, strings.ReplaceAll(s, wordJoiner, ""))
				}
			}
			sort.Strings(out)
			return strings.Join(out, "\n")
		}
		if w, g := visible(wantTexts), visible(gotTexts); w != g {
			t.Errorf("%s: texts differ\nGraphviz:\n%s\nSVGDirect:\n%s", f, w, g)
		}
		if w, g := visible(wantTips), visible(gotTips); w != g {
			t.Errorf("%s: tooltips differ\nGraphviz:\n%s\nSVGDirect:\n%s", f, w, g)
		}
		for _, bad := range []string{"<script", "<b>", "<i>", "<TABLE>"} {
			if bytes.Contains(direct.Bytes(), []byte(bad)) {
				t.Errorf("%s: SVGDirect wrote raw markup %q", f, bad)
			}
		}
	}
}
