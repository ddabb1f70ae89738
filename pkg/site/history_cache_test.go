package site

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/cxmap/cxmap/internal/gittest"
)

// A journey's history is built once per file and kept until HEAD moves or
// the file changes: before, serve rebuilt it on every request of the page
// (about 1 s for 300 commits).
func TestHistoryCached(t *testing.T) {
	g := gittest.New(t)
	src, err := os.ReadFile("../../examples/insurance-claim.yaml")
	if err != nil {
		t.Fatal(err)
	}
	titled := func(title string) map[string]string {
		return map[string]string{"j.yaml": strings.Replace(string(src), "title: ", "title: "+title+" ", 1)}
	}
	file := filepath.Join(g.Dir, "j.yaml")
	g.Commit("v1", titled("One"))
	g.Commit("v2", titled("Two"))
	h1 := gitHistory(file)
	if h1 == nil || len(h1.Rows) != 2 {
		t.Fatalf("history: %+v", h1)
	}
	if h2 := gitHistory(file); h2 != h1 {
		t.Error("the history is built again with nothing changed")
	}
	// HEAD moves: built again.
	g.Commit("v3", titled("Three"))
	h3 := gitHistory(file)
	if h3 == h1 || h3 == nil || len(h3.Rows) != 3 {
		t.Fatalf("after a commit: %+v", h3)
	}
	// The file changes (not committed): built again.
	os.WriteFile(file, []byte(strings.Replace(string(src), "title: ", "title: Four and more ", 1)), 0o644)
	later := time.Now().Add(time.Minute)
	os.Chtimes(file, later, later)
	if h4 := gitHistory(file); h4 == h3 {
		t.Error("the history is kept after the file changed")
	}
}
