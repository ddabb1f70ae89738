package site

import (
	"bytes"
	"errors"
	"fmt"
	"html"
	"html/template"
	"strings"

	"github.com/cxmap/cxmap/pkg/journey"
	"github.com/cxmap/cxmap/pkg/render"
	"github.com/cxmap/cxmap/pkg/render/draw"
	"github.com/cxmap/cxmap/pkg/render/layout"
)

// Blueprint is a journey's blueprint laid out: the whole journey, and each
// stage on its own with only the lanes its steps use (the journey page's
// stage view, which a phone can read). It holds grids (data), never markup.
type Blueprint struct {
	Full *layout.Grid `json:"full"`
	// Stages are by stage in file order; nil for a stage without steps.
	Stages []*layout.Grid `json:"stages"`
}

// Layouts lays out a journey's blueprint: Options.Layout, or
// Options.LayOut when that is nil (cxmap site --cache keeps the grids).
type Layouts func(j *journey.Journey) (*Blueprint, error)

// LayOut lays out a journey's blueprint with the rows `cxmap render` draws
// by default (the time row), so the site shows the same picture; a stage
// alone is the compact picture a deck's page is (no title block: the page
// names the stage). A journey too large for `render` to draw is refused
// the same way, with the same advice (CheckSize). It is safe to call from
// many goroutines.
func (o Options) LayOut(j *journey.Journey) (*Blueprint, error) {
	if err := CheckSize(j); err != nil {
		return nil, err
	}
	full, err := layout.Build(j, layout.Options{Rows: layout.DefaultRows(), Theme: o.Theme, Locale: o.Locale})
	if err != nil {
		return nil, err
	}
	b := &Blueprint{Full: full, Stages: make([]*layout.Grid, len(j.Stages))}
	for i, st := range j.Stages {
		if len(st.Steps) == 0 {
			continue
		}
		ids := make([]string, len(st.Steps))
		for k, s := range st.Steps {
			ids[k] = s.ID
		}
		if b.Stages[i], err = layout.Build(j, layout.Options{Rows: layout.DefaultRows(), Steps: ids, Compact: true,
			Theme: o.Theme, Locale: o.Locale}); err != nil {
			return nil, err
		}
	}
	return b, nil
}

// Restore sets what a blueprint read back from its JSON (cxmap site
// --cache) lacks: the theme and words it is drawn in (layout.Grid.Restore).
func (o Options) Restore(b *Blueprint) {
	lo := layout.Options{Theme: o.Theme, Locale: o.Locale}
	for _, g := range append([]*layout.Grid{b.Full}, b.Stages...) {
		if g != nil {
			g.Restore(lo)
		}
	}
}

// layOut is the journey's blueprint from the hook Options.Layout, or
// Options.LayOut.
func (o Options) layOut(j *journey.Journey) (*Blueprint, error) {
	if o.Layout != nil {
		return o.Layout(j)
	}
	return o.LayOut(j)
}

