package gvcache

import (
	"os"
	"path/filepath"
	"testing"
)

// blocked is a path under which no directory can be made: a regular file.
func blocked(t *testing.T) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(p, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestChoose(t *testing.T) {
	t.Run("user cache", func(t *testing.T) {
		base, tmp := t.TempDir(), t.TempDir()
		if dir := choose(base, tmp); dir != filepath.Join(base, "cxmap", "go-graphviz") {
			t.Fatalf("choose = %q; want the user cache", dir)
		}
	})
	t.Run("no user cache, go-graphviz's place usable", func(t *testing.T) {
		tmp := t.TempDir()
		for _, base := range []string{"", blocked(t)} {
			if dir := choose(base, tmp); dir != filepath.Join(tmp, "go-graphviz") {
				t.Fatalf("base %q: choose = %q; want tmp/go-graphviz", base, dir)
			}
		}
	})
	t.Run("tmp/go-graphviz unusable", func(t *testing.T) {
		// As when /tmp/go-graphviz belongs to another user: here a file
		// stands in its place, which fails for root too.
		tmp := t.TempDir()
		if err := os.WriteFile(filepath.Join(tmp, "go-graphviz"), nil, 0o644); err != nil {
			t.Fatal(err)
		}
		if dir := choose(blocked(t), tmp); dir != "" {
			t.Fatalf("choose = %q; want no cache", dir)
		}
	})
	t.Run("switched off", func(t *testing.T) {
		t.Setenv("CXMAP_NO_GRAPHVIZ_CACHE", "1")
		if dir := Dir(); dir != "" {
			t.Fatalf("Dir = %q with CXMAP_NO_GRAPHVIZ_CACHE set; want no cache", dir)
		}
	})
}
