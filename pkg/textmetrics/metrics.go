package textmetrics

import (
	"fmt"
	"os"
	"sync"

	"golang.org/x/image/font/sfnt"
)

// Metrics measures text in one font (regular and bold). The package's
// functions measure in Liberation Sans (Default); a theme's font is
// measured with Load's.
type Metrics struct {
	faces [2]*face
	// floor, when set, is a font no text may measure narrower than:
	// Liberation Sans, whose widths are Arial's, which is what Graphviz
	// measures with when it places labels (see Load).
	floor *Metrics
	// Family is the font's family name, as SVG and DOT name it.
	Family string
	// Regular and Bold are the font files' bytes.
	Regular, Bold []byte
}

// Default is Liberation Sans (Arial's widths), named "Arial".
func Default() *Metrics { return std }

// adv is r's advance in em.
func (m *Metrics) adv(bold bool, r rune) float64 {
	i := 0
	if bold {
		i = 1
	}
	a := m.faces[i].advance(r)
	if m.floor != nil {
		a = max(a, m.floor.adv(bold, r))
	}
	return a
}

// view is one weight of m, for Count.
type view struct {
	m     *Metrics
	bold  bool
	maxEm float64
}

func (v view) advance(r rune) float64 { return v.m.adv(v.bold, r) }

func (m *Metrics) view(bold bool) view {
	v := view{m: m, bold: bold}
	for x := m; x != nil; x = x.floor {
		f := x.faces[0]
		if bold {
			f = x.faces[1]
		}
		f.load()
		v.maxEm = max(v.maxEm, f.maxEm)
	}
	return v
}

var (
	loadedMu sync.Mutex
	loaded   = map[[2]string]*Metrics{}
)

// Load measures with the TrueType or OpenType fonts in the files regular
// and bold (read once per process). Every advance is at least Liberation
// Sans's: Graphviz places labels measuring Arial (any other family gets
// Times' narrower widths), so a badge or line sized for a narrower font
// would not hold Graphviz's measure of it; a wider font wraps wider.
func Load(regular, bold string) (*Metrics, error) {
	key := [2]string{regular, bold}
	loadedMu.Lock()
	defer loadedMu.Unlock()
	if m, ok := loaded[key]; ok {
		return m, nil
	}
	m := &Metrics{floor: std}
	for i, path := range key {
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, err
		}
		ft, err := sfnt.Parse(data)
		if err != nil {
			return nil, fmt.Errorf("%s: not a font cxmap can read: %v", path, err)
		}
		if i == 0 {
			m.Regular = data
			var buf sfnt.Buffer
			m.Family, _ = ft.Name(&buf, sfnt.NameIDTypographicFamily)
			if m.Family == "" {
				m.Family, _ = ft.Name(&buf, sfnt.NameIDFamily)
			}
			if m.Family == "" {
				m.Family = "sans-serif"
			}
		} else {
			m.Bold = data
		}
		m.faces[i] = &face{data: data}
	}
	loaded[key] = m
	return m, nil
}
