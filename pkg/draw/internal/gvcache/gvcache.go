// Package gvcache keeps go-graphviz's compiled WASM in the user's cache
// directory instead of $TMPDIR.
//
// go-graphviz compiles its WASM module in a package init, in every process
// that links it (so `cxmap validate` too): about 0.5–1.3 s without a cache,
// about 30 ms with one. It caches under os.TempDir()/go-graphviz, which is
// wiped on reboot, per CI job, or unwritable in some containers, making every
// start cold. This package points TMPDIR at the user cache directory for the
// length of that init, and pkg/draw's own init puts it back.
//
// It relies on the Go spec's package initialisation order (Go 1.21+): among
// packages whose imports are done, the one first by import path goes first,
// and "github.com/cxmap/..." sorts before "github.com/goccy/...". This
// package imports only the standard library, so it is always ready first.
package gvcache

import (
	"os"
	"path/filepath"
)

var (
	saved    string
	hadSaved bool
	active   bool
)

func init() {
	if os.Getenv("CXMAP_NO_GRAPHVIZ_CACHE") != "" {
		return
	}
	base, err := os.UserCacheDir()
	if err != nil {
		return
	}
	dir := filepath.Join(base, "cxmap")
	if err := os.MkdirAll(filepath.Join(dir, "go-graphviz"), 0o755); err != nil {
		return
	}
	saved, hadSaved = os.LookupEnv("TMPDIR")
	if os.Setenv("TMPDIR", dir) == nil {
		active = true
	}
}

// Restore puts TMPDIR back as it was; pkg/draw calls it from its init,
// which runs after go-graphviz's.
func Restore() {
	if !active {
		return
	}
	active = false
	if hadSaved {
		os.Setenv("TMPDIR", saved)
	} else {
		os.Unsetenv("TMPDIR")
	}
}

// Dir is where the compiled module is kept, or "" when the user cache
// directory is not usable.
func Dir() string {
	base, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(base, "cxmap", "go-graphviz")
}
