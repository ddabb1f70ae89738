package deck

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"runtime"
	"sort"
	"strings"
	"sync"
	"text/template"

	"github.com/cxmap/cxmap/pkg/render/raster"
)

// emuPerPx: a slide 1080 logical px tall is 6858000 EMU (7.5 in), as
// PowerPoint's own 16:9 and 4:3 slides are.
const emuPerPx = 6350

// pngScale is how many PNG pixels a picture gets per logical px: one, the
// pixels of a 1920x1080 projector (more doubles the time spent encoding).
const pngScale = 1.0

// xmlText escapes s for XML character data and attribute values; every
// text from a journey goes through it (templates never insert raw text).
func xmlText(s string) string {
	var b strings.Builder
	for _, r := range s {
		// XML 1.0 forbids most control characters even escaped.
		if r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0xFFFE || r == 0xFFFF {
			r = '\uFFFD'
		}
		switch r {
		case '\t', '\n', '\r':
			r = ' '
		}
		var e bytes.Buffer
		xml.EscapeText(&e, []byte(string(r)))
		b.Write(e.Bytes())
	}
	return strings.ReplaceAll(b.String(), `"`, "&#34;")
}

func emu(px float64) int64 { return int64(math.Round(px * emuPerPx)) }

// hundredths of a point for a size in logical px (a px is half a point on
// a 1080-px, 540-pt-tall slide).
func centipt(px float64) int { return int(math.Round(px * 50)) }

var funcs = template.FuncMap{
	"x":   xmlText,
	"emu": emu,
	"pt":  centipt,
	"hex": func(s string) string { return strings.TrimPrefix(s, "#") },
	"add": func(a, b int) int { return a + b },
}

