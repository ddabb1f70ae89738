package importer

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/cxmap/cxmap/pkg/journey"
	"github.com/cxmap/cxmap/pkg/report"
	"github.com/xuri/excelize/v2"
)

// export writes the workbook `report -f xlsx` writes for the file.
func export(t *testing.T, path string, data []byte) []byte {
	t.Helper()
	j, fs := journey.Parse(path, data)
	if j == nil {
		t.Fatal(fs)
	}
	o := report.Options{Workbook: true}
	var b bytes.Buffer
	if err := report.XLSX(&b, report.Assemble([]report.JourneyReport{report.BuildJourney(j, o)}, o), report.FormatOptions{}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// colOf is the 1-based column of sheet whose header is h.
func colOf(t *testing.T, f *excelize.File, sheet, h string) int {
	rows, _ := f.GetRows(sheet)
	if len(rows) > 0 {
		for i, c := range rows[0] {
			if c == h {
				return i + 1
			}
		}
	}
	t.Fatalf("%s: no column %q", sheet, h)
	return 0
}

// findRow is the 1-based row of sheet whose column col holds value.
func findRow(t *testing.T, f *excelize.File, sheet string, col int, value string) int {
	rows, _ := f.GetRows(sheet)
	for i, r := range rows {
		if col-1 < len(r) && r[col-1] == value {
			return i + 1
		}
	}
	t.Fatalf("%s: no row with %q", sheet, value)
	return 0
}

// TestWorkbookRoundTrip: export the insurance example, edit cells as a
// client would, apply the workbook: exactly those changes land, with the
// rest of the file (comments too) byte for byte as it was.
func TestWorkbookRoundTrip(t *testing.T) {
	path := "../../examples/insurance-claim.yaml"
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	book := export(t, path, data)
	f, err := excelize.OpenReader(bytes.NewReader(book))
	if err != nil {
		t.Fatal(err)
	}
	oc := func(h string) int { return colOf(t, f, "Opportunities", h) }
	r := findRow(t, f, "Opportunities", oc("Id"), "triage-script-covers-safety")
	f.SetCellValue("Opportunities", cellAt(oc("Owner"), r), "Dana Ortiz")
	f.SetCellValue("Opportunities", cellAt(oc("Status"), r), "planned")
	f.SetCellValue("Opportunities", cellAt(oc("Impact"), r), 4)
	s := findRow(t, f, "Steps", colOf(t, f, "Steps", "Step"), "upload-photos")
	f.SetCellValue("Steps", cellAt(colOf(t, f, "Steps", "Rating"), s), "red")
	m := findRow(t, f, "Metrics", colOf(t, f, "Metrics", "Metric"), "Time to answer")
	f.SetCellValue("Metrics", cellAt(colOf(t, f, "Metrics", "Current"), m), 2)
	// A new row: a client's idea for a step.
	rows, _ := f.GetRows("Opportunities")
	n := len(rows) + 1
	row := make([]any, 16)
	for h, v := range map[string]any{"Owner": "Claims ops", "Idea": "Call back within the hour", "Priority": "high", "Status": "idea", "Journey": "insurance-claim", "Step": "call-claims-line"} {
		row[oc(h)-1] = v
	}
	f.SetSheetRow("Opportunities", cellAt(1, n), &row)
	var out bytes.Buffer
	f.WriteTo(&out)

	res, err := Update("book.xlsx", out.Bytes(), []JourneyFile{{Path: path, Data: data}}, UpdateOptions{})
	if err != nil {
		t.Fatal(err)
	}
	u := res.Files[0]
	if u.Refused != "" {
		t.Fatal(u.Refused)
	}
	want := []string{
		`step upload-photos rating: "yellow" -> "red"`,
		`step call-claims-line metric "Time to answer" current: 4 -> 2`,
		`opportunity triage-script-covers-safety owner: "claims-operations" -> "Dana Ortiz"`,
		`opportunity triage-script-covers-safety status: "idea" -> "planned"`,
		`opportunity triage-script-covers-safety impact: 3 -> 4`,
		`step call-claims-line new opportunity call-back-within-the-hour: (none) -> "Call back within the hour"`,
	}
	got := strings.Join(u.Changes, "\n")
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Errorf("missing change %q in:\n%s", w, got)
		}
	}
	if len(u.Changes) != len(want) {
		t.Errorf("%d changes, want %d:\n%s", len(u.Changes), len(want), got)
	}
	diff := lineDiffCount(string(data), string(u.Out))
	if diff > 14 {
		t.Errorf("%d lines changed:\n%s", diff, u.Out)
	}
	if !bytes.Contains(u.Out, []byte("# A home-insurance escape-of-water claim")) {
		t.Error("a comment was lost")
	}
	// The file edited since the export: refused without --force.
	edited := bytes.Replace(data, []byte("owner: claims-cx-team"), []byte("owner: someone-else"), 1)
	res, _ = Update("book.xlsx", out.Bytes(), []JourneyFile{{Path: path, Data: edited}}, UpdateOptions{})
	if !strings.Contains(res.Files[0].Refused, "changed since the workbook was exported") || res.Files[0].Out != nil {
		t.Errorf("not refused: %+v", res.Files[0])
	}
	res, _ = Update("book.xlsx", out.Bytes(), []JourneyFile{{Path: path, Data: edited}}, UpdateOptions{Force: true})
	if res.Files[0].Refused != "" || res.Files[0].Out == nil {
		t.Errorf("--force refused: %s", res.Files[0].Refused)
	}
}

