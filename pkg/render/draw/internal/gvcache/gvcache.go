// Package gvcache chooses where go-graphviz keeps its compiled WASM module.
//
// Compiling the module costs about 0.5–1.3 s; loading it from a cache about
// 30 ms. go-graphviz caches under os.TempDir()/go-graphviz by default, which
// is wiped on reboot, per CI job, or unwritable in some containers, making
// every start cold. cxmap's copy of go-graphviz (third_party/go-graphviz)
// starts only when something is drawn and takes the directory from
// graphviz.SetCacheDir, so commands that draw nothing never compile, load or
// write the module.
package gvcache

import (
	"os"
	"path/filepath"
)

// Dir is the cache directory for go-graphviz, or "" for no cache
// (CXMAP_NO_GRAPHVIZ_CACHE set, or no usable place).
func Dir() string {
	if os.Getenv("CXMAP_NO_GRAPHVIZ_CACHE") != "" {
		return ""
	}
	base, err := os.UserCacheDir()
	if err != nil {
		base = ""
	}
	return choose(base, os.TempDir())
}

// choose picks the cache directory, trying each candidate for writing:
//  1. the user cache directory (base/cxmap/go-graphviz), kept across runs;
//  2. go-graphviz's own place, tmp/go-graphviz;
//  3. none: the module is compiled in memory at every start.
func choose(base, tmp string) string {
	if base != "" {
		if d := filepath.Join(base, "cxmap", "go-graphviz"); Usable(d) {
			return d
		}
	}
	if d := filepath.Join(tmp, "go-graphviz"); tmp != "" && Usable(d) {
		return d
	}
	return ""
}

// Usable makes dir if need be and reports whether a file can be written in
// it (a directory made by another user, or a file in its place, is not).
func Usable(dir string) bool {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return false
	}
	f, err := os.CreateTemp(dir, ".probe-*")
	if err != nil {
		return false
	}
	name := f.Name()
	f.Close()
	return os.Remove(name) == nil
}