// pptxT is parsed at first use, not when every command starts.
var pptxT = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("pptx").Funcs(funcs).Parse(`
{{define "types"}}` + xmlHead + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/ppt/notesMasters/notesMaster1.xml" ContentType="application/vnd.openxmlformats-officedocument.presentationml.notesMaster+xml"/>{{range .Slides}}<Override PartName="/ppt/notesSlides/notesSlide{{.N}}.xml" ContentType="application/vnd.openxmlformats-officedocument.presentationml.notesSlide+xml"/>{{end}}<Override PartName="/ppt/presProps.xml" ContentType="application/vnd.openxmlformats-officedocument.presentationml.presProps+xml"/><Override PartName="/ppt/presentation.xml" ContentType="application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"/><Override PartName="/ppt/slideLayouts/slideLayout1.xml" ContentType="application/vnd.openxmlformats-officedocument.presentationml.slideLayout+xml"/>{{.ExtraTypes}}<Override PartName="/ppt/slideMasters/slideMaster1.xml" ContentType="application/vnd.openxmlformats-officedocument.presentationml.slideMaster+xml"/>{{range .Slides}}<Override PartName="/ppt/slides/slide{{.N}}.xml" ContentType="application/vnd.openxmlformats-officedocument.presentationml.slide+xml"/>{{end}}<Override PartName="/ppt/tableStyles.xml" ContentType="application/vnd.openxmlformats-officedocument.presentationml.tableStyles+xml"/><Override PartName="/ppt/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/><Override PartName="/ppt/theme/theme2.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/></Types>{{end}}

{{define "presentation"}}` + xmlHead + `<p:presentation ` + nsPML + `{{if .FontList}} embedTrueTypeFonts="1"{{else}} saveSubsetFonts="1"{{end}}><p:sldMasterIdLst><p:sldMasterId id="2147483648" r:id="rId1"/></p:sldMasterIdLst><p:notesMasterIdLst><p:notesMasterId r:id="rId2"/></p:notesMasterIdLst><p:sldIdLst>{{range .Slides}}<p:sldId id="{{add 255 .N}}" r:id="rId{{add 9 .N}}"/>{{end}}</p:sldIdLst><p:sldSz cx="{{emu .W}}" cy="{{emu .H}}"/><p:notesSz cx="6858000" cy="9144000"/>{{.FontList}}</p:presentation>{{end}}

{{define "presentationRels"}}` + xmlHead + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="` + relNS + `slideMaster" Target="slideMasters/slideMaster1.xml"/><Relationship Id="rId2" Type="` + relNS + `notesMaster" Target="notesMasters/notesMaster1.xml"/><Relationship Id="rId3" Type="` + relNS + `theme" Target="theme/theme1.xml"/><Relationship Id="rId4" Type="` + relNS + `presProps" Target="presProps.xml"/><Relationship Id="rId5" Type="` + relNS + `tableStyles" Target="tableStyles.xml"/>{{.FontRels}}{{range .Slides}}<Relationship Id="rId{{add 9 .N}}" Type="` + relNS + `slide" Target="slides/slide{{.N}}.xml"/>{{end}}</Relationships>{{end}}

{{define "core"}}` + xmlHead + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{{x .Title}}</dc:title><dc:subject>{{x .Subject}}</dc:subject><dc:creator>{{x .Author}}</dc:creator><cp:lastModifiedBy>cxmap</cp:lastModifiedBy><dcterms:created xsi:type="dcterms:W3CDTF">{{.Date}}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">{{.Date}}</dcterms:modified></cp:coreProperties>{{end}}

{{define "app"}}` + xmlHead + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>cxmap</Application><PresentationFormat>{{x .Format}}</PresentationFormat><Slides>{{len .Slides}}</Slides><Notes>{{len .Slides}}</Notes></Properties>{{end}}

{{define "run"}}<a:r><a:rPr lang="{{.Lang}}" sz="{{pt .Size}}" b="{{if .Bold}}1{{else}}0{{end}}" dirty="0"><a:solidFill><a:srgbClr val="{{hex .Color}}"/></a:solidFill><a:latin typeface="{{x .Font}}"/><a:ea typeface="{{x .Font}}"/><a:cs typeface="{{x .Font}}"/></a:rPr><a:t>{{x .Text}}</a:t></a:r>{{end}}

{{define "paras"}}{{$s := .}}{{range .Lines}}<a:p><a:pPr algn="{{if $s.Centre}}ctr{{else if $s.RTL}}r{{else}}l{{end}}"{{if $s.RTL}} rtl="1"{{end}}><a:lnSpc><a:spcPts val="{{pt $s.LineH}}"/></a:lnSpc><a:spcBef><a:spcPts val="0"/></a:spcBef></a:pPr>{{template "run" ($s.Run .)}}</a:p>{{else}}<a:p><a:endParaRPr lang="{{.Lang}}" sz="{{pt .Size}}"/></a:p>{{end}}{{end}}

{{define "fill"}}{{if .}}<a:solidFill><a:srgbClr val="{{hex .}}"/></a:solidFill>{{else}}<a:noFill/>{{end}}{{end}}

{{define "text"}}<p:sp><p:nvSpPr><p:cNvPr id="{{.ID}}" name="Text {{.ID}}"/><p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr><p:spPr><a:xfrm><a:off x="{{emu .X}}" y="{{emu .Y}}"/><a:ext cx="{{emu .W}}" cy="{{emu .H}}"/></a:xfrm><a:prstGeom prst="{{.Geom}}"><a:avLst>{{if .Adj}}<a:gd name="adj" fmla="val {{.Adj}}"/>{{end}}</a:avLst></a:prstGeom>{{if .Alpha}}<a:solidFill><a:srgbClr val="{{hex .Fill}}"><a:alpha val="{{.Alpha}}"/></a:srgbClr></a:solidFill>{{else}}{{template "fill" .Fill}}{{end}}{{if .Line}}<a:ln w="{{emu .LineW}}"><a:solidFill><a:srgbClr val="{{hex .Line}}"/></a:solidFill>{{if .Dash}}<a:prstDash val="{{.Dash}}"/>{{end}}</a:ln>{{else}}<a:ln><a:noFill/></a:ln>{{end}}</p:spPr><p:txBody><a:bodyPr wrap="none" lIns="{{emu .InsetL}}" tIns="{{emu .InsetT}}" rIns="0" bIns="0" anchor="{{if .Centre}}ctr{{else}}t{{end}}" rtlCol="0"><a:noAutofit/></a:bodyPr><a:lstStyle/>{{template "paras" .}}</p:txBody></p:sp>{{end}}

{{define "pic"}}<p:pic><p:nvPicPr><p:cNvPr id="{{.ID}}" name="Blueprint {{.ID}}" descr="{{x .Alt}}"/><p:cNvPicPr><a:picLocks noChangeAspect="1"/></p:cNvPicPr><p:nvPr/></p:nvPicPr><p:blipFill><a:blip r:embed="{{.Rel}}"/><a:stretch><a:fillRect/></a:stretch></p:blipFill><p:spPr><a:xfrm><a:off x="{{emu .X}}" y="{{emu .Y}}"/><a:ext cx="{{emu .W}}" cy="{{emu .H}}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:pic>{{end}}

{{define "line"}}<p:cxnSp><p:nvCxnSpPr><p:cNvPr id="{{.ID}}" name="Line {{.ID}}"/><p:cNvCxnSpPr/><p:nvPr/></p:nvCxnSpPr><p:spPr><a:xfrm{{if .FlipH}} flipH="1"{{end}}{{if .FlipV}} flipV="1"{{end}}><a:off x="{{emu .X}}" y="{{emu .Y}}"/><a:ext cx="{{emu .W}}" cy="{{emu .H}}"/></a:xfrm><a:prstGeom prst="line"><a:avLst/></a:prstGeom><a:ln w="{{emu .LineW}}" cap="{{if .Dash}}flat{{else}}rnd{{end}}"><a:solidFill><a:srgbClr val="{{hex .Line}}"/></a:solidFill>{{if .Dash}}<a:prstDash val="{{.Dash}}"/>{{end}}{{if .Arrow}}<a:tailEnd type="triangle" w="sm" len="sm"/>{{end}}</a:ln></p:spPr></p:cxnSp>{{end}}

{{define "border"}}<a:solidFill><a:srgbClr val="{{hex .}}"/></a:solidFill>{{end}}

{{define "table"}}<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="{{.ID}}" name="Table {{.ID}}"/><p:cNvGraphicFramePr><a:graphicFrameLocks noGrp="1"/></p:cNvGraphicFramePr><p:nvPr/></p:nvGraphicFramePr><p:xfrm><a:off x="{{emu .X}}" y="{{emu .Y}}"/><a:ext cx="{{emu .W}}" cy="{{emu .H}}"/></p:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/table"><a:tbl><a:tblPr firstRow="1"/><a:tblGrid>{{range .Table.Cols}}<a:gridCol w="{{emu .}}"/>{{end}}</a:tblGrid>{{$t := .}}{{range .Table.Rows}}<a:tr h="{{emu .H}}">{{range .Cells}}<a:tc><a:txBody><a:bodyPr/><a:lstStyle/>{{template "paras" ($t.CellText .)}}</a:txBody><a:tcPr marL="50800" marR="50800" marT="50800" marB="50800"><a:lnL w="9525">{{template "border" $t.Rule}}</a:lnL><a:lnR w="9525">{{template "border" $t.Rule}}</a:lnR><a:lnT w="9525">{{template "border" $t.Rule}}</a:lnT><a:lnB w="9525">{{template "border" $t.Rule}}</a:lnB>{{template "fill" .Fill}}</a:tcPr></a:tc>{{end}}</a:tr>{{end}}</a:tbl></a:graphicData></a:graphic></p:graphicFrame>{{end}}

{{define "slide"}}` + xmlHead + `<p:sld ` + nsPML + `><p:cSld><p:spTree>` + emptyTree + `{{range .Shapes}}{{if eq .Kind "pic"}}{{template "pic" .}}{{else if eq .Kind "table"}}{{template "table" .}}{{else if eq .Kind "line"}}{{template "line" .}}{{else}}{{template "text" .}}{{end}}{{end}}</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>{{end}}

{{define "slideRels"}}` + xmlHead + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="` + relNS + `slideLayout" Target="../slideLayouts/slideLayout1.xml"/><Relationship Id="rId2" Type="` + relNS + `notesSlide" Target="../notesSlides/notesSlide{{.N}}.xml"/>{{range .Images}}<Relationship Id="{{.Rel}}" Type="` + relNS + `image" Target="../media/{{.Name}}"/>{{end}}</Relationships>{{end}}

{{define "notes"}}` + xmlHead + `<p:notes ` + nsPML + `><p:cSld><p:spTree>` + emptyTree + `<p:sp><p:nvSpPr><p:cNvPr id="2" name="Slide Image"/><p:cNvSpPr><a:spLocks noGrp="1" noRot="1" noChangeAspect="1"/></p:cNvSpPr><p:nvPr><p:ph type="sldImg"/></p:nvPr></p:nvSpPr><p:spPr/></p:sp><p:sp><p:nvSpPr><p:cNvPr id="3" name="Notes"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph type="body" idx="1"/></p:nvPr></p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/><a:lstStyle/>{{$s := .}}{{range .Notes}}<a:p>{{if $s.RTL}}<a:pPr algn="r" rtl="1"/>{{end}}<a:r><a:rPr lang="{{$s.Lang}}" dirty="0"/><a:t>{{x .}}</a:t></a:r></a:p>{{else}}<a:p><a:endParaRPr lang="{{$s.Lang}}"/></a:p>{{end}}</p:txBody></p:sp></p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:notes>{{end}}

{{define "notesRels"}}` + xmlHead + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="` + relNS + `notesMaster" Target="../notesMasters/notesMaster1.xml"/><Relationship Id="rId2" Type="` + relNS + `slide" Target="../slides/slide{{.N}}.xml"/></Relationships>{{end}}
`))
})

