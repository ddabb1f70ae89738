package lsp

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/cxmap/cxmap/internal/testgen"
	"github.com/cxmap/cxmap/pkg/journey"
)

// TestSharedCatalogReadOnce: opening many journeys that share a catalog
// reads and checks the catalog once; the workspace index reads none.
func TestSharedCatalogReadOnce(t *testing.T) {
	dir := t.TempDir()
	if err := testgen.CatalogPortfolio(dir, 50, 5); err != nil {
		t.Fatal(err)
	}
	paths, _ := filepath.Glob(filepath.Join(dir, "journey-*.yaml"))
	s := New(nil2discard{}, Options{})
	// Count the reads: the cache reads through this function.
	reads := map[string]int{}
	s.cats = journey.NewCatalogsFrom(func(p string) (string, []byte, error) {
		reads[filepath.Base(p)]++
		data, err := os.ReadFile(p)
		return p, data, err
	})
	s.initialize(&initializeParams{RootURI: pathToURI(dir)})
	for _, p := range paths {
		data, _ := os.ReadFile(p)
		d := openText(s, p, string(data))
		if fs := d.findings[p]; len(fs) > 0 && fs[0].Level == 3 {
			t.Fatalf("%s: %v", p, fs[0])
		}
	}
	if n := s.cats.Len(); n != 1 {
		t.Errorf("%d catalogs in the cache after opening %d journeys, want 1", n, len(paths))
	}
	if len(reads) != 1 || reads["catalog.yaml"] != 1 {
		t.Errorf("files read through the catalog cache: %v, want catalog.yaml once", reads)
	}
	ws := s.workspaceFor(filepath.Join(dir, "catalog.yaml"))
	if got := len(ws.files); got != len(paths)+1 {
		t.Errorf("workspace index holds %d files, want %d", got, len(paths)+1)
	}
	if n := s.cats.Len(); n != 1 || reads["catalog.yaml"] != 1 {
		t.Errorf("the workspace index read catalogs: %d in the cache, reads %v", n, reads)
	}
}

type nil2discard struct{}

func (nil2discard) Write(p []byte) (int, error) { return len(p), nil }
