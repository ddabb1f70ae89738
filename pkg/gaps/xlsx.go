package gaps

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"
)

// XLSX writes one workbook with every view, whatever --by says: sheets
// Journeys, Steps, Touchpoints (the lane inventory), Opportunities (the
// backlog), Metrics and KPIs. Each sheet has its header row frozen and an
// autofilter; rating cells hold the word and are filled with the rating's
// colour; numbers are numbers and dates are dates. The bytes are the same
// for the same input: fixed document times, zip entries in name order.
//
// The workbook is SpreadsheetML written directly (inline strings, one
// table per sheet), as the PPTX of pkg/deck is: excelize, which wrote it
// before, cost every cxmap command 21,000 allocations at start-up for the
// one command that writes a workbook (docs/decisions.md, "Speed").
func XLSX(w io.Writer, r *Report, _ FormatOptions) error {
	z := newSortedZip(w)
	names := make([]string, len(workbookSheets))
	for i, sh := range workbookSheets {
		names[i] = sh.name
		if err := writeSheet(z, i+1, sh.name, sh.header, sh.widths, sh.rows(r)); err != nil {
			return fmt.Errorf("xlsx sheet %s: %w", sh.name, err)
		}
	}
	for name, data := range workbookParts(names) {
		if err := z.add(name, data); err != nil {
			return err
		}
	}
	return z.Close()
}

var workbookSheets = []struct {
	name   string
	header []string
	widths []float64
	rows   func(*Report) [][]any
}{
	{"Journeys", []string{"Path", "Id", "Title", "State", "Client", "Owner", "Steps", "Red", "Yellow", "Green", "Unrated",
		"Critical", "Critical at risk", "Opportunities", "Without owner", "Metrics", "Metrics with target", "Metrics met",
		"Entries at risk", "Steps with duration", "Days", "Baseline"},
		[]float64{30, 20, 36, 9, 22, 18}, journeyRows},
	{"Steps", []string{"Journey", "Stage", "Step", "Action", "Rating", "Critical", "Emotion", "Touchpoints", "Pains",
		"Opportunities", "Metrics met", "Metrics with target", "Line", "Days"},
		[]float64{20, 18, 22, 44, 10, 9, 9, 30, 44, 44}, stepRows},
	{"Touchpoints", []string{"Lane id", "Lane", "Zone", "Channel", "Journeys", "Steps", "Red", "Yellow", "Green", "Unrated", "Critical at risk"},
		[]float64{22, 34, 12, 11}, touchpointRows},
	{"Opportunities", []string{"Owner", "Id", "Idea", "Priority", "Impact", "Effort", "Status", "Journey", "Stage", "Step", "Action", "Rating", "Critical"},
		[]float64{20, 18, 50, 9, 8, 8, 12, 20, 16, 20, 40, 10}, opportunityRows},
	{"Metrics", []string{"Journey", "Stage", "Step", "Metric", "Unit", "Current", "Target", "Better", "Gap", "Met"},
		[]float64{20, 18, 22, 32, 8}, metricRows},
	{"KPIs", []string{"Journey", "KPI", "Unit", "Current", "Target", "Better", "Gap", "Met"},
		[]float64{20, 32, 8}, kpiRows},
}

// rating marks a cell to be filled with its rating's colour.
type rating string

// Cell styles (xl/styles.xml, cellXfs): the default, the header row, a
// date, then one fill per rating word in ratingFills order.
const (
	styleHeader = 1
	styleDate   = 2
	styleRating = 3
)

// ratingFills are the rating words and their fills.
var ratingFills = [][2]string{{"red", "F4B6B6"}, {"yellow", "FBE7A1"}, {"green", "BFE3C6"}, {Unrated, "E3E5E8"}}

// excelEpoch is day 0 of a spreadsheet's dates (1900 date system).
var excelEpoch = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)

