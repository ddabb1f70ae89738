package measure

import (
	"fmt"
	"math/rand"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/cxmap/cxmap/pkg/journey"
	"github.com/xuri/excelize/v2"
)

const tinyJourney = `cxmap: 1
id: permit
title: Building permit
lanes:
  - id: portal
    name: Permit portal
    zone: frontstage
  - id: desk
    name: Front desk
    zone: frontstage
stages:
  - id: apply
    name: Apply
    steps:
      - id: find-rules
        action: Looks up which permits apply
        touchpoints:
          - lane: portal
            does: Shows a checklist
      - id: submit
        action: Submits the application
        critical: true
        touchpoints:
          - lane: desk
            does: Takes the forms
`

func known(t *testing.T) *Known {
	t.Helper()
	j, fs := journey.Parse("permit.yaml", []byte(tinyJourney))
	if j == nil {
		t.Fatalf("fixture: %v", fs)
	}
	return FromJourney(j)
}

func collect(t *testing.T, data string, ks ...*Known) (*Collector, error) {
	t.Helper()
	c := NewCollector(ks, Options{Drivers: true})
	if err := c.ReadCSV("data.csv", strings.NewReader(data), ReadOptions{}); err != nil {
		return c, err
	}
	return c, c.Err()
}

// sample is answers on every scope: the journey's NPS, CSAT per step and
// touchpoint, CES, two segments.
func sample() []string {
	rng := rand.New(rand.NewSource(7))
	var rows []string
	for r := 0; r < 60; r++ {
		seg := []string{"owner", "architect"}[r%2]
		day := fmt.Sprintf("2026-0%d-%02d", 1+r%9, 1+r%28)
		rows = append(rows,
			fmt.Sprintf("permit,,,nps,%d,%s,r%d,%s", rng.Intn(11), day, r, seg),
			fmt.Sprintf("permit,find-rules,portal,csat,%d,%s,r%d,%s", 1+rng.Intn(5), day, r, seg),
			fmt.Sprintf("permit,submit,,csat,%d,%s,r%d,%s", 1+rng.Intn(5), day, r, seg),
			fmt.Sprintf("permit,submit,desk,ces,%d,%s,r%d,%s", 1+rng.Intn(7), day, r, seg))
	}
	return rows
}

const csvHead = "journey,step,lane,metric,score,date,respondent,segment\n"

func TestShuffleChangesNothing(t *testing.T) {
	rows := sample()
	c1, err := collect(t, csvHead+strings.Join(rows, "\n"), known(t))
	if err != nil {
		t.Fatal(err)
	}
	want := c1.Figures()
	if len(want) < 10 {
		t.Fatalf("only %d figures", len(want))
	}
	rng := rand.New(rand.NewSource(1))
	for i := 0; i < 5; i++ {
		rng.Shuffle(len(rows), func(a, b int) { rows[a], rows[b] = rows[b], rows[a] })
		c2, err := collect(t, csvHead+strings.Join(rows, "\n"), known(t))
		if err != nil {
			t.Fatal(err)
		}
		if got := c2.Figures(); !reflect.DeepEqual(got, want) {
			t.Fatalf("shuffled rows give other figures:\n%+v\nwant\n%+v", got, want)
		}
	}
}

func TestDuplicatingNarrows(t *testing.T) {
	rows := sample()
	c1, err := collect(t, csvHead+strings.Join(rows, "\n"), known(t))
	if err != nil {
		t.Fatal(err)
	}
	c2, err := collect(t, csvHead+strings.Join(append(rows, rows...), "\n"), known(t))
	if err != nil {
		t.Fatal(err)
	}
	once, twice := c1.Figures(), c2.Figures()
	if len(once) != len(twice) {
		t.Fatalf("%d figures, then %d", len(once), len(twice))
	}
	for i := range once {
		a, b := once[i], twice[i]
		if a.Score != b.Score || b.N != 2*a.N {
			t.Errorf("%s %s/%s %s: score %v n %d, duplicated %v n %d", a.Scope, a.Step, a.Lane, a.Metric, a.Score, a.N, b.Score, b.N)
		}
		if !(b.High-b.Low < a.High-a.Low) {
			t.Errorf("%s %s/%s %s: interval %v..%v did not narrow (%v..%v)", a.Scope, a.Step, a.Lane, a.Metric, a.Low, a.High, b.Low, b.High)
		}
	}
}

