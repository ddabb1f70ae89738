package journey

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/cxmap/cxmap/pkg/finding"
	"go.yaml.in/yaml/v3"
)

// CatalogVersion is the newest `cxmap-catalog:` version this build reads.
const CatalogVersion = 1

// Catalogs caches the catalog and baseline files one run reads, keyed by
// clean absolute path, so that a catalog or a baseline shared by a thousand
// journeys is read and checked once. It is safe for concurrent use (files
// are parsed in parallel).
type Catalogs struct {
	mu sync.Mutex
	m  map[string]*catalogEntry
	b  map[string]*baselineEntry
	// read reads a named file (nil: from disk, readFile) and says how its
	// findings name it.
	read func(path string) (name string, data []byte, err error)
}

// NewCatalogs returns an empty cache; use one per run, so that a file
// edited between runs is read again.
func NewCatalogs() *Catalogs { return NewCatalogsFrom(nil) }

// NewCatalogsFrom returns an empty cache that reads catalogs and baselines
// with read instead of from disk (a git revision's files, for diff and
// history). read gets the path as the journey names it, resolved against
// Options.Dir; it returns the name the file's findings carry ("HEAD~1:
// catalog.yaml"), and an error worded as the rest of a sentence ("does not
// exist in HEAD~1"); it enforces MaxFileSize.
func NewCatalogsFrom(read func(path string) (name string, data []byte, err error)) *Catalogs {
	return &Catalogs{m: map[string]*catalogEntry{}, b: map[string]*baselineEntry{}, read: read}
}

func (c *Catalogs) readFile(path string) (string, []byte, error) {
	if c.read != nil {
		return c.read(path)
	}
	data, err := readFile(path)
	return path, data, err
}

func cacheKey(path string) string {
	key, err := filepath.Abs(path)
	if err != nil {
		key = filepath.Clean(path)
	}
	return key
}

// catalogEntry is one catalog file, loaded once.
type catalogEntry struct {
	once sync.Once
	cat  *Catalog
	fs   []finding.Finding // the catalog's own findings (its path)
	// problem, when set, says why the file cannot be used as a catalog
	// (missing, unreadable, a journey, not a catalog at all).
	problem string
}

func (c *Catalogs) get(path string) *catalogEntry {
	key := cacheKey(path)
	c.mu.Lock()
	e, ok := c.m[key]
	if !ok {
		e = &catalogEntry{}
		c.m[key] = e
	}
	c.mu.Unlock()
	e.once.Do(func() { e.load(c, path) })
	return e
}

// baselineEntry is what a baseline file's root is, read once.
type baselineEntry struct {
	once sync.Once
	err  error // cannot be read
	kind int   // one of the baseline* kinds
}

const (
	baselineJourney = iota
	baselineNotYAML
	baselineCatalog
	baselineOther
)

// baseline reads the file a journey's `baseline:` names once per run and
// tells what its root is (the file itself is checked when it is named).
func (c *Catalogs) baseline(path string) *baselineEntry {
	key := cacheKey(path)
	c.mu.Lock()
	e, ok := c.b[key]
	if !ok {
		e = &baselineEntry{}
		c.b[key] = e
	}
	c.mu.Unlock()
	e.once.Do(func() {
		_, data, err := c.readFile(path)
		if err != nil {
			e.err = err
			return
		}
		var doc yaml.Node
		switch err := yaml.Unmarshal(data, &doc); {
		case err != nil || len(doc.Content) == 0:
			e.kind = baselineNotYAML
		case isCatalogRoot(doc.Content[0]):
			e.kind = baselineCatalog
		case !isJourneyRoot(doc.Content[0]):
			e.kind = baselineOther
		}
	})
	return e
}

func (e *catalogEntry) load(c *Catalogs, path string) {
	name, data, err := c.readFile(path)
	if err != nil {
		e.problem = err.Error()
		return
	}
	e.parse(name, data)
}

// parse reads a catalog from data (a file's bytes, or an editor's); name
// is what messages call it (a path, or REV:path for a revision).
func (e *catalogEntry) parse(name string, data []byte) {
	pr := parseInput(name, data, Options{})
	switch {
	case pr.Journey != nil || pr.isJourney:
		e.problem = "is a journey, not a catalog: uses: names catalog files (root key `cxmap-catalog: 1`)"
	case pr.Catalog != nil:
		e.cat = pr.Catalog
	case pr.IsCatalog:
		e.fs = pr.Findings
	default:
		e.problem = "is not a catalog: a catalog's root has `cxmap-catalog: 1`, an id, and lanes, personas or sources"
	}
}

