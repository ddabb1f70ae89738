package report

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/cxmap/cxmap/internal/registry"
	"github.com/cxmap/cxmap/pkg/journey"
	"github.com/xuri/excelize/v2"
)

// TestViewGoldens writes the lane and owner views of the fixtures and of
// examples/ in every text format.
func TestViewGoldens(t *testing.T) {
	exts := map[string]string{"table": "txt", "markdown": "md", "csv": "csv", "json": "json"}
	for _, by := range []string{ByLane, ByOwner} {
		for name, js := range map[string]func(*testing.T) []*journey.Journey{
			"portfolio": func(t *testing.T) []*journey.Journey { return load(t, "permit.yaml", "library.yaml") },
			"examples":  func(t *testing.T) []*journey.Journey { return loadExamples(t) },
		} {
			for format, ext := range exts {
				t.Run(by+"/"+name+"/"+format, func(t *testing.T) {
					r := build(js(t), Options{By: by})
					var buf bytes.Buffer
					if err := writer(t, by, format)(&buf, r, FormatOptions{Width: 120}); err != nil {
						t.Fatal(err)
					}
					golden(t, "by-"+by+"-"+name+"."+ext, buf.Bytes())
				})
			}
		}
	}
}

// writer is the writer of a view in a format, or the test fails.
func writer(tb testing.TB, by, format string) Formatter {
	tb.Helper()
	w, err := Writer(by, format)
	if err != nil {
		tb.Fatal(err)
	}
	return w
}

func TestLaneInventoryCountsAndOrder(t *testing.T) {
	r := build(load(t, "permit.yaml", "library.yaml"), Options{By: ByLane})
	if len(r.Lanes) == 0 {
		t.Fatal("no lanes")
	}
	for i := 1; i < len(r.Lanes); i++ {
		a, b := r.Lanes[i-1], r.Lanes[i]
		if a.Red < b.Red {
			t.Errorf("lane %s (%d red) comes before %s (%d red)", a.ID, a.Red, b.ID, b.Red)
		}
	}
	for _, l := range r.Lanes {
		if l.Red+l.Yellow != len(l.Worst) {
			t.Errorf("lane %s: %d red + %d yellow entries but %d listed", l.ID, l.Red, l.Yellow, len(l.Worst))
		}
		if l.Steps > l.Red+l.Yellow+l.Green+l.Unrated {
			t.Errorf("lane %s serves %d steps with fewer entries", l.ID, l.Steps)
		}
	}
}

func TestBacklogGroupsByOwner(t *testing.T) {
	r := build(loadExamples(t), Options{By: ByOwner})
	n, was := 0, 0
	for i, g := range r.Backlog {
		if g.Owner == NoOwner && i != len(r.Backlog)-1 {
			t.Errorf("the no-owner group is not last")
		}
		if i > 0 && g.Owner != NoOwner && r.Backlog[i-1].Owner >= g.Owner {
			t.Errorf("owners out of order: %q then %q", r.Backlog[i-1].Owner, g.Owner)
		}
		for _, o := range g.Rows {
			n++
			if o.Was != "" {
				was++
			}
			if o.Owner != g.Owner {
				t.Errorf("%q in group %q", o.Owner, g.Owner)
			}
		}
	}
	r2 := build(loadExamples(t), Options{})
	// An id in both a future state and its baseline is one row (issue 20).
	if want := r2.Total.Opportunities + r2.TotalFuture.Opportunities - was; n != want || was == 0 {
		t.Errorf("backlog lists %d opportunities (%d carried from a baseline), the report counts %d", n, was, want+was)
	}
}

