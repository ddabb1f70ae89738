package testgen

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
)

// CatalogPortfolio writes count journeys of steps steps each into dir, like
// Portfolio, but with their sources and lanes moved to one catalog,
// dir/catalog.yaml, that every journey uses: the same portfolio, shared.
func CatalogPortfolio(dir string, count, steps int) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for i := 0; i < count; i++ {
		j := Journey(int64(i), steps)
		a, b := bytes.Index(j, []byte("sources:\n")), bytes.Index(j, []byte("stages:\n"))
		if a < 0 || b < a {
			return fmt.Errorf("testgen: unexpected journey layout")
		}
		if i == 0 {
			cat := append([]byte("cxmap-catalog: 1\nid: shared\n"), j[a:b]...)
			if err := os.WriteFile(filepath.Join(dir, "catalog.yaml"), cat, 0o644); err != nil {
				return err
			}
		}
		out := append(append(append([]byte{}, j[:a]...), "uses: [catalog.yaml]\n"...), j[b:]...)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("journey-%04d.yaml", i)), out, 0o644); err != nil {
			return err
		}
	}
	return nil
}
