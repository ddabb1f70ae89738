package diff

import (
	"bytes"
	"encoding/xml"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	goldenfile "github.com/cxmap/cxmap/internal/golden"
	"github.com/cxmap/cxmap/pkg/journey"
	"github.com/cxmap/cxmap/pkg/locale"
	"github.com/cxmap/cxmap/pkg/render/layout"
	"github.com/cxmap/cxmap/pkg/theme"
)

// loadAt reads a journey file with its catalogs (paths from the module root).
func loadAt(t testing.TB, path string) *journey.Journey {
	t.Helper()
	full := filepath.Join("../..", path)
	data, err := os.ReadFile(full)
	if err != nil {
		t.Fatal(err)
	}
	r := journey.ParseFile(path, data, journey.Options{Dir: filepath.Dir(full)})
	if r.Journey == nil {
		t.Fatalf("%s: %v", path, r.Findings)
	}
	return r.Journey
}

// removedStage: the old version has a stage and a lane the new one lost,
// a lane with two entries in one step (one changed, one rated worse), and
// a step whose action is reworded.
const removedStageOld = `cxmap: 1
id: shop
title: Shop
lanes:
  - {id: web, name: Web, zone: frontstage}
  - {id: fax, name: Fax, zone: frontstage}
  - {id: crm, name: CRM, zone: backstage}
stages:
  - id: find
    name: Find
    steps:
      - id: search
        action: Searches the shop
        rating: yellow
        touchpoints:
          - {lane: web, does: Search box, rating: green}
          - {lane: web, does: Filters, rating: green}
      - id: compare
        action: Compares two items
        rating: green
  - id: order
    name: Order
    steps:
      - id: fax-order
        action: Faxes the order form
        rating: red
        touchpoints:
          - {lane: fax, does: Receives the fax}
  - id: pay
    name: Pay
    steps:
      - id: pay
        action: Pays by card
        rating: green
        backstage:
          - {lane: crm, does: Records the payment}
`

const removedStageNew = `cxmap: 1
id: shop
title: Shop
lanes:
  - {id: web, name: Web, zone: frontstage}
  - {id: crm, name: CRM, zone: backstage}
  - {id: chat, name: Chat, zone: frontstage}
stages:
  - id: find
    name: Find
    steps:
      - id: search
        action: Searches the shop by name
        rating: red
        touchpoints:
          - {lane: web, does: Search box, rating: yellow}
          - {lane: web, does: Filters and sorting, rating: green}
          - {lane: web, does: Suggestions, rating: green}
      - id: ask
        action: Asks in the chat
        rating: green
        touchpoints:
          - {lane: chat, does: Answers within a minute}
  - id: pay
    name: Pay
    steps:
      - id: pay
        action: Pays by card
        rating: green
        touchpoints:
          - {lane: chat, does: Sends the receipt}
        backstage:
          - {lane: crm, does: Records the payment}
`

type picturePair struct {
	name     string
	old, new func(t *testing.T) *journey.Journey
}

func picturePairs() []picturePair {
	file := func(p string) func(t *testing.T) *journey.Journey {
		return func(t *testing.T) *journey.Journey { return loadAt(t, p) }
	}
	inline := func(y string) func(t *testing.T) *journey.Journey {
		return func(t *testing.T) *journey.Journey { return parse(t, y) }
	}
	return []picturePair{
		{"building-permit", file("examples/building-permit/current.yaml"), file("examples/building-permit/future.yaml")},
		{"fixtures", file("testdata/diff/fixtures/old.yaml"), file("testdata/diff/fixtures/new.yaml")},
		{"fixtures-reversed", file("testdata/diff/fixtures/new.yaml"), file("testdata/diff/fixtures/old.yaml")},
		{"clinic-baseline", file("testdata/report/fixtures/pair-current.yaml"), file("testdata/report/fixtures/pair-future.yaml")},
		{"removed-stage", inline(removedStageOld), inline(removedStageNew)},
	}
}

// TestPictureGolden: the picture of each pair, as Graphviz draws it (the
// SVG of `diff -f svg`) and as draw.SVGDirect draws it (the site's).
func TestPictureGolden(t *testing.T) {
	for _, p := range picturePairs() {
		t.Run(p.name, func(t *testing.T) {
			d := Compare(p.old(t), p.new(t))
			var buf bytes.Buffer
			if err := SVG(&buf, d, FormatOptions{Rows: layout.DefaultRows()}); err != nil {
				t.Fatal(err)
			}
			goldenfile.Check(t, filepath.Join("../../testdata/diff/picture", p.name+".svg"), buf.Bytes())
			direct, err := SVGDirect(d, PictureOptions{Rows: layout.DefaultRows()})
			if err != nil {
				t.Fatal(err)
			}
			goldenfile.Check(t, filepath.Join("../../testdata/diff/picture", p.name+".direct.svg"), direct)
		})
	}
}

// svgNode is a node of an SVG as Graphviz (and SVGDirect) write it: its
// <title> (the DOT node name) and its words.
type svgNode struct {
	title string
	text  []string
}

