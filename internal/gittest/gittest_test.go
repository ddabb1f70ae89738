package gittest

import (
	"os"
	"path/filepath"
	"testing"
)

// TestCommit: each commit holds the files written, its hash is returned,
// and the author is the fixed one.
func TestCommit(t *testing.T) {
	r := New(t)
	one := r.Commit("one", map[string]string{"a.yaml": "a: 1\n", "d/b.yaml": "b: 1\n"})
	two := r.Commit("two", map[string]string{"a.yaml": "a: 2\n"})
	if len(one) != 40 || len(two) != 40 || one == two {
		t.Fatalf("hashes %q, %q", one, two)
	}
	tests := []struct{ rev, want string }{
		{one + ":a.yaml", "a: 1"},
		{two + ":a.yaml", "a: 2"},
		{two + ":d/b.yaml", "b: 1"},
	}
	for _, tt := range tests {
		if got := r.Git("show", tt.rev); got != tt.want {
			t.Errorf("git show %s = %q, want %q", tt.rev, got, tt.want)
		}
	}
	if got := r.Git("log", "-1", "--format=%an <%ae> %cn", "main"); got != "t <t@example.com> t" {
		t.Errorf("author %q", got)
	}
	if _, err := r.TryGit("show", "HEAD:nothere.yaml"); err == nil {
		t.Error("TryGit: no error for a missing path")
	}
	if _, err := os.Stat(filepath.Join(r.Dir, "d", "b.yaml")); err != nil {
		t.Error(err)
	}
}
