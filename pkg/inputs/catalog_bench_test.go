package inputs

import (
	"testing"

	"github.com/cxmap/cxmap/internal/testgen"
)

// BenchmarkCatalogPortfolio loads 1,000 journeys of 20 steps as validate
// does, with their lanes and sources written in each file (plain) and moved
// to one catalog they all use (catalog). The catalog is read once per run,
// so the two should cost about the same (issue 10: within 1.3x).
func BenchmarkCatalogPortfolio(b *testing.B) {
	for _, c := range []struct {
		name string
		gen  func(dir string, count, steps int) error
	}{{"plain", testgen.Portfolio}, {"catalog", testgen.CatalogPortfolio}} {
		dir := b.TempDir()
		if err := c.gen(dir, benchJourneys, 20); err != nil {
			b.Fatal(err)
		}
		b.Run(c.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				rs := Load([]string{dir}, Options{CheckCatalogs: true})
				for _, r := range rs {
					if r.Err != nil || len(r.Findings) > 0 {
						b.Fatalf("%s: %v %v", r.Path, r.Err, r.Findings)
					}
				}
			}
		})
	}
}

// TestCatalogPortfolioValid: the benchmark's shared portfolio is valid and
// every journey sees the catalog's lanes.
func TestCatalogPortfolioValid(t *testing.T) {
	dir := t.TempDir()
	if err := testgen.CatalogPortfolio(dir, 3, 10); err != nil {
		t.Fatal(err)
	}
	rs := Load([]string{dir}, Options{CheckCatalogs: true})
	if len(rs) != 4 {
		t.Fatalf("got %d results, want 3 journeys and the catalog", len(rs))
	}
	for _, r := range rs {
		if r.Err != nil || len(r.Findings) > 0 {
			t.Fatalf("%s: %v %v", r.Path, r.Err, r.Findings)
		}
		if r.Catalog != (r.Journey == nil) {
			t.Fatalf("%s: catalog %v, journey %v", r.Path, r.Catalog, r.Journey != nil)
		}
		if r.Journey != nil && len(r.Journey.Lanes) != 10 {
			t.Fatalf("%s: %d lanes, want the catalog's 10", r.Path, len(r.Journey.Lanes))
		}
	}
}

// benchJourneys is the portfolio size of BenchmarkCatalogPortfolio.
var benchJourneys = 1000