// pptxText is what the text templates need of a text shape or cell.
type pptxText struct {
	Lines  []string
	Size   float64
	LineH  float64
	Bold   bool
	Centre bool
	Color  string
	Font   string // the typeface
	Lang   string // the words' language, "en-US"
	RTL    bool   // right to left, aligned right
}

func (t pptxText) Run(line string) map[string]any {
	return map[string]any{"Text": line, "Size": t.Size, "Bold": t.Bold, "Color": t.Color, "Font": t.Font, "Lang": t.Lang}
}

type pptxShape struct {
	pptxText
	Kind string
	ID   int
	Rect
	Fill, Line string
	Geom       string
	Adj        int // roundRect's corner: radius / shorter side × 100000
	LineW      float64
	FlipH      bool
	FlipV      bool
	InsetL     float64
	InsetT     float64
	Dash       string
	Arrow      bool
	Table      *Table
	Rel, Alt   string
	Ink, Rule  string // a table's default text colour and its borders
	// Alpha is a translucent fill's opacity in DrawingML's 1/1000 %
	// (0: opaque).
	Alpha int
}

// pptxShape is what the templates need of a shape; native says it is part
// of a native blueprint page (drawn in Arial, as the picture is).
func (d *Deck) pptxShape(sh Shape, id int, native bool) pptxShape {
	p := pptxShape{ID: id, Rect: sh.Rect, Fill: sh.Fill, Line: sh.Line, Table: sh.Table, Geom: sh.Geom, LineW: lineWidth(sh),
		InsetL: sh.InsetL, InsetT: sh.InsetT, Dash: sh.Dash, Arrow: sh.Arrow, Ink: d.pal.ink, Rule: d.pal.ruleLine}
	if sh.FillAlpha > 0 && sh.FillAlpha < 1 {
		p.Alpha = int(math.Round(sh.FillAlpha * 100000))
	}
	if p.Geom == "" {
		p.Geom = "rect"
	}
	if p.Geom == GeomRound && min(p.W, p.H) > 0 {
		p.Adj = int(math.Round(radius(sh) / min(p.W, p.H) * 100000))
	}
	col := sh.Color
	if col == "" {
		col = d.pal.ink
	}
	lh := sh.LineH
	if lh == 0 {
		lh = lineH(sh.Size)
	}
	p.pptxText = pptxText{Lines: sh.Lines, Size: sh.Size, LineH: lh, Bold: sh.Bold, Centre: sh.Centre, Color: col, Font: "Arial", Lang: d.lang()}
	if d.font != nil && !native {
		p.Font = d.font.Family
	}
	if !native && d.RTL && !sh.LTR {
		p.RTL = true
	}
	switch sh.Kind {
	case ShapeTable:
		p.Kind = "table"
	case ShapeLine:
		p.Kind = "line"
		if p.W < 0 {
			p.X, p.W, p.FlipH = p.X+p.W, -p.W, true
		}
		if p.H < 0 {
			p.Y, p.H, p.FlipV = p.Y+p.H, -p.H, true
		}
	default:
		p.Kind = "text"
	}
	return p
}

