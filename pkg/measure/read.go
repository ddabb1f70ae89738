package measure

import (
	"archive/zip"
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// ReadOptions say how to read a data file.
type ReadOptions struct {
	// Map overrides header recognition: normalised header -> field
	// (ParseMap).
	Map map[string]Field
}

// ReadFile reads the data file at p (CSV, or XLSX by its extension) into
// the collector. A file it cannot read at all is an error; problems in
// rows are collected (Collector.Err).
func (c *Collector) ReadFile(p string, o ReadOptions) error {
	if strings.EqualFold(filepath.Ext(p), ".xlsx") {
		return c.readXLSX(p, o)
	}
	f, err := os.Open(p)
	if err != nil {
		return err
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.IsDir() {
		return fmt.Errorf("%s: is a directory; give survey data files (CSV or XLSX)", p)
	}
	return c.ReadCSV(p, f, o)
}

// ReadCSV reads CSV data from r, named name in messages. It streams: one
// record at a time, never the whole file.
func (c *Collector) ReadCSV(name string, r io.Reader, o ReadOptions) error {
	cr := csv.NewReader(bufio.NewReaderSize(&lineLimit{r: r, max: MaxLineBytes}, 64<<10))
	cr.ReuseRecord = true
	cr.FieldsPerRecord = -1
	var cols columns
	var fi int
	header := false
	rows := 0
	var rd rowReader
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return fmt.Errorf("%s:%d:%d: %v", name, pe.Line, pe.Column, pe.Err)
			}
			var le *lineTooLong
			if errors.As(err, &le) {
				return fmt.Errorf("%s: a line is longer than %d bytes", name, MaxLineBytes)
			}
			return fmt.Errorf("%s: %v", name, err)
		}
		line, _ := cr.FieldPos(0)
		if !header {
			if blank(rec) {
				continue
			}
			if cols, err = mapHeader(name, line, rec, o.Map); err != nil {
				return err
			}
			if err := c.needJourney(name, line, &cols); err != nil {
				return err
			}
			if fi, err = c.begin(name, cols[FieldRespondent] >= 0); err != nil {
				return err
			}
			header = true
			continue
		}
		if blank(rec) {
			continue
		}
		rows++
		if rows > MaxRowsPerFile {
			return fmt.Errorf("%s:%d: more than %d rows", name, line, MaxRowsPerFile)
		}
		rd.row(c, fi, line, rec, &cols)
	}
	if !header {
		return fmt.Errorf("%s: empty file: no header row and no answers", name)
	}
	c.end(fi)
	if rows == 0 {
		return fmt.Errorf("%s: no answers under the header", name)
	}
	c.skipped(name, rd.noScore)
	return nil
}

func (c *Collector) skipped(name string, n int) {
	if n > 0 {
		c.warn("%s: %d rows without a score skipped (unanswered)", name, n)
	}
}

// rowReader turns records into rows, remembering the last date it parsed
// (answers come in date runs, so most rows parse none).
type rowReader struct {
	lastDate string
	lastDay  int32
	noScore  int
	r        Row
}

func (rd *rowReader) row(c *Collector, fi, line int, rec []string, cols *columns) {
	get := func(f Field) string {
		if i := cols[f]; i >= 0 && i < len(rec) {
			return strings.TrimSpace(rec[i])
		}
		return ""
	}
	r := &rd.r
	*r = Row{Line: line, Journey: get(FieldJourney), Step: get(FieldStep), Lane: get(FieldLane), Metric: get(FieldMetric),
		Respondent: get(FieldRespondent), Segment: get(FieldSegment)}
	path := c.files[fi].Path
	s := get(FieldScore)
	if s == "" {
		rd.noScore++
		return
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		c.problem(path, line, "score %q is not a number", s)
		return
	}
	r.Score = v
	if d := get(FieldDate); d != "" {
		if d != rd.lastDate {
			day, ok := parseDay(d)
			if !ok {
				c.problem(path, line, "date %q is not YYYY-MM-DD", d)
				return
			}
			rd.lastDate, rd.lastDay = strings.Clone(d), day
		}
		r.Day = rd.lastDay
	}
	c.add(fi, r)
}

