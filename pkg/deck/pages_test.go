package deck

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/cxmap/cxmap/internal/golden"
	"github.com/cxmap/cxmap/pkg/journey"
	"github.com/cxmap/cxmap/pkg/render"
)

var sizesUnderTest = []int{5, 16, 26, 60, 200}

// TestPagesGolden records which steps and lanes go on which page for
// generated journeys of 5 to 200 steps.
func TestPagesGolden(t *testing.T) {
	for _, n := range sizesUnderTest {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			j := genJourney(t, n)
			ps := Pages(j, Sizes["16:9"], false)
			b, err := json.MarshalIndent(ps, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			golden.Check(t, filepath.Join("..", "..", "testdata", "deck", fmt.Sprintf("pages-%d.json", n)), append(b, '\n'))
		})
	}
}

func loadFile(t *testing.T, path string) *journey.Journey {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	j, fs := journey.Parse(path, src)
	if j == nil {
		t.Fatalf("%s invalid: %v", path, fs)
	}
	return j
}

var examples = []string{
	"../../examples/insurance-claim.yaml",
	"../../examples/client-onboarding.yaml",
	"../../examples/building-permit/current.yaml",
	"../../examples/building-permit/future.yaml",
}

// TestPagesReadable: every page of every example and generated journey
// keeps body text at least MinBodyPx on a 1920x1080 slide, covers the
// steps in order exactly once, and shows no lane without a cell.
func TestPagesReadable(t *testing.T) {
	var js []*journey.Journey
	for _, p := range examples {
		js = append(js, loadFile(t, p))
	}
	for _, n := range sizesUnderTest {
		js = append(js, genJourney(t, n))
	}
	for _, j := range js {
		for _, name := range []string{"16:9", "4:3", "a4"} {
			sz := Sizes[name]
			ps := Pages(j, sz, false)
			var seen []string
			for i, p := range ps {
				if p.BodyPx < MinBodyPx {
					t.Errorf("%s %s page %d (%v): body text %.2f px, under %v", j.Path, name, i+1, p.Steps, p.BodyPx, MinBodyPx)
				}
				seen = append(seen, p.Steps...)
				g := render.LayOutPage(j, look{}.page(p.Steps, p.NoEmotion))
				used := map[int]bool{}
				for _, c := range g.Cells {
					used[c.Row] = true
				}
				for ri, r := range g.Rows {
					if r.Lane != "" && !used[ri] {
						t.Errorf("%s page %d: lane %s has no cell", j.Path, i+1, r.Lane)
					}
				}
			}
			all := j.Steps()
			if len(seen) != len(all) {
				t.Fatalf("%s: pages hold %d steps, journey has %d", j.Path, len(seen), len(all))
			}
			for i, s := range all {
				if seen[i] != s.ID {
					t.Fatalf("%s: page order has %s where %s belongs", j.Path, seen[i], s.ID)
				}
			}
		}
	}
}

// TestPagesStageBoundary: a page that could end at a stage boundary in the
// second half of what fits does.
func TestPagesStageBoundary(t *testing.T) {
	j := genJourney(t, 60)
	ps := Pages(j, Sizes["16:9"], false)
	stage := func(id string) string { s, _ := j.Step(id); return s.Stage.ID }
	crossings := 0
	for _, p := range ps {
		for k := 1; k < len(p.Steps); k++ {
			if stage(p.Steps[k]) != stage(p.Steps[k-1]) {
				crossings++
			}
		}
	}
	if crossings > len(ps)/2 {
		t.Errorf("%d of %d pages cross a stage boundary", crossings, len(ps))
	}
}

