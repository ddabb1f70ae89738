package report

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/mattn/go-runewidth"

	goldenfile "github.com/cxmap/cxmap/internal/golden"
	"github.com/cxmap/cxmap/internal/testgen"
	"github.com/cxmap/cxmap/internal/textsafe"
	"github.com/cxmap/cxmap/pkg/journey"
)

const fixtures = "../../testdata/report/fixtures"

func load(t testing.TB, names ...string) []*journey.Journey {
	t.Helper()
	var js []*journey.Journey
	for _, n := range names {
		p := filepath.Join(fixtures, n)
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		// Parsed at its real path, so a baseline is found; named as a user
		// would type it for the goldens.
		r := journey.ParseFile(p, data, journey.Options{})
		if r.Journey == nil {
			t.Fatalf("%s: %v", n, r.Findings)
		}
		r.Journey.Path = "fixtures/" + n
		js = append(js, r.Journey)
	}
	return js
}

// golden compares got with testdata/report/NAME, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	goldenfile.Check(t, filepath.Join("../../testdata/report", name), got)
}

func TestGolden(t *testing.T) {
	cases := []struct {
		name  string
		files []string
		opts  Options
		fo    FormatOptions
	}{
		{"permit", []string{"permit.yaml"}, Options{}, FormatOptions{Width: 100}},
		{"portfolio", []string{"permit.yaml", "library.yaml"}, Options{}, FormatOptions{Width: 120}},
		{"narrow", []string{"permit.yaml"}, Options{}, FormatOptions{Width: 60}},
		{"color", []string{"library.yaml"}, Options{}, FormatOptions{Width: 100, Color: true}},
		{"only-red-yellow", []string{"permit.yaml"}, Options{Only: []string{"red", "yellow"}}, FormatOptions{Width: 100}},
		{"critical", []string{"permit.yaml", "library.yaml"}, Options{Critical: true}, FormatOptions{Width: 100}},
		{"stage-apply", []string{"permit.yaml"}, Options{Stage: "apply"}, FormatOptions{Width: 100}},
		// The model additions: KPIs, durations (one step without), quotes,
		// backlog fields, red/yellow touchpoint and backstage entries; a
		// future state paired by baseline, one paired by id, one without a
		// client or a pair.
		{"pair", []string{"pair-current.yaml", "pair-future.yaml", "pair-other.yaml", "library.yaml"}, Options{}, FormatOptions{Width: 110}},
	}
	exts := map[string]string{"table": "txt", "markdown": "md", "csv": "csv", "json": "json"}
	for _, c := range cases {
		for format, ext := range exts {
			if c.name == "narrow" && format != "table" || c.name == "color" && format != "table" {
				continue
			}
			t.Run(c.name+"/"+format, func(t *testing.T) {
				r := build(load(t, c.files...), c.opts)
				var buf bytes.Buffer
				if err := writer(t, ByStep, format)(&buf, r, c.fo); err != nil {
					t.Fatal(err)
				}
				golden(t, c.name+"."+ext, buf.Bytes())
			})
		}
	}
}

func TestSortOrder(t *testing.T) {
	r := build(load(t, "permit.yaml"), Options{})
	var got []string
	for _, s := range r.Journeys[0].Steps {
		got = append(got, s.ID)
	}
	// critical red, red (file order), critical yellow, yellow, unrated,
	// then green (critical green is still green).
	want := "pay-fee fill-form get-receipt upload-plans find-rules ask-desk read-guide get-decision"
	if strings.Join(got, " ") != want {
		t.Errorf("order = %s\nwant    %s", strings.Join(got, " "), want)
	}
}

func TestRank(t *testing.T) {
	for _, c := range []struct {
		rating   string
		critical bool
		want     int
	}{
		{"red", true, 0}, {"red", false, 1}, {"yellow", true, 2}, {"yellow", false, 3},
		{Unrated, true, 4}, {Unrated, false, 4}, {"green", true, 5}, {"green", false, 5},
	} {
		if got := Rank(c.rating, c.critical); got != c.want {
			t.Errorf("Rank(%s, %v) = %d, want %d", c.rating, c.critical, got, c.want)
		}
	}
}