// lang is the language of the deck's words, for the PPTX's spelling
// check ("en-US" without a locale, as decks always had).
func (d *Deck) lang() string {
	if d.Lang == "" {
		return "en-US"
	}
	return d.Lang
}

// CellText is a table cell's text in the table's size.
func (s pptxShape) CellText(c Cell) pptxText {
	col := c.Color
	if col == "" {
		col = s.Ink
	}
	return pptxText{Lines: c.Lines, Size: s.Table.Size, LineH: lineH(s.Table.Size), Bold: c.Bold, Color: col, Font: s.Font, Lang: s.Lang, RTL: s.RTL}
}

type pptxImage struct{ Rel, Name string }

type pptxSlide struct {
	N      int
	Shapes []pptxShape
	Images []pptxImage
	Notes  []string
	// Lang and RTL are the speaker notes' language and direction.
	Lang string
	RTL  bool
}

// pictures draws every picture of the deck as PNG, a few at a time.
func pictures(d *Deck) ([][]byte, error) {
	var pics []*Picture
	for _, s := range d.Slides {
		for _, sh := range s.Shapes {
			if sh.Kind == ShapePicture && sh.Picture.Native == nil {
				pics = append(pics, sh.Picture)
			}
		}
	}
	out := make([][]byte, len(pics))
	errs := make([]error, len(pics))
	sem := make(chan struct{}, max(1, runtime.GOMAXPROCS(0)))
	var wg sync.WaitGroup
	for i, p := range pics {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			var b bytes.Buffer
			errs[i] = raster.PNG(&b, p.GV, p.Scale*pngScale)
			out[i] = b.Bytes()
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			return nil, fmt.Errorf("picture %d: %w", i+1, err)
		}
	}
	return out, nil
}

