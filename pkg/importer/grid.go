package importer

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/cxmap/cxmap/pkg/journey"
	"github.com/xuri/excelize/v2"
)

// Grid limits: a workshop wall is a few dozen columns and rows.
const (
	MaxGridRows = 500
	MaxGridCols = 1000
)

// cell is one grid cell: its text and, in XLSX, its fill's rating and
// whether it held a formula.
type cell struct {
	text    string
	fill    string // journey.Red, Yellow, Green or ""
	formula bool
}

// grid is a sheet read into memory.
type grid struct {
	file, sheet string
	rows        [][]cell
	warnings    []string
}

func (g *grid) errAt(row, col int, format string, a ...any) error {
	e := &Error{File: g.file, Sheet: g.sheet, Row: row, Grid: true, Msg: fmt.Sprintf(format, a...)}
	if col > 0 {
		e.Col, _ = excelize.ColumnNumberToName(col)
	}
	return e
}

func (g *grid) at(r, c int) cell { // 1-based
	if r < 1 || r > len(g.rows) || c < 1 || c > len(g.rows[r-1]) {
		return cell{}
	}
	return g.rows[r-1][c-1]
}

// Grid imports a workshop grid from CSV or XLSX (picked by the file name):
// the first row names the stages (merged or repeated cells over their
// steps), the second the steps (the customer's actions), then a row per
// lane (first column its name, an optional second column its zone), whose
// cells are what happens there. A row whose first cell says "rating" rates
// the steps (red, yellow or amber, green); in XLSX a step's or a cell's
// fill colour rates it too. A row whose first cell names the line of
// visibility puts the lanes below it backstage (a "line of internal
// interaction" row: support), unless the zone column says otherwise; a
// "pains" row gives the steps' pains.
func Grid(path string, data []byte, outPath string) (*Result, error) {
	if len(data) > journey.MaxFileSize {
		return nil, &Error{File: path, Msg: fmt.Sprintf("file is larger than the %d MiB limit", journey.MaxFileSize>>20)}
	}
	var g *grid
	var err error
	switch strings.ToLower(filepath.Ext(path)) {
	case ".xlsx", ".xlsm":
		g, err = readXLSX(path, data)
	default:
		g, err = readCSV(path, data)
	}
	if err != nil {
		return nil, err
	}
	return g.journey(outPath)
}

func readCSV(path string, data []byte) (*grid, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	first, _, _ := bytes.Cut(data, []byte("\n"))
	for _, d := range []rune{';', '\t'} {
		if bytes.Count(first, []byte(string(d))) > bytes.Count(first, []byte(",")) {
			r.Comma = d
		}
	}
	g := &grid{file: path}
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			if pe, ok := err.(*csv.ParseError); ok {
				return nil, &Error{File: path, Row: pe.Line, Grid: true, Msg: pe.Err.Error()}
			}
			return nil, &Error{File: path, Msg: err.Error()}
		}
		if len(g.rows) >= MaxGridRows || len(rec) > MaxGridCols {
			return nil, &Error{File: path, Msg: fmt.Sprintf("the grid is larger than %d rows by %d columns", MaxGridRows, MaxGridCols)}
		}
		row := make([]cell, len(rec))
		for i, s := range rec {
			row[i] = cell{text: strings.TrimSpace(s)}
		}
		g.rows = append(g.rows, row)
	}
	return g, nil
}

