package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/cxmap/cxmap/internal/testgen"
	"github.com/cxmap/cxmap/pkg/deck"
	"github.com/cxmap/cxmap/pkg/diff"
	"github.com/cxmap/cxmap/pkg/journey"
	"github.com/cxmap/cxmap/pkg/site"
)

// TestOneComparison: for every example pair and a generated 60-step pair,
// the step counts by class (improved, regressed, re-rated on new evidence,
// added, removed) are the same in `cxmap diff -f json`, the deck's
// comparison slides, the site's comparison page and `cxmap report -f
// json` (issue 20: one comparison, read by every output).
func TestOneComparison(t *testing.T) {
	gen := t.TempDir()
	cur, fut := testgen.Pair(11, 60)
	for name, src := range map[string][]byte{"current.yaml": cur, "future.yaml": fut} {
		if err := os.WriteFile(filepath.Join(gen, name), src, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	pairs := [][2]string{
		{"../../examples/building-permit/current.yaml", "../../examples/building-permit/future.yaml"},
		{filepath.Join(gen, "current.yaml"), filepath.Join(gen, "future.yaml")},
	}
	for _, p := range pairs {
		t.Run(filepath.Base(filepath.Dir(p[1])), func(t *testing.T) {
			want := diffCounts(t, p[0], p[1])
			t.Logf("diff -f json: %v", want)
			if want[diff.Improved] == 0 {
				t.Fatalf("nothing improved: %v", want)
			}
			old, new := loadJourney(t, p[0]), loadJourney(t, p[1])
			for name, got := range map[string]map[string]int{
				"deck":   deckCounts(t, old, new),
				"site":   siteCounts(t, p[0], p[1], old, new),
				"report": reportCounts(t, p[0], p[1]),
			} {
				for _, c := range []string{diff.Improved, diff.Regressed, diff.ReRated, diff.Added, diff.Removed} {
					if got[c] != want[c] {
						t.Errorf("%s: %d %s, diff -f json says %d", name, got[c], c, want[c])
					}
				}
			}
		})
	}
}

func loadJourney(t *testing.T, path string) *journey.Journey {
	t.Helper()
	io, _, errOut := TestStreams("")
	j, ok, err := loadVersion(io, nil, path)
	if err != nil || !ok {
		t.Fatalf("%s: %v %s", path, err, errOut)
	}
	return j
}

func diffCounts(t *testing.T, old, new string) map[string]int {
	t.Helper()
	io, out, errOut := TestStreams("")
	cmd := NewCmdDiff(io, nil)
	cmd.SetArgs([]string{"-f", "json", old, new})
	if err := cmd.Execute(); err != nil {
		t.Fatalf("diff: %v %s", err, errOut)
	}
	var d struct{ Summary diff.Summary }
	if err := json.Unmarshal(out.Bytes(), &d); err != nil {
		t.Fatal(err)
	}
	s := d.Summary
	return map[string]int{diff.Improved: s.StepsImproved, diff.Regressed: s.StepsRegressed, diff.ReRated: s.StepsReRated,
		diff.Added: s.StepsAdded, diff.Removed: s.StepsRemoved}
}

// headlineCounts reads "N word" pairs from a headline sentence.
var headlineWord = regexp.MustCompile(`(\d+) (improved|regressed|re-rated on new evidence|added|removed|unchanged)`)

func headlineCounts(s string) map[string]int {
	m := map[string]int{}
	for _, g := range headlineWord.FindAllStringSubmatch(s, -1) {
		n, _ := strconv.Atoi(g[1])
		m[g[2]] = n
	}
	return m
}

// deckCounts counts the verdict cells of the comparison slides, and checks
// the intro says the same.
func deckCounts(t *testing.T, old, new *journey.Journey) map[string]int {
	t.Helper()
	d, err := deck.Build(new, deck.Options{Baseline: old})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]int{}
	intro := ""
	for _, s := range d.Slides {
		if s.Kind != "compare" {
			continue
		}
		for _, sh := range s.Shapes {
			if sh.Kind == deck.ShapeText && strings.Contains(strings.Join(sh.Lines, " "), "compared with") {
				intro = strings.Join(sh.Lines, " ")
			}
			if sh.Kind != deck.ShapeTable {
				continue
			}
			for _, r := range sh.Table.Rows[1:] {
				got[strings.ToLower(strings.Join(r.Cells[1].Lines, " "))]++
			}
		}
	}
	if intro == "" {
		t.Fatal("no comparison intro in the deck")
	}
	for c, n := range headlineCounts(intro) {
		if c != diff.Unchanged && got[c] != n {
			t.Errorf("deck intro says %d %s, its table has %d (%s)", n, c, got[c], intro)
		}
	}
	return got
}

var siteClass = regexp.MustCompile(`<span data-class="([^"]+)">(\d+) `)

func siteCounts(t *testing.T, oldPath, newPath string, old, new *journey.Journey) map[string]int {
	t.Helper()
	s := site.New([]site.Input{{Path: oldPath, Journey: old}, {Path: newPath, Journey: new}}, site.Options{}, nil)
	var b bytes.Buffer
	if err := s.Journey(&b, newPath, nil, nil); err != nil {
		t.Fatal(err)
	}
	got := map[string]int{}
	for _, g := range siteClass.FindAllStringSubmatch(b.String(), -1) {
		got[g[1]], _ = strconv.Atoi(g[2])
	}
	rows := map[string]int{}
	for _, g := range regexp.MustCompile(`<tr data-class="([^"]+)">`).FindAllStringSubmatch(b.String(), -1) {
		rows[g[1]]++
	}
	for _, c := range []string{diff.Improved, diff.Regressed, diff.ReRated, diff.Added, diff.Removed} {
		if rows[c] != got[c] {
			t.Errorf("site: the counts say %d %s, the table has %d rows", got[c], c, rows[c])
		}
	}
	return got
}

func reportCounts(t *testing.T, old, new string) map[string]int {
	t.Helper()
	io, out, errOut := TestStreams("")
	cmd := NewCmdReport(io, nil)
	cmd.SetArgs([]string{"-f", "json", old, new})
	if err := cmd.Execute(); err != nil {
		t.Fatalf("report: %v %s", err, errOut)
	}
	var r struct {
		Journeys []struct {
			Path       string
			Comparison *struct{ Steps map[string]int }
		}
	}
	if err := json.Unmarshal(out.Bytes(), &r); err != nil {
		t.Fatal(err)
	}
	for _, j := range r.Journeys {
		if j.Comparison != nil {
			return j.Comparison.Steps
		}
	}
	t.Fatal("the report has no comparison")
	return nil
}
