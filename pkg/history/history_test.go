package history

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/cxmap/cxmap/internal/gittest"
	"github.com/cxmap/cxmap/internal/registry"
	"github.com/cxmap/cxmap/pkg/gitrev"
)

func fp(v float64) *float64 { return &v }
func bp(v bool) *bool       { return &v }

func TestKPIText(t *testing.T) {
	tests := []struct {
		name string
		ks   []KPI
		want string
	}{
		{"none", nil, ""},
		// Current against target is never an arrow (journey.Metric.Progress,
		// issue 20): "→" means before → after only.
		{"value and target", []KPI{{Name: "NPS", Current: fp(-12), Target: fp(20), Better: "higher"}}, "NPS now -12 · target ≥ 20 · 32 to go"},
		{"unit, met", []KPI{{Name: "Wait", Unit: "days", Current: fp(3), Target: fp(5), Better: "lower", Met: bp(true)}}, "Wait now 3 days · target ≤ 5 days · met"},
		{"no value, no target", []KPI{{Name: "CSAT"}}, "CSAT no values"},
		{"two", []KPI{{Name: "A", Current: fp(1.5)}, {Name: "B", Current: fp(2)}}, "A now 1.5; B now 2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := kpiText(tt.ks); got != tt.want {
				t.Errorf("kpiText = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestCells(t *testing.T) {
	ok := Row{Short: "abc1234", Date: "2026-11-26T10:00:00+01:00", Author: "Ann", Subject: "Rate it", Status: "ok",
		Figures: &Figures{Steps: 5, Red: 1, Yellow: 2, Green: 1, Unrated: 1, CriticalAtRisk: 1, MetricsSet: 3, MetricsMet: 2}}
	noTarget := ok
	noTarget.Figures = &Figures{Steps: 1}
	tests := []struct {
		name string
		row  Row
		want []string
	}{
		{"figures", ok, []string{"abc1234", "2026-11-26", "Ann", "Rate it", "5", "1", "2", "1", "1", "1", "2/3", ""}},
		{"no metric with a target", noTarget, []string{"abc1234", "2026-11-26", "Ann", "Rate it", "1", "0", "0", "0", "0", "0", "-", ""}},
		{"invalid says why", Row{Short: "def", Date: "2026", Status: "invalid", Problem: "3:1: bad [schema]"},
			[]string{"def", "2026", "", "", "invalid: 3:1: bad [schema]", "", "", "", "", "", "", ""}},
		{"deleted", Row{Short: "d", Status: "deleted"}, []string{"d", "", "", "", "deleted", "", "", "", "", "", "", ""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := cells(&tt.row, func(s string) string { return s })
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("cells = %q\nwant    %q", got, tt.want)
			}
			if len(got) != len(header) {
				t.Errorf("%d cells for %d columns", len(got), len(header))
			}
		})
	}
}

// Hostile subjects, authors and file names are shown safely in every
// format: no raw control character, no broken table row, JSON exact.
func TestFormatsHostile(t *testing.T) {
	h := &History{File: "j`|\n.yaml", Rows: []Row{{
		Commit: "abcdef0123", Short: "abcdef0", Date: "2026-11-26T10:00:00Z", Author: "Eve\x1b]0;x\x07",
		Subject: "a\x1fb | c\r\nd\x1b[31m", Path: "j.yaml", Status: "ok", Figures: &Figures{Steps: 1, KPIs: []KPI{}},
	}}}
	for _, name := range Formats.Names() {
		t.Run(name, func(t *testing.T) {
			var b bytes.Buffer
			f, _ := Formats.Get(name)
			if err := f.Write(&b, h); err != nil {
				t.Fatal(err)
			}
			out := b.String()
			if name == "json" {
				var back History
				if err := json.Unmarshal(b.Bytes(), &back); err != nil {
					t.Fatal(err)
				}
				if back.Rows[0].Subject != h.Rows[0].Subject || back.Rows[0].Author != h.Rows[0].Author {
					t.Errorf("JSON changed the subject or author: %q, %q", back.Rows[0].Subject, back.Rows[0].Author)
				}
				return
			}
			for _, c := range []string{"\x1f", "\x1b", "\x07", "\r"} {
				if strings.Contains(out, c) {
					t.Errorf("%s output holds raw %q:\n%s", name, c, out)
				}
			}
			lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
			want := map[string]int{"table": 6, "markdown": 5}[name] // title, table lines
			if len(lines) != want {
				t.Errorf("%s: %d lines, want %d (a subject or file name broke a line):\n%s", name, len(lines), want, out)
			}
			if name == "markdown" && strings.Count(lines[len(lines)-1], " | ") != len(header)-1 {
				t.Errorf("markdown row has the wrong number of cells: %q", lines[len(lines)-1])
			}
		})
	}
}

func TestJSONRowsNeverNull(t *testing.T) {
	var b bytes.Buffer
	if err := JSON(&b, &History{File: "j.yaml"}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), `"rows": []`) {
		t.Errorf("rows not an empty list: %s", b.String())
	}
}

// Build against a real repository: renames followed, each version checked
// with its own commit's catalog, a deleted and an invalid version said so,
// a merge that resolved a conflict kept.
func TestBuild(t *testing.T) {
	dir := testRepo(t)
	h, err := Build(gitrev.Repo{Dir: dir}, "j.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range h.Rows {
		s := r.Subject + " | " + r.Path + " | " + r.Status
		if r.Figures != nil {
			s += " | red " + string(rune('0'+r.Figures.Red)) + " yellow " + string(rune('0'+r.Figures.Yellow)) + " green " + string(rune('0'+r.Figures.Green))
		}
		got = append(got, s)
	}
	want := []string{
		"merge side, resolved | j.yaml | ok | red 0 yellow 0 green 1",
		"main: yellow | j.yaml | ok | red 0 yellow 1 green 0",
		"broken | j.yaml | invalid",
		"rename\x1fwith unit separator | j.yaml | ok | red 1 yellow 0 green 0",
		"one | old.yaml | ok | red 1 yellow 0 green 0",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("rows:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	if _, err := Build(gitrev.Repo{Dir: dir}, "nothere.yaml"); err == nil || !strings.Contains(err.Error(), "has no history in git") {
		t.Errorf("a file never committed: %v", err)
	}
}

// testRepo makes a repository whose j.yaml has five versions: renamed
// from old.yaml, one invalid, a merge that resolved a conflict, and a
// catalog changed after them all.
func testRepo(t *testing.T) string {
	t.Helper()
	g := gittest.New(t)
	journey := func(rating string) string {
		return "cxmap: 1\nid: j\ntitle: J\nuses: [cat.yaml]\nstages:\n  - id: s\n    name: S\n    steps:\n" +
			"      - {id: a, action: A, rating: " + rating + ", touchpoints: [{lane: web, does: Shows}]}\n"
	}
	g.Commit("one", map[string]string{"cat.yaml": "cxmap-catalog: 1\nid: c\nlanes: [{id: web, name: Web, zone: frontstage}]\n", "old.yaml": journey("red")})
	g.Git("mv", "old.yaml", "j.yaml")
	g.Commit("rename\x1fwith unit separator", nil)
	g.Commit("broken", map[string]string{"j.yaml": "cxmap: 1\nid: j\n"})
	g.Git("checkout", "-q", "-b", "side")
	g.Commit("side: green", map[string]string{"j.yaml": journey("green")})
	g.Git("checkout", "-q", "main")
	g.Commit("main: yellow", map[string]string{"j.yaml": journey("yellow")})
	g.TryGit("merge", "-q", "side", "-m", "merge") // a conflict, resolved next
	g.Commit("merge side, resolved", map[string]string{"j.yaml": journey("green")})
	// Today's catalog has no lane web: every old version must still be
	// checked with its own commit's catalog.
	g.Commit("catalog: web renamed", map[string]string{"cat.yaml": "cxmap-catalog: 1\nid: c\nlanes: [{id: app, name: App, zone: frontstage}]\n"})
	return g.Dir
}

// TestRun: the verb writes the history in the format asked for (the table
// when none is), writes nothing when the history cannot be read, names
// the file in that error, and stops when its context is cancelled.
func TestRun(t *testing.T) {
	dir := testRepo(t)
	jsonF, _ := Formats.Get("json")
	mdF, _ := Formats.Get("markdown")
	tests := []struct {
		name    string
		file    string
		format  registry.Format[Formatter]
		cancel  bool
		want    []string // in the output
		wantErr string
	}{
		{name: "json", file: "j.yaml", format: jsonF, want: []string{`"status": "invalid"`, `"subject": "main: yellow"`}},
		{name: "markdown", file: "j.yaml", format: mdF, want: []string{"| merge side, resolved |"}},
		{name: "table by default", file: "j.yaml", want: []string{"History of j.yaml: 5 commits", "│ Commit"}},
		{name: "never committed", file: "nothere.yaml", format: jsonF, wantErr: "history of nothere.yaml: nothere.yaml has no history in git"},
		{name: "cancelled", file: "j.yaml", format: jsonF, cancel: true, wantErr: "context canceled"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			if tt.cancel {
				cancel()
			}
			defer cancel()
			var out bytes.Buffer
			err := Run(ctx, tt.file, Options{Repo: gitrev.Repo{Dir: dir}, Format: tt.format, Out: &out})
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error %v, want %q", err, tt.wantErr)
				}
				if out.Len() != 0 {
					t.Errorf("wrote %q on error", out.String())
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range tt.want {
				if !strings.Contains(out.String(), w) {
					t.Errorf("output lacks %q:\n%s", w, out.String())
				}
			}
		})
	}
}
