package notice

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestNOTICE(t *testing.T) {
	root := filepath.Join("..", "..")
	b, err := os.ReadFile(filepath.Join(root, "NOTICE"))
	if err != nil {
		t.Fatal(err)
	}
	missing, err := Check(root, string(b))
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range missing {
		t.Error(m)
	}
	if _, err := os.Stat(filepath.Join(root, "LICENSE")); err != nil {
		t.Error("no LICENSE file:", err)
	}
}

// TestCheckFails shows the check can fail: a module that embeds a font,
// imports a go-fonts family and replaces a module with a directory without
// a LICENSE, against an empty NOTICE.
func TestCheckFails(t *testing.T) {
	root := t.TempDir()
	write := func(name, text string) {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("go.mod", "module x\n\nrequire github.com/goccy/go-graphviz v0.2.10\n\nreplace github.com/a/b => ./third_party/b\n")
	write("pkg/f/f.go", "package f\n\nimport (\n\t_ \"embed\"\n\t\"github.com/go-fonts/noto/notosans\"\n)\n\n//go:embed fonts/X.ttf\nvar x []byte\n")
	write("pkg/f/fonts/X.ttf", "")
	missing, err := Check(root, "")
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(missing, "\n")
	for _, want := range []string{`"pkg/f/fonts/X.ttf"`, `"github.com/go-fonts/noto"`, `"third_party/b"`, "third_party/b has no LICENSE", `"Graphviz"`, `"Eclipse Public License"`} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %s in:\n%s", want, got)
		}
	}
	// And a NOTICE naming everything passes.
	write("third_party/b/LICENSE", "MIT")
	missing, _ = Check(root, "pkg/f/fonts/X.ttf github.com/go-fonts/noto third_party/b Graphviz Eclipse Public License")
	if len(missing) != 0 {
		t.Errorf("complete NOTICE refused: %v", missing)
	}
}
