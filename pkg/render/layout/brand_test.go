package layout

import (
	"reflect"
	"testing"

	"github.com/cxmap/cxmap/pkg/theme"
)

// The default theme, given or not, is cxmap's look of before themes.
func TestBrandDefault(t *testing.T) {
	if got := BrandFor(theme.Default()); !reflect.DeepEqual(got, DefaultBrand()) {
		t.Errorf("BrandFor(theme.Default()) = %+v\nwant %+v", got, DefaultBrand())
	}
	if got := BrandFor(nil); !reflect.DeepEqual(got, DefaultBrand()) {
		t.Error("BrandFor(nil) is not DefaultBrand")
	}
}

// Every colour that carries words in a picture reaches WCAG AA on its
// fill, in the default and in the example themes.
func TestBrandContrast(t *testing.T) {
	for _, path := range []string{"", "../../../examples/themes/riverside.yaml", "../../../examples/themes/night.yaml"} {
		var th *theme.Theme
		if path != "" {
			var err error
			if th, err = theme.Load(path); err != nil {
				t.Fatal(err)
			}
		}
		b := BrandFor(th)
		type pair struct{ what, fore, back string }
		pairs := []pair{
			{"text on the background", b.Text, b.Background},
			{"muted text on the background", b.Muted, b.Background},
			{"row names on the header column", b.Text, b.HeaderFill},
			{"band 1 words", b.BandInk[0], b.Bands[0]},
			{"band 2 words", b.BandInk[1], b.Bands[1]},
			{"the critical mark", b.CriticalInk, b.Critical},
			{"persona tags", b.TagInk, b.TagFill},
		}
		for k, z := range b.Zones {
			pairs = append(pairs, pair{"muted notes on the " + string(k) + " row", b.Muted, z})
		}
		for r, c := range b.Ratings {
			pairs = append(pairs, pair{"rating " + r + " word", c.Ink, c.Fill}, pair{"text in a " + r + " cell", b.Text, c.Tint})
		}
		for _, p := range pairs {
			f, err1 := theme.ParseHex(p.fore)
			g, err2 := theme.ParseHex(p.back)
			if err1 != nil || err2 != nil {
				t.Fatalf("%s: %s: %q on %q", path, p.what, p.fore, p.back)
			}
			if r := theme.Contrast(f, g); r < theme.AANormal {
				t.Errorf("%s: %s: %s on %s is %.2f:1", path, p.what, p.fore, p.back, r)
			}
		}
	}
}
