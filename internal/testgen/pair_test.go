package testgen

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/cxmap/cxmap/pkg/journey"
)

func TestPairParses(t *testing.T) {
	cur, fut := Pair(7, 60)
	dir := t.TempDir()
	for name, src := range map[string][]byte{"current.yaml": cur, "future.yaml": fut} {
		if err := os.WriteFile(filepath.Join(dir, name), src, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, name := range []string{"current.yaml", "future.yaml"} {
		p := filepath.Join(dir, name)
		src, _ := os.ReadFile(p)
		j, fs := journey.Parse(p, src)
		if j == nil || len(fs) > 0 {
			t.Fatalf("%s: %v", name, fs)
		}
		if n := len(j.Steps()); n < 55 {
			t.Errorf("%s has %d steps", name, n)
		}
	}
}
