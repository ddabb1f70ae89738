package theme

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"math"
	"regexp"
	"sort"
	"strconv"
	"sync"

	"github.com/cxmap/cxmap/pkg/inputs"
)

// Palette is what FromLogo found: the logo's dominant colours, and the
// primary and accent made from them after contrast adjustment.
type Palette struct {
	Dominant []string // most used first, at most 5
	Primary  string   // carries white words at 4.5:1
	Accent   string   // readable as links on white at 4.5:1
}

// bucket gathers the pixels of one quantised colour.
type bucket struct {
	r, g, b, n float64
}

// FromLogo reads a PNG or SVG logo and proposes a primary and an accent
// colour from its dominant colours, adjusted to pass WCAG AA. Near-white,
// near-black and grey pixels (backgrounds and outlines) count only when the
// logo has nothing else.
func FromLogo(path string) (Palette, error) {
	data, err := inputs.ReadFile(path, MaxAsset)
	if err != nil {
		return Palette{}, err
	}
	var counts map[RGB]float64
	switch {
	case sniffLogo(data) != nil:
		return Palette{}, fmt.Errorf("%s: a logo is a PNG or SVG file", path)
	case bytes.HasPrefix(data, []byte("\x89PNG")):
		img, err := png.Decode(bytes.NewReader(data))
		if err != nil {
			return Palette{}, fmt.Errorf("%s: %v", path, err)
		}
		counts = pixelCounts(img)
	default:
		counts = svgColors(data)
	}
	if len(counts) == 0 {
		return Palette{}, fmt.Errorf("%s: no colour found in the logo", path)
	}
	return paletteFrom(counts), nil
}

// pixelCounts samples at most about 250,000 pixels of img.
func pixelCounts(img image.Image) map[RGB]float64 {
	b := img.Bounds()
	step := int(math.Max(1, math.Sqrt(float64(b.Dx()*b.Dy())/250000)))
	out := map[RGB]float64{}
	for y := b.Min.Y; y < b.Max.Y; y += step {
		for x := b.Min.X; x < b.Max.X; x += step {
			r, g, bl, a := img.At(x, y).RGBA()
			if a < 0x8000 {
				continue // transparent
			}
			// un-premultiply
			c := RGB{uint8(r * 0xffff / a >> 8), uint8(g * 0xffff / a >> 8), uint8(bl * 0xffff / a >> 8)}
			out[c]++
		}
	}
	return out
}

var (
	svgHex = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`#([0-9a-fA-F]{6}|[0-9a-fA-F]{3})\b`) })
	svgRGB = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`rgb\(\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})\s*\)`)
	})
)

// svgColors counts the colours written in an SVG's fills and strokes: a
// fair proxy for area in a flat logo.
func svgColors(data []byte) map[RGB]float64 {
	out := map[RGB]float64{}
	for _, m := range svgHex().FindAll(data, -1) {
		if c, err := ParseHex(string(m)); err == nil {
			out[c]++
		}
	}
	for _, m := range svgRGB().FindAllSubmatch(data, -1) {
		var v [3]uint8
		ok := true
		for i := range v {
			n, err := strconv.Atoi(string(m[i+1]))
			if err != nil || n > 255 {
				ok = false
				break
			}
			v[i] = uint8(n)
		}
		if ok {
			out[RGB{v[0], v[1], v[2]}]++
		}
	}
	return out
}

func paletteFrom(counts map[RGB]float64) Palette {
	// Quantise to 4 bits a channel, keeping each bucket's mean colour.
	all := map[int]*bucket{}
	chroma := map[int]*bucket{}
	for c, n := range counts {
		key := int(c.R>>4)<<8 | int(c.G>>4)<<4 | int(c.B>>4)
		add := func(m map[int]*bucket) {
			bk := m[key]
			if bk == nil {
				bk = &bucket{}
				m[key] = bk
			}
			bk.r += float64(c.R) * n
			bk.g += float64(c.G) * n
			bk.b += float64(c.B) * n
			bk.n += n
		}
		add(all)
		if _, s, l := c.hsl(); s >= 0.2 && l > 0.08 && l < 0.92 {
			add(chroma)
		}
	}
	use := chroma
	if len(use) == 0 {
		use = all
	}
	type scored struct {
		c RGB
		n float64
	}
	var list []scored
	for _, bk := range use {
		list = append(list, scored{RGB{uint8(bk.r / bk.n), uint8(bk.g / bk.n), uint8(bk.b / bk.n)}, bk.n})
	}
	sort.Slice(list, func(i, j int) bool {
		if list[i].n != list[j].n {
			return list[i].n > list[j].n
		}
		return list[i].c.Hex() < list[j].c.Hex()
	})
	var p Palette
	for i := 0; i < len(list) && i < 5; i++ {
		p.Dominant = append(p.Dominant, list[i].c.Hex())
	}
	white := RGB{255, 255, 255}
	primary := list[0].c
	accent := primary
	h0, _, _ := primary.hsl()
	for _, s := range list[1:] {
		h, _, _ := s.c.hsl()
		d := math.Abs(h - h0)
		if d > 180 {
			d = 360 - d
		}
		if d >= 30 {
			accent = s.c
			break
		}
	}
	np, _ := Nearest(primary, white, AANormal)
	na, _ := Nearest(accent, white, AANormal)
	p.Primary, p.Accent = np.Hex(), na.Hex()
	return p
}
