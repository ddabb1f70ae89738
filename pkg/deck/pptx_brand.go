package deck

import (
	"bytes"
	"fmt"
	"strings"
	"sync"
	"text/template"
)

// A themed deck's PPTX carries the brand where PowerPoint and Impress look
// for it, so a slide a consultant adds afterwards matches the rest:
//   - the theme part (ppt/theme/theme1.xml): the colour scheme from the
//     theme's colours (dk1 text, lt1 background, dk2 primary, accent1
//     accent, accent2-4 the rating colours) and the font scheme naming the
//     theme's font for headings and body;
//   - the slide master: the background, the title style (primary colour,
//     bold, the deck's title size), the body style, title and body
//     placeholders, and the theme's strip (rule, logo, footer and
//     classification label) as shapes every slide shows;
//   - three layouts: Blank (the deck's own slides), Title and Content, and
//     Title Only, for new slides.
// An unthemed deck keeps the fixed parts of pptx_parts.go, byte for byte.

// ownParts says the deck writes its own theme, master and layouts: a
// themed deck, and a right-to-left one (its master and layouts align text
// right, rtl="1", so a slide added in PowerPoint or Impress is right to
// left too).
func (d *Deck) ownParts() bool { return d.themed || d.RTL }

// pptxBrand is what the themed parts' templates need.
type pptxBrand struct {
	Name                                  string
	Dk1, Lt1, Dk2, Lt2, Accent, Muted     string
	Green, Yellow, Red                    string
	Font                                  string
	FontAttrs                             string // the font's PANOSE, pitch and family (pptxfont.go)
	W, H                                  float64
	TitleX, TitleY, TitleW, TitleH        float64
	BodyX, BodyY, BodyW, BodyH            float64
	Chrome                                []pptxShape
	Logo                                  bool
	LayoutName                            []string
	TitleSz, BodySz, Body2Sz, SmallSz     float64
	ClickTitle, ClickBody, ClickBodyLevel string
}