// TestXLSX reads the workbook back: sheets, headers, a filled rating cell
// holding its word, numbers as numbers, the frozen header and a filter,
// and the same bytes twice.
func TestXLSX(t *testing.T) {
	r := build(loadExamples(t), Options{Workbook: true})
	var a, b bytes.Buffer
	if err := XLSX(&a, r, FormatOptions{}); err != nil {
		t.Fatal(err)
	}
	if err := XLSX(&b, build(loadExamples(t), Options{Workbook: true}), FormatOptions{}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two workbooks of the same journeys differ")
	}
	f, err := excelize.OpenReader(bytes.NewReader(a.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	want := []string{"Journeys", "Steps", "Touchpoints", "Opportunities", "Metrics", "KPIs", SourceSheet}
	if got := f.GetSheetList(); !slices.Equal(got, want) {
		t.Fatalf("sheets %v, want %v", got, want)
	}
	if v, _ := f.GetSheetVisible(SourceSheet); v {
		t.Errorf("sheet %s is visible", SourceSheet)
	}
	for _, s := range workbookSheets {
		rows, err := f.GetRows(s.name)
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) == 0 || !slices.Equal(rows[0], s.header) {
			t.Errorf("%s: header %v, want %v", s.name, rows[0], s.header)
		}
		panes, err := f.GetPanes(s.name)
		if err != nil || !panes.Freeze || panes.YSplit != 1 {
			t.Errorf("%s: header row not frozen: %+v %v", s.name, panes, err)
		}
		tables, err := f.GetTables(s.name)
		if err != nil || len(tables) != 1 || !strings.HasPrefix(tables[0].Range, "A1:") {
			t.Errorf("%s: no table with an autofilter over the sheet: %+v %v", s.name, tables, err)
		}
	}
	// Steps: column F is the rating, filled with its colour.
	rows, _ := f.GetRows("Steps")
	foundRed := false
	for i, row := range rows[1:] {
		if row[5] != "Very unhappy" {
			continue
		}
		cell, _ := excelize.CoordinatesToCellName(6, i+2)
		id, _ := f.GetCellStyle("Steps", cell)
		if got := fillOf(t, a.Bytes(), id); got != "FFF4B6B6" {
			t.Errorf("red rating cell %s (style %d) filled %q", cell, id, got)
		}
		foundRed = true
		break
	}
	if !foundRed {
		t.Error("no red step in the Steps sheet")
	}
}

// TestXLSXCells (issue 20): multi-line cells wrap in a row as tall as
// their lines, durations are text plus hours, Met is coloured like a
// rating, the stage has its name and id, and the document date is the
// latest `updated`.
func TestXLSXCells(t *testing.T) {
	var a bytes.Buffer
	if err := XLSX(&a, build(loadExamples(t), Options{Workbook: true}), FormatOptions{}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(a.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows("Steps")
	wrapped, metColoured, timed := false, false, false
	for i, row := range rows[1:] {
		for k, v := range row {
			if !strings.Contains(v, "\n") {
				continue
			}
			cell, _ := excelize.CoordinatesToCellName(k+1, i+2)
			id, _ := f.GetCellStyle("Steps", cell)
			st, err := f.GetStyle(id)
			if err == nil && st.Alignment != nil && st.Alignment.WrapText {
				wrapped = true
			}
			if h, _ := f.GetRowHeight("Steps", i+2); h < 2*lineHeight {
				t.Errorf("Steps row %d holds %d lines in %s but is %.0f points tall", i+2, strings.Count(v, "\n")+1, cell, h)
			}
		}
		if len(row) > 15 && row[14] != "" {
			timed = true
			if _, err := strconv.ParseFloat(row[15], 64); err != nil || strings.ContainsAny(row[14], ".") {
				t.Errorf("step time %q, hours %q", row[14], row[15])
			}
		}
	}
	mrows, _ := f.GetRows("Metrics")
	for i, row := range mrows[1:] {
		if len(row) > 10 && row[10] != "" {
			cell, _ := excelize.CoordinatesToCellName(11, i+2)
			id, _ := f.GetCellStyle("Metrics", cell)
			if st, err := f.GetStyle(id); err == nil && len(st.Fill.Color) > 0 && (st.Fill.Color[0] == "BFE3C6" || st.Fill.Color[0] == "F4B6B6") {
				metColoured = true
			}
		}
	}
	if !wrapped || !metColoured || !timed {
		t.Errorf("multi-line cells wrap: %v; Met coloured: %v; step times as text: %v", wrapped, metColoured, timed)
	}
	if !slices.Contains(rows[0], "Stage id") || !slices.Contains(mrows[0], "Stage id") {
		t.Errorf("no Stage id column: %v / %v", rows[0], mrows[0])
	}
	if props, err := f.GetDocProps(); err != nil || strings.HasPrefix(props.Created, "2000") {
		t.Errorf("document date %+v %v, want the latest updated", props, err)
	}
	typ, _ := f.GetCellType("Journeys", "G2")
	if typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
		t.Errorf("step count is stored as %v, not a number", typ)
	}
	if v, _ := f.GetCellValue("Journeys", "G2"); v == "" {
		t.Error("no step count")
	}
}

// TestNewFormatNeedsEveryView walks the recipe for a report format
// (docs/decisions.md, "Registries"): a format is one entry with a writer
// for every view (--by), or the registry refuses it when it is built.
func TestNewFormatNeedsEveryView(t *testing.T) {
	page := func(w io.Writer, r *Report, _ FormatOptions) error {
		_, err := fmt.Fprintf(w, "<p>%d journeys</p>\n", len(r.Journeys))
		return err
	}
	add := func(w Writers) (err error) {
		defer func() {
			if r := recover(); r != nil {
				err = fmt.Errorf("%v", r)
			}
		}()
		registry.New("-f", append(slices.Clone(Formats.All()), registry.Format[Writers]{Meta: registry.Meta{Name: "recipe-html", Ext: "html", Help: "a page"}, Write: w})...)
		return nil
	}
	if err := add(Writers{Step: page, Lane: page}); err == nil || !strings.Contains(err.Error(), `"recipe-html" has no Write.Owner`) {
		t.Errorf("a format without an owner view: %v", err)
	}
	if err := add(Writers{Step: page, Lane: page, Owner: page}); err != nil {
		t.Errorf("a complete format: %v", err)
	}
}

// fillOf reads the workbook's styles and returns the fill colour of cell
// style id (excelize reports fill colours only for workbooks with a theme).
func fillOf(t *testing.T, book []byte, id int) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(book), int64(len(book)))
	if err != nil {
		t.Fatal(err)
	}
	rc, err := zr.Open("xl/styles.xml")
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	var st struct {
		Fills []struct {
			FG struct {
				RGB string `xml:"rgb,attr"`
			} `xml:"patternFill>fgColor"`
		} `xml:"fills>fill"`
		Xfs []struct {
			FillID int `xml:"fillId,attr"`
		} `xml:"cellXfs>xf"`
	}
	if err := xml.NewDecoder(rc).Decode(&st); err != nil {
		t.Fatal(err)
	}
	if id < 0 || id >= len(st.Xfs) || st.Xfs[id].FillID >= len(st.Fills) {
		t.Fatalf("style %d not in styles.xml", id)
	}
	return st.Fills[st.Xfs[id].FillID].FG.RGB
}
