package diff

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	goldenfile "github.com/cxmap/cxmap/internal/golden"
	"github.com/cxmap/cxmap/internal/registry"

	"github.com/cxmap/cxmap/pkg/journey"
)

func loadFile(t testing.TB, name string) *journey.Journey {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("../../testdata/diff/fixtures", name))
	if err != nil {
		t.Fatal(err)
	}
	j, fs := journey.Parse("fixtures/"+name, data)
	if j == nil {
		t.Fatalf("%s: %v", name, fs)
	}
	return j
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	goldenfile.Check(t, filepath.Join("../../testdata/diff", name), got)
}

func TestGolden(t *testing.T) {
	old, new := loadFile(t, "old.yaml"), loadFile(t, "new.yaml")
	cases := []struct {
		name     string
		old, new *journey.Journey
		format   string
		color    bool
	}{
		{"old-new.txt", old, new, "text", false},
		{"old-new.color.txt", old, new, "text", true},
		{"old-new.md", old, new, "markdown", false},
		{"old-new.json", old, new, "json", false},
		{"new-old.txt", new, old, "text", false},
		{"same.txt", old, old, "text", false},
		{"same.md", old, old, "markdown", false},
		{"same.json", old, old, "json", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := mustFormat(t, c.format).Diff(&buf, Compare(c.old, c.new), FormatOptions{Color: c.color}); err != nil {
				t.Fatal(err)
			}
			golden(t, c.name, buf.Bytes())
		})
	}
}

// parse builds a journey from YAML written inline.
func parse(t *testing.T, y string) *journey.Journey {
	t.Helper()
	j, fs := journey.Parse("inline.yaml", []byte(y))
	if j == nil {
		t.Fatalf("fixture is invalid: %v\n%s", fs, y)
	}
	return j
}

// mini writes a one-lane journey whose steps are given as YAML list items.
func mini(stages ...string) string {
	var b strings.Builder
	b.WriteString("cxmap: 1\nid: j\ntitle: J\nlanes:\n  - id: web\n    name: Web\n    zone: frontstage\n  - id: app\n    name: App\n    zone: frontstage\nstages:\n")
	for i, st := range stages {
		fmt.Fprintf(&b, "  - id: s%d\n    name: S%d\n    steps:\n%s", i+1, i+1, st)
	}
	return b.String()
}

func step(id string, extra ...string) string {
	s := fmt.Sprintf("      - id: %s\n        action: Does %s\n        touchpoints:\n          - lane: web\n            does: x\n", id, id)
	for _, e := range extra {
		s += "        " + e + "\n"
	}
	return s
}

func TestRatingDirections(t *testing.T) {
	for _, c := range []struct{ from, to, want string }{
		{"red", "yellow", Improved}, {"yellow", "green", Improved}, {"red", "green", Improved},
		{"green", "yellow", Regressed}, {"yellow", "red", Regressed}, {"green", "red", Regressed},
		{"", "red", NowRated}, {"green", "", NowUnrated},
	} {
		if got := ratingDirection(c.from, c.to); got != c.want {
			t.Errorf("%q → %q = %s, want %s", c.from, c.to, got, c.want)
		}
	}
}

func TestStepKinds(t *testing.T) {
	old := parse(t, mini(step("a", "rating: red"), step("b")+step("c", "rating: green")))
	new := parse(t, mini(step("a", "rating: yellow")+step("d"), step("c", "rating: red")))
	d := Compare(old, new)
	got := map[string]string{}
	for _, c := range d.Steps {
		k := c.Kind
		if c.RatingChange != nil {
			k += " " + c.RatingChange.Direction
		}
		got[c.ID] = k
	}
	want := map[string]string{"a": "changed improved", "b": "removed", "c": "changed regressed", "d": "added"}
	for id, w := range want {
		if got[id] != w {
			t.Errorf("step %s: %q, want %q", id, got[id], w)
		}
	}
	if !d.Regression() || d.Summary.RatingsImproved != 1 || d.Summary.RatingsRegressed != 1 || d.Summary.StepsAdded != 1 || d.Summary.StepsRemoved != 1 {
		t.Errorf("summary = %+v", d.Summary)
	}
	// Order: NEW's order, the removed step after the step it followed.
	var order []string
	for _, c := range d.Steps {
		order = append(order, c.ID)
	}
	if strings.Join(order, " ") != "a b d c" {
		t.Errorf("order = %v, want a b d c", order)
	}
}

