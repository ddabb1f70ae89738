package journey

import (
	"github.com/cxmap/cxmap/pkg/finding"
	"go.yaml.in/yaml/v3"
)

// The entry points below let a long-running process (the language server,
// pkg/lsp) keep one Catalogs cache across checks: a catalog open in an
// editor is checked from the editor's text (Set), one changed on disk is
// read again on its next use (Forget).

// Set makes the catalog at path read from data, not the file, until
// Forget(path) or another Set.
func (c *Catalogs) Set(path string, data []byte) {
	e := &catalogEntry{}
	e.once.Do(func() { e.parse(path, data) })
	c.mu.Lock()
	c.m[cacheKey(path)] = e
	c.mu.Unlock()
}

// Forget drops what the cache holds for path: its next use reads the file.
func (c *Catalogs) Forget(path string) {
	c.mu.Lock()
	delete(c.m, cacheKey(path))
	c.mu.Unlock()
}

// Len is how many catalog files the cache holds (each was read once).
func (c *Catalogs) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.m)
}

// Lookup returns the catalog at path through the cache (reading it on
// first use): the catalog when it is valid, else its own findings or, when
// it cannot be used at all, why (problem).
func (c *Catalogs) Lookup(path string) (cat *Catalog, fs []finding.Finding, problem string) {
	e := c.get(path)
	return e.cat, e.fs, e.problem
}

// CatalogPath is where a `uses` (or `baseline`) path written in the file
// at from is opened, as the loader opens it (dir as Options.Dir).
func CatalogPath(from, dir, written string) string { return relTo(from, dir, written) }

// NodeRange is where a YAML node is written, as findings give places.
func NodeRange(n *yaml.Node) Range { return rangeOf(n) }
