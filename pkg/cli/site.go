package cli

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

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
	// BlueprintsOnly is the hidden worker mode: draw each journey's
	// blueprint into this directory (site.BlueprintFile names) and stop.
	BlueprintsOnly string
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
	f.StringVar(&o.ConfigPath, "config", "", "read ignore globs from `FILE` instead of the nearest .cxmap.yaml")
	f.StringVar(&o.Cache, "cache", "", "keep the blueprint drawings in `DIR` between runs; an unchanged journey is not drawn again")
	f.StringVar(&o.BlueprintsOnly, "blueprints-only", "", "worker mode: draw blueprints into `DIR`")
	_ = f.MarkHidden("blueprints-only")
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
	if o.BlueprintsOnly != "" {
		return siteWorker(o)
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
	toDraw := 0
	for _, in := range ins {
		if in.Journey != nil && !cache.has(in.Journey) {
			toDraw++
		}
	}
	if toDraw > o.drawLimit() && o.IO.Getenv(siteWorkerEnv) == "" {
		tmp, err := os.MkdirTemp("", "cxmap-site-")
		if err != nil {
			return &ExitError{Code: ExitUsage, Msg: err.Error()}
		}
		defer os.RemoveAll(tmp)
		var paths []string
		for _, in := range ins {
			if in.Journey != nil && !cache.has(in.Journey) {
				paths = append(paths, in.Path)
			}
		}
		if err := o.runSiteWorkers(paths, tmp); err != nil {
			return &ExitError{Code: ExitUsage, Msg: err.Error()}
		}
		draw = cache.wrap(func(j *journey.Journey) ([]byte, error) {
			name := filepath.Join(tmp, site.BlueprintFile(j.Path))
			if msg, err := os.ReadFile(strings.TrimSuffix(name, ".svg") + ".err"); err == nil {
				return nil, errors.New(string(msg))
			}
			return os.ReadFile(name)
		})
	}
	if err := s.Write(o.Out, draw, 0); err != nil {
		return &ExitError{Code: ExitUsage, Msg: fmt.Sprintf("writing the site: %v", err)}
	}
	fmt.Fprintf(o.IO.ErrOut, "wrote %s (%d journeys)\n", filepath.Join(o.Out, site.IndexPage), s.Len())
	switch {
	case failed:
		return &ExitError{Code: ExitUsage}
	case invalid:
		return &ExitError{Code: ExitFindings, Msg: "some journeys failed validation: their findings are on the index"}
	}
	return nil
}

// Blueprints per worker process: go-graphviz never frees what a render
// leaves in its WASM memory (docs/rendering.md), so a large portfolio is
// drawn by several cxmap processes, like render does.
const siteDrawsPerProcess = 100

const siteWorkerEnv = "CXMAP_SITE_WORKER"

func (o *SiteOptions) drawLimit() int {
	var n int
	if _, err := fmt.Sscan(o.IO.Getenv("CXMAP_RENDERS_PER_PROCESS"), &n); err == nil && n > 0 {
		return n
	}
	return siteDrawsPerProcess
}

// runSiteWorkers draws the blueprints of the journeys at paths into dir, a
// batch per cxmap process, a few processes at a time.
func (o *SiteOptions) runSiteWorkers(paths []string, dir string) error {
	exe, err := os.Executable()
	if err != nil {
		return err
	}
	per := o.drawLimit()
	var batches [][]string
	for i := 0; i < len(paths); i += per {
		batches = append(batches, paths[i:min(i+per, len(paths))])
	}
	errs := make([]error, len(batches))
	outs := make([]bytes.Buffer, len(batches))
	sem := make(chan struct{}, max(1, min(runtime.GOMAXPROCS(0), 4)))
	var wg sync.WaitGroup
	for i, b := range batches {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			args := []string{"site", "--blueprints-only", dir}
			if o.ConfigPath != "" {
				args = append(args, "--config", o.ConfigPath)
			}
			cmd := exec.Command(exe, append(append(args, "--"), b...)...)
			cmd.Dir = o.IO.Dir
			cmd.Env = append(os.Environ(), siteWorkerEnv+"=1")
			cmd.Stdout, cmd.Stderr = &outs[i], &outs[i]
			errs[i] = cmd.Run()
		}()
	}
	wg.Wait()
	for i, err := range errs {
		o.IO.ErrOut.Write(outs[i].Bytes())
		if err != nil {
			var ee *exec.ExitError
			if !errors.As(err, &ee) || ee.ExitCode() == ExitUsage {
				return fmt.Errorf("a blueprint worker failed: %v", err)
			}
		}
	}
	return nil
}

// siteWorker draws each journey's blueprint into o.BlueprintsOnly; a
// drawing that fails leaves its message in a .err file beside.
func siteWorker(o *SiteOptions) error {
	ins, failed, _, err := siteLoad(o.IO, o.Paths, o.ConfigPath, true)
	if err != nil {
		return err
	}
	for _, in := range ins {
		if in.Journey == nil {
			continue
		}
		name := filepath.Join(o.BlueprintsOnly, site.BlueprintFile(in.Path))
		svg, err := site.BlueprintSVG(in.Journey)
		if err != nil {
			name, svg = strings.TrimSuffix(name, ".svg")+".err", []byte(err.Error())
		}
		if err := fsutil.WriteFileAtomic(name, svg, 0o644); err != nil {
			return &ExitError{Code: ExitUsage, Msg: err.Error()}
		}
	}
	if failed {
		return &ExitError{Code: ExitUsage}
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

func (c *drawingCache) has(j *journey.Journey) bool {
	if c.dir == "" {
		return false
	}
	_, err := os.Stat(c.file(j))
	return err == nil
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