func TestMetricGaps(t *testing.T) {
	r := build(load(t, "permit.yaml"), Options{})
	byName := map[string]MetricGap{}
	for _, s := range r.Journeys[0].Steps {
		for _, m := range s.Metrics {
			byName[m.Name] = m
		}
	}
	for _, c := range []struct {
		name string
		met  string // "true", "false" or "unknown"
		gap  float64
		text string
	}{
		{"Guide satisfaction", "true", -2, "Guide satisfaction: now 82% · target ≥ 80% · met"},      // higher, met
		{"Completion rate", "false", 50, "Completion rate: now 40% · target ≥ 90% · 50% to go"},     // higher, unmet
		{"Upload errors", "true", -2, "Upload errors: now 3 · target ≤ 5 · met"},                    // lower, met
		{"Abandonment", "false", 25, "Abandonment: now 35% · target ≤ 10% · 25% to go"},             // lower, unmet
		{"Files per application", "unknown", 0, "Files per application: now 4"},                     // no target
		{"Days to approval", "unknown", 0, "Days to approval: no current value · target ≤ 20 days"}, // no current
	} {
		m, ok := byName[c.name]
		if !ok {
			t.Fatalf("metric %q missing", c.name)
		}
		got := "unknown"
		if m.Met != nil {
			got = map[bool]string{true: "true", false: "false"}[*m.Met]
			if *m.Gap != c.gap {
				t.Errorf("%s: gap %v, want %v", c.name, *m.Gap, c.gap)
			}
		}
		if got != c.met {
			t.Errorf("%s: met %s, want %s", c.name, got, c.met)
		}
		if txt := MetricText(m); txt != c.text {
			t.Errorf("%s: text %q, want %q", c.name, txt, c.text)
		}
	}
}

func TestSummary(t *testing.T) {
	r := build(load(t, "permit.yaml", "library.yaml"), Options{Only: []string{"red"}})
	s := r.Journeys[0].Summary
	want := Summary{Steps: 8, Green: 2, Yellow: 2, Red: 3, Unrated: 1, Critical: 3, CriticalAtRisk: 2,
		Opportunities: 3, Unowned: 1, Metrics: 6, MetricsSet: 5, MetricsMet: 2}
	if s != want {
		t.Errorf("summary (filters must not change it)\n got %+v\nwant %+v", s, want)
	}
	// library.yaml is a future state: never added to the current ones.
	if r.Total.Steps != 8 || r.Total.Red != 3 || r.TotalFuture.Steps != 2 || r.TotalFuture.Red != 1 {
		t.Errorf("total = %+v, future %+v", r.Total, r.TotalFuture)
	}
	if len(r.Journeys[0].Steps) != 3 {
		t.Errorf("--only red listed %d steps, want 3", len(r.Journeys[0].Steps))
	}
	st := r.Journeys[0].Stages
	if len(st) != 2 || st[0].Summary.Steps != 3 || st[1].Summary.CriticalAtRisk != 2 {
		t.Errorf("stages = %+v", st)
	}
}

func TestPortfolioWorstFirst(t *testing.T) {
	rows := RankPortfolio([]JourneyReport{
		{Path: "a.yaml", Summary: Summary{Red: 5}},
		{Path: "b.yaml", Summary: Summary{CriticalAtRisk: 1}},
		{Path: "c.yaml", Summary: Summary{Red: 5, Yellow: 1}},
		{Path: "d.yaml", Summary: Summary{Unrated: 2}},
		{Path: "0.yaml", Summary: Summary{Unrated: 2}},
		{Path: "e.yaml", Summary: Summary{Green: 9}},
	})
	var got []string
	for _, r := range rows {
		got = append(got, r.Path)
	}
	if want := "b.yaml c.yaml a.yaml 0.yaml d.yaml e.yaml"; strings.Join(got, " ") != want {
		t.Errorf("portfolio = %s, want %s", strings.Join(got, " "), want)
	}
}

func TestOptionsValidate(t *testing.T) {
	if err := (Options{Only: []string{"red", "unrated"}}).Validate(); err != nil {
		t.Error(err)
	}
	if err := (Options{Only: []string{"purple"}}).Validate(); err == nil || !strings.Contains(err.Error(), `"purple"`) {
		t.Errorf("want an error naming purple, got %v", err)
	}
}

