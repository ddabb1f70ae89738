// Package gvcache keeps go-graphviz's compiled WASM in the user's cache
// directory instead of $TMPDIR.
//
// go-graphviz compiles its WASM module in a package init, in every process
// that links it (so `cxmap validate` too): about 0.5–1.3 s without a cache,
// about 30 ms with one. It caches under os.TempDir()/go-graphviz, which is
// wiped on reboot, per CI job, or unwritable in some containers, making every
// start cold. This package points TMPDIR at the user cache directory for the
// length of that init, and pkg/render/draw's own init puts it back.
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
	chosen   string // TMPDIR while go-graphviz starts
	fresh    bool   // chosen is a temporary dir of our own, removed after
)

func init() {
	if os.Getenv("CXMAP_NO_GRAPHVIZ_CACHE") != "" {
		return
	}
	base, err := os.UserCacheDir()
	if err != nil {
		base = ""
	}
	dir, isFresh := choose(base, os.TempDir())
	if dir == "" {
		return
	}
	saved, hadSaved = os.LookupEnv("TMPDIR")
	if os.Setenv("TMPDIR", dir) == nil {
		active, chosen, fresh = true, dir, isFresh
	}
}

// choose picks the TMPDIR for go-graphviz's start: "" leaves TMPDIR alone.
// go-graphviz caches in TMPDIR/go-graphviz and panics when that directory
// exists but is not writable (say /tmp/go-graphviz made by another user),
// so every candidate is tried for writing first:
//  1. the user cache directory (base/cxmap), kept across runs;
//  2. go-graphviz's own place, tmp/go-graphviz, when usable;
//  3. a fresh private directory under tmp (isFresh: removed after start);
//  4. a path that cannot be created, so go-graphviz runs with no cache.
func choose(base, tmp string) (dir string, isFresh bool) {
	if base != "" {
		d := filepath.Join(base, "cxmap")
		if usable(filepath.Join(d, "go-graphviz")) {
			return d, false
		}
	}
	if usable(filepath.Join(tmp, "go-graphviz")) {
		return "", false
	}
	if d, err := os.MkdirTemp(tmp, "cxmap-graphviz-"); err == nil {
		return d, true
	}
	return filepath.Join(os.DevNull, "no-graphviz-cache"), false
}

// usable makes dir if need be and reports whether a file can be written in it.
func usable(dir string) bool {
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

// Restore puts TMPDIR back as it was, and removes a fresh temporary cache
// (the compiled module is in memory by now); pkg/render/draw calls it from its
// init, which runs after go-graphviz's.
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
	if fresh {
		os.RemoveAll(chosen)
	}
}

// Dir is where the compiled module is kept, or "" when go-graphviz uses its
// own place or no cache.
func Dir() string {
	if chosen == "" || fresh {
		return ""
	}
	return filepath.Join(chosen, "go-graphviz")
}