// PPTX writes the deck as Office Open XML (ECMA-376): blueprint pages as
// PNG pictures, the rest as native text boxes and tables, each slide's
// details in its speaker notes, title and author in docProps/core.xml. The
// same deck always gives the same bytes: fixed times, parts in name order.
func PPTX(w io.Writer, d *Deck) error {
	parts := fixedPPTXParts()
	pngs, err := pictures(d)
	if err != nil {
		return err
	}
	var slides []pptxSlide
	img := 0
	for i, s := range d.Slides {
		ps := d.slidePPTX(i, s, parts, pngs, &img)
		slides = append(slides, ps)
		if err := slideParts(parts, ps); err != nil {
			return err
		}
	}
	if err := d.docParts(parts, slides); err != nil {
		return err
	}
	return zipParts(w, parts)
}

// fixedPPTXParts are the parts every PPTX has, by name; the content types'
// part is written last (docParts).
func fixedPPTXParts() map[string][]byte {
	return map[string][]byte{
		"[Content_Types].xml":                          nil,
		"_rels/.rels":                                  []byte(rootRels),
		"ppt/slideMasters/slideMaster1.xml":            []byte(slideMasterXML),
		"ppt/slideMasters/_rels/slideMaster1.xml.rels": []byte(slideMasterRels),
		"ppt/slideLayouts/slideLayout1.xml":            []byte(slideLayoutXML),
		"ppt/slideLayouts/_rels/slideLayout1.xml.rels": []byte(slideLayoutRels),
		"ppt/notesMasters/notesMaster1.xml":            []byte(notesMasterXML),
		"ppt/notesMasters/_rels/notesMaster1.xml.rels": []byte(notesMasterRels),
		"ppt/theme/theme1.xml":                         []byte(themeXML),
		"ppt/theme/theme2.xml":                         []byte(themeXML),
		"ppt/presProps.xml":                            []byte(presPropsXML),
		"ppt/tableStyles.xml":                          []byte(tableStylesXML),
	}
}

// pptxExec runs the PPTX template name on data.
func pptxExec(name string, data any) ([]byte, error) {
	var b bytes.Buffer
	if err := pptxT().ExecuteTemplate(&b, name, data); err != nil {
		return nil, fmt.Errorf("pptx: %w", err)
	}
	return b.Bytes(), nil
}

// slidePPTX is slide s, the i-th (0-based), as PPTX shapes with its
// slide number and notes. Its pictures go in parts as media: blueprint
// pictures from pngs, the next being pngs[*img], and the theme's logo.
func (d *Deck) slidePPTX(i int, s Slide, parts map[string][]byte, pngs [][]byte, img *int) pptxSlide {
	ps := pptxSlide{N: i + 1, Lang: d.lang(), RTL: d.RTL}
	shapes, nativeFrom, nativeTo := flatShapes(s)
	for k, sh := range shapes {
		p := d.pptxShape(sh, k+2, k >= nativeFrom && k < nativeTo)
		switch sh.Kind {
		case ShapePicture:
			name := fmt.Sprintf("image%d.png", *img+1)
			parts["ppt/media/"+name] = pngs[*img]
			*img++
			p.Kind, p.Rel, p.Alt = "pic", fmt.Sprintf("rId%d", len(ps.Images)+3), s.Title
			ps.Images = append(ps.Images, pptxImage{Rel: p.Rel, Name: name})
		case ShapeImage:
			parts["ppt/media/logo.png"] = sh.Image.PNG
			p.Kind, p.Rel, p.Alt = "pic", fmt.Sprintf("rId%d", len(ps.Images)+3), d.ThemeName
			ps.Images = append(ps.Images, pptxImage{Rel: p.Rel, Name: "logo.png"})
		}
		ps.Shapes = append(ps.Shapes, p)
	}
	// The slide number, as the PDF shows it.
	num := text(d.Size.W-Margin-60, d.Size.H-40, 60, fmt.Sprint(i+1), SmallPx, false, d.pal.muted, 1)
	if d.RTL { // at the left, as the PDF's
		num.X, num.LTR = Margin, true
	}
	ps.Shapes = append(ps.Shapes, d.pptxShape(num, len(shapes)+2, false))
	ps.Notes = strings.Split(strings.TrimRight(s.Notes, "\n"), "\n")
	if s.Notes == "" {
		ps.Notes = nil
	}
	return ps
}

