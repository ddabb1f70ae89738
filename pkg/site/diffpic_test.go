package site

import (
	"strings"
	"testing"
)

// TestComparisonPicture: the future state's comparison section shows the
// picture of the change (pkg/diff's, drawn by draw.SVGDirect): removed
// steps ghosted (the veil survives the page's SVG fence), old ratings
// tagged, the legend naming the marks, every id prefixed.
func TestComparisonPicture(t *testing.T) {
	_, files := writeSite(t, load(t, "../../examples"))
	page := files["journeys/building-permit-future.html"]
	i := strings.Index(page, `<details class="diff-picture" open>`)
	if i < 0 {
		t.Fatal("the comparison section has no picture")
	}
	pic := page[i : i+strings.Index(page[i:], "</details>")]
	for _, want := range []string{
		`<title id="c-building-permit-future-title">Changes from Commercial renovation permit (current state): 11 improved, 1 regressed, 2 added, 2 removed, 2 unchanged</title>`,
		`fill-opacity="`, ">removed<", ">new<", ">was Very unhappy<", ">text changed<",
	} {
		if !strings.Contains(pic, want) {
			t.Errorf("the picture lacks %q", want)
		}
	}
	if strings.Contains(pic, ` id="j-`) {
		t.Error("the picture's ids collide with the blueprint's")
	}
	if strings.Contains(files["journeys/building-permit.html"], "diff-picture") {
		t.Error("a current state with no baseline has a comparison picture")
	}
}
