package deck

import (
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