func readXLSX(path string, data []byte) (*grid, error) {
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		UnzipSizeLimit: 10 * journey.MaxFileSize, UnzipXMLSizeLimit: 10 * journey.MaxFileSize,
	})
	if err != nil {
		return nil, &Error{File: path, Msg: "not a readable XLSX workbook: " + err.Error()}
	}
	defer f.Close()
	sheet := ""
	for _, s := range f.GetSheetList() {
		if v, _ := f.GetSheetVisible(s); v {
			sheet = s
			break
		}
	}
	if sheet == "" {
		return nil, &Error{File: path, Msg: "the workbook has no visible sheet"}
	}
	g := &grid{file: path, sheet: sheet}
	rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: false})
	if err != nil {
		return nil, &Error{File: path, Sheet: sheet, Grid: true, Msg: err.Error()}
	}
	if len(rows) > MaxGridRows {
		return nil, g.errAt(0, 0, "the grid is larger than %d rows", MaxGridRows)
	}
	merged, _ := f.GetMergeCells(sheet)
	fills := map[int]string{} // style id -> rating
	for r, rec := range rows {
		if len(rec) > MaxGridCols {
			return nil, g.errAt(r+1, 0, "the grid is wider than %d columns", MaxGridCols)
		}
		row := make([]cell, len(rec))
		for c, s := range rec {
			name, _ := excelize.CoordinatesToCellName(c+1, r+1)
			row[c] = cell{text: strings.TrimSpace(s)}
			if fo, _ := f.GetCellFormula(sheet, name); fo != "" {
				row[c].formula = true
				g.warnings = append(g.warnings, fmt.Sprintf("%s: sheet %q, cell %s holds a formula (=%s); its cached value %q was used", path, sheet, name, fo, s))
			}
		}
		g.rows = append(g.rows, row)
	}
	// Fills: every cell of the grid, including empty ones past a row's end
	// is not needed (an empty cell rates nothing).
	for r := range g.rows {
		for c := range g.rows[r] {
			if g.rows[r][c].text == "" {
				continue
			}
			name, _ := excelize.CoordinatesToCellName(c+1, r+1)
			id, err := f.GetCellStyle(sheet, name)
			if err != nil || id == 0 {
				continue
			}
			rating, ok := fills[id]
			if !ok {
				if st, err := f.GetStyle(id); err == nil && st != nil && st.Fill.Pattern == 1 && len(st.Fill.Color) > 0 {
					rating = colourRating(st.Fill.Color[0])
				}
				fills[id] = rating
			}
			g.rows[r][c].fill = rating
		}
	}
	// A merged range shows its top-left text in every cell it covers.
	for _, m := range merged {
		c1, r1, err1 := excelize.CellNameToCoordinates(m.GetStartAxis())
		c2, r2, err2 := excelize.CellNameToCoordinates(m.GetEndAxis())
		if err1 != nil || err2 != nil || r1 > 2 {
			continue // only the stage and step rows need it
		}
		for r := r1; r <= min(r2, len(g.rows)); r++ {
			for c := c1; c <= c2; c++ {
				for len(g.rows[r-1]) < c {
					g.rows[r-1] = append(g.rows[r-1], cell{})
				}
				if c != c1 || r != r1 {
					g.rows[r-1][c-1].text = strings.TrimSpace(m.GetCellValue())
				}
			}
		}
	}
	return g, nil
}

// colourRating reads a fill colour (RRGGBB or AARRGGBB) as a rating by its
// hue, when it is coloured enough: red (hue within 20° of 0), amber or
// yellow (30°-65°), green (80°-170°); "" otherwise.
func colourRating(hex string) string {
	hex = strings.TrimPrefix(hex, "#")
	if len(hex) == 8 {
		hex = hex[2:]
	}
	if len(hex) != 6 {
		return ""
	}
	v, err := strconv.ParseUint(hex, 16, 32)
	if err != nil {
		return ""
	}
	r, g, b := float64(v>>16&0xff)/255, float64(v>>8&0xff)/255, float64(v&0xff)/255
	mx, mn := math.Max(r, math.Max(g, b)), math.Min(r, math.Min(g, b))
	if mx < 0.3 || (mx-mn)/mx < 0.12 {
		return "" // grey, white or black
	}
	var h float64
	switch mx {
	case r:
		h = math.Mod((g-b)/(mx-mn), 6)
	case g:
		h = (b-r)/(mx-mn) + 2
	default:
		h = (r-g)/(mx-mn) + 4
	}
	h *= 60
	if h < 0 {
		h += 360
	}
	switch {
	case h <= 20 || h >= 340:
		return journey.Red
	case h >= 30 && h <= 65:
		return journey.Yellow
	case h >= 80 && h <= 170:
		return journey.Green
	}
	return ""
}