func TestCSVParsesBack(t *testing.T) {
	r := build(load(t, "permit.yaml", "library.yaml"), Options{})
	var buf bytes.Buffer
	if err := CSV(&buf, r, FormatOptions{}); err != nil {
		t.Fatal(err)
	}
	raw := append([]byte(nil), buf.Bytes()...)
	recs, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 1+10 {
		t.Fatalf("%d records, want a header and 10 steps", len(recs))
	}
	col := map[string]int{}
	for i, h := range recs[0] {
		col[h] = i
	}
	for _, rec := range recs {
		if len(rec) != len(csvHeader) {
			t.Fatalf("record has %d fields, want %d", len(rec), len(csvHeader))
		}
	}
	// Text with a pipe survives the round trip; a line break inside a pain
	// is shown as ⏎, so each line of a list cell is one item.
	var found bool
	for _, rec := range recs[1:] {
		if rec[col["step_id"]] == "find-rules" {
			found = true
			if want := "Cannot tell which forms apply | or why\nChecklist is⏎forty pages"; rec[col["pains"]] != want {
				t.Errorf("pains = %q, want %q", rec[col["pains"]], want)
			}
		}
		if rec[col["step_id"]] == "upload-plans" && !strings.Contains(rec[col["opportunities"]], "'=platform") {
			// A leading "=" inside the cell is not at its start, so it stays;
			// the check is that nothing else was mangled.
			if !strings.Contains(rec[col["opportunities"]], "(=platform)") {
				t.Errorf("opportunities = %q", rec[col["opportunities"]])
			}
		}
	}
	if !found {
		t.Error("find-rules row missing")
	}
	if !bytes.HasSuffix(raw, []byte("\r\n")) || bytes.Count(raw, []byte("\n")) != bytes.Count(raw, []byte("\r\n")) {
		t.Error("RFC 4180 wants CRLF line ends")
	}
}

// TestCSVGuardsTextNotNumbers: every text cell that could start a formula
// is guarded, including a leading "-"; a negative emotion is still a
// number.
func TestCSVGuardsTextNotNumbers(t *testing.T) {
	y := `cxmap: 1
id: j
title: "@title"
lanes:
  - id: web
    name: Web
    zone: frontstage
stages:
  - id: s
    name: "+stage"
    steps:
      - id: a
        action: "-2+3+cmd|' /C calc'!A0"
        emotion: -2
        rating: red
        touchpoints:
          - lane: web
            does: x
        pains: ["\tpain", "=HYPERLINK(1)"]
        opportunities:
          - idea: "-idea"
            owner: "=owner"
`
	j, fs := journey.Parse("j.yaml", []byte(y))
	if j == nil {
		t.Fatal(fs)
	}
	var buf bytes.Buffer
	if err := CSV(&buf, build([]*journey.Journey{j}, Options{}), FormatOptions{}); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&buf).ReadAll()
	if err != nil || len(recs) != 2 {
		t.Fatalf("records %v, %v", recs, err)
	}
	col := map[string]string{}
	for i, h := range recs[0] {
		col[h] = recs[1][i]
	}
	for name, want := range map[string]string{
		"journey_title": "'@title", "stage_name": "'+stage", "action": "'-2+3+cmd|' /C calc'!A0",
		"pains": " pain\n=HYPERLINK(1)", "opportunities": "'-idea (=owner)", "emotion": "-2",
	} {
		if col[name] != want {
			t.Errorf("%s = %q, want %q", name, col[name], want)
		}
	}
	for name, v := range col {
		if v != "" && strings.ContainsRune("=+-@\t\r", rune(v[0])) && name != "emotion" {
			t.Errorf("%s = %q is unguarded", name, v)
		}
	}
}

func TestDefuse(t *testing.T) {
	for in, want := range map[string]string{"=SUM(A1)": "'=SUM(A1)", "+1": "'+1", "@x": "'@x", "-2+3+cmd|' /C calc'!A0": "'-2+3+cmd|' /C calc'!A0",
		"\tx": "'\tx", "\rx": "'\rx", "ok": "ok", "a-b": "a-b", "": "",
		// After leading white space, line breaks, control and zero-width
		// characters too (issue 17, item 17).
		"\r\n=cmd|' /C calc'!A0": "'\r\n=cmd|' /C calc'!A0", "\n=1+1": "'\n=1+1", " -2+3": "' -2+3",
		"\u00a0=1": "'\u00a0=1", "\u2028+1": "'\u2028+1", "\u3000@x": "'\u3000@x", "\ufeff=1": "'\ufeff=1",
		"\u200b-1": "'\u200b-1", "\x0b=1": "'\x0b=1", "\x01=1": "'\x01=1", " \n ": " \n ",
		" pain\n=HYPERLINK(1)": " pain\n=HYPERLINK(1)", "\u23ce=1": "\u23ce=1", "x=1": "x=1"} {
		if got := defuse(in); got != want {
			t.Errorf("defuse(%q) = %q, want %q", in, got, want)
		}
	}
}

