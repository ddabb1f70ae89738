package inputs

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

func TestFiles(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"a.yaml", "b.yml", "notes.txt", ".hidden/c.yaml", "drafts/d.yaml", "sub/e.YAML"} {
		p := filepath.Join(dir, f)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte("x: 1\n"), 0o644)
	}
	named := filepath.Join(dir, "notes.txt")
	files, errs := Files([]string{dir, named, "-", "-", filepath.Join(dir, "missing.yaml")}, Options{Ignore: []string{"drafts"}})
	var got []string
	for _, f := range files {
		rel, _ := filepath.Rel(dir, f.Path)
		if f.Path == "-" {
			rel = "-"
		}
		if f.Named {
			rel += " (named)"
		}
		got = append(got, filepath.ToSlash(rel))
	}
	// Hidden directories, ignored globs and non-YAML in a walk are left
	// out; "-" comes once; a named file is listed whatever its name.
	want := []string{"- (named)", "a.yaml", "b.yml", "notes.txt (named)", "sub/e.YAML"}
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("files %q, want %q", got, want)
	}
	if len(errs) != 2 {
		t.Errorf("errors %v: want the second - and the missing file", errs)
	}
}