// writeSheet writes xl/worksheets/sheetN.xml, its table (the autofilter
// over every row) and the link between them: header row frozen, column
// widths, rating cells filled with their colour, numbers as numbers.
func writeSheet(z *sortedZip, n int, name string, header []string, widths []float64, rows [][]any) error {
	var b bytes.Buffer
	last := cellName(len(header), max(len(rows)+1, 2))
	b.WriteString(xmlHeader + `<worksheet xmlns="` + nsMain + `" xmlns:r="` + nsRel + `">`)
	fmt.Fprintf(&b, `<dimension ref="A1:%s"/><sheetViews><sheetView workbookViewId="0"`, last)
	if n == 1 {
		b.WriteString(` tabSelected="1"`)
	}
	b.WriteString(`><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>`)
	if len(widths) > 0 {
		b.WriteString(`<cols>`)
		for i, wd := range widths {
			fmt.Fprintf(&b, `<col min="%d" max="%d" width="%s" customWidth="1"/>`, i+1, i+1, strconv.FormatFloat(wd, 'f', -1, 64))
		}
		b.WriteString(`</cols>`)
	}
	b.WriteString(`<sheetData>`)
	head := make([]any, len(header))
	for i, h := range header {
		head[i] = h
	}
	writeRow(&b, 1, head, styleHeader)
	for i, row := range rows {
		writeRow(&b, i+2, row, 0)
	}
	b.WriteString(`</sheetData><tableParts count="1"><tablePart r:id="rId1"/></tableParts></worksheet>`)
	if err := z.add(fmt.Sprintf("xl/worksheets/sheet%d.xml", n), b.Bytes()); err != nil {
		return err
	}
	var t bytes.Buffer
	fmt.Fprintf(&t, xmlHeader+`<table xmlns="%s" id="%d" name="%s" displayName="%s" ref="A1:%s"><autoFilter ref="A1:%s"/><tableColumns count="%d">`, nsMain, n, name, name, last, last, len(header))
	for i, h := range header {
		fmt.Fprintf(&t, `<tableColumn id="%d" name="%s"/>`, i+1, xmlEscape(h))
	}
	t.WriteString(`</tableColumns><tableStyleInfo showFirstColumn="0" showLastColumn="0" showRowStripes="0" showColumnStripes="0"/></table>`)
	if err := z.add(fmt.Sprintf("xl/tables/table%d.xml", n), t.Bytes()); err != nil {
		return err
	}
	return z.add(fmt.Sprintf("xl/worksheets/_rels/sheet%d.xml.rels", n), []byte(xmlHeader+`<Relationships xmlns="`+nsPkgRel+`">`+
		fmt.Sprintf(`<Relationship Id="rId1" Type="%s/table" Target="../tables/table%d.xml"/>`, nsRel, n)+`</Relationships>`))
}

// writeRow writes one row; style is the style of every cell (0: by value).
func writeRow(b *bytes.Buffer, r int, row []any, style int) {
	fmt.Fprintf(b, `<row r="%d">`, r)
	for k, v := range row {
		ref := cellName(k+1, r)
		s := style
		switch v := v.(type) {
		case rating:
			for i, f := range ratingFills {
				if f[0] == string(v) {
					s = styleRating + i
				}
			}
			writeText(b, ref, s, string(v))
		case string:
			if v == "" && s == 0 {
				continue
			}
			writeText(b, ref, s, sheetText(v))
		case bool:
			t := "0"
			if v {
				t = "1"
			}
			fmt.Fprintf(b, `<c r="%s"%s t="b"><v>%s</v></c>`, ref, styleAttr(s), t)
		case int:
			fmt.Fprintf(b, `<c r="%s"%s><v>%d</v></c>`, ref, styleAttr(s), v)
		case float64:
			fmt.Fprintf(b, `<c r="%s"%s><v>%s</v></c>`, ref, styleAttr(s), strconv.FormatFloat(v, 'f', -1, 64))
		case time.Time:
			days := v.Sub(excelEpoch).Hours() / 24
			fmt.Fprintf(b, `<c r="%s" s="%d"><v>%s</v></c>`, ref, styleDate, strconv.FormatFloat(days, 'f', -1, 64))
		default:
			writeText(b, ref, s, sheetText(fmt.Sprint(v)))
		}
	}
	b.WriteString(`</row>`)
}

func writeText(b *bytes.Buffer, ref string, style int, text string) {
	fmt.Fprintf(b, `<c r="%s"%s t="inlineStr"><is><t xml:space="preserve">%s</t></is></c>`, ref, styleAttr(style), xmlEscape(text))
}

func styleAttr(s int) string {
	if s == 0 {
		return ""
	}
	return fmt.Sprintf(` s="%d"`, s)
}

// cellName is the A1 name of a cell: column 1 is A, 27 is AA.
func cellName(col, row int) string {
	name := ""
	for ; col > 0; col = (col - 1) / 26 {
		name = string(rune('A'+(col-1)%26)) + name
	}
	return name + strconv.Itoa(row)
}

// xmlEscape escapes text for an element or an attribute value.
func xmlEscape(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}

const (
	xmlHeader = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
	nsMain    = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
	nsRel     = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	nsPkgRel  = "http://schemas.openxmlformats.org/package/2006/relationships"
	ctMain    = "application/vnd.openxmlformats-officedocument.spreadsheetml."
)