// readFile reads a file named by a journey (catalog, baseline) within the
// size limit, refusing directories and special files.
func readFile(path string) ([]byte, error) {
	st, err := os.Stat(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("does not exist (paths are relative to this file's directory)")
		}
		return nil, fmt.Errorf("cannot be read: %v", unwrapPath(err))
	}
	if st.IsDir() {
		return nil, fmt.Errorf("is a directory, not a file")
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("is not a regular file")
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("cannot be read: %v", unwrapPath(err))
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("cannot be read: %v", unwrapPath(err))
	}
	if len(data) > MaxFileSize {
		return nil, fmt.Errorf("is larger than the %d MiB limit", MaxFileSize>>20)
	}
	return data, nil
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// relTo resolves a path written in file `from` against from's directory
// (dir, when set, instead). A "./" the journey's path starts with is kept,
// so a catalog found in a walk of "." is spelled the same both ways.
func relTo(from, dir, p string) string {
	if filepath.IsAbs(p) {
		return filepath.Clean(p)
	}
	if dir == "" {
		dir = filepath.Dir(from)
		if from == "-" {
			dir = "."
		}
	}
	out := filepath.Join(dir, filepath.FromSlash(p))
	dot := "." + string(filepath.Separator)
	if strings.HasPrefix(from, dot) && !filepath.IsAbs(out) && !strings.HasPrefix(out, "..") && out != "." {
		out = dot + out
	}
	return out
}

var (
	catalogOnce sync.Once
	catalogRule *rule
)

// compiledCatalogRule is the schema of a catalog file, built from the
// journey schema's definitions so that lanes, personas and sources have one
// shape wherever they are written.
func compiledCatalogRule() *rule {
	catalogOnce.Do(func() {
		root := compiledRules()
		text := &rule{types: []string{"string"}, minLength: 1}
		version := &rule{types: []string{"integer"}, minimum: new(float64)}
		*version.minimum = 1
		props := map[string]*rule{
			"cxmap-catalog": version,
			"id":            root.props["id"],
			"title":         text,
			"description":   {types: []string{"string"}},
			"lanes":         root.props["lanes"],
			"personas":      root.props["personas"],
			"sources":       root.props["sources"],
		}
		catalogRule = &rule{types: []string{"object"}, props: props, closed: true, required: []string{"cxmap-catalog", "id"}}
		for k := range props {
			catalogRule.propNames = append(catalogRule.propNames, k)
		}
		sortStrings(catalogRule.propNames)
	})
	return catalogRule
}

func isCatalogRoot(n *yaml.Node) bool {
	return n.Kind == yaml.MappingNode && hasKey(n, "cxmap-catalog") && !hasKey(n, "cxmap")
}

// parseCatalog checks and builds a catalog file whose root is a mapping.
func parseCatalog(p *problems, path string, root *yaml.Node) *Catalog {
	if !checkCatalogVersion(p, root) {
		return nil
	}
	w := &walker{p: p, catalog: true}
	before := len(p.list)
	w.check(root, compiledCatalogRule(), 1, false)
	if w.stopped {
		p.list = append(p.list[:before], w.stopAt)
		return nil
	}
	c := &Catalog{Path: path, Loc: locOf(root)}
	eachKey(root, func(k string, v *yaml.Node) {
		switch k {
		case "cxmap-catalog":
			c.Version = intOf(v)
		case "id":
			c.ID = v.Value
		case "title":
			c.Title = v.Value
		case "lanes":
			for _, n := range items(v) {
				l := buildLane(n)
				l.Origin = path
				c.Lanes = append(c.Lanes, l)
			}
		case "personas":
			for _, n := range items(v) {
				pe := buildPersona(n)
				pe.Origin = path
				c.Personas = append(c.Personas, pe)
			}
		case "sources":
			for _, n := range items(v) {
				s := buildSource(n)
				s.Origin = path
				c.Sources = append(c.Sources, s)
			}
		}
	})
	ns := newNamespace(p, path)
	for _, l := range c.Lanes {
		ns.define("lane", l.ID, l.Loc.Value("id"), path)
	}
	for _, s := range c.Sources {
		ns.define("source", s.ID, s.Loc.Value("id"), path)
	}
	for _, pe := range c.Personas {
		ns.define("persona", pe.ID, pe.Loc.Value("id"), path)
	}
	if len(p.list) > 0 {
		return nil
	}
	return c
}

func checkCatalogVersion(p *problems, root *yaml.Node) bool {
	v := valueOf(root, "cxmap-catalog")
	if v == nil || v.Kind != yaml.ScalarNode {
		return true
	}
	if n, ok := toFloat(scalar(v)); ok && n > CatalogVersion && n == float64(int64(n)) {
		p.add(RuleVersion, rangeOf(v), "this catalog needs a newer cxmap: it is catalog version %s and this cxmap reads up to version %d (upgrade cxmap)", fmtNum(n), CatalogVersion)
		return false
	}
	return true
}