var ratingWords = map[string]string{
	"red": journey.Red, "yellow": journey.Yellow, "amber": journey.Yellow, "orange": journey.Yellow, "green": journey.Green,
}

var zones = map[string]string{
	"frontstage": journey.Frontstage, "front": journey.Frontstage, "backstage": journey.Backstage, "back": journey.Backstage, "support": journey.Support,
}

// journey reads the grid's layout into a journey.
func (g *grid) journey(outPath string) (*Result, error) {
	if len(g.rows) < 2 {
		return nil, g.errAt(0, 0, "a grid needs a row of stages and a row of steps (found %d rows)", len(g.rows))
	}
	width := 0
	for _, r := range g.rows {
		width = max(width, len(r))
	}
	zoneCol := g.hasZoneColumn()
	firstData := 2
	if zoneCol {
		firstData = 3
	}
	j := &jFile{Cxmap: journey.FormatVersion}
	cols, err := g.steps(j, firstData, width)
	if err != nil {
		return nil, err
	}
	if err := g.lanes(j, cols, zoneCol); err != nil {
		return nil, err
	}
	unrated := 0
	for _, c := range cols {
		if j.Stages[c.stage].Steps[c.step].Rating == "" {
			unrated++
		}
	}
	g.name(j, outPath)
	todo := []string{"title: the journey's name (now from the file name: " + j.Title + ")"}
	if unrated > 0 {
		todo = append(todo, fmt.Sprintf("rating: %d step(s) have no rating (a rating row, or red/amber/green fills)", unrated))
	}
	todo = append(todo, "lanes: the channel of each frontstage lane")
	header := []string{"Imported from " + filepath.Base(g.file) + " (workshop grid) by cxmap import.",
		"lint's placeholder-text marks what is still to be written."}
	res, err := finish(j, header, outPath, todo)
	if err != nil {
		return nil, err
	}
	res.Warnings = g.warnings
	return res, nil
}

// hasZoneColumn says whether the second column is a zone column: every
// lane row's value there is a zone (or empty) and at least one is.
func (g *grid) hasZoneColumn() bool {
	zoneCol := false
	for r := 3; r <= len(g.rows); r++ {
		v := strings.ToLower(g.at(r, 2).text)
		if _, ok := zones[v]; ok {
			zoneCol = true
		} else if v != "" && !isSpecialRow(g.at(r, 1).text) {
			return false
		}
	}
	return zoneCol
}

// gridCol is a column of the grid that holds a step, and where the step
// is in the journey.
type gridCol struct {
	c     int
	stage int
	step  int
}

// steps reads the stages (row 1) and steps (row 2) from column firstData
// on: the columns with a step in row 2.
func (g *grid) steps(j *jFile, firstData, width int) ([]gridCol, error) {
	stageIDs, stepIDs := ids{}, ids{}
	var cols []gridCol
	lastStage := ""
	for c := firstData; c <= width; c++ {
		action := g.at(2, c).text
		stageName := g.at(1, c).text
		if stageName == "" {
			stageName = lastStage
		}
		if action == "" {
			for r := 3; r <= len(g.rows); r++ {
				if g.at(r, c).text != "" && !isSpecialRow(g.at(r, 1).text) {
					return nil, g.errAt(2, c, "column %s has entries but no step (row 2, the customer's action, is empty)", colName(c))
				}
			}
			continue
		}
		if stageName == "" {
			return nil, g.errAt(1, c, "the step %q has no stage (row 1 is empty up to here)", action)
		}
		if stageName != lastStage || len(j.Stages) == 0 {
			j.Stages = append(j.Stages, stage{ID: stageIDs.make(stageName, "stage"), Name: stageName})
			lastStage = stageName
		}
		si := len(j.Stages) - 1
		st := step{ID: stepIDs.make(action, "step"), Action: action, Rating: g.at(2, c).fill}
		j.Stages[si].Steps = append(j.Stages[si].Steps, st)
		cols = append(cols, gridCol{c: c, stage: si, step: len(j.Stages[si].Steps) - 1})
	}
	if len(cols) == 0 {
		return nil, g.errAt(2, 0, "row 2 names no steps")
	}
	return cols, nil
}

