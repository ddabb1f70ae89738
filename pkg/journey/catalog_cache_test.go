package journey

import (
	"errors"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// A baseline and a catalog named by many journeys are read once per cache,
// and a cache made with NewCatalogsFrom reads through its reader only.
func TestCatalogsReadOnce(t *testing.T) {
	files := map[string]string{
		"cur.yaml":   "cxmap: 1\nid: cur\ntitle: Cur\nstages: [{id: s, name: S}]\n",
		"cat.yaml":   "cxmap-catalog: 1\nid: cat\nlanes: [{id: web, name: Web, zone: frontstage}]\n",
		"other.yaml": "just: text\n",
		"bad.yaml":   "[unclosed\n",
	}
	var mu sync.Mutex
	reads := map[string]int{}
	read := func(path string) (string, []byte, error) {
		mu.Lock()
		reads[filepath.ToSlash(path)]++
		mu.Unlock()
		s, ok := files[filepath.Base(path)]
		if !ok {
			return "", nil, errors.New("does not exist in REV")
		}
		return "REV:" + path, []byte(s), nil
	}
	tests := []struct {
		baseline string
		want     string // "" for no finding
	}{
		{"cur.yaml", ""},
		{"cat.yaml", "is a catalog, not a journey"},
		{"other.yaml", "its root has no `cxmap:` key"},
		{"bad.yaml", "cannot be read as YAML"},
		{"gone.yaml", "baseline dir/gone.yaml does not exist in REV"},
	}
	cats := NewCatalogsFrom(read)
	for _, tt := range tests {
		t.Run(tt.baseline, func(t *testing.T) {
			for i := 0; i < 5; i++ {
				src := "cxmap: 1\nid: f\ntitle: F\nstate: future\nbaseline: " + tt.baseline + "\nuses: [cat.yaml]\nstages: [{id: s, name: S}]\n"
				pr := ParseFile("dir/f.yaml", []byte(src), Options{Catalogs: cats, Dir: "dir"})
				var msgs []string
				for _, f := range pr.Findings {
					msgs = append(msgs, f.Message)
				}
				got := strings.Join(msgs, "; ")
				if tt.want == "" && (pr.Journey == nil || got != "") {
					t.Fatalf("want a valid journey, got %q", got)
				}
				if tt.want != "" && !strings.Contains(got, tt.want) {
					t.Fatalf("want a finding with %q, got %q", tt.want, got)
				}
			}
		})
	}
	// cat.yaml is read once as a catalog and once as a baseline.
	want := map[string]int{"dir/cur.yaml": 1, "dir/cat.yaml": 2, "dir/other.yaml": 1, "dir/bad.yaml": 1, "dir/gone.yaml": 1}
	for path, n := range want {
		if reads[path] != n {
			t.Errorf("%s read %d times, want %d (all reads: %v)", path, reads[path], n, reads)
		}
	}
}