// unguarded reports whether a spreadsheet could read a CSV text cell as a
// formula: its first character other than white space, control and
// zero-width characters is = + - or @.
func unguarded(v string) bool {
	s := strings.TrimLeftFunc(v, func(r rune) bool {
		return unicode.IsSpace(r) || textsafe.IsControl(r) || r == '\u200b' || r == '\ufeff' || r == '\u2060'
	})
	return s != "" && strings.ContainsRune("=+-@", rune(s[0]))
}

// TestCSVGuardsAfterLeadingSpace: every CSV writer of the report (the
// step rows, the lane and owner views) guards a cell whose formula starts
// after a line break or white space: an idea "\r\n=cmd|..." in the owner
// view was written as a cell starting with CR LF and no apostrophe.
func TestCSVGuardsAfterLeadingSpace(t *testing.T) {
	const y = `cxmap: 1
id: j
title: "\n=title"
lanes:
  - {id: web, name: "\u00a0@lane", zone: frontstage}
stages:
  - id: s
    name: " +stage"
    steps:
      - id: a
        action: "\n=HYPERLINK(\"http://x\")"
        rating: red
        touchpoints: [{lane: web, does: "\r\n-1+1"}]
        opportunities:
          - idea: "\r\n=cmd|' /C calc'!A0"
            owner: "\n@SUM(1)"
          - idea: " =1+1"
            owner: " -2+3"
`
	j, fs := journey.Parse("j.yaml", []byte(y))
	if j == nil {
		t.Fatal(fs)
	}
	for _, c := range []struct {
		by    string
		write Formatter
	}{{"", CSV}, {ByLane, laneCSV}, {ByOwner, ownerCSV}} {
		t.Run("by-"+c.by, func(t *testing.T) {
			var buf bytes.Buffer
			if err := c.write(&buf, build([]*journey.Journey{j}, Options{By: c.by}), FormatOptions{}); err != nil {
				t.Fatal(err)
			}
			recs, err := csv.NewReader(&buf).ReadAll()
			if err != nil || len(recs) < 2 {
				t.Fatalf("records %q, %v", recs, err)
			}
			guarded := 0
			for _, rec := range recs[1:] {
				for i, v := range rec {
					if unguarded(v) && recs[0][i] != "emotion" {
						t.Errorf("%s = %q is unguarded", recs[0][i], v)
					}
					if strings.HasPrefix(v, "'") {
						guarded++
					}
				}
			}
			if guarded == 0 {
				t.Errorf("no cell guarded in %q", recs)
			}
		})
	}
}

func TestMarkdownEscapes(t *testing.T) {
	r := build(load(t, "permit.yaml"), Options{})
	var buf bytes.Buffer
	if err := Markdown(&buf, r, FormatOptions{}); err != nil {
		t.Fatal(err)
	}
	md := buf.String()
	if !strings.Contains(md, `## Building permit \| application`) {
		t.Error("pipe in the title is not escaped")
	}
	if !strings.Contains(md, `apply \| or why<br>Checklist is<br>forty pages`) {
		t.Error("pipe or newline in a pain is not escaped")
	}
	// Every table row has the same number of unescaped pipes as its header.
	for _, block := range strings.Split(md, "\n\n") {
		lines := strings.Split(strings.TrimSpace(block), "\n")
		if !strings.HasPrefix(lines[0], "|") {
			continue
		}
		want := cells(lines[0])
		for _, l := range lines[1:] {
			if got := cells(l); got != want {
				t.Errorf("row has %d cells, header %d: %s", got, want, l)
			}
		}
	}
	if got := textsafe.Markdown("a|b\nc*d_e<f>"); got != `a\|b<br>c\*d\_e&lt;f&gt;` {
		t.Errorf("textsafe.Markdown = %q", got)
	}
}

// cells counts the cells of a Markdown table row (pipes not escaped).
func cells(row string) int {
	n := 0
	for i := 0; i < len(row); i++ {
		if row[i] == '\\' {
			i++
			continue
		}
		if row[i] == '|' {
			n++
		}
	}
	return n - 1
}

