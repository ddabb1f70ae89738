package inputs

import (
	"bytes"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/cxmap/cxmap/pkg/finding"
	"github.com/cxmap/cxmap/pkg/journey"
)

// TestLoadValid: valid journeys kept in path order, an unreadable input
// and a repeated id make the run fail, an invalid journey is reported and
// left out, and "no journey files found" is said when nothing is named.
func TestLoadValid(t *testing.T) {
	dir := t.TempDir()
	j := func(id string) string {
		return "cxmap: 1\nid: " + id + "\ntitle: T\nstages:\n  - {id: s, name: S, steps: [{id: x, action: X}]}\n"
	}
	write(t, dir, map[string]string{
		"a.yaml":   j("a"),
		"b.yaml":   j("b"),
		"bad.yaml": "cxmap: 1\nid: [bad\n",
		"dup.yaml": j("a"),
	})
	tests := []struct {
		name      string
		args      []string
		unique    string
		dropEach  bool
		paths     []string
		invalid   []string
		failed    bool
		errorLine string
	}{
		{name: "valid only", args: []string{"a.yaml", "b.yaml"}, paths: []string{"a.yaml", "b.yaml"}},
		{name: "invalid left out", args: []string{"a.yaml", "bad.yaml"}, paths: []string{"a.yaml"}, invalid: []string{"bad.yaml"}},
		{name: "unreadable", args: []string{"a.yaml", "nothere.yaml"}, paths: []string{"a.yaml"}, failed: true, errorLine: "nothere.yaml"},
		{name: "ids may repeat", args: []string{"a.yaml", "dup.yaml"}, paths: []string{"a.yaml", "dup.yaml"}},
		{name: "ids unique", args: []string{"dup.yaml", "a.yaml"}, unique: "not drawn", paths: []string{"a.yaml"}, failed: true,
			errorLine: `dup.yaml: journey id "a" is also used by ` + filepath.Join(dir, "a.yaml") + "; not drawn"},
		{name: "Each lets go", args: []string{"a.yaml", "bad.yaml"}, dropEach: true, paths: []string{"a.yaml"}, invalid: []string{"bad.yaml"}},
		{name: "nothing found", args: []string{"."}, errorLine: "cxmap: no journey files found in"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var args []string
			for _, a := range tt.args {
				args = append(args, filepath.Join(dir, a))
			}
			if tt.name == "nothing found" {
				args = []string{t.TempDir()}
			}
			var errs bytes.Buffer
			var reported []string
			o := Options{}
			if tt.dropEach {
				o.Each = func(r *Result) { r.Journey = nil }
			}
			v := LoadValid(args, o, Sift{Errors: &errs, UniqueIDs: tt.unique, Findings: func(p string, fs []finding.Finding) {
				reported = append(reported, filepath.Base(p))
			}})
			var got []string
			for _, p := range v.Paths() {
				got = append(got, filepath.Base(p))
			}
			if !reflect.DeepEqual(got, tt.paths) {
				t.Errorf("kept %q, want %q", got, tt.paths)
			}
			if !reflect.DeepEqual(reported, tt.invalid) || len(v.Invalid) != len(tt.invalid) {
				t.Errorf("reported invalid %q (%d), want %q", reported, len(v.Invalid), tt.invalid)
			}
			if v.Failed != tt.failed {
				t.Errorf("Failed = %v, want %v", v.Failed, tt.failed)
			}
			if tt.errorLine != "" && !strings.Contains(errs.String(), tt.errorLine) {
				t.Errorf("messages %q lack %q", errs.String(), tt.errorLine)
			}
			if tt.errorLine == "" && errs.Len() != 0 {
				t.Errorf("unexpected messages %q", errs.String())
			}
			if js := v.Journeys(); len(js) != len(tt.paths) || (len(js) > 0 && (js[0] == nil) != tt.dropEach) {
				t.Errorf("journeys %v", js)
			}
		})
	}
}

// TestEachValid: fn sees every valid journey once (never an invalid one),
// and what it lets go is not kept while the result stays valid.
func TestEachValid(t *testing.T) {
	dir := t.TempDir()
	j := func(id string) string {
		return "cxmap: 1\nid: " + id + "\ntitle: T\nstages:\n  - {id: s, name: S, steps: [{id: x, action: X}]}\n"
	}
	write(t, dir, map[string]string{"a.yaml": j("a"), "b.yaml": j("b"), "c.yaml": j("c"), "bad.yaml": "cxmap: 1\nid: [bad\n"})
	for _, keep := range []bool{false, true} {
		var mu sync.Mutex
		seen := map[string]int{}
		var errs bytes.Buffer
		each := 0
		v := EachValid([]string{dir}, Options{Jobs: 3, Each: func(*Result) { mu.Lock(); each++; mu.Unlock() }}, Sift{Errors: &errs},
			func(j *journey.Journey) bool {
				mu.Lock()
				defer mu.Unlock()
				seen[filepath.Base(j.Path)]++
				return keep
			})
		if want := map[string]int{"a.yaml": 1, "b.yaml": 1, "c.yaml": 1}; !reflect.DeepEqual(seen, want) {
			t.Errorf("keep %v: fn saw %v, want %v", keep, seen, want)
		}
		if each != 4 {
			t.Errorf("keep %v: Options.Each ran %d times, want 4 (it runs first, on every file)", keep, each)
		}
		if len(v.Results) != 3 || len(v.Invalid) != 1 || v.Failed || errs.Len() != 0 {
			t.Fatalf("keep %v: %d kept, %d invalid, failed %v, %q", keep, len(v.Results), len(v.Invalid), v.Failed, errs.String())
		}
		for _, r := range v.Results {
			if (r.Journey != nil) != keep || !r.Valid {
				t.Errorf("keep %v: %s kept journey %v, valid %v", keep, r.Path, r.Journey != nil, r.Valid)
			}
		}
	}
}
