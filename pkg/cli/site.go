package cli

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/cxmap/cxmap/internal/textsafe"
	"github.com/cxmap/cxmap/pkg/config"
	"github.com/cxmap/cxmap/pkg/fsutil"
	"github.com/cxmap/cxmap/pkg/inputs"
	"github.com/cxmap/cxmap/pkg/journey"
	"github.com/cxmap/cxmap/pkg/site"
	"github.com/spf13/cobra"
)

// SiteOptions are the flags of `cxmap site`.
type SiteOptions struct {
	IO         *IOStreams
	Paths      []string
	Out        string
	NoHistory  bool
	ConfigPath string
	// Cache keeps drawings between runs (--cache DIR).
	Cache string
	// Quiet leaves out the "wrote FILE" line (-q).
	Quiet bool
}

// NewCmdSite builds `cxmap site PATH... -o DIR`.
func NewCmdSite(io *IOStreams, runF func(*SiteOptions) error) *cobra.Command {
	o := &SiteOptions{IO: io}
	cmd := &cobra.Command{
		Use:   "site PATH... -o DIR",
		Short: "Write a static site of the journeys: an index and a page per journey",
		Long: `Write a self-contained static site: index.html (journeys grouped by client
with their rating strips and counts, current/future pairs side by side, the
lane inventory as a heatmap, the opportunity backlog by owner) and
journeys/ID.html for each journey (the blueprint, whose step cells show
everything about the step when clicked or chosen with the keyboard, the gap
tables, the comparison with its baseline, and its git history when the file
is in git). Pages use no external script, style, font or image: they open
from file://, offline, or on GitHub Pages.

Files that do not validate are listed on standard error and on the index
with their findings; the others are still written. Existing files in DIR
other than the pages written are left alone.

Exit status: 0 written, 1 some journey failed validation, 2 usage or I/O error.`,
		Example: `  cxmap site examples/ -o site/
  cxmap site journeys/ -o public/ --no-history`,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.Paths = args
			if runF != nil {
				return runF(o)
			}
			return siteRun(o)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&o.Out, "output", "o", "", "write the site into `DIR` (created if missing)")
	f.BoolVar(&o.NoHistory, "no-history", false, "leave out each journey's git history")
	f.BoolVarP(&o.Quiet, "quiet", "q", false, "do not name the file written")
	f.StringVar(&o.ConfigPath, "config", "", "read ignore globs from `FILE` instead of the nearest .cxmap.yaml")
	f.StringVar(&o.Cache, "cache", "", "keep the blueprint drawings in `DIR` between runs; an unchanged journey is not drawn again")
	return cmd
}

// siteLoad loads the journeys the way report does (config ignore globs) and
// prints I/O errors and findings; failed and invalid tell the exit code.
func siteLoad(io *IOStreams, paths []string, configPath string, quiet bool) (ins []site.Input, failed, invalid bool, err error) {
	cfg, err := config.Discover(configPath, io.Dir)
	if err != nil {
		return nil, false, false, &ExitError{Code: ExitUsage, Msg: err.Error()}
	}
	// Each journey lets go of its YAML tree as soon as it is parsed, so a
	// large portfolio fits in memory (site.Compact).
	results := inputs.Load(paths, inputs.Options{Stdin: io.In, Ignore: cfg.Ignore, Each: func(r *inputs.Result) {
		if r.Journey != nil {
			site.Compact(r.Journey)
		}
	}})
	for _, r := range results {
		switch {
		case r.Err != nil:
			fmt.Fprintf(io.ErrOut, "cxmap: %v\n", r.Err)
			failed = true
		case r.Journey == nil:
			if !quiet {
				printFindings(io.ErrOut, r.Findings)
			}
			invalid = true
			ins = append(ins, site.Input{Path: r.Path, Findings: r.Findings})
		default:
			ins = append(ins, site.Input{Path: r.Path, Journey: r.Journey})
		}
	}
	if len(results) == 0 {
		fmt.Fprintf(io.ErrOut, "cxmap: no journey files found in %s\n", strings.Join(paths, " "))
	}
	return ins, failed, invalid, nil
}

func siteRun(o *SiteOptions) error {
	if len(o.Paths) == 0 {
		return usageErr("no journey files given\nUsage: cxmap site PATH... -o DIR")
	}
	if o.Out == "" {
		return usageErr("-o DIR is required: the directory to write the site into")
	}
	if o.Out == "-" {
		return usageErr("-o - is not possible: a site is many files; give a directory")
	}
	for _, p := range o.Paths {
		if p == "-" {
			return usageErr("site reads files, not standard input (-)")
		}
	}
	ins, failed, invalid, err := siteLoad(o.IO, o.Paths, o.ConfigPath, false)
	if err != nil {
		return err
	}
	s := site.New(ins, site.Options{History: !o.NoHistory}, nil)
	cache, err := newDrawingCache(o.Cache)
	if err != nil {
		return &ExitError{Code: ExitUsage, Msg: err.Error()}
	}
	draw := cache.wrap(site.BlueprintSVG)
	if err := s.Write(o.Out, draw, 0); err != nil {
		return &ExitError{Code: ExitUsage, Msg: fmt.Sprintf("writing the site: %v", err)}
	}
	if !o.Quiet {
		fmt.Fprintf(o.IO.ErrOut, "wrote %s (%s)\n", filepath.Join(o.Out, site.IndexPage), textsafe.Plural(s.Len(), "journey", "journeys"))
	}
	switch {
	case failed:
		return &ExitError{Code: ExitUsage}
	case invalid:
		return &ExitError{Code: ExitFindings, Msg: "some journeys failed validation: their findings are on the index"}
	}
	return nil
}

// drawingCache keeps blueprint drawings in a directory (--cache), named by
// a hash of the cxmap executable and the journey file's bytes: a drawing is
// reused only by the same build for the same file, so the site's bytes do
// not depend on the cache. The zero value (no --cache) keeps nothing.
type drawingCache struct {
	dir   string
	build []byte // hash of the executable
}

func newDrawingCache(dir string) (*drawingCache, error) {
	c := &drawingCache{dir: dir}
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
	c.build = h.Sum(nil)
	return c, nil
}

func (c *drawingCache) file(j *journey.Journey) string {
	h := sha256.New()
	h.Write(c.build)
	h.Write(j.Raw)
	return filepath.Join(c.dir, hex.EncodeToString(h.Sum(nil)[:16])+".svg")
}

// wrap reads a drawing from the cache, or makes it with draw and keeps it.
func (c *drawingCache) wrap(draw site.Blueprints) site.Blueprints {
	if c.dir == "" {
		return draw
	}
	return func(j *journey.Journey) ([]byte, error) {
		name := c.file(j)
		if svg, err := os.ReadFile(name); err == nil {
			return svg, nil
		}
		svg, err := draw(j)
		if err == nil {
			_ = fsutil.WriteFileAtomic(name, svg, 0o644) // a cache that cannot be written only costs time
		}
		return svg, err
	}
}