func blank(rec []string) bool {
	for _, f := range rec {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}

// lineLimit fails a read when a line runs past max bytes, so a file
// without line breaks cannot make the CSV reader hold it whole.
type lineLimit struct {
	r   io.Reader
	max int
	run int
}

type lineTooLong struct{}

func (*lineTooLong) Error() string { return "line too long" }

func (l *lineLimit) Read(p []byte) (int, error) {
	n, err := l.r.Read(p)
	b := p[:n]
	if i := bytes.LastIndexByte(b, '\n'); i >= 0 {
		l.run = n - i - 1
	} else {
		l.run += n
	}
	if l.run > l.max {
		return n, &lineTooLong{}
	}
	return n, err
}

// readXLSX reads the first sheet of a workbook with excelize's streaming
// row reader. Cells holding a formula are read as the value Excel cached
// for them, and named in a warning.
func (c *Collector) readXLSX(p string, o ReadOptions) error {
	st, err := os.Stat(p)
	if err != nil {
		return err
	}
	if st.Size() > MaxXLSXBytes {
		return fmt.Errorf("%s: larger than the %d MiB limit for a workbook (save it as CSV: CSV is streamed without a limit on size)", p, MaxXLSXBytes>>20)
	}
	formulas, err := formulaCells(p)
	if err != nil {
		return fmt.Errorf("%s: not a readable XLSX workbook: %v", p, err)
	}
	f, err := excelize.OpenFile(p)
	if err != nil {
		return fmt.Errorf("%s: not a readable XLSX workbook: %v", p, err)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return fmt.Errorf("%s: empty file: the workbook has no sheet", p)
	}
	sheet := sheets[0]
	rows, err := f.Rows(sheet)
	if err != nil {
		return fmt.Errorf("%s: %v", p, err)
	}
	defer rows.Close()
	var cols columns
	var fi int
	header := false
	n, line := 0, 0
	var rd rowReader
	var flagged []string
	for rows.Next() {
		line++
		rec, err := rows.Columns()
		if err != nil {
			return fmt.Errorf("%s:%s!%d: %v", p, sheet, line, err)
		}
		if !header {
			if blank(rec) {
				continue
			}
			if cols, err = mapHeader(p, line, rec, o.Map); err != nil {
				return err
			}
			if err := c.needJourney(p, line, &cols); err != nil {
				return err
			}
			if fi, err = c.begin(p, cols[FieldRespondent] >= 0); err != nil {
				return err
			}
			header = true
			continue
		}
		if blank(rec) {
			continue
		}
		n++
		if n > MaxRowsPerFile {
			return fmt.Errorf("%s:%d: more than %d rows", p, line, MaxRowsPerFile)
		}
		for _, col := range formulas[line] {
			for fld, i := range cols {
				if i == col && Field(fld) != FieldNone {
					flagged = append(flagged, fmt.Sprintf("%s%d", colName(col), line))
				}
			}
		}
		rd.row(c, fi, line, rec, &cols)
	}
	if err := rows.Error(); err != nil {
		return fmt.Errorf("%s: %v", p, err)
	}
	if !header {
		return fmt.Errorf("%s: empty file: no header row and no answers on sheet %q", p, sheet)
	}
	c.end(fi)
	if n == 0 {
		return fmt.Errorf("%s: no answers under the header on sheet %q", p, sheet)
	}
	if len(flagged) > 0 {
		more := ""
		if len(flagged) > 5 {
			more = fmt.Sprintf(" and %d more", len(flagged)-5)
			flagged = flagged[:5]
		}
		c.warn("%s: sheet %q: cells %s%s hold formulas; read as the values Excel last computed (check them, or paste values)", p, sheet, strings.Join(flagged, ", "), more)
	}
	c.skipped(p, rd.noScore)
	return nil
}

func colName(i int) string {
	s, _ := excelize.ColumnNumberToName(i + 1)
	return s
}

// formulaCells lists, per row number, the 0-based columns of the first
// sheet's cells that hold a formula. It streams the sheet's XML.
func formulaCells(p string) (map[int][]int, error) {
	z, err := zip.OpenReader(p)
	if err != nil {
		return nil, err
	}
	defer z.Close()
	sheetPath, err := firstSheetPath(&z.Reader)
	if err != nil {
		return nil, err
	}
	out := map[int][]int{}
	for _, f := range z.File {
		if f.Name != sheetPath {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return nil, err
		}
		defer rc.Close()
		d := xml.NewDecoder(rc)
		cell := ""
		for {
			tok, err := d.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				return nil, err
			}
			if se, ok := tok.(xml.StartElement); ok {
				switch se.Name.Local {
				case "c":
					cell = ""
					for _, a := range se.Attr {
						if a.Name.Local == "r" {
							cell = a.Value
						}
					}
				case "f":
					if col, row, err := excelize.CellNameToCoordinates(cell); err == nil {
						out[row] = append(out[row], col-1)
					}
				}
			}
		}
	}
	return out, nil
}

// firstSheetPath finds the part of the workbook's first sheet through
// xl/workbook.xml and its relationships.
func firstSheetPath(z *zip.Reader) (string, error) {
	var wb struct {
		Sheets []struct {
			RID string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	var rels struct {
		Rel []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if err := readXML(z, "xl/workbook.xml", &wb); err != nil {
		return "", err
	}
	if err := readXML(z, "xl/_rels/workbook.xml.rels", &rels); err != nil {
		return "", err
	}
	if len(wb.Sheets) == 0 {
		return "", fmt.Errorf("the workbook has no sheet")
	}
	for _, r := range rels.Rel {
		if r.ID == wb.Sheets[0].RID {
			if strings.HasPrefix(r.Target, "/") {
				return strings.TrimPrefix(r.Target, "/"), nil
			}
			return path.Join("xl", r.Target), nil
		}
	}
	return "", fmt.Errorf("the first sheet has no part")
}

func readXML(z *zip.Reader, name string, v any) error {
	for _, f := range z.File {
		if f.Name == name {
			rc, err := f.Open()
			if err != nil {
				return err
			}
			defer rc.Close()
			return xml.NewDecoder(io.LimitReader(rc, 16<<20)).Decode(v)
		}
	}
	return fmt.Errorf("no %s", name)
}

// needJourney refuses a file without a journey column when several
// journeys are given: its rows could be about any of them.
func (c *Collector) needJourney(name string, line int, cols *columns) error {
	if cols[FieldJourney] < 0 && len(c.order) > 1 {
		return fmt.Errorf("%s:%d: no journey column, and %d journeys are given (%s): add a journey column or give only the journey the file is about",
			name, line, len(c.order), strings.Join(c.order, ", "))
	}
	return nil
}
