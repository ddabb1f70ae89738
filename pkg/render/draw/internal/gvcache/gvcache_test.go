package gvcache

import (
	"os"
	"path/filepath"
	"strings"
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
		dir, fresh := choose(base, tmp)
		if dir != filepath.Join(base, "cxmap") || fresh {
			t.Fatalf("choose = %q, %v; want the user cache", dir, fresh)
		}
	})
	t.Run("no user cache, go-graphviz's place usable", func(t *testing.T) {
		tmp := t.TempDir()
		for _, base := range []string{"", blocked(t)} {
			if dir, fresh := choose(base, tmp); dir != "" || fresh {
				t.Fatalf("base %q: choose = %q, %v; want TMPDIR left alone", base, dir, fresh)
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
		dir, fresh := choose(blocked(t), tmp)
		if !fresh || filepath.Dir(dir) != tmp || !strings.HasPrefix(filepath.Base(dir), "cxmap-graphviz-") {
			t.Fatalf("choose = %q, %v; want a fresh dir under %s", dir, fresh, tmp)
		}
		if !usable(filepath.Join(dir, "go-graphviz")) {
			t.Fatalf("fresh dir %s is not usable", dir)
		}
	})
	t.Run("nothing usable", func(t *testing.T) {
		dir, fresh := choose(blocked(t), blocked(t))
		if fresh || dir == "" {
			t.Fatalf("choose = %q, %v; want a path that turns the cache off", dir, fresh)
		}
		if err := os.Mkdir(filepath.Join(dir, "go-graphviz"), 0o755); err == nil {
			t.Fatalf("%s/go-graphviz could be made; go-graphviz would cache there", dir)
		}
	})
}