// lanes reads the rows below the steps: the lines of interaction,
// visibility and internal interaction (which set the zone of the lanes
// below them), a rating row, a pains row, and a lane per other row.
func (g *grid) lanes(j *jFile, cols []gridCol, zoneCol bool) error {
	laneIDs := ids{}
	zone := journey.Frontstage
	for r := 3; r <= len(g.rows); r++ {
		name := g.at(r, 1).text
		lower := strings.ToLower(name)
		switch {
		case name == "":
			for _, c := range cols {
				if g.at(r, c.c).text != "" {
					return g.errAt(r, 1, "row %d has entries but no lane name in its first column", r)
				}
			}
			continue
		case strings.Contains(lower, "line of visibility"):
			zone = journey.Backstage
			continue
		case strings.Contains(lower, "line of internal interaction"):
			zone = journey.Support
			continue
		case strings.Contains(lower, "line of interaction"):
			continue
		case lower == "rating" || lower == "ratings":
			if err := g.ratingRow(j, cols, r); err != nil {
				return err
			}
			continue
		case lower == "pains" || lower == "pain" || lower == "pain points":
			for _, c := range cols {
				if v := g.at(r, c.c).text; v != "" {
					s := &j.Stages[c.stage].Steps[c.step]
					s.Pains = append(s.Pains, v)
				}
			}
			continue
		}
		z := zone
		if zoneCol {
			if v := strings.ToLower(g.at(r, 2).text); v != "" {
				z = zones[v]
			}
		}
		id := laneIDs.make(name, "lane")
		j.Lanes = append(j.Lanes, lane{ID: id, Name: name, Zone: z})
		for _, c := range cols {
			cl := g.at(r, c.c)
			if cl.text == "" {
				continue
			}
			s := &j.Stages[c.stage].Steps[c.step]
			ct := contact{Lane: id, Does: cl.text, Rating: cl.fill}
			if z == journey.Frontstage {
				s.Touchpoints = append(s.Touchpoints, ct)
			} else {
				s.Backstage = append(s.Backstage, ct)
			}
		}
	}
	return nil
}

// ratingRow reads a row of rating words into the steps' ratings.
func (g *grid) ratingRow(j *jFile, cols []gridCol, r int) error {
	for _, c := range cols {
		v := strings.ToLower(g.at(r, c.c).text)
		if v == "" {
			continue
		}
		rating, ok := ratingWords[v]
		if !ok {
			return g.errAt(r, c.c, "rating %q is not red, yellow (amber) or green", g.at(r, c.c).text)
		}
		j.Stages[c.stage].Steps[c.step].Rating = rating
	}
	return nil
}

// name gives the journey its title (from the grid's file name), id and
// source: the workshop, which every rated step cites.
func (g *grid) name(j *jFile, outPath string) {
	base := strings.TrimSuffix(filepath.Base(outPath), filepath.Ext(outPath))
	src := strings.TrimSuffix(filepath.Base(g.file), filepath.Ext(g.file))
	j.Title = strings.TrimSpace(strings.NewReplacer("-", " ", "_", " ").Replace(src))
	if j.Title == "" {
		j.Title = base
	}
	j.ID = journey.Slug(j.Title)
	if j.ID == "" {
		j.ID = "imported"
	}
	j.Sources = []source{{ID: "workshop", Kind: "workshop", Title: "Workshop grid " + filepath.Base(g.file)}}
	for si := range j.Stages {
		for k := range j.Stages[si].Steps {
			if j.Stages[si].Steps[k].Rating != "" {
				j.Stages[si].Steps[k].Sources = []string{"workshop"}
			}
		}
	}
}

func isSpecialRow(s string) bool {
	l := strings.ToLower(s)
	return strings.Contains(l, "line of") || l == "rating" || l == "ratings" || l == "pains" || l == "pain" || l == "pain points"
}

func colName(c int) string {
	n, _ := excelize.ColumnNumberToName(c)
	return n
}
