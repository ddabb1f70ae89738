package deck

import (
	"bytes"
	"strings"
	"testing"
)

// TestComparePictureSlides: a future state's deck ends with the picture of
// the change from its baseline, paged like the blueprint: the marks on the
// pages, and in PPTX still native shapes (no picture), the removed steps'
// veil translucent and their outline dashed.
func TestComparePictureSlides(t *testing.T) {
	j := loadFile(t, "../../examples/building-permit/future.yaml")
	base := loadFile(t, "../../examples/building-permit/current.yaml")
	d, err := Build(j, Options{Baseline: base})
	if err != nil {
		t.Fatal(err)
	}
	var pics []int
	for i, s := range d.Slides {
		if s.Kind == "compare-blueprint" {
			pics = append(pics, i)
		}
	}
	if len(pics) == 0 {
		t.Fatal("no comparison picture slide")
	}
	if last := pics[len(pics)-1]; last != len(d.Slides)-1 || pics[0] != last-len(pics)+1 {
		t.Errorf("the comparison pictures are slides %v of %d: want the last ones, together", pics, len(d.Slides))
	}
	if !strings.HasPrefix(d.Slides[pics[0]].Title, "What changed since Commercial renovation permit (current state) — Blueprint page") {
		t.Errorf("first comparison picture is titled %q", d.Slides[pics[0]].Title)
	}
	// The same deck without a baseline, or against itself, has none.
	for _, o := range []Options{{}, {Baseline: j}} {
		plain, err := Build(j, o)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range plain.Slides {
			if s.Kind == "compare-blueprint" {
				t.Fatalf("a deck with baseline %v has a comparison picture", o.Baseline != nil)
			}
		}
	}
	var out bytes.Buffer
	if err := PPTX(&out, d); err != nil {
		t.Fatal(err)
	}
	parts := unzipped(t, out.Bytes())
	var all string
	for _, i := range pics {
		all += string(parts["ppt/slides/slide"+itoa(i+1)+".xml"])
	}
	for _, want := range []string{`<a:alpha val="`, `<a:prstDash val="dash"/></a:ln></p:spPr>`, ">removed<", ">new<", ">was Very unhappy<", ">changed<"} {
		if !strings.Contains(all, want) {
			t.Errorf("the comparison slides lack %q", want)
		}
	}
	if strings.Contains(all, "<p:pic>") {
		t.Error("a comparison slide holds a picture, not native shapes")
	}
}
