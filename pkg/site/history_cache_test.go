package site

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// A journey's history is built once per file and kept until HEAD moves or
// the file changes: before, serve rebuilt it on every request of the page
// (about 1 s for 300 commits).
func TestHistoryCached(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed:", err)
	}
	dir := t.TempDir()
	git := func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com", "GIT_COMMITTER_NAME=t",
			"GIT_COMMITTER_EMAIL=t@example.com", "GIT_CONFIG_GLOBAL="+os.DevNull, "GIT_CONFIG_NOSYSTEM=1")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
	src, err := os.ReadFile("../../examples/insurance-claim.yaml")
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "j.yaml")
	git("init", "-q")
	for i, title := range []string{"One", "Two"} {
		os.WriteFile(file, []byte(strings.Replace(string(src), "title: ", "title: "+title+" ", 1)), 0o644)
		git("add", "j.yaml")
		git("commit", "-q", "-m", "v"+string(rune('1'+i)))
	}
	h1 := gitHistory(file)
	if h1 == nil || len(h1.Rows) != 2 {
		t.Fatalf("history: %+v", h1)
	}
	if h2 := gitHistory(file); h2 != h1 {
		t.Error("the history is built again with nothing changed")
	}
	// HEAD moves: built again.
	os.WriteFile(file, []byte(strings.Replace(string(src), "title: ", "title: Three ", 1)), 0o644)
	git("commit", "-q", "-a", "-m", "v3")
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