func TestMoves(t *testing.T) {
	// e jumps to the front: one move, not four.
	old := parse(t, mini(step("a")+step("b")+step("c")+step("d")+step("e")))
	new := parse(t, mini(step("e")+step("a")+step("b")+step("c")+step("d")))
	d := Compare(old, new)
	if len(d.Steps) != 1 || d.Steps[0].ID != "e" || d.Steps[0].Moved == nil || d.Steps[0].Moved.From != 5 || d.Steps[0].Moved.To != 1 {
		t.Fatalf("steps = %+v", d.Steps)
	}
	// A step that changes stage is moved even in the same position.
	old = parse(t, mini(step("a")+step("b"), step("c")))
	new = parse(t, mini(step("a"), step("b")+step("c")))
	d = Compare(old, new)
	if len(d.Steps) != 1 || d.Steps[0].ID != "b" || d.Steps[0].Moved.FromStage != "s1" || d.Steps[0].Moved.ToStage != "s2" {
		t.Fatalf("steps = %+v", d.Steps)
	}
	// An added step in between moves nothing.
	old = parse(t, mini(step("a")+step("b")))
	new = parse(t, mini(step("a")+step("x")+step("b")))
	if d = Compare(old, new); len(d.Steps) != 1 || d.Steps[0].Kind != Added || d.Summary.StepsMoved != 0 {
		t.Fatalf("steps = %+v", d.Steps)
	}
}

func metricStep(current, target float64, better string) string {
	return step("m", fmt.Sprintf("metrics:\n          - name: M\n            current: %v\n            target: %v\n            better: %s", current, target, better))
}

func TestMetricMovements(t *testing.T) {
	for _, c := range []struct {
		name                   string
		oldCur, newCur, target float64
		better                 string
		direction, status      string
	}{
		{"higher up, now met", 50, 90, 80, "higher", Improved, TargetMet},
		{"higher down, lost", 90, 50, 80, "higher", Regressed, TargetLost},
		{"higher up, still short", 10, 20, 80, "higher", Improved, ""},
		{"lower down, now met", 30, 5, 10, "lower", Improved, TargetMet},
		{"lower up, lost", 5, 30, 10, "lower", Regressed, TargetLost},
		{"lower down, still met", 5, 2, 10, "lower", Improved, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			d := Compare(parse(t, mini(metricStep(c.oldCur, c.target, c.better))), parse(t, mini(metricStep(c.newCur, c.target, c.better))))
			if len(d.Steps) != 1 || len(d.Steps[0].Metrics) != 1 {
				t.Fatalf("steps = %+v", d.Steps)
			}
			m := d.Steps[0].Metrics[0]
			if m.Direction != c.direction || m.Target != c.status {
				t.Errorf("direction %q target %q, want %q %q", m.Direction, m.Target, c.direction, c.status)
			}
			if (c.status == TargetLost) != d.Regression() {
				t.Errorf("Regression() = %v", d.Regression())
			}
		})
	}
	// Unchanged metrics are not listed.
	same := parse(t, mini(metricStep(1, 2, "higher")))
	if d := Compare(same, same); !d.Empty() {
		t.Errorf("identical journeys differ: %+v", d)
	}
}

func TestStepDetails(t *testing.T) {
	old := parse(t, mini(step("a", "emotion: -1", "critical: true", "pains: [p1, p2]",
		"opportunities:\n          - idea: i1\n            owner: o1\n          - idea: i2")))
	newY := strings.Replace(mini(step("a", "emotion: 1", "pains: [p2, p3]",
		"opportunities:\n          - idea: i1\n            owner: o2\n          - idea: i3")), "lane: web", "lane: app", 1)
	d := Compare(old, parse(t, newY))
	if len(d.Steps) != 1 {
		t.Fatalf("steps = %+v", d.Steps)
	}
	c := d.Steps[0]
	check := func(what string, got, want any) {
		t.Helper()
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%s = %v, want %v", what, got, want)
		}
	}
	check("emotion direction", c.Emotion.Direction, Improved)
	check("critical from", *c.CriticalFrom, true)
	check("pains added", c.Pains.Added, []string{"p3"})
	check("pains removed", c.Pains.Removed, []string{"p1"})
	check("opportunities added", c.Opportunities.Added, []Opportunity{{"i3", ""}})
	check("opportunities removed", c.Opportunities.Removed, []Opportunity{{"i2", ""}})
	check("owners", c.Opportunities.Owners, []Field{{"i1", "o1", "o2"}})
	check("touchpoints added", c.Touchpoints.Added, []Lane{{"app", "App"}})
	check("touchpoints removed", c.Touchpoints.Removed, []Lane{{"web", "Web"}})
	if len(c.Backstage.Added)+len(c.Backstage.Removed) != 0 {
		t.Errorf("backstage = %+v, want no change", c.Backstage)
	}
}

func TestEntities(t *testing.T) {
	old := loadFile(t, "old.yaml")
	new := loadFile(t, "new.yaml")
	d := Compare(old, new)
	kinds := func(es []Entity) string {
		var s []string
		for _, e := range es {
			s = append(s, e.Kind+":"+e.ID)
		}
		return strings.Join(s, " ")
	}
	if got := kinds(d.Stages); got != "removed:wait changed:apply added:decide" {
		t.Errorf("stages: %s", got)
	}
	if got := kinds(d.Lanes); got != "removed:clerk changed:desk added:chat added:crm" {
		t.Errorf("lanes: %s", got)
	}
	if got := kinds(d.Sources); got != "removed:old-survey changed:interviews added:pilot" {
		t.Errorf("sources: %s", got)
	}
	var fields []string
	for _, f := range d.Journey {
		fields = append(fields, f.Name)
	}
	if strings.Join(fields, " ") != "title state owner" {
		t.Errorf("journey fields: %v", fields)
	}
}