func TestWorkbookDeletesAndBadCells(t *testing.T) {
	path := "../../examples/insurance-claim.yaml"
	data, _ := os.ReadFile(path)
	f, _ := excelize.OpenReader(bytes.NewReader(export(t, path, data)))
	r := findRow(t, f, "Opportunities", colOf(t, f, "Opportunities", "Id"), "triage-script-covers-safety")
	f.RemoveRow("Opportunities", r)
	var out bytes.Buffer
	f.WriteTo(&out)
	res, _ := Update("book.xlsx", out.Bytes(), []JourneyFile{{Path: path, Data: data}}, UpdateOptions{})
	if len(res.Notes) != 1 || !strings.Contains(res.Notes[0], "triage-script-covers-safety") || res.Files[0].Out != nil {
		t.Errorf("delete not just reported: %q %+v", res.Notes, res.Files[0].Changes)
	}
	res, _ = Update("book.xlsx", out.Bytes(), []JourneyFile{{Path: path, Data: data}}, UpdateOptions{ApplyDeletes: true})
	if res.Files[0].Out == nil || bytes.Contains(res.Files[0].Out, []byte("triage-script-covers-safety")) {
		t.Errorf("delete not applied")
	}
	r = findRow(t, f, "Opportunities", colOf(t, f, "Opportunities", "Id"), "name-one-claims-handler")
	f.SetCellValue("Opportunities", cellAt(colOf(t, f, "Opportunities", "Priority"), r), "urgent")
	out.Reset()
	f.WriteTo(&out)
	res, _ = Update("book.xlsx", out.Bytes(), []JourneyFile{{Path: path, Data: data}}, UpdateOptions{})
	if want := `sheet "Opportunities", row `; !strings.Contains(res.Files[0].Refused, want) || !strings.Contains(res.Files[0].Refused, `priority "urgent" is not one of high, medium, low`) {
		t.Errorf("refusal %q", res.Files[0].Refused)
	}
}

func cellAt(c, r int) string {
	s, _ := excelize.CoordinatesToCellName(c, r)
	return s
}

func lineDiffCount(a, b string) int {
	x, y := strings.Split(a, "\n"), strings.Split(b, "\n")
	in := map[string]int{}
	for _, l := range x {
		in[l]++
	}
	n := 0
	for _, l := range y {
		if in[l] > 0 {
			in[l]--
		} else {
			n++
		}
	}
	return n
}