// workbookParts are the parts around the sheets: content types, the
// workbook and its links, the styles and the document properties (fixed
// dates, so the same journeys make the same bytes).
func workbookParts(names []string) map[string][]byte {
	var ct, wb, rels strings.Builder
	ct.WriteString(xmlHeader + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>`)
	ct.WriteString(`<Override PartName="/xl/workbook.xml" ContentType="` + ctMain + `sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="` + ctMain + `styles+xml"/>`)
	ct.WriteString(`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>`)
	wb.WriteString(xmlHeader + `<workbook xmlns="` + nsMain + `" xmlns:r="` + nsRel + `"><bookViews><workbookView activeTab="0"/></bookViews><sheets>`)
	rels.WriteString(xmlHeader + `<Relationships xmlns="` + nsPkgRel + `">`)
	for i, name := range names {
		n := i + 1
		fmt.Fprintf(&ct, `<Override PartName="/xl/worksheets/sheet%d.xml" ContentType="%sworksheet+xml"/><Override PartName="/xl/tables/table%d.xml" ContentType="%stable+xml"/>`, n, ctMain, n, ctMain)
		fmt.Fprintf(&wb, `<sheet name="%s" sheetId="%d" r:id="rId%d"/>`, xmlEscape(name), n, n)
		fmt.Fprintf(&rels, `<Relationship Id="rId%d" Type="%s/worksheet" Target="worksheets/sheet%d.xml"/>`, n, nsRel, n)
	}
	ct.WriteString(`</Types>`)
	wb.WriteString(`</sheets></workbook>`)
	fmt.Fprintf(&rels, `<Relationship Id="rId%d" Type="%s/styles" Target="styles.xml"/></Relationships>`, len(names)+1, nsRel)

	var st strings.Builder
	st.WriteString(xmlHeader + `<styleSheet xmlns="` + nsMain + `"><fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>`)
	fill := func(rgb string) string {
		return `<fill><patternFill patternType="solid"><fgColor rgb="FF` + rgb + `"/><bgColor indexed="64"/></patternFill></fill>`
	}
	fmt.Fprintf(&st, `<fills count="%d"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>%s`, 3+len(ratingFills), fill("E7E9EE"))
	for _, f := range ratingFills {
		st.WriteString(fill(f[1]))
	}
	st.WriteString(`</fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>`)
	fmt.Fprintf(&st, `<cellXfs count="%d"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`, styleRating+len(ratingFills))
	for i := range ratingFills {
		fmt.Fprintf(&st, `<xf numFmtId="0" fontId="0" fillId="%d" borderId="0" xfId="0" applyFill="1"/>`, 3+i)
	}
	st.WriteString(`</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`)

	epoch := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC).Format(time.RFC3339)
	core := xmlHeader + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
		`<dc:title>cxmap report</dc:title><dc:creator>cxmap</dc:creator><dc:description>Customer journey gap report: journeys, steps, touchpoints, opportunities, metrics, KPIs</dc:description>` +
		`<dcterms:created xsi:type="dcterms:W3CDTF">` + epoch + `</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">` + epoch + `</dcterms:modified></cp:coreProperties>`
	app := xmlHeader + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>cxmap</Application></Properties>`
	return map[string][]byte{
		"[Content_Types].xml":        []byte(ct.String()),
		"_rels/.rels":                []byte(xmlHeader + `<Relationships xmlns="` + nsPkgRel + `"><Relationship Id="rId1" Type="` + nsRel + `/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="` + nsRel + `/extended-properties" Target="docProps/app.xml"/></Relationships>`),
		"xl/workbook.xml":            []byte(wb.String()),
		"xl/_rels/workbook.xml.rels": []byte(rels.String()),
		"xl/styles.xml":              []byte(st.String()),
		"docProps/core.xml":          []byte(core),
		"docProps/app.xml":           []byte(app),
	}
}

func sheetText(s string) string {
	s = strings.Map(func(r rune) rune {
		if (r < 0x20 && r != '\n' && r != '\t') || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == 0xfffe || r == 0xffff {
			return -1
		}
		return r
	}, s)
	return defuse(s)
}

func journeyRows(r *Report) [][]any {
	rows := make([][]any, 0, len(r.Journeys))
	for _, j := range r.Journeys {
		s := j.Summary
		rows = append(rows, []any{j.Path, j.ID, j.Title, j.State, j.Client, j.Owner, s.Steps, s.Red, s.Yellow, s.Green, s.Unrated,
			s.Critical, s.CriticalAtRisk, s.Opportunities, s.Unowned, s.Metrics, s.MetricsSet, s.MetricsMet,
			s.EntriesAtRisk, s.Timed, days(s.Duration, s.Timed > 0), j.Baseline})
	}
	return rows
}