func TestJSONNeverNull(t *testing.T) {
	d := Compare(loadFile(t, "old.yaml"), loadFile(t, "new.yaml"))
	var buf bytes.Buffer
	if err := JSON(&buf, d, FormatOptions{}); err != nil {
		t.Fatal(err)
	}
	var v map[string]any
	if err := json.Unmarshal(buf.Bytes(), &v); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"journey", "stages", "lanes", "sources", "steps"} {
		if _, ok := v[k].([]any); !ok {
			t.Errorf("%s is %T, want a list", k, v[k])
		}
	}
	if v["regression"] != true {
		t.Errorf("regression = %v", v["regression"])
	}
	for _, bad := range []string{`"added": null`, `"removed": null`, `"fields": null`, `"metrics": null`, `"owners": null`, `"entries": null`, `"evidence": null`} {
		if bytes.Contains(buf.Bytes(), []byte(bad)) {
			t.Errorf("JSON holds %s", bad)
		}
	}
}

func TestMarkdownEscapes(t *testing.T) {
	old := parse(t, mini(step("a", "pains: [\"a | b\"]")))
	new := parse(t, mini(step("a", "pains: [\"c | d*\"]")))
	var buf bytes.Buffer
	Markdown(&buf, Compare(old, new), FormatOptions{})
	if !strings.Contains(buf.String(), `c \| d\*`) || strings.Contains(buf.String(), "c | d") {
		t.Errorf("pipe not escaped:\n%s", buf.String())
	}
}

// TestGoldenExample diffs the example's current and future state (the lead
// keeps examples/; run -update after changing them).
func TestGoldenExample(t *testing.T) {
	var js []*journey.Journey
	for _, name := range []string{"current.yaml", "future.yaml"} {
		p := filepath.Join("../../examples/building-permit", name)
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		j, fs := journey.Parse(p, data) // at its real path: its catalog is found
		if j == nil {
			t.Fatalf("%s: %v", p, fs)
		}
		j.Path = "examples/building-permit/" + name
		js = append(js, j)
	}
	d := Compare(js[0], js[1])
	for format, ext := range map[string]string{"text": "txt", "markdown": "md", "json": "json"} {
		var buf bytes.Buffer
		if err := mustFormat(t, format).Diff(&buf, d, FormatOptions{}); err != nil {
			t.Fatal(err)
		}
		golden(t, "building-permit."+ext, buf.Bytes())
	}
	// The story: the future state improves more ratings than it regresses.
	if d.Summary.RatingsImproved <= d.Summary.RatingsRegressed {
		t.Errorf("future state: %d improved, %d regressed", d.Summary.RatingsImproved, d.Summary.RatingsRegressed)
	}
}

// mustFormat is a format's writers, or the test fails.
func mustFormat(t *testing.T, name string) Writers {
	t.Helper()
	f, err := Formats.Lookup(name)
	if err != nil {
		t.Fatal(err)
	}
	return f.Write
}

// TestNewFormatNeedsBothWriters walks the recipe for a diff format
// (docs/decisions.md, "Registries"): an entry with a writer for one
// journey's diff and none for a revision range's is refused when the
// registry is built, where two maps once let `diff REV1 REV2 -f html`
// reach a nil writer.
func TestNewFormatNeedsBothWriters(t *testing.T) {
	html := func(w io.Writer, d *Diff, _ FormatOptions) error {
		_, err := fmt.Fprintf(w, "<p>%d</p>\n", len(d.Steps))
		return err
	}
	htmlSet := func(w io.Writer, s *Set, _ FormatOptions) error {
		_, err := fmt.Fprintf(w, "<p>%d</p>\n", len(s.Files))
		return err
	}
	add := func(w Writers) (err error) {
		defer func() {
			if r := recover(); r != nil {
				err = fmt.Errorf("%v", r)
			}
		}()
		r := registry.New("-f", append(slices.Clone(Formats.All()), registry.Format[Writers]{Meta: registry.Meta{Name: "recipe-html", Ext: "html", Help: "a page"}, Write: w})...)
		f, err := r.Lookup("recipe-html")
		if err != nil {
			return err
		}
		var b bytes.Buffer
		if err := f.Write.Set(&b, &Set{}, FormatOptions{}); err != nil {
			return err
		}
		if b.String() != "<p>0</p>\n" {
			return fmt.Errorf("set writer wrote %q", b.String())
		}
		return nil
	}
	if err := add(Writers{Diff: html}); err == nil || !strings.Contains(err.Error(), `"recipe-html" has no Write.Set`) {
		t.Errorf("a format without a Set writer: %v", err)
	}
	if err := add(Writers{Diff: html, Set: htmlSet}); err != nil {
		t.Errorf("a complete format: %v", err)
	}
}