func TestJSONEmptyListsAndFields(t *testing.T) {
	r := build(load(t, "library.yaml"), Options{Only: []string{"yellow"}})
	var buf bytes.Buffer
	if err := JSON(&buf, r, FormatOptions{}); err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(buf.Bytes(), []byte("null,")) && bytes.Contains(buf.Bytes(), []byte(`"steps": null`)) {
		t.Error("empty list encoded as null")
	}
	var v struct {
		Journeys []struct {
			Steps []any `json:"steps"`
		} `json:"journeys"`
	}
	if err := json.Unmarshal(buf.Bytes(), &v); err != nil {
		t.Fatal(err)
	}
	if v.Journeys[0].Steps == nil {
		t.Error(`"steps" is null, want []`)
	}
	r = build(load(t, "library.yaml"), Options{})
	buf.Reset()
	JSON(&buf, r, FormatOptions{})
	for _, want := range []string{`"touchpoints": [`, `"pains": []`, `"opportunities": []`, `"metrics": []`, `"emotion": null`} {
		if !bytes.Contains(buf.Bytes(), []byte(want)) {
			t.Errorf("JSON lacks %s", want)
		}
	}
}

func TestWrapCell(t *testing.T) {
	for _, c := range []struct {
		in    string
		width int
		want  string
	}{
		{"short", 10, "short"},
		{"one two three four", 9, "one two\nthree\nfour"},
		{"- item with words", 8, "- item\n  with\n  words"},
		{"abcdefghijkl", 5, "abcde\nfghij\nkl"},
		{"a\nb", 5, "a\nb"},
	} {
		if got := wrapCell(c.in, c.width); got != c.want {
			t.Errorf("wrapCell(%q, %d) = %q, want %q", c.in, c.width, got, c.want)
		}
	}
}

func TestTableFitsWidth(t *testing.T) {
	for _, width := range []int{100, 140} {
		r := build(load(t, "permit.yaml", "library.yaml"), Options{})
		var buf bytes.Buffer
		if err := Table(&buf, r, FormatOptions{Width: width}); err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(buf.String(), "\n") {
			if w := len([]rune(line)); w > width && strings.ContainsRune(line, '│') {
				t.Errorf("width %d: line is %d wide: %s", width, w, line)
			}
		}
	}
}

// TestTableNeverPassesWidth draws the examples and the fixtures at many
// widths, with and without colour: no line may be wider than the terminal,
// and no stage name may be broken inside a word.
// build makes the report for the journeys (all valid, non-nil), in the
// order given, as report does one journey at a time.
func build(js []*journey.Journey, o Options) *Report {
	jrs := make([]JourneyReport, 0, len(js))
	for _, j := range js {
		jrs = append(jrs, BuildJourney(j, o))
	}
	return Assemble(jrs, o)
}

func TestTableNeverPassesWidth(t *testing.T) {
	ansi := regexp.MustCompile("\x1b\\[[0-9;]*m")
	words := regexp.MustCompile(`[\pL\pN]+`)
	sets := map[string][]*journey.Journey{"fixtures": load(t, "permit.yaml", "library.yaml"), "examples": loadExamples(t)}
	for name, js := range sets {
		if len(js) == 0 {
			continue
		}
		for _, only := range [][]*journey.Journey{js[:1], js} {
			r := build(only, Options{})
			// Every word of a stage name must appear whole.
			var stageWords []string
			seen := map[string]bool{}
			for _, j := range only {
				for _, st := range j.Stages {
					for _, word := range strings.Fields(st.Name) {
						if word = words.FindString(word); word != "" && !seen[word] {
							seen[word] = true
							stageWords = append(stageWords, word)
						}
					}
				}
			}
			for _, width := range []int{40, 50, 60, 70, 72, 80, 90, 100, 120, 140} {
				for _, color := range []bool{false, true} {
					var buf bytes.Buffer
					if err := Table(&buf, r, FormatOptions{Width: width, Color: color}); err != nil {
						t.Fatal(err)
					}
					out := ansi.ReplaceAllString(buf.String(), "")
					for _, line := range strings.Split(out, "\n") {
						if w := runewidth.StringWidth(line); w > width {
							t.Errorf("%s (%d journeys), width %d: line is %d wide: %s", name, len(only), width, w, line)
						}
					}
					for _, word := range stageWords {
						if !wholeWord(out, word) {
							t.Errorf("%s, width %d: stage word %q is broken:\n%s", name, width, word, out)
						}
					}
				}
			}
		}
	}
}