func stepRows(r *Report) [][]any {
	var rows [][]any
	for _, j := range r.Journeys {
		for i := range j.Steps {
			g := &j.Steps[i]
			ops := make([]string, len(g.Opportunities))
			for k, o := range g.Opportunities {
				ops[k] = opportunityDetail(o)
			}
			metSet, metMet := 0, 0
			for _, m := range g.Metrics {
				if m.Target != nil {
					metSet++
				}
				if m.Met != nil && *m.Met {
					metMet++
				}
			}
			var emotion any = ""
			if g.Emotion != nil {
				emotion = *g.Emotion
			}
			rows = append(rows, []any{j.ID, g.StageName, g.ID, g.Action, rating(g.Rating), g.Critical, emotion,
				strings.Join(touchpointItems(g, nil, nil), "\n"), strings.Join(g.Pains, "\n"), strings.Join(ops, "\n"), metMet, metSet, g.Line,
				days(g.Duration, g.Duration > 0)})
		}
	}
	return rows
}

func touchpointRows(r *Report) [][]any {
	rows := make([][]any, 0, len(r.Lanes))
	for _, l := range r.Lanes {
		rows = append(rows, []any{l.ID, l.Name, l.Zone, l.Channel, len(l.Journeys), l.Steps, l.Red, l.Yellow, l.Green, l.Unrated, l.CriticalAtRisk})
	}
	return rows
}

func opportunityRows(r *Report) [][]any {
	var rows [][]any
	for _, g := range r.Backlog {
		for _, o := range g.Rows {
			rows = append(rows, []any{o.Owner, o.ID, o.Idea, o.Priority, blankZero(o.Impact), blankZero(o.Effort), o.Status,
				o.Journey, o.Stage, o.Step, o.Action, rating(o.Rating), o.Critical})
		}
	}
	return rows
}

func metricRows(r *Report) [][]any {
	var rows [][]any
	for _, j := range r.Journeys {
		for i := range j.Steps {
			g := &j.Steps[i]
			for _, m := range g.Metrics {
				rows = append(rows, []any{j.ID, g.StageName, g.ID, m.Name, m.Unit, numOrBlank(m.Current), numOrBlank(m.Target),
					m.Better, numOrBlank(m.Gap), metOrBlank(m.Met)})
			}
		}
	}
	return rows
}

func kpiRows(r *Report) [][]any {
	var rows [][]any
	for _, j := range r.Journeys {
		for _, m := range j.KPIs {
			rows = append(rows, []any{j.ID, m.Name, m.Unit, numOrBlank(m.Current), numOrBlank(m.Target),
				m.Better, numOrBlank(m.Gap), metOrBlank(m.Met)})
		}
	}
	return rows
}

func blankZero(n int) any {
	if n == 0 {
		return ""
	}
	return n
}

func numOrBlank(v *float64) any {
	if v == nil {
		return ""
	}
	return *v
}

func metOrBlank(v *bool) any {
	if v == nil {
		return ""
	}
	return *v
}

// sortedZip buffers the workbook's parts and writes them in name order on
// Close, so the same journeys always make the same bytes.
type sortedZip struct {
	w     io.Writer
	parts map[string]*bytes.Buffer
}

func newSortedZip(w io.Writer) *sortedZip { return &sortedZip{w: w, parts: map[string]*bytes.Buffer{}} }

// add keeps a part until Close.
func (z *sortedZip) add(name string, data []byte) error {
	if _, ok := z.parts[name]; ok {
		return errors.New("xlsx: part written twice: " + name)
	}
	z.parts[name] = bytes.NewBuffer(data)
	return nil
}

func (z *sortedZip) Close() error {
	zw := zip.NewWriter(z.w)
	// The fastest deflate level: the sheets are mostly repeated XML, so it
	// costs little in size and saves over a second on 1,000 journeys.
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(w, flate.BestSpeed)
	})
	names := make([]string, 0, len(z.parts))
	for n := range z.parts {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, n := range names {
		fw, err := zw.CreateHeader(&zip.FileHeader{Name: n, Method: zip.Deflate})
		if err != nil {
			return err
		}
		if _, err := z.parts[n].WriteTo(fw); err != nil {
			return err
		}
	}
	return zw.Close()
}

// days is a duration in days, a number a spreadsheet adds up ("" when
// there is none).
func days(d time.Duration, ok bool) any {
	if !ok {
		return ""
	}
	return round6(d.Hours() / 24)
}
