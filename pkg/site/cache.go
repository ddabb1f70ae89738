package site

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"

	"github.com/cxmap/cxmap/pkg/fsutil"
	"github.com/cxmap/cxmap/pkg/inputs"
	"github.com/cxmap/cxmap/pkg/journey"
	"github.com/cxmap/cxmap/pkg/locale"
)

// Cache keeps laid-out blueprints in a directory (--cache), named by
// a hash of the cxmap executable, the theme and locale, and the journey
// file's bytes: an entry is reused only by the same build for the same
// file, so the site's bytes do not depend on the cache. It keeps the grids
// (Blueprint: the whole journey and each stage, as JSON), never
// markup: a cached entry is drawn again (DrawGrid, which escapes every
// text), so an entry someone else wrote cannot bring a script into a page.
// An entry that is not a regular file (a symlink, a named pipe, a device)
// or is too large is not read, with a warning. The zero value (no --cache)
// keeps nothing.
type Cache struct {
	dir   string
	build []byte // hash of the executable, the theme and the locale
	warn  io.Writer
	mu    sync.Mutex // warn
	opts  Options
}

// cacheFormat names the entries' format; entries of another format are
// drawn again.
const cacheFormat = "cxmap-blueprint-grids-2"

// maxCacheEntry bounds an entry read (a grid of the largest blueprint the
// site draws is a few MB).
const maxCacheEntry = 64 << 20

type cacheEntry struct {
	Format    string     `json:"format"`
	Blueprint *Blueprint `json:"blueprint"`
}

// NewCache keeps the blueprints Options o lays out in dir (--cache DIR); an
// empty dir keeps nothing.
func NewCache(dir string, warn io.Writer, o Options) (*Cache, error) {
	c := &Cache{dir: dir, warn: warn, opts: o}
	if dir == "" {
		return c, nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("--cache: %v", err)
	}
	exe, err := os.Executable()
	if err != nil {
		return nil, fmt.Errorf("--cache: %v", err)
	}
	f, err := os.Open(exe)
	if err != nil {
		return nil, fmt.Errorf("--cache: %v", err)
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return nil, fmt.Errorf("--cache: %v", err)
	}
	// The theme and the locale may change the picture.
	brand, _ := json.Marshal(struct {
		Theme  any
		Locale string
	}{o.Theme, localeTag(o.Locale)})
	h.Write(brand)
	c.build = h.Sum(nil)
	return c, nil
}

func (c *Cache) file(j *journey.Journey) string {
	h := sha256.New()
	h.Write(c.build)
	h.Write(j.Raw)
	return filepath.Join(c.dir, hex.EncodeToString(h.Sum(nil)[:16])+".grid.json")
}

func (c *Cache) warnf(format string, a ...any) {
	c.mu.Lock()
	defer c.mu.Unlock()
	fmt.Fprintf(c.warn, "cxmap: warning: --cache: "+format+"\n", a...)
}

// read reads an entry: nil when there is none or it cannot be used (with a
// warning unless it is simply missing).
func (c *Cache) read(name string) *Blueprint {
	fi, err := os.Lstat(name)
	if err != nil {
		return nil
	}
	if !fi.Mode().IsRegular() {
		c.warnf("%s is not a regular file (%s): not read, the blueprint is drawn", name, inputs.SpecialKind(fi.Mode()))
		return nil
	}
	if fi.Size() > maxCacheEntry {
		c.warnf("%s is larger than %d MB: not read, the blueprint is drawn", name, maxCacheEntry>>20)
		return nil
	}
	f, err := os.Open(name)
	if err != nil {
		return nil
	}
	defer f.Close()
	// The file opened must be the one looked at (not swapped since).
	if fi2, err := f.Stat(); err != nil || !os.SameFile(fi, fi2) || !fi2.Mode().IsRegular() {
		c.warnf("%s changed while read: not read, the blueprint is drawn", name)
		return nil
	}
	data, err := io.ReadAll(io.LimitReader(f, maxCacheEntry+1))
	if err != nil || len(data) > maxCacheEntry {
		return nil
	}
	var e cacheEntry
	if err := json.Unmarshal(data, &e); err != nil || e.Format != cacheFormat || e.Blueprint == nil || e.Blueprint.Full == nil {
		c.warnf("%s is not a blueprint this build wrote: not read, the blueprint is drawn", name)
		return nil
	}
	return e.Blueprint
}

// Layouts gives each journey's blueprint: from the cached grids when there
// are some, else laid out (and the grids kept). Without a directory it is
// nil: the site lays out every journey itself.
func (c *Cache) Layouts() Layouts {
	if c.dir == "" {
		return nil
	}
	return func(j *journey.Journey) (*Blueprint, error) {
		name := c.file(j)
		if bp := c.read(name); bp != nil {
			c.opts.Restore(bp)
			return bp, nil
		}
		bp, err := c.opts.LayOut(j)
		if err != nil {
			return nil, err
		}
		if data, err := json.Marshal(cacheEntry{Format: cacheFormat, Blueprint: bp}); err == nil {
			_ = fsutil.WriteFileAtomic(name, data, 0o644) // a cache that cannot be written only costs time
		}
		return bp, nil
	}
}

// localeTag names a locale ("" for none).
func localeTag(l *locale.Locale) string {
	if l == nil {
		return ""
	}
	return l.Tag.String()
}