// wholeWord reports whether word appears in s with no letter or digit
// right before or after it (a regexp with \pL does the same, 20x slower).
func wholeWord(s, word string) bool {
	isWord := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	for from := 0; ; {
		k := strings.Index(s[from:], word)
		if k < 0 {
			return false
		}
		start, end := from+k, from+k+len(word)
		before, _ := utf8.DecodeLastRuneInString(s[:start])
		after, _ := utf8.DecodeRuneInString(s[end:])
		if (start == 0 || !isWord(before)) && (end == len(s) || !isWord(after)) {
			return true
		}
		from = start + 1
	}
}

func loadExamples(t *testing.T) []*journey.Journey {
	t.Helper()
	var js []*journey.Journey
	err := filepath.WalkDir("../../examples", func(p string, d os.DirEntry, err error) error {
		if err == nil && d.IsDir() && d.Name() == "themes" {
			return filepath.SkipDir // example themes are not journeys
		}
		if err != nil || d.IsDir() || filepath.Ext(p) != ".yaml" {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		// Parsed at its real path, so the catalogs it uses are found;
		// named from the repository root for the goldens. Catalogs are
		// not journeys.
		r := journey.ParseFile(p, data, journey.Options{})
		if r.IsCatalog && r.Findings == nil {
			return nil
		}
		j, fs := r.Journey, r.Findings
		if j == nil {
			t.Fatalf("%s: %v", p, fs)
		}
		j.Path = strings.TrimPrefix(p, "../../")
		js = append(js, j)
		return nil
	})
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	return js
}

// TestGoldenExamples reports on the journeys in examples/ (the lead keeps
// them; run -update after changing them).
func TestGoldenExamples(t *testing.T) {
	js := loadExamples(t)
	if len(js) == 0 {
		t.Fatal("no journeys found in examples/")
	}
	r := build(js, Options{})
	for format, ext := range map[string]string{"table": "txt", "markdown": "md", "csv": "csv", "json": "json"} {
		var buf bytes.Buffer
		if err := writer(t, ByStep, format)(&buf, r, FormatOptions{Width: 120}); err != nil {
			t.Fatal(err)
		}
		golden(t, "examples."+ext, buf.Bytes())
	}
}

func TestHyphenAndJoinWrap(t *testing.T) {
	if got := wrapCell("(inspections-division)", 14); got != "(inspections-\ndivision)" {
		t.Errorf("hyphen break = %q", got)
	}
	if got := joinWrapped([]string{"aaa", "bbb", "ccc"}, " · ", 9); got != "aaa · bbb\nccc" {
		t.Errorf("joinWrapped = %q", got)
	}
	if got := widestPart("a plan-review-team  x\tab-"); got != len("review-") {
		t.Errorf("widestPart = %d, want %d", got, len("review-"))
	}
}

func TestNarrowTerminalUsesCards(t *testing.T) {
	r := build(load(t, "permit.yaml"), Options{})
	var buf bytes.Buffer
	if err := Table(&buf, r, FormatOptions{Width: 60}); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if !strings.Contains(out, "Very unhappy critical · Apply · pay-fee\n") || strings.Contains(out, "│ Rating") {
		t.Errorf("a 60-column terminal should get one block per step:\n%s", out)
	}
}

// TestJSONMatchesWholeEncoding: the journeys are encoded in parallel and
// joined; the bytes must be those of encoding the whole report at once.
func TestJSONMatchesWholeEncoding(t *testing.T) {
	for _, n := range []int{0, 1, 5} {
		var js []*journey.Journey
		for i := 0; i < n; i++ {
			j, fs := journey.Parse(fmt.Sprintf("j%d.yaml", i), testgen.Journey(int64(i), 12))
			if j == nil {
				t.Fatal(fs)
			}
			js = append(js, j)
		}
		r := build(js, Options{})
		var got bytes.Buffer
		if err := JSON(&got, r, FormatOptions{}); err != nil {
			t.Fatal(err)
		}
		whole := jsonReport{Journeys: []jsonJourney{}, Portfolio: []jsonPortfolio{}, Total: jsonSum(r.Total), TotalFuture: jsonSum(r.TotalFuture)}
		for i := range r.Journeys {
			whole.Journeys = append(whole.Journeys, jsonJourneyOf(&r.Journeys[i]))
		}
		for _, p := range r.Portfolio {
			whole.Portfolio = append(whole.Portfolio, jsonPortfolio{Path: p.Path, ID: p.ID, Title: p.Title, State: p.State,
				Client: p.Client, Baseline: p.Baseline, Paired: p.Paired, Summary: jsonSum(p.Summary)})
		}
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetIndent("", "  ")
		if err := enc.Encode(whole); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Errorf("%d journeys: parallel encoding differs from whole encoding", n)
		}
	}
}