// TestSplitRowsEvenly: a run of rows that needs two slides is split about
// evenly, never leaving a few rows alone on the last slide (issue 20).
func TestSplitRowsEvenly(t *testing.T) {
	for _, c := range []struct {
		rows  int
		h     float64
		room  float64
		pages int
	}{
		{23, 40, 900, 2}, {21, 40, 900, 1}, {50, 40, 900, 3}, {3, 300, 900, 2},
	} {
		rows := make([]Row, c.rows)
		for i := range rows {
			rows[i].H = c.h
		}
		pages := splitRows(rows, 40, c.room)
		if len(pages) != c.pages {
			t.Errorf("%d rows of %v: %d pages, want %d", c.rows, c.h, len(pages), c.pages)
			continue
		}
		lo, hi, n := c.rows, 0, 0
		for _, p := range pages {
			lo, hi, n = min(lo, len(p)), max(hi, len(p)), n+len(p)
		}
		if n != c.rows || hi-lo > 1 {
			t.Errorf("%d rows of %v: pages of %d to %d rows (%d in all)", c.rows, c.h, lo, hi, n)
		}
	}
}

// TestWrapCutsAtWords: a text cut short ends at a word boundary.
func TestWrapCutsAtWords(t *testing.T) {
	lines := wrap("Checks the scanned passports of all three applicants against the register", 200, 17, false, 2)
	if len(lines) != 2 {
		t.Fatalf("lines %q", lines)
	}
	last := strings.TrimSuffix(lines[1], "…")
	if last == lines[1] {
		t.Fatalf("no ellipsis: %q", lines)
	}
	full := "Checks the scanned passports of all three applicants against the register"
	if !strings.Contains(full, last+" ") {
		t.Errorf("cut inside a word: %q", lines)
	}
}

// TestPersonaLegendOnEveryPage: a blueprint slide whose steps carry P-tags
// names those personas on the slide (issue 20).
func TestPersonaLegendOnEveryPage(t *testing.T) {
	j := loadFile(t, "../../examples/building-permit/current.yaml")
	d, err := Build(j, Options{})
	if err != nil {
		t.Fatal(err)
	}
	tagged := 0
	for i, s := range d.Slides {
		if s.Kind != "blueprint" {
			continue
		}
		var steps []string
		for _, sh := range s.Shapes {
			if sh.Kind == ShapePicture {
				for _, n := range sh.Picture.Native {
					for _, l := range n.Lines {
						if l == "P1" || l == "P2" {
							steps = append(steps, l)
						}
					}
				}
			}
		}
		if len(steps) == 0 {
			continue
		}
		tagged++
		found := false
		for _, sh := range s.Shapes {
			found = found || (sh.Kind == ShapeText && strings.Contains(strings.Join(sh.Lines, " "), "Persona tags: "))
		}
		if !found {
			t.Errorf("slide %d shows %v but no persona legend", i+1, steps)
		}
	}
	if tagged == 0 {
		t.Error("no blueprint slide shows a persona tag: the example changed?")
	}
}

// TestFlowSlideNumbers: "page N (slide M)" names the slide page N is on.
func TestFlowSlideNumbers(t *testing.T) {
	j := loadFile(t, "../../examples/building-permit/current.yaml")
	d, err := Build(j, Options{})
	if err != nil {
		t.Fatal(err)
	}
	re := regexp.MustCompile(`page (\d+) \(slide (\d+)\)`)
	checked := 0
	for _, s := range d.Slides {
		for _, sh := range s.Shapes {
			for _, m := range re.FindAllStringSubmatch(strings.Join(sh.Lines, " "), -1) {
				n, _ := strconv.Atoi(m[2])
				if n < 1 || n > len(d.Slides) || !strings.Contains(d.Slides[n-1].Title, "page") {
					t.Errorf("%q: slide %d is %q", m[0], n, d.Slides[max(0, min(n, len(d.Slides))-1)].Title)
					continue
				}
				title := d.Slides[n-1].Title
				if !strings.Contains(title, " "+m[1]+" of") && !strings.Contains(title, m[1]+"–") && !strings.Contains(title, "–"+m[1]+" ") {
					t.Errorf("%q: slide %d is %q", m[0], n, title)
				}
				checked++
			}
		}
	}
	if checked == 0 {
		t.Error("no flow names a slide")
	}
}
