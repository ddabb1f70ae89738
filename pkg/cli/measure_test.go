package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

const (
	claimJourney = "../../examples/insurance-claim.yaml"
	claimData    = "../../examples/data/insurance-claim.csv"
)

// TestMeasureGolden: the example's figures in each format people read.
func TestMeasureGolden(t *testing.T) {
	for _, f := range []string{"table", "markdown", "csv", "json"} {
		t.Run(f, func(t *testing.T) {
			io, out, errOut := TestStreams("")
			err := measureRun(&MeasureOptions{IO: io, Data: []string{claimData}, Journeys: []string{claimJourney}, Format: f})
			if err != nil {
				t.Fatalf("%v\n%s", err, errOut)
			}
			ext := map[string]string{"table": "txt", "markdown": "md", "csv": "csv", "json": "json"}[f]
			golden(t, "../../testdata/measure/insurance-claim."+ext, out.Bytes())
		})
	}
}

func TestMeasureXLSXIsStable(t *testing.T) {
	dir := t.TempDir()
	var books [][]byte
	for i := 0; i < 2; i++ {
		io, _, errOut := TestStreams("")
		p := filepath.Join(dir, "m"+string(rune('0'+i))+".xlsx")
		if err := measureRun(&MeasureOptions{IO: io, Data: []string{claimData}, Journeys: []string{claimJourney}, Format: "xlsx", Output: p}); err != nil {
			t.Fatalf("%v\n%s", err, errOut)
		}
		b, _ := os.ReadFile(p)
		books = append(books, b)
	}
	if len(books[0]) == 0 || string(books[0]) != string(books[1]) {
		t.Fatal("two runs wrote different workbooks")
	}
	f, err := excelize.OpenFile(filepath.Join(dir, "m0.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if v, _ := f.GetCellValue("Figures", "F2"); v != "nps" {
		t.Errorf("Figures!F2 = %q, want nps", v)
	}
}

func TestMeasureBadInput(t *testing.T) {
	dir := t.TempDir()
	write := func(name, data string) string {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte(data), 0o644)
		return p
	}
	for _, c := range []struct {
		name     string
		o        MeasureOptions
		code     int
		errs     string
		noOutput bool
	}{
		{name: "no data", o: MeasureOptions{Format: "table"}, code: 2, errs: "no data files given"},
		{name: "bad format", o: MeasureOptions{Data: []string{claimData}, Format: "pdf"}, code: 2, errs: `-f "pdf" is not one of csv, json, markdown, table, xlsx`},
		{name: "missing file", o: MeasureOptions{Data: []string{filepath.Join(dir, "nope.csv")}, Format: "table"}, code: 1, errs: "nope.csv"},
		{name: "empty", o: MeasureOptions{Data: []string{write("empty.csv", "")}, Format: "table"}, code: 1, errs: "empty.csv: empty file"},
		{name: "unknown step", o: MeasureOptions{Data: []string{write("typo.csv", "step,metric,score\nwait-for-adjustor,csat,4\n")}, Journeys: []string{claimJourney}, Format: "table"},
			code: 1, errs: `typo.csv:2: unknown step "wait-for-adjustor" in journey "insurance-claim"; did you mean "wait-for-adjuster"?`},
		{name: "bad map", o: MeasureOptions{Data: []string{claimData}, Map: []string{"Q=scor"}, Format: "table"}, code: 2, errs: `did you mean "score"?`},
		{name: "write without journey", o: MeasureOptions{Data: []string{claimData}, Format: "table", Write: true}, code: 2, errs: "--write records the figures in journeys"},
		{name: "output over input", o: MeasureOptions{Data: []string{claimData}, Format: "csv", Output: claimData}, code: 2, errs: "writing would destroy it"},
	} {
		t.Run(c.name, func(t *testing.T) {
			io, out, errOut := TestStreams("")
			c.o.IO = io
			err := measureRun(&c.o)
			msg := errOut.String()
			if err != nil {
				msg += err.Error()
			}
			if codeOf(err) != c.code || !strings.Contains(msg, c.errs) {
				t.Errorf("exit %d, messages %q; want exit %d with %q", codeOf(err), msg, c.code, c.errs)
			}
			if out.Len() > 0 {
				t.Errorf("printed %q", out.String())
			}
		})
	}
}

// TestMeasureXLSXFormulas: formula cells are read as their cached values
// and named in a warning.
func TestMeasureXLSXFormulas(t *testing.T) {
	p := filepath.Join(t.TempDir(), "answers.xlsx")
	f := excelize.NewFile()
	rows := [][]any{{"step", "metric", "score"}, {"wait-for-adjuster", "csat", 4}, {"wait-for-adjuster", "csat", 2}}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		f.SetSheetRow("Sheet1", cell, &r)
	}
	f.SetCellValue("Sheet1", "C3", 2) // what Excel would have cached
	f.SetCellFormula("Sheet1", "C3", "=1+1")
	if err := f.SaveAs(p); err != nil {
		t.Fatal(err)
	}
	io, out, errOut := TestStreams("")
	if err := measureRun(&MeasureOptions{IO: io, Data: []string{p}, Journeys: []string{claimJourney}, Format: "csv"}); err != nil {
		t.Fatalf("%v\n%s", err, errOut)
	}
	if !strings.Contains(errOut.String(), `cells C3 hold formulas; read as the values Excel last computed`) {
		t.Errorf("no formula warning: %q", errOut)
	}
	if !strings.Contains(out.String(), "insurance-claim,step,wait-for-adjuster,,,csat,2,50,") {
		t.Errorf("figures:\n%s", out)
	}
}