// svgNodes reads the nodes of an SVG.
func svgNodes(t *testing.T, svg []byte) map[string]svgNode {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(svg))
	dec.Strict = false
	nodes := map[string]svgNode{}
	var cur *svgNode
	depth, at := 0, 0
	var in string
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		switch e := tok.(type) {
		case xml.StartElement:
			depth++
			if e.Name.Local == "g" {
				for _, a := range e.Attr {
					if a.Name.Local == "class" && a.Value == "node" {
						cur, at = &svgNode{}, depth
					}
				}
			}
			in = e.Name.Local
		case xml.EndElement:
			if cur != nil && depth == at {
				nodes[cur.title] = *cur
				cur = nil
			}
			depth--
			in = ""
		case xml.CharData:
			if cur == nil {
				continue
			}
			s := strings.TrimSpace(string(e))
			switch {
			case s == "":
			case in == "title":
				cur.title = s
			case in == "text":
				cur.text = append(cur.text, strings.ReplaceAll(s, "\u00a0", " "))
			}
		}
	}
	if len(nodes) == 0 {
		t.Fatal("no node in the SVG")
	}
	return nodes
}

// cellOf matches the nodes of a step's cells (layout's cell ids).
func cellOf(step string) *regexp.Regexp {
	return regexp.MustCompile(`^(action|evidence|touch|back|time|pains|quotes|opportunities|metrics):` + regexp.QuoteMeta(step) + `(:|$)`)
}

// TestPictureMarksFollowTheDiff reads each picture back and checks its
// marks against the Diff's decisions, both ways: every added step has every
// cell outlined and one "new" tag, every removed step every cell ghosted
// and one "removed" tag, every rating change (a step's, an entry's) its
// "was" tag with the old rating's word; and no outline, ghost or "was" tag
// is there without a change that asks for it.
func TestPictureMarksFollowTheDiff(t *testing.T) {
	fr, err := locale.New("fr")
	if err != nil {
		t.Fatal(err)
	}
	night, err := theme.Load("../../examples/themes/night.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range picturePairs() {
		for _, how := range []string{"graphviz", "direct", "graphviz-fr", "night"} {
			t.Run(p.name+"/"+how, func(t *testing.T) {
				d := Compare(p.old(t), p.new(t))
				l := english()
				var svg []byte
				switch how {
				case "direct":
					svg, err = SVGDirect(d, PictureOptions{Rows: layout.DefaultRows()})
				case "night":
					// A dark theme with a footer: the marks in its
					// colours, the footer under the marks' legend.
					svg, err = SVGDirect(d, PictureOptions{Rows: layout.DefaultRows(), Theme: night})
					if err == nil && d.Summary.StepsRemoved > 0 && !bytes.Contains(svg, []byte(`fill="#111827" fill-opacity=`)) {
						t.Error("the removed cells' veil is not the theme's background")
					}
					if g, _ := d.Picture(PictureOptions{Theme: night}); g.Footer == nil || g.Footer.Y <= g.Marks.Legend.Y+g.Marks.Legend.H-1 {
						t.Error("the theme's footer is not under the marks' legend")
					}
				default:
					if how == "graphviz-fr" {
						l = fr
					}
					var buf bytes.Buffer
					err = SVG(&buf, d, FormatOptions{Rows: layout.DefaultRows(), Locale: l})
					svg = buf.Bytes()
				}
				if err != nil {
					t.Fatal(err)
				}
				checkMarks(t, d, svgNodes(t, svg), l)
			})
		}
	}
}