// DrawGrid draws a laid-out blueprint as SVG. Every text of the grid is
// escaped by the drawing, so a grid read back from a cache (site --cache
// keeps grids, never markup) cannot bring markup into a page.
func DrawGrid(g *layout.Grid) ([]byte, error) {
	var buf bytes.Buffer
	if err := draw.SVGDirect(g, &buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// drawInline draws a grid for a page: without the theme's font files and
// logo, which the page already carries (its @font-face, which
// .blueprint text uses, and its header), so a drawing stays a drawing (no
// <style>, no <image>: inlineSVG refuses both) and a page holds the font
// once, not once per picture; a stage's picture leaves out the footer
// line, which the page shows.
func drawInline(g *layout.Grid, stage bool) ([]byte, error) {
	c := *g
	c.Brand.FontRegular, c.Brand.FontBold, c.Brand.Logo = "", "", ""
	if stage {
		c.Footer = nil
	}
	return DrawGrid(&c)
}

// CheckSize refuses a journey whose blueprint `cxmap render -f svg` refuses
// as too large to draw (render.CheckWork): the site draws the same picture,
// and a picture that large cannot be read on a page either.
func CheckSize(j *journey.Journey) error {
	return render.CheckWork(j, "svg")
}

// stepLabel is what a step's cell says to a screen reader: "Step: ACTION
// (RATING WORD). Show details", in the site's language.
type stepLabel string

// inlineSVG turns Graphviz's SVG document into markup to place inside an
// HTML page: the XML prolog, doctype, comments and Graphviz's internal
// <title>s go; every id gets prefix (and so do url(#…) and href="#…"
// references), so two drawings on one page never share an id; the <svg>
// gets a real <title> and <desc>; and each step's action cell becomes a
// button (tabindex, role, aria-label) carrying data-step, while its
// touchpoint and backstage cells carry data-step too (clickable, not
// tabbable). The labels were escaped by the renderer; a document holding a
// script, foreignObject or javascript: URL is refused all the same.
func inlineSVG(svg []byte, prefix, title, desc string, steps map[string]stepLabel) (template.HTML, error) {
	i := bytes.Index(svg, []byte("<svg"))
	if i < 0 {
		return "", errors.New("the renderer wrote no <svg> element")
	}
	src := string(svg[i:])
	var b strings.Builder
	b.Grow(len(src) + len(src)/8)
	esc := template.HTMLEscapeString
	// The <svg> start tag.
	end := strings.IndexByte(src, '>')
	if end < 0 {
		return "", errors.New("the renderer wrote an unterminated <svg> tag")
	}
	if err := checkTag(src[:end+1]); err != nil {
		return "", err
	}
	b.WriteString(src[:end])
	fmt.Fprintf(&b, ` class="blueprint" role="group" aria-labelledby="%s-title %s-desc">`, prefix, prefix)
	fmt.Fprintf(&b, `<title id="%s-title">%s</title><desc id="%s-desc">%s</desc>`, prefix, esc(title), prefix, esc(desc))
	rest := src[end+1:]
	for len(rest) > 0 {
		k := strings.IndexByte(rest, '<')
		if k < 0 {
			b.WriteString(rest)
			break
		}
		b.WriteString(rest[:k])
		rest = rest[k:]
		switch {
		case strings.HasPrefix(rest, "<!--"):
			e := strings.Index(rest, "-->")
			if e < 0 {
				return "", errors.New("the renderer wrote an unterminated comment")
			}
			rest = strings.TrimPrefix(rest[e+3:], "\n")
		case strings.HasPrefix(rest, "<title>"):
			e := strings.Index(rest, "</title>")
			if e < 0 {
				return "", errors.New("the renderer wrote an unterminated <title>")
			}
			rest = strings.TrimPrefix(rest[e+len("</title>"):], "\n")
		default:
			e := strings.IndexByte(rest, '>')
			if e < 0 {
				return "", errors.New("the renderer wrote an unterminated tag")
			}
			tag := rest[:e+1]
			rest = rest[e+1:]
			if err := checkTag(tag); err != nil {
				return "", err
			}
			if strings.HasPrefix(tag, "<g ") && strings.Contains(tag, `class="node"`) {
				// The node's name is in the <title> that follows.
				name := ""
				if t := strings.TrimPrefix(rest, "\n"); strings.HasPrefix(t, "<title>") {
					if e := strings.Index(t, "</title>"); e >= 0 {
						name = html.UnescapeString(t[len("<title>"):e])
					}
				}
				tag = stepTag(tag, name, steps)
			}
			b.WriteString(prefixIDs(tag, prefix))
		}
	}
	return template.HTML(b.String()), nil
}

// checkTag refuses what a drawing must never bring into a page: elements
// that run or embed content, and links anywhere but inside the drawing
// (Graphviz writes none for cxmap's DOT; labels reach the SVG escaped, so
// every "<" starts a tag).
func checkTag(tag string) error {
	body := strings.TrimPrefix(tag[1:], "/") // an end tag's name too
	name := body
	if n := strings.IndexAny(name, " \t\n/>"); n >= 0 {
		name = name[:n]
	}
	switch el := strings.ToLower(name); {
	case el == "script", el == "foreignobject", el == "iframe", el == "object", el == "embed", el == "style", el == "!entity", el == "!doctype":
		return fmt.Errorf("the drawing holds a <%s> element, which a page must not", name)
	case !svgElements[el]:
		// Animation (set, animate…) can turn any attribute into a link.
		return fmt.Errorf("the drawing holds a <%s> element, which the renderer never writes", name)
	}
	// The attributes, name="value" (Graphviz always quotes).
	t := strings.TrimSuffix(strings.TrimSuffix(body[len(name):], ">"), "/")
	for {
		t = strings.TrimLeft(t, " \t\n")
		eq := strings.IndexByte(t, '=')
		if eq < 0 {
			break
		}
		attr := strings.ToLower(strings.TrimSpace(t[:eq]))
		t = t[eq+1:]
		if !strings.HasPrefix(t, `"`) {
			return fmt.Errorf("the drawing has an unquoted attribute %s", attr)
		}
		end := strings.IndexByte(t[1:], '"')
		if end < 0 {
			return errors.New("the drawing has an unterminated attribute")
		}
		value := t[1 : 1+end]
		t = t[end+2:]
		switch {
		case strings.HasPrefix(attr, "on"):
			return errors.New("the drawing holds an event handler, which a page must not")
		case !svgAttributes[attr]:
			return fmt.Errorf("the drawing has an attribute %s, which the renderer never writes", attr)
		case (attr == "href" || strings.HasSuffix(attr, ":href")) && !strings.HasPrefix(value, "#"):
			return errors.New("the drawing links outside itself, which a page must not")
		}
	}
	return nil
}

// svgElements and svgAttributes are what draw.SVGDirect writes: anything
// else in a drawing is refused (the fence is a list of what is allowed, not
// of what is known to be dangerous).
var (
	svgElements = map[string]bool{"svg": true, "g": true, "title": true, "desc": true, "a": true, "rect": true, "text": true,
		"path": true, "polygon": true, "polyline": true, "circle": true, "ellipse": true, "line": true}
	svgAttributes = map[string]bool{"width": true, "height": true, "viewbox": true, "xmlns": true, "xmlns:xlink": true,
		"id": true, "class": true, "transform": true, "fill": true, "stroke": true, "stroke-width": true,
		"stroke-dasharray": true, "fill-opacity": true, "x": true, "y": true, "rx": true, "cx": true, "cy": true, "r": true, "d": true,
		"points": true, "text-anchor": true, "font-family": true, "font-size": true, "font-weight": true,
		"xlink:title": true, "href": true, "xlink:href": true}
)

// stepTag marks a node group that draws a step's cell.
func stepTag(tag, name string, steps map[string]stepLabel) string {
	kind, rest, ok := strings.Cut(name, ":")
	if !ok {
		return tag
	}
	id := rest
	if kind == "touch" || kind == "back" {
		id, _, _ = strings.Cut(rest, ":")
	} else if kind != "action" {
		return tag
	}
	l, ok := steps[id]
	if !ok {
		return tag
	}
	attrs := ` data-step="` + template.HTMLEscapeString(id) + `"`
	class := "node step-part"
	if kind == "action" {
		class = "node step"
		attrs += ` tabindex="0" role="button" aria-label="` + template.HTMLEscapeString(string(l)) + `"`
	}
	tag = strings.Replace(tag, `class="node"`, `class="`+class+`"`, 1)
	return strings.TrimSuffix(tag, ">") + attrs + ">"
}

// prefixIDs gives every id in a tag the prefix, and every local reference.
func prefixIDs(tag, prefix string) string {
	if !strings.Contains(tag, `id="`) && !strings.Contains(tag, "#") {
		return tag
	}
	tag = strings.ReplaceAll(tag, ` id="`, ` id="`+prefix+"-")
	tag = strings.ReplaceAll(tag, `url(#`, `url(#`+prefix+"-")
	tag = strings.ReplaceAll(tag, `href="#`, `href="#`+prefix+"-")
	return tag
}
