package draw

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"os"
	"strings"

	"github.com/cxmap/cxmap/pkg/render/layout"
)

// A theme's font and logo in SVG. Graphviz names the font (fontname, from
// Grid.Brand.Font) but cannot embed it or draw a picture from a file, so
// both are added to its SVG afterwards (BrandSVG): the font as @font-face
// data URLs, so the picture shows in the theme's font on any machine, and
// the logo as an <image> data URL. The SVG stays one self-contained file.
// SVGDirect draws the logo the same way and leaves the font to the page
// it is put in (the site's CSS).

// svgDefs is the <defs> holding the theme font's @font-face rules; "" with
// no theme font.
func svgDefs(b *layout.Brand) (string, error) {
	if b.FontRegular == "" {
		return "", nil
	}
	var css strings.Builder
	for _, f := range []struct {
		path, weight string
	}{{b.FontRegular, "normal"}, {b.FontBold, "bold"}} {
		if f.path == "" {
			continue
		}
		data, err := os.ReadFile(f.path)
		if err != nil {
			return "", fmt.Errorf("theme font: %w", err)
		}
		mime := "font/ttf"
		if bytes.HasPrefix(data, []byte("OTTO")) {
			mime = "font/otf"
		}
		fmt.Fprintf(&css, "@font-face{font-family:\"%s\";font-weight:%s;src:url(data:%s;base64,%s)}",
			xmlText(b.Font), f.weight, mime, base64.StdEncoding.EncodeToString(data))
	}
	return "<defs><style>" + css.String() + "</style></defs>\n", nil
}

// svgLogo is the theme's logo as an <image> at g.Logo, in the SVG's
// coordinates (the grid's plus svgMargin); "" with no logo.
func svgLogo(g *layout.Grid) (string, error) {
	if g.Brand.Logo == "" || g.Logo.W == 0 {
		return "", nil
	}
	data, err := os.ReadFile(g.Brand.Logo)
	if err != nil {
		return "", fmt.Errorf("theme logo: %w", err)
	}
	mime := "image/svg+xml"
	if bytes.HasPrefix(data, []byte("\x89PNG")) {
		mime = "image/png"
	}
	r := g.Logo
	return fmt.Sprintf("<image x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\" preserveAspectRatio=\"xMidYMid meet\" xlink:href=\"data:%s;base64,%s\"/>\n",
		num(r.X+svgMargin), num(r.Y+svgMargin), num(r.W), num(r.H), mime, base64.StdEncoding.EncodeToString(data)), nil
}

// BrandSVG adds the theme's font and logo to Graphviz's SVG of g; without
// either, svg is returned as it is.
func BrandSVG(svg []byte, g *layout.Grid) ([]byte, error) {
	defs, err := svgDefs(&g.Brand)
	if err != nil {
		return nil, err
	}
	logo, err := svgLogo(g)
	if err != nil {
		return nil, err
	}
	if defs == "" && logo == "" {
		return svg, nil
	}
	open := bytes.Index(svg, []byte("<svg"))
	end := bytes.LastIndex(svg, []byte("</svg>"))
	if open < 0 || end < open {
		return nil, fmt.Errorf("graphviz wrote no <svg> element")
	}
	at := open + bytes.IndexByte(svg[open:], '>') + 1
	var out bytes.Buffer
	out.Write(svg[:at])
	out.WriteString("\n" + defs)
	out.Write(svg[at:end])
	out.WriteString(logo)
	out.Write(svg[end:])
	return out.Bytes(), nil
}

// footer is the theme's footer line, in the muted colour.
func (d *dotWriter) footer(g *layout.Grid) {
	f := g.Footer
	if f == nil {
		return
	}
	d.plain("footer", f.Rect, table(f.W, 0)+lineRows(f.Text, g.Brand.Muted, 0, 0)+`</TABLE>`, tooltip(f.Text))
}

// footer is the theme's footer line, as the DOT's footer node draws it.
func (s *svgWriter) footer() {
	f := s.g.Footer
	if f == nil {
		return
	}
	done := s.node("footer", tooltip(f.Text))
	s.rowsText(tableLeft(f.Rect, f.W), f.Y+f.H/2-rowsHeight(f.Text, 0, 0)/2, f.Text, s.g.Brand.Muted, 0, 0)
	done()
}
