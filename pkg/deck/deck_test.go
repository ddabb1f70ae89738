package deck

import (
	"fmt"
	"time"

	"github.com/cxmap/cxmap/pkg/journey"

	"strings"
	"testing"
)

// TestSlidesReadable: on every blueprint slide of the examples and a
// generated 26-step journey, every picture keeps body text at least
// MinBodyPx, lies inside the slide and overlaps no other picture; every
// page is on exactly one slide; and no text shape is under 14 px.
func TestSlidesReadable(t *testing.T) {
	js := []string{}
	js = append(js, examples...)
	for _, p := range js {
		checkSlides(t, p, func() *Deck {
			d, err := Build(loadFile(t, p), Options{})
			if err != nil {
				t.Fatal(err)
			}
			return d
		}())
	}
	d, err := Build(genJourney(t, 26), Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkSlides(t, "generated-26", d)
}

func checkSlides(t *testing.T, name string, d *Deck) {
	t.Helper()
	pics := 0
	for i, s := range d.Slides {
		var rs []Rect
		for _, sh := range s.Shapes {
			if sh.Kind == ShapeText && len(sh.Lines) > 0 && sh.Size < MinBodyPx {
				t.Errorf("%s slide %d: text %q at %v px", name, i+1, sh.Lines[0], sh.Size)
			}
			if sh.Kind == ShapeTable && sh.Table.Size < MinBodyPx {
				t.Errorf("%s slide %d: table text at %v px", name, i+1, sh.Table.Size)
			}
			r := sh.Rect
			if r.X < 0 || r.Y < 0 || r.X+r.W > d.Size.W+0.01 || r.Y+r.H > d.Size.H+0.01 {
				t.Errorf("%s slide %d: shape %+v leaves the %vx%v slide", name, i+1, r, d.Size.W, d.Size.H)
			}
			if sh.Kind != ShapePicture {
				continue
			}
			pics++
			if px := BodyPt * sh.Picture.Scale; px < MinBodyPx-0.01 {
				t.Errorf("%s slide %d: body text %.2f px", name, i+1, px)
			}
			for _, o := range rs {
				if r.X < o.X+o.W && o.X < r.X+r.W {
					t.Errorf("%s slide %d: pictures overlap", name, i+1)
				}
			}
			rs = append(rs, r)
		}
		if s.Kind == "blueprint" && !strings.Contains(s.Title, "Blueprint page") {
			t.Errorf("%s slide %d: title %q", name, i+1, s.Title)
		}
	}
	if pics != len(d.Pages) {
		t.Errorf("%s: %d pictures for %d pages", name, pics, len(d.Pages))
	}
}

// TestTitleManyPersonas: every persona is named on the title slide, and
// however many there are, nothing runs into the footer.
func TestTitleManyPersonas(t *testing.T) {
	var b strings.Builder
	b.WriteString("cxmap: 1\nid: many\ntitle: " + strings.Repeat("A long journey title ", 8) + "\n")
	b.WriteString("description: " + strings.Repeat("Words of a description. ", 60) + "\npersonas:\n")
	for i := range 20 {
		fmt.Fprintf(&b, "  - id: p%d\n    name: Persona number %d\n    goal: Get it done\n    expectations: [Speed]\n", i, i)
	}
	b.WriteString("stages:\n  - id: s\n    name: S\n    steps:\n      - id: a\n        action: Asks\n")
	j, fs := journey.Parse("many.yaml", []byte(b.String()))
	if j == nil {
		t.Fatalf("invalid: %v", fs)
	}
	sz := Sizes["16:9"]
	s := newBuilder(Options{}).titleSlide(j, sz, time.Time{})
	var all strings.Builder
	for _, sh := range s.Shapes[:len(s.Shapes)-1] { // the last is the footer
		if sh.Y+sh.H > sz.H-60 {
			t.Errorf("shape %q ends at %.0f px, into the footer", sh.Lines, sh.Y+sh.H)
		}
		all.WriteString(strings.Join(sh.Lines, " ") + " ")
	}
	text := strings.Join(strings.Fields(all.String()), " ")
	for i := range 20 {
		if name := fmt.Sprintf("Persona number %d", i); !strings.Contains(text, name) {
			t.Errorf("title slide does not name %q", name)
		}
	}
	if !strings.Contains(s.Notes, "Persona number 19 expects: Speed") {
		t.Errorf("notes lack the expectations: %q", s.Notes)
	}
}

// TestCellFoot: an overview cell ends with emotion and time in words when
// they fit, as bare numbers when the cell is narrow, and nothing without.
func TestCellFoot(t *testing.T) {
	e := 1
	step := journey.Step{Emotion: &e, Duration: journey.Duration{Text: "3d"}}
	none := journey.Step{}
	only := journey.Step{Duration: journey.Duration{Text: "2w 3d"}}
	tests := []struct {
		name string
		s    *journey.Step
		w    float64
		want string
	}{
		{"wide", &step, 400, "Emotion +1 · Time 3d"},
		{"narrow", &step, 112, "+1 · 3d"},
		{"time only", &only, 400, "Time 2w 3d"},
		{"nothing", &none, 400, ""},
	}
	for _, tc := range tests {
		if got := newBuilder(Options{}).cellFoot(journey.StepRef{Step: tc.s}, tc.w); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}
