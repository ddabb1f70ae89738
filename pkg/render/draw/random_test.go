package draw

import (
	"bytes"
	"fmt"
	"math/rand"
	"strings"
	"testing"

	"github.com/cxmap/cxmap/pkg/journey"
	"github.com/cxmap/cxmap/pkg/render/layout"
)

// words mixes plain words, markup, escapes, CJK and emoji, so random labels
// exercise wrapping and escaping together.
var words = []string{"the", "customer", "uploads", "a", "Supercalifragilisticexpialidocious", "<b>", "&amp;", `\N`, `"quoted"`,
	"申請書", "を提出", "🙂", "Ça", "—", "x", "[bracket]", "{brace}", "->", "&#x41;", "line\nbreak", "tab\there"}

func randText(r *rand.Rand, max int) string {
	n := r.Intn(max)
	var b []string
	for i := 0; i < n; i++ {
		b = append(b, words[r.Intn(len(words))])
	}
	return strings.Join(b, " ")
}

// randomJourney builds a valid journey with random lanes, contacts,
// ratings, emotions, branches and loops.
func randomJourney(r *rand.Rand, steps int) *journey.Journey {
	j := &journey.Journey{ID: "random", Title: randText(r, 12), State: journey.Current}
	zones := []string{journey.Frontstage, journey.Backstage, journey.Support}
	for i := 0; i < r.Intn(7); i++ {
		j.Lanes = append(j.Lanes, journey.Lane{ID: fmt.Sprintf("l%d", i), Name: randText(r, 6), Zone: zones[r.Intn(3)]})
	}
	ratings := []string{"", journey.Green, journey.Yellow, journey.Red}
	var st *journey.Stage
	for i := 0; i < steps; i++ {
		if st == nil || r.Intn(5) == 0 {
			j.Stages = append(j.Stages, journey.Stage{ID: fmt.Sprintf("s%d", len(j.Stages)), Name: randText(r, 5)})
			st = &j.Stages[len(j.Stages)-1]
		}
		s := journey.Step{ID: fmt.Sprintf("p%d", i), Action: randText(r, 30), Rating: ratings[r.Intn(4)], Critical: r.Intn(4) == 0}
		if r.Intn(3) > 0 {
			e := r.Intn(5) - 2
			s.Emotion = &e
		}
		for k := 0; k < r.Intn(3); k++ {
			s.Evidence = append(s.Evidence, randText(r, 8))
		}
		for _, l := range j.Lanes {
			for k := 0; k < r.Intn(3)-1+boolInt(r.Intn(3) == 0); k++ {
				c := journey.Contact{Lane: journey.Text{Value: l.ID}, Does: randText(r, 20), Rating: ratings[r.Intn(4)]}
				if l.Zone == journey.Frontstage {
					s.Touchpoints = append(s.Touchpoints, c)
				} else {
					s.Backstage = append(s.Backstage, c)
				}
			}
		}
		if r.Intn(4) == 0 {
			s.Next = []journey.Text{}
			for k := 0; k < r.Intn(3); k++ {
				s.Next = append(s.Next, journey.Text{Value: fmt.Sprintf("p%d", r.Intn(steps))})
			}
		}
		st.Steps = append(st.Steps, s)
	}
	return j
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// TestRandomJourneysRender draws many random journeys: every one must
// render to well-formed SVG with every cell in it, and stay inside its box.
func TestRandomJourneysRender(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	for i := 0; i < 40; i++ {
		j := randomJourney(r, 1+r.Intn(25))
		for _, o := range []layout.Options{{}, {Stage: j.Stages[len(j.Stages)-1].ID, NoEmotion: true}} {
			g, err := layout.Build(j, o)
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			if err := SVG(g, &buf); err != nil {
				t.Fatalf("journey %d: %v", i, err)
			}
			svgText(t, buf.Bytes()) // well-formed
			for _, c := range g.Cells {
				if !bytes.Contains(buf.Bytes(), []byte("<title>"+strings.ReplaceAll(c.ID, "-", "&#45;")+"</title>")) {
					t.Fatalf("journey %d: cell %s missing from the SVG", i, c.ID)
				}
				if c.X < 0 || c.Y < 0 || c.X+c.W > g.Width || c.Y+c.H > g.Height {
					t.Fatalf("journey %d: cell %s outside the picture", i, c.ID)
				}
			}
		}
	}
}