func TestScopes(t *testing.T) {
	data := csvHead + `permit,,,nps,10,2026-01-02,a,
permit,,,nps,9,2026-01-03,b,
permit,,,nps,9,2026-01-03,c,
permit,,,nps,10,2026-01-04,d,
permit,,,nps,8,2026-01-05,e,
permit,,,nps,7,2026-01-05,f,
permit,,,nps,3,2026-01-06,g,
permit,,,nps,5,2026-02-01,h,
permit,submit,desk,csat,5,2026-01-02,a,
permit,submit,desk,csat,2,2026-01-02,b,
permit,submit,,csat,4,2026-01-02,c,
permit,submit,,csat,4,2026-01-02,d,
`
	c, err := collect(t, data, known(t))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range c.Figures() {
		got = append(got, fmt.Sprintf("%s %s/%s %s n=%d %v [%v, %v] %s..%s", f.Scope, f.Step, f.Lane, f.Metric, f.N, f.Score, f.Low, f.High,
			f.First.Format("01-02"), f.Last.Format("01-02")))
	}
	want := []string{
		"journey / nps n=8 25 [-32.46, 82.46] 01-02..02-01",
		"journey / csat n=4 75 [30.06, 95.44] 01-02..01-02", // pooled: no journey-level csat
		"step submit/ csat n=4 75 [30.06, 95.44] 01-02..01-02",
		"touchpoint submit/desk csat n=2 50 [9.45, 90.55] 01-02..01-02",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("figures:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	f := c.Files()[0]
	sm := f.Journeys["permit"]
	if f.Answers != 12 || f.Respondents != 8 || sm == nil || sm.Answers != 12 || sm.Respondents != 8 || sm.Last.Format("2006-01-02") != "2026-02-01" {
		t.Errorf("file %+v, journey sample %+v", f, sm)
	}
}

func TestBadInput(t *testing.T) {
	cases := []struct {
		name, data, want string
	}{
		{"empty", "", "data.csv: empty file: no header row and no answers"},
		{"header only", csvHead, "data.csv: no answers under the header"},
		{"unmappable", "who,what,how much\na,b,3\n", `data.csv:1: cannot map the header ("who", "what", "how much"): no column for step (or lane), metric, score; name the columns journey, step, lane, metric, score, date, respondent, segment, or map them with --map COLUMN=FIELD`},
		{"unknown step", csvHead + "permit,find-rule,,csat,4,,,\npermit,find-rule,,csat,5,,,\n",
			`data.csv:2: unknown step "find-rule" in journey "permit" (2 rows); did you mean "find-rules"?`},
		{"unknown lane", csvHead + "permit,submit,dsk,csat,4,,,\n", `data.csv:2: unknown lane "dsk" in journey "permit"; did you mean "desk"?`},
		{"unknown journey", csvHead + "permits,submit,,csat,4,,,\n", `data.csv:2: unknown journey "permits"; did you mean "permit"?`},
		{"out of range", csvHead + "permit,submit,,nps,11,,,\n", "data.csv:2: nps score 11 is out of range 0-10"},
		{"mixed scales", csvHead + "permit,submit,,csat,4,,,\npermit,submit,,csat,9,,,\n",
			"data.csv:3: csat score 9 is out of range 1-5 (csat is answered on 1-5; this looks like a 0-10 answer: mixed scales in one metric?)"},
		{"percentage", csvHead + "permit,submit,,nps,42,,,\n", "data.csv:2: nps score 42 is out of range 0-10 (this looks like a percentage: give each answer, not a computed figure)"},
		{"not whole", csvHead + "permit,submit,,ces,2.5,,,\n", "data.csv:2: ces score 2.5 is not a whole number on 1-7"},
		{"not a number", csvHead + "permit,submit,,ces,high,,,\n", `data.csv:2: score "high" is not a number`},
		{"bad date", csvHead + "permit,submit,,ces,2,7/3/2026,,\n", `data.csv:2: date "7/3/2026" is not YYYY-MM-DD`},
		{"no metric", csvHead + "permit,submit,,,2,,,\n", "data.csv:2: no metric (write nps, csat, ces or a question id)"},
		{"two columns", "step,question,metric,score\nsubmit,a,csat,4\n", `data.csv:1: columns "question" and "metric" are both read as metric; rename one or use --map`},
		{"quote", csvHead + "permit,\"submit,,csat,4\n", `data.csv:2:24: extraneous or missing " in quoted-field`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := collect(t, c.data, known(t))
			if err == nil || err.Error() != c.want {
				t.Errorf("error:\n%v\nwant\n%s", err, c.want)
			}
		})
	}
}

func TestNoJourneyColumn(t *testing.T) {
	k2 := known(t)
	k2.ID = "permit-2"
	c := NewCollector([]*Known{known(t), k2}, Options{})
	err := c.ReadCSV("d.csv", strings.NewReader("step,metric,score\nsubmit,csat,4\n"), ReadOptions{})
	want := "d.csv:1: no journey column, and 2 journeys are given (permit, permit-2): add a journey column or give only the journey the file is about"
	if err == nil || err.Error() != want {
		t.Errorf("error %v, want %s", err, want)
	}
}

func TestMapAndOneJourney(t *testing.T) {
	m, err := ParseMap([]string{"Touchpoint ID=lane", "Q=metric", "Answer Value=score", "Stage step=step"})
	if err != nil {
		t.Fatal(err)
	}
	c := NewCollector([]*Known{known(t)}, Options{})
	data := "Stage step,Touchpoint ID,Q,Answer Value\nsubmit,desk,CSAT,5\nsubmit,desk,csat,1\n"
	if err := c.ReadCSV("d.csv", strings.NewReader(data), ReadOptions{Map: m}); err != nil {
		t.Fatal(err)
	}
	if err := c.Err(); err != nil {
		t.Fatal(err)
	}
	fs := c.Figures()
	if len(fs) != 3 || fs[1].Journey != "permit" || fs[1].Metric != "csat" || fs[1].N != 2 || fs[1].Score != 50 {
		t.Errorf("figures: %+v", fs)
	}
	if _, err := ParseMap([]string{"x=scroe"}); err == nil || !strings.Contains(err.Error(), `did you mean "score"?`) {
		t.Errorf("bad field: %v", err)
	}
}

func TestLineLimit(t *testing.T) {
	c := NewCollector(nil, Options{})
	long := "step,metric,score\n" + strings.Repeat("x", MaxLineBytes+10)
	err := c.ReadCSV("d.csv", strings.NewReader(long), ReadOptions{})
	if err == nil || !strings.Contains(err.Error(), "longer than") {
		t.Errorf("error: %v", err)
	}
}

// TestXLSXSameAsCSV: the same answers in a workbook give the same figures.
func TestXLSXSameAsCSV(t *testing.T) {
	rows := sample()[:40]
	c1, err := collect(t, csvHead+strings.Join(rows, "\n"), known(t))
	if err != nil {
		t.Fatal(err)
	}
	f := excelize.NewFile()
	put := func(r int, cells []string) {
		vals := make([]any, len(cells))
		for i, c := range cells {
			if n, err := strconv.Atoi(c); err == nil {
				vals[i] = n
			} else {
				vals[i] = c
			}
		}
		cell, _ := excelize.CoordinatesToCellName(1, r)
		f.SetSheetRow("Sheet1", cell, &vals)
	}
	put(1, strings.Split(strings.TrimSpace(csvHead), ","))
	for i, r := range rows {
		put(i+2, strings.Split(r, ","))
	}
	p := filepath.Join(t.TempDir(), "data.xlsx")
	if err := f.SaveAs(p); err != nil {
		t.Fatal(err)
	}
	c2 := NewCollector([]*Known{known(t)}, Options{})
	if err := c2.ReadFile(p, ReadOptions{}); err != nil {
		t.Fatal(err)
	}
	if err := c2.Err(); err != nil {
		t.Fatal(err)
	}
	a, b := c1.Figures(), c2.Figures()
	if len(a) == 0 || !reflect.DeepEqual(a, b) {
		t.Errorf("xlsx figures differ from csv:\n%+v\n%+v", b, a)
	}
	if len(c2.Warnings()) != 0 {
		t.Errorf("warnings: %v", c2.Warnings())
	}
}

func FuzzReadCSV(f *testing.F) {
	f.Add(csvHead + "permit,submit,desk,csat,4,2026-01-02,a,x\n")
	f.Add("step,metric,score\nsubmit,nps,10\n,,\n")
	f.Add("\ufeffStep ID;metric\n\"a\nb\",1")
	f.Fuzz(func(t *testing.T, data string) {
		c := NewCollector(nil, Options{Drivers: true})
		if err := c.ReadCSV("f.csv", strings.NewReader(data), ReadOptions{}); err != nil {
			return
		}
		if c.Err() != nil {
			return
		}
		for _, fg := range c.Figures() {
			if fg.N <= 0 || fg.Low > fg.Score+1e-9 || fg.High < fg.Score-1e-9 {
				t.Fatalf("figure %+v: score outside its interval", fg)
			}
		}
		_, _ = c.Drivers("")
	})
}
