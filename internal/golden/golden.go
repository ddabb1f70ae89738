// Package golden compares test output with files under testdata and, with
// `go test ... -update`, rewrites them. Every package's golden tests use it,
// so -update means the same everywhere and a mismatch always leaves the
// output beside the golden file as NAME.got for a diff.
package golden

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Update is the -update flag: rewrite golden files instead of comparing.
var Update = flag.Bool("update", false, "rewrite golden files from the current output")

// Check compares got with the file at path, or writes it under -update.
func Check(t testing.TB, path string, got []byte) {
	t.Helper()
	if *Update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		os.Remove(path + ".got")
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run the test with -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		os.WriteFile(path+".got", got, 0o644)
		t.Errorf("output differs from %s; see %s.got (run with -update to accept it, and review the diff)", path, path)
		return
	}
	os.Remove(path + ".got")
}

// RenderFixtures are the journeys whose pictures have golden files, as seen
// from a package directory three levels down (pkg/render/X): testdata/render/*.yaml and every
// example.
func RenderFixtures(t testing.TB) []string {
	t.Helper()
	var files []string
	for _, pat := range []string{"../../../testdata/render/*.yaml", "../../../examples/*.yaml", "../../../examples/*/*.yaml"} {
		m, _ := filepath.Glob(pat)
		for _, f := range m {
			// Example themes are not journeys.
			if strings.Contains(filepath.ToSlash(f), "examples/themes/") {
				continue
			}
			// A catalog the examples share is not a journey to draw.
			if data, err := os.ReadFile(f); err == nil && bytes.HasPrefix(bytes.TrimLeft(skipComments(data), "\n"), []byte("cxmap-catalog:")) {
				continue
			}
			files = append(files, f)
		}
	}
	if len(files) == 0 {
		t.Fatal("no render fixtures")
	}
	return files
}

// RenderPath is where a render fixture's golden output is kept:
// testdata/render/golden/<dir>-<name><ext>, named after the fixture's path.
func RenderPath(fixture, ext string) string {
	rel := strings.TrimPrefix(filepath.ToSlash(fixture), "../../../")
	rel = strings.TrimPrefix(rel, "testdata/render/")
	name := strings.ReplaceAll(strings.TrimSuffix(rel, filepath.Ext(rel)), "/", "-")
	return filepath.Join("../../../testdata/render/golden", name+ext)
}

// skipComments drops the leading comment lines of a YAML file.
func skipComments(data []byte) []byte {
	for bytes.HasPrefix(data, []byte("#")) {
		i := bytes.IndexByte(data, '\n')
		if i < 0 {
			return nil
		}
		data = data[i+1:]
	}
	return data
}