func checkMarks(t *testing.T, d *Diff, nodes map[string]svgNode, l *locale.Locale) {
	t.Helper()
	var titles []string
	for k := range nodes {
		titles = append(titles, k)
	}
	sort.Strings(titles)
	want := map[string]string{} // mark or tag node → why
	tagWord := map[string]string{}
	stepCells := func(step string) []string {
		var out []string
		re := cellOf(step)
		for _, ti := range titles {
			if re.MatchString(ti) {
				out = append(out, ti)
			}
		}
		return out
	}
	for _, c := range d.Steps {
		switch c.Kind {
		case Added, Removed:
			kind := "new"
			if c.Kind == Removed {
				kind = "removed"
			}
			cells := stepCells(c.ID)
			if len(cells) == 0 {
				t.Errorf("%s step %s has no cell in the picture", c.Kind, c.ID)
			}
			for _, cell := range cells {
				want["mark:"+kind+":"+cell] = c.Kind + " step " + c.ID
			}
			want["tag:"+kind+":action:"+c.ID] = c.Kind + " step " + c.ID
			tagWord["tag:"+kind+":action:"+c.ID] = l.T(kind + " (tag)")
			continue
		}
		if r := c.RatingChange; r != nil {
			id := "tag:was:action:" + c.ID
			want[id] = "rating change of " + c.ID
			tagWord[id] = l.T("was {x}", l.T(journey.RatingWord(r.From)))
		}
		// An entry whose rating changed: a "was" tag on one of the
		// step's cells in that lane, with the old word.
		for _, e := range c.Entries {
			if e.Kind != Changed || e.RatingFrom == e.RatingTo {
				continue
			}
			word := l.T("was {x}", l.T(journey.RatingWord(e.RatingFrom)))
			found := false
			re := regexp.MustCompile(`^tag:was:(touch|back):` + regexp.QuoteMeta(c.ID) + `:` + regexp.QuoteMeta(e.Lane) + `:\d+$`)
			for _, ti := range titles {
				if re.MatchString(ti) && strings.Join(nodes[ti].text, " ") == word {
					found = true
					want[ti] = "entry rating change of " + c.ID + " in " + e.Lane
				}
			}
			if !found {
				t.Errorf("step %s lane %s: rating %q → %q has no %q tag", c.ID, e.Lane, e.RatingFrom, e.RatingTo, word)
			}
		}
		// Entries and lanes new to a kept step: outlined.
		for _, e := range c.Entries {
			if e.Kind == Added {
				re := regexp.MustCompile(`^(mark|tag):new:(touch|back):` + regexp.QuoteMeta(c.ID) + `:` + regexp.QuoteMeta(e.Lane) + `:\d+$`)
				n := 0
				for _, ti := range titles {
					if re.MatchString(ti) {
						want[ti] = "entry added to " + c.ID
						n++
					}
				}
				if n == 0 {
					t.Errorf("step %s: the entry added in lane %s is not outlined", c.ID, e.Lane)
				}
			}
		}
		for _, ln := range append(append([]Lane(nil), c.Touchpoints.Added...), c.Backstage.Added...) {
			re := regexp.MustCompile(`^(mark|tag):new:(touch|back):` + regexp.QuoteMeta(c.ID) + `:` + regexp.QuoteMeta(ln.ID) + `:\d+$`)
			n := 0
			for _, ti := range titles {
				if re.MatchString(ti) {
					want[ti] = "lane added to " + c.ID
					n++
				}
			}
			if n == 0 {
				t.Errorf("step %s: lane %s is new to it but not outlined", c.ID, ln.ID)
			}
		}
	}
	for _, e := range d.Lanes {
		kind := map[string]string{Added: "new", Removed: "removed"}[e.Kind]
		if kind == "" {
			continue
		}
		id := "mark:" + kind + ":row:" + e.ID
		if _, ok := nodes[id]; ok || e.Kind == Added {
			want[id] = "lane " + e.ID + " " + e.Kind
		}
	}
	for _, e := range d.Stages {
		kind := map[string]string{Added: "new", Removed: "removed"}[e.Kind]
		if kind == "" {
			continue
		}
		// A stage removed with all its steps is put back; one whose
		// steps moved elsewhere has no band to mark.
		id := "mark:" + kind + ":stage:" + e.ID
		if _, ok := nodes[id]; ok || e.Kind == Added {
			want[id] = "stage " + e.ID + " " + e.Kind
			want["tag:"+kind+":stage:"+e.ID] = "stage " + e.ID + " " + e.Kind
		}
	}
	for id, why := range want {
		n, ok := nodes[id]
		if !ok {
			t.Errorf("%s: no %s in the picture", why, id)
			continue
		}
		if w := tagWord[id]; w != "" && strings.Join(n.text, " ") != w {
			t.Errorf("%s: %s says %q, want %q", why, id, strings.Join(n.text, " "), w)
		}
	}
	for _, ti := range titles {
		if (strings.HasPrefix(ti, "mark:") || strings.HasPrefix(ti, "tag:was:") || strings.HasPrefix(ti, "tag:new:") || strings.HasPrefix(ti, "tag:removed:")) && want[ti] == "" {
			if strings.HasPrefix(ti, "tag:new:row:") || strings.HasPrefix(ti, "tag:removed:row:") {
				continue // a lane's tag: checked with its outline
			}
			t.Errorf("%s is in the picture, but the diff decided no such change", ti)
		}
	}
	// The legend shows a sample of every kind of mark drawn.
	samples := map[string]bool{}
	for _, ti := range titles {
		if strings.HasPrefix(ti, "markkey:") && strings.HasSuffix(ti, ":tag") {
			samples[strings.Join(nodes[ti].text, " ")] = true
		}
	}
	words := markWords(d, l)
	for _, k := range layout.MarkKinds {
		drawn := false
		for _, ti := range titles {
			drawn = drawn || strings.HasPrefix(ti, "tag:"+string(k)+":")
		}
		if drawn != samples[words.Sample[k]] {
			t.Errorf("%s marks drawn: %v, in the legend: %v", k, drawn, samples[words.Sample[k]])
		}
	}
}

// TestPictureNeedsVersions: a Diff not made by Compare has no picture.
func TestPictureNeedsVersions(t *testing.T) {
	if _, err := (&Diff{}).Picture(PictureOptions{}); err != ErrNoVersions {
		t.Fatalf("got %v, want ErrNoVersions", err)
	}
}

// TestPictureDeterministic: the same comparison draws the same bytes.
func TestPictureDeterministic(t *testing.T) {
	p := picturePairs()[4]
	var a, b bytes.Buffer
	for _, buf := range []*bytes.Buffer{&a, &b} {
		if err := SVG(buf, Compare(p.old(t), p.new(t)), FormatOptions{}); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("two drawings of one comparison differ")
	}
}
