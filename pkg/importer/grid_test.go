package importer

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/cxmap/cxmap/internal/golden"
	"github.com/cxmap/cxmap/pkg/journey"
	"github.com/xuri/excelize/v2"
)

const wallCSV = `,Discover,,Apply
,Finds the service,Reads the fees,Fills in the form
Web site,Search result,Fees page,
Phone line,,,"Helpline, 9-5"
Line of visibility,,,
Case team,,,Checks the form
rating,green,amber,red
pains,,Fees are hidden,
`

func TestGridCSV(t *testing.T) {
	res, err := Grid("bank-account.csv", []byte(wallCSV), "bank.yaml")
	if err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "testdata/grid-csv.golden", res.YAML)
	j, fs := journey.Parse("bank.yaml", res.YAML)
	if j == nil {
		t.Fatal(fs)
	}
	if len(j.Stages) != 2 || len(j.Stages[0].Steps) != 2 || j.Stages[1].Steps[0].Rating != journey.Red {
		t.Errorf("stages/steps/rating wrong: %+v", j.Stages)
	}
	if l, _ := j.Lane("case-team"); l.Zone != journey.Backstage {
		t.Errorf("case team zone %q", l.Zone)
	}
}

// wallXLSX is a workbook made as a workshop would: merged stage cells, a
// zone column, ratings as fills (no rating row), a formula.
func wallXLSX(t *testing.T) []byte {
	f := excelize.NewFile()
	s := "Sheet1"
	f.SetSheetName(s, "Wall")
	s = "Wall"
	rows := [][]any{
		{"", "", "Discover", "", "Apply"},
		{"Lane", "Zone", "Finds the service", "Reads the fees", "Fills in the form"},
		{"Web site", "frontstage", "Search result", "Fees page", ""},
		{"Back office", "backstage", "", "", "Checks the form"},
		{"Core system", "support", "", "Shows fees", 42},
	}
	for r, row := range rows {
		cellName, _ := excelize.CoordinatesToCellName(1, r+1)
		f.SetSheetRow(s, cellName, &row)
	}
	f.MergeCell(s, "C1", "D1")
	fill := func(color string) int {
		id, _ := f.NewStyle(&excelize.Style{Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{color}}})
		return id
	}
	f.SetCellStyle(s, "C2", "C2", fill("9BD29B")) // a green, not the report's exact one
	f.SetCellStyle(s, "D2", "D2", fill("FFC000")) // amber
	f.SetCellStyle(s, "E2", "E2", fill("E06666")) // red
	f.SetCellStyle(s, "C3", "C3", fill("CCCCCC")) // grey: no rating
	f.SetCellFormula(s, "E5", "40+2")             // its cached value, 42, is what is read
	var b bytes.Buffer
	if _, err := f.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestGridXLSX(t *testing.T) {
	res, err := Grid("permit-wall.xlsx", wallXLSX(t), "permit.yaml")
	if err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "testdata/grid-xlsx.golden", res.YAML)
	if len(res.Warnings) != 1 || !strings.Contains(res.Warnings[0], `cell E5 holds a formula`) {
		t.Errorf("warnings %q", res.Warnings)
	}
	j, _ := journey.Parse("permit.yaml", res.YAML)
	var got []string
	for _, st := range j.Stages {
		for _, s := range st.Steps {
			got = append(got, s.Rating)
		}
	}
	if strings.Join(got, ",") != "green,yellow,red" {
		t.Errorf("ratings from fills: %v", got)
	}
}

func TestColourRating(t *testing.T) {
	for _, tt := range []struct{ hex, want string }{
		{"F4B6B6", "red"}, {"FBE7A1", "yellow"}, {"BFE3C6", "green"}, {"FF0000", "red"}, {"FFC000", "yellow"},
		{"00B050", "green"}, {"FFFFFF", ""}, {"808080", ""}, {"0070C0", ""}, {"FFFF00", "yellow"}, {"FF92D050", "green"},
	} {
		if got := colourRating(tt.hex); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.hex, got, tt.want)
		}
	}
}

func TestGridErrors(t *testing.T) {
	for _, tt := range []struct{ name, in, want string }{
		{"w.csv", ",A\n,\nWeb,Does\n", `w.csv: row 2, column B, cell B2: column B has entries but no step`},
		{"w.csv", ",A\n,Step\nWeb,x\nrating,purple\n", `w.csv: row 4, column B, cell B4: rating "purple" is not red, yellow (amber) or green`},
		{"w.csv", ",,A\n,Step,\n", `row 1, column B, cell B1: the step "Step" has no stage`},
		{"w.xlsx", "not a zip", `w.xlsx: not a readable XLSX workbook`},
		{"w.csv", "only one row\n", `a grid needs a row of stages and a row of steps`},
	} {
		_, err := Grid(tt.name, []byte(tt.in), "out.yaml")
		var e *Error
		if !errors.As(err, &e) || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q: error %v, want %q", tt.in, err, tt.want)
		}
	}
}