var brandT = sync.OnceValue(func() *template.Template {
	t := template.Must(pptxT().Clone())
	return template.Must(t.Parse(`
{{define "brandTheme"}}` + xmlHead + `<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="{{x .Name}}"><a:themeElements>` +
		`<a:clrScheme name="{{x .Name}}"><a:dk1><a:srgbClr val="{{hex .Dk1}}"/></a:dk1><a:lt1><a:srgbClr val="{{hex .Lt1}}"/></a:lt1><a:dk2><a:srgbClr val="{{hex .Dk2}}"/></a:dk2><a:lt2><a:srgbClr val="{{hex .Lt2}}"/></a:lt2><a:accent1><a:srgbClr val="{{hex .Dk2}}"/></a:accent1><a:accent2><a:srgbClr val="{{hex .Accent}}"/></a:accent2><a:accent3><a:srgbClr val="{{hex .Green}}"/></a:accent3><a:accent4><a:srgbClr val="{{hex .Yellow}}"/></a:accent4><a:accent5><a:srgbClr val="{{hex .Red}}"/></a:accent5><a:accent6><a:srgbClr val="{{hex .Muted}}"/></a:accent6><a:hlink><a:srgbClr val="{{hex .Accent}}"/></a:hlink><a:folHlink><a:srgbClr val="{{hex .Muted}}"/></a:folHlink></a:clrScheme>` +
		`<a:fontScheme name="{{x .Name}}"><a:majorFont><a:latin typeface="{{x .Font}}"{{.FontAttrs}}/><a:ea typeface=""/><a:cs typeface=""/></a:majorFont><a:minorFont><a:latin typeface="{{x .Font}}"{{.FontAttrs}}/><a:ea typeface=""/><a:cs typeface=""/></a:minorFont></a:fontScheme>` +
		`<a:fmtScheme name="{{x .Name}}"><a:fillStyleLst>` + solid3 + `</a:fillStyleLst><a:lnStyleLst>` + line3 + `</a:lnStyleLst><a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle></a:effectStyleLst><a:bgFillStyleLst>` + solid3 + `</a:bgFillStyleLst></a:fmtScheme>` +
		`</a:themeElements><a:objectDefaults/><a:extraClrSchemeLst/></a:theme>{{end}}

{{define "phTitle"}}<p:sp><p:nvSpPr><p:cNvPr id="{{.ID}}" name="Title {{.ID}}"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph type="title"/></p:nvPr></p:nvSpPr>{{if .B}}<p:spPr><a:xfrm><a:off x="{{emu .B.TitleX}}" y="{{emu .B.TitleY}}"/><a:ext cx="{{emu .B.TitleW}}" cy="{{emu .B.TitleH}}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr>{{else}}<p:spPr/>{{end}}<p:txBody><a:bodyPr vert="horz" lIns="0" tIns="0" rIns="0" bIns="0" anchor="t"><a:normAutofit/></a:bodyPr><a:lstStyle/><a:p><a:r><a:rPr lang="{{.Lang}}"/><a:t>{{x .Click}}</a:t></a:r></a:p></p:txBody></p:sp>{{end}}

{{define "phBody"}}<p:sp><p:nvSpPr><p:cNvPr id="{{.ID}}" name="Text {{.ID}}"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph type="body" idx="1"/></p:nvPr></p:nvSpPr>{{if .B}}<p:spPr><a:xfrm><a:off x="{{emu .B.BodyX}}" y="{{emu .B.BodyY}}"/><a:ext cx="{{emu .B.BodyW}}" cy="{{emu .B.BodyH}}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr>{{else}}<p:spPr/>{{end}}<p:txBody><a:bodyPr vert="horz" lIns="0" tIns="0" rIns="0" bIns="0"><a:normAutofit/></a:bodyPr><a:lstStyle/><a:p><a:pPr lvl="0"/><a:r><a:rPr lang="{{.Lang}}"/><a:t>{{x .Click}}</a:t></a:r></a:p><a:p><a:pPr lvl="1"/><a:r><a:rPr lang="{{.Lang}}"/><a:t>{{x .Level}}</a:t></a:r></a:p></p:txBody></p:sp>{{end}}

{{define "brandMaster"}}` + xmlHead + `<p:sldMaster ` + nsPML + `><p:cSld><p:bg><p:bgPr><a:solidFill><a:schemeClr val="bg1"/></a:solidFill><a:effectLst/></p:bgPr></p:bg><p:spTree>` + emptyTree + `{{template "phTitle" .Title}}{{template "phBody" .Body}}{{range .B.Chrome}}{{if eq .Kind "pic"}}{{template "pic" .}}{{else if eq .Kind "line"}}{{template "line" .}}{{else}}{{template "text" .}}{{end}}{{end}}</p:spTree></p:cSld>` + clrMap + `<p:sldLayoutIdLst>{{range $i, $n := .B.LayoutName}}<p:sldLayoutId id="{{add 2147483649 $i}}" r:id="rId{{add 1 $i}}"/>{{end}}</p:sldLayoutIdLst>` +
		`<p:txStyles><p:titleStyle><a:lvl1pPr algn="{{.Algn}}"{{if .RTL}} rtl="1"{{end}}><a:lnSpc><a:spcPct val="100000"/></a:lnSpc><a:defRPr lang="{{.Lang}}" sz="{{pt .B.TitleSz}}" b="1"><a:solidFill><a:schemeClr val="tx2"/></a:solidFill><a:latin typeface="+mj-lt"/><a:ea typeface="+mj-ea"/><a:cs typeface="+mj-cs"/></a:defRPr></a:lvl1pPr></p:titleStyle>` +
		`<p:bodyStyle><a:lvl1pPr marL="0" indent="0" algn="{{.Algn}}"{{if .RTL}} rtl="1"{{end}}><a:spcBef><a:spcPts val="600"/></a:spcBef><a:buNone/><a:defRPr lang="{{.Lang}}" sz="{{pt .B.BodySz}}"><a:solidFill><a:schemeClr val="tx1"/></a:solidFill><a:latin typeface="+mn-lt"/><a:ea typeface="+mn-ea"/><a:cs typeface="+mn-cs"/></a:defRPr></a:lvl1pPr><a:lvl2pPr marL="285750" indent="-285750" algn="{{.Algn}}"{{if .RTL}} rtl="1"{{end}}><a:spcBef><a:spcPts val="300"/></a:spcBef><a:buFont typeface="Arial"/><a:buChar char="•"/><a:defRPr lang="{{.Lang}}" sz="{{pt .B.Body2Sz}}"><a:solidFill><a:schemeClr val="tx1"/></a:solidFill><a:latin typeface="+mn-lt"/><a:ea typeface="+mn-ea"/><a:cs typeface="+mn-cs"/></a:defRPr></a:lvl2pPr></p:bodyStyle>` +
		`<p:otherStyle><a:lvl1pPr><a:defRPr lang="{{.Lang}}" sz="{{pt .B.Body2Sz}}"><a:solidFill><a:schemeClr val="tx1"/></a:solidFill><a:latin typeface="+mn-lt"/></a:defRPr></a:lvl1pPr></p:otherStyle></p:txStyles></p:sldMaster>{{end}}

{{define "brandMasterRels"}}` + xmlHead + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{{range $i, $n := .B.LayoutName}}<Relationship Id="rId{{add 1 $i}}" Type="` + relNS + `slideLayout" Target="../slideLayouts/slideLayout{{add 1 $i}}.xml"/>{{end}}<Relationship Id="rId10" Type="` + relNS + `theme" Target="../theme/theme1.xml"/>{{if .B.Logo}}<Relationship Id="rId11" Type="` + relNS + `image" Target="../media/logo.png"/>{{end}}</Relationships>{{end}}

{{define "brandLayout"}}` + xmlHead + `<p:sldLayout ` + nsPML + ` type="{{.Type}}" preserve="1"><p:cSld name="{{x .Name}}"><p:spTree>` + emptyTree + `{{if .Title}}{{template "phTitle" .Title}}{{end}}{{if .Body}}{{template "phBody" .Body}}{{end}}</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>{{end}}
`))
})

// ph is a placeholder in the master (B set: its position) or a layout.
type ph struct {
	ID                 int
	B                  *pptxBrand
	Lang, Click, Level string
}

// brandParts are the theme, master and layout parts of a themed deck.
func (d *Deck) brandParts() (map[string][]byte, error) {
	p := d.pal
	b := &pptxBrand{
		Name: d.ThemeName, Dk1: p.ink, Lt1: p.bg, Dk2: p.bandFill, Lt2: p.headFill, Accent: p.status["planned"], Muted: p.muted,
		Green: p.rating["green"][0], Yellow: p.rating["yellow"][0], Red: p.rating["red"][0],
		Font: "Arial", W: d.Size.W, H: d.Size.H,
		TitleX: Margin, TitleY: TitleY, TitleW: d.Size.W - 2*Margin, TitleH: lineH(TitlePx) + 8,
		BodyX: Margin, BodyY: ContentY, BodyW: d.Size.W - 2*Margin, BodyH: d.Size.H - ContentY - BottomGap - chromeStrip,
		TitleSz: TitlePx, BodySz: BodyPx + 6, Body2Sz: BodyPx, SmallSz: SmallPx,
		LayoutName: []string{"Blank", "Title and Content", "Title Only"},
	}
	if b.Name == "" {
		b.Name = "Theme"
	}
	if f := d.pptxFontFor(); f != nil {
		b.Font = f.Typeface
		if f.Panose != "" {
			b.FontAttrs = f.Attrs()
		}
	}
	for i, sh := range d.Chrome {
		ps := d.pptxShape(sh, 10+i, false)
		if sh.Kind == ShapeImage {
			ps.Kind, ps.Rel, ps.Alt = "pic", "rId11", d.ThemeName
			b.Logo = true
		}
		b.Chrome = append(b.Chrome, ps)
	}
	words := d.loc // nil: English
	lang := d.lang()
	algn := "l"
	if d.RTL {
		algn = "r"
	}
	click, body, level := words.T("Click to add a title"), words.T("Click to add text"), words.T("Second level")
	out := map[string][]byte{}
	exec := func(name, tmpl string, data any) error {
		var w bytes.Buffer
		if err := brandT().ExecuteTemplate(&w, tmpl, data); err != nil {
			return fmt.Errorf("pptx: %w", err)
		}
		out[name] = w.Bytes()
		return nil
	}
	master := map[string]any{"B": b, "Lang": lang, "Algn": algn, "RTL": d.RTL,
		"Title": ph{ID: 2, B: b, Lang: lang, Click: click}, "Body": ph{ID: 3, B: b, Lang: lang, Click: body, Level: level}}
	if err := exec("ppt/theme/theme1.xml", "brandTheme", b); err != nil {
		return nil, err
	}
	out["ppt/theme/theme2.xml"] = out["ppt/theme/theme1.xml"]
	if err := exec("ppt/slideMasters/slideMaster1.xml", "brandMaster", master); err != nil {
		return nil, err
	}
	if err := exec("ppt/slideMasters/_rels/slideMaster1.xml.rels", "brandMasterRels", master); err != nil {
		return nil, err
	}
	layouts := []map[string]any{
		{"Type": "blank", "Name": words.T("Blank")},
		{"Type": "obj", "Name": words.T("Title and Content"), "Title": &ph{ID: 2, Lang: lang, Click: click}, "Body": &ph{ID: 3, Lang: lang, Click: body, Level: level}},
		{"Type": "titleOnly", "Name": words.T("Title Only"), "Title": &ph{ID: 2, Lang: lang, Click: click}},
	}
	for i, l := range layouts {
		n := fmt.Sprintf("ppt/slideLayouts/slideLayout%d.xml", i+1)
		if err := exec(n, "brandLayout", l); err != nil {
			return nil, err
		}
		out[fmt.Sprintf("ppt/slideLayouts/_rels/slideLayout%d.xml.rels", i+1)] = []byte(slideLayoutRels)
	}
	if b.Logo {
		for _, sh := range d.Chrome {
			if sh.Kind == ShapeImage {
				out["ppt/media/logo.png"] = sh.Image.PNG
			}
		}
	}
	return out, nil
}

// layoutTypes are the content-type overrides of the themed layouts after
// the first.
func layoutTypes(n int) string {
	var b strings.Builder
	for i := 2; i <= n; i++ {
		fmt.Fprintf(&b, `<Override PartName="/ppt/slideLayouts/slideLayout%d.xml" ContentType="application/vnd.openxmlformats-officedocument.presentationml.slideLayout+xml"/>`, i)
	}
	return b.String()
}