// flatShapes are the shapes of slide s with a blueprint page that has
// native shapes drawn as those shapes; [nativeFrom, nativeTo) are the
// native blueprint's shapes, drawn in Arial (-1, -1: none).
func flatShapes(s Slide) (shapes []Shape, nativeFrom, nativeTo int) {
	nativeFrom, nativeTo = -1, -1
	for _, sh := range s.Shapes {
		if sh.Kind == ShapePicture && sh.Picture.Native != nil {
			if nativeFrom < 0 {
				nativeFrom = len(shapes)
			}
			shapes = append(shapes, sh.Picture.Native...)
			nativeTo = len(shapes)
			continue
		}
		shapes = append(shapes, sh)
	}
	return shapes, nativeFrom, nativeTo
}

// slideParts puts the parts of slide ps in parts: the slide, its notes
// and their relationships.
func slideParts(parts map[string][]byte, ps pptxSlide) error {
	var err error
	if parts[fmt.Sprintf("ppt/slides/slide%d.xml", ps.N)], err = pptxExec("slide", ps); err != nil {
		return err
	}
	if parts[fmt.Sprintf("ppt/slides/_rels/slide%d.xml.rels", ps.N)], err = pptxExec("slideRels", ps); err != nil {
		return err
	}
	if parts[fmt.Sprintf("ppt/notesSlides/notesSlide%d.xml", ps.N)], err = pptxExec("notes", ps); err != nil {
		return err
	}
	if parts[fmt.Sprintf("ppt/notesSlides/_rels/notesSlide%d.xml.rels", ps.N)], err = pptxExec("notesRels", ps); err != nil {
		return err
	}
	return nil
}

// docParts puts in parts the parts about the whole deck: the theme's and
// right-to-left decks' own master and layouts and embedded fonts, the
// content types, the presentation and its relationships, and the
// document's properties.
func (d *Deck) docParts(parts map[string][]byte, slides []pptxSlide) error {
	extra, fontList, fontRels := "", "", ""
	if d.ownParts() {
		bp, err := d.brandParts()
		if err != nil {
			return err
		}
		for n, b := range bp {
			parts[n] = b
		}
		var fontTypes string
		fontList, fontRels, fontTypes = d.pptxFontParts(parts)
		extra = layoutTypes(3) + fontTypes
	}
	doc := map[string]any{"ExtraTypes": extra, "FontList": fontList, "FontRels": fontRels, "Slides": slides, "W": d.Size.W, "H": d.Size.H, "Title": d.Title, "Author": d.Author, "Subject": d.Subject, "Format": d.Size.Name, "Date": d.date().Format("2006-01-02T15:04:05Z")}
	for name, t := range map[string]string{"[Content_Types].xml": "types", "ppt/presentation.xml": "presentation", "ppt/_rels/presentation.xml.rels": "presentationRels", "docProps/core.xml": "core", "docProps/app.xml": "app"} {
		b, err := pptxExec(t, doc)
		if err != nil {
			return err
		}
		parts[name] = b
	}
	return nil
}

// zipParts writes parts as a zip in name order, with fixed times; PNGs are
// stored, the rest deflated.
func zipParts(w io.Writer, parts map[string][]byte) error {
	names := make([]string, 0, len(parts))
	for n := range parts {
		names = append(names, n)
	}
	sort.Strings(names) // "[Content_Types].xml" sorts first
	zw := zip.NewWriter(w)
	for _, n := range names {
		method := zip.Deflate
		if strings.HasSuffix(n, ".png") {
			method = zip.Store // already compressed
		}
		f, err := zw.CreateHeader(&zip.FileHeader{Name: n, Method: method, Modified: raster.FixedDate})
		if err != nil {
			return err
		}
		if _, err := f.Write(parts[n]); err != nil {
			return err
		}
	}
	return zw.Close()
}