// TestCountTableWrapsWords: the stage table alone (so the names cannot be
// found elsewhere in the report) at widths where it used to break
// "Prepare" and "inspect" inside the word.
func TestCountTableWrapsWords(t *testing.T) {
	names := []string{"Prepare", "Apply", "Plan review", "Build and inspect", "Close out"}
	rows := make([]countRow, len(names))
	for i, n := range names {
		rows[i] = countRow{lead: []string{n}, summary: Summary{Steps: 3, Red: 1, MetricsSet: 4, MetricsMet: 1}}
	}
	for _, width := range []int{40, 50, 60, 66, 70, 80, 100, 120} {
		var buf bytes.Buffer
		bw := bufio.NewWriter(&buf)
		(words{}).renderCounts(bw, []string{"Stage"}, rows, width, countExtras{})
		bw.Flush()
		out := buf.String()
		for _, line := range strings.Split(out, "\n") {
			if w := runewidth.StringWidth(line); w > width {
				t.Errorf("width %d: line is %d wide: %s", width, w, line)
			}
		}
		for _, word := range []string{"Prepare", "Apply", "review", "inspect", "Close"} {
			if !regexp.MustCompile(`\b` + word + `\b`).MatchString(out) {
				t.Errorf("width %d: %q broken:\n%s", width, word, out)
			}
		}
		if !strings.Contains(out, "1/4") {
			t.Errorf("width %d: counts missing:\n%s", width, out)
		}
	}
}

// TestDisplayWidth: the fast paths measure as go-runewidth does.
func TestDisplayWidth(t *testing.T) {
	for _, s := range []string{"", "plain ascii", "Abandonment 35% (target ≤ 10%): 25% to go", "a · b – c ⏎ d", "Zürich façade",
		"⚪ unrated", "✅ done", "日本語のテキスト", "e\u0301", "👍🏽 ok", "🧑‍💻 dev", "☺\ufe0f", "\u00ad soft"} {
		if got, want := displayWidth(s), runewidth.StringWidth(s); got != want {
			t.Errorf("displayWidth(%q) = %d, runewidth says %d", s, got, want)
		}
	}
}

func TestWholeWord(t *testing.T) {
	for _, c := range []struct {
		s, word string
		want    bool
	}{
		{"│ Apply │", "Apply", true}, {"Apply", "Apply", true}, {"Applying", "Apply", false},
		{"re-Apply-", "Apply", true}, {"Appl-\ny", "Apply", false}, {"xApply Apply", "Apply", true}, {"éApply", "Apply", false},
	} {
		if got := wholeWord(c.s, c.word); got != c.want {
			t.Errorf("wholeWord(%q, %q) = %v", c.s, c.word, got)
		}
	}
}

// TestMarshalIndent: the one-pass indenter writes what json.MarshalIndent
// does, for every shape the report has and text that looks like JSON.
func TestMarshalIndent(t *testing.T) {
	r := build(load(t, "permit.yaml", "library.yaml"), Options{})
	values := []any{
		jsonJourneyOf(&r.Journeys[0]), jsonJourneyOf(&r.Journeys[1]), jsonSum(r.Total),
		[]any{}, map[string]any{}, []any{map[string]any{}, []int{}, nil},
		map[string]string{"k\"{[,:]}": "v\\\"{}[],:\n<&>", "": ""},
		[]float64{1.5, -2, 1e21}, "plain", 42, nil, true,
	}
	for _, v := range values {
		want, err := json.MarshalIndent(v, "    ", "  ")
		if err != nil {
			t.Fatal(err)
		}
		got, err := marshalIndent(v, "    ", "  ")
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("marshalIndent(%v):\n%s\nwant:\n%s", v, got, want)
		}
	}
}
