package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"

	"github.com/cxmap/cxmap/pkg/config"
	"github.com/cxmap/cxmap/pkg/fsutil"
	"github.com/cxmap/cxmap/pkg/inputs"
	"github.com/cxmap/cxmap/pkg/render/draw"
	"github.com/cxmap/cxmap/pkg/render/layout"
	"github.com/cxmap/cxmap/pkg/render/raster"
	"github.com/spf13/cobra"
)

// RenderOptions are the flags of `cxmap render`.
type RenderOptions struct {
	IO            *IOStreams
	Paths         []string
	Formats       []string
	Out           string
	Split         string
	Scale         float64
	NoEmotion     bool
	Title         string
	StdinFilename string
	Verbose       bool
	// ConfigPath is --config; the configuration's ignore globs apply.
	ConfigPath string
}

// renderFormats are the formats `render` writes, in the order files are made.
var renderFormats = []string{"svg", "png", "pdf", "dot"}

// rasterPNG and rasterPDF draw Graphviz's json output as PNG and PDF
// (go-graphviz's own PNG is broken and its WASM build has no PDF; see
// docs/rendering.md). Variables so that tests can make them fail.
var (
	rasterPNG = raster.PNG
	rasterPDF = raster.PDF
)

// NewCmdRender builds `cxmap render PATH...`.
func NewCmdRender(io *IOStreams, runF func(*RenderOptions) error) *cobra.Command {
	o := &RenderOptions{IO: io}
	var formats string
	cmd := &cobra.Command{
		Use:   "render PATH...",
		Short: "Draw the service-blueprint swimlane diagram of journeys (SVG, PNG, PDF, DOT)",
		Long: `Draw each journey as a service blueprint: steps as columns under stage
bands; rows for physical evidence, customer actions and every lane, with the
lines of interaction, visibility and internal interaction; ratings as colour
and word; the customer flow and the links to what supports each step.

One file per journey and format is written to the -o directory, named
<journey-id>.<format> (with --split stage: <journey-id>-<stage-id>.<format>).
Files are written atomically. A journey that fails validation is reported as
validate does and gets no file.

Exit status: 0 all drawn, 1 a journey is invalid, 2 usage or I/O error.`,
		Example: `  cxmap render examples/ -f svg,png,pdf -o out/
  cxmap render permit.yaml -f svg -o - > permit.svg
  cxmap render permit.yaml -f png --split stage --scale 3 -o slides/`,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.Paths = args
			o.Formats = splitList(formats)
			if runF != nil {
				return runF(o)
			}
			return renderRun(o)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&formats, "format", "f", "svg", "output formats, comma-separated: svg, png, pdf, dot")
	f.StringVarP(&o.Out, "output", "o", ".", "directory to write into, or - for standard output (one journey, one format)")
	f.StringVar(&o.Split, "split", "", "one picture per stage: --split stage")
	f.Float64Var(&o.Scale, "scale", 2, "PNG pixels per point")
	f.BoolVar(&o.NoEmotion, "no-emotion", false, "leave out the emotion curve")
	f.StringVar(&o.Title, "title", "", "title to show instead of the journey's")
	f.StringVar(&o.StdinFilename, "stdin-filename", "", "name standard input in messages when reading \"-\"")
	f.BoolVarP(&o.Verbose, "verbose", "v", false, "list the files written")
	f.StringVar(&o.ConfigPath, "config", "", "read configuration (ignore globs) from `FILE` instead of the nearest .cxmap.yaml")
	return cmd
}

// check validates the flags before anything is read.
func (o *RenderOptions) check() error {
	if len(o.Paths) == 0 {
		return usageErr("no journey files given\nUsage: cxmap render PATH... -f svg,png,pdf,dot -o DIR")
	}
	if len(o.Formats) == 0 {
		return usageErr("no format given: -f takes svg, png, pdf or dot")
	}
	seen := map[string]bool{}
	for _, f := range o.Formats {
		if !contains(renderFormats, f) {
			return usageErr("-f %q is not one of svg, png, pdf, dot", f)
		}
		if seen[f] {
			return usageErr("-f names %q twice", f)
		}
		seen[f] = true
	}
	if o.Split != "" && o.Split != "stage" {
		return usageErr("--split %q is not supported: use --split stage", o.Split)
	}
	if !(o.Scale > 0 && o.Scale <= raster.MaxScale) { // NaN fails both
		return usageErr("--scale %v is out of range: use a number above 0, at most 16", o.Scale)
	}
	if o.Out == "" {
		return usageErr("-o needs a directory, or - for standard output")
	}
	if o.Out == "-" && len(o.Formats) > 1 {
		return usageErr("-o - writes one file: give one format, not %s", strings.Join(o.Formats, ","))
	}
	return nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// renderRun loads the journeys, reports the invalid ones, and writes every
// picture in every format.
func renderRun(o *RenderOptions) error {
	if err := o.check(); err != nil {
		return err
	}
	cfg, err := config.Discover(o.ConfigPath, o.IO.Dir)
	if err != nil {
		return &ExitError{Code: ExitUsage, Msg: err.Error()}
	}
	results := inputs.Load(o.Paths, inputs.Options{Stdin: o.IO.In, StdinFilename: o.StdinFilename, Ignore: cfg.Ignore})
	failed, invalid := false, false
	var pages []page
	var drawn []string // paths of the journeys to draw, for workers
	byID := map[string]string{}
	for _, r := range results {
		switch {
		case r.Err != nil:
			fmt.Fprintf(o.IO.ErrOut, "cxmap: %v\n", r.Err)
			failed = true
		case r.Journey == nil:
			invalid = true
			printFindings(o.IO.ErrOut, r.Findings)
		default:
			j := r.Journey
			if other, ok := byID[j.ID]; ok {
				fmt.Fprintf(o.IO.ErrOut, "cxmap: %s: journey id %q is also used by %s; not drawn, as its files would overwrite the other's\n", r.Path, j.ID, other)
				failed = true
				continue
			}
			byID[j.ID] = r.Path
			ps, skipped := pagesOf(j, o.Split)
			if len(skipped) > 0 && o.Verbose {
				fmt.Fprintf(o.IO.ErrOut, "%s: stages with no steps get no page: %s\n", r.Path, strings.Join(skipped, ", "))
			}
			pages = append(pages, ps...)
			drawn = append(drawn, r.Path)
		}
	}
	if msgs := collisions(pages, o.Out); len(msgs) > 0 {
		for _, m := range msgs {
			fmt.Fprintf(o.IO.ErrOut, "cxmap: %s\n", m)
		}
		return &ExitError{Code: ExitUsage, Msg: "nothing written: output files would overwrite each other"}
	}
	if o.Out == "-" && len(pages) > 1 {
		return usageErr("-o - writes one picture, but there are %d (journeys or stages): give a directory", len(pages))
	}
	if o.Out != "-" && len(pages) > 0 {
		if err := os.MkdirAll(o.Out, 0o755); err != nil {
			return &ExitError{Code: ExitUsage, Msg: err.Error()}
		}
	}
	if o.delegates(len(pages)) {
		wf, wi := o.runWorkers(drawn, len(pages)/len(drawn))
		failed, invalid = failed || wf, invalid || wi
		pages = nil
	}
	for len(pages) > 0 {
		// One journey's pages at a time: all laid out and checked before
		// any is written, so a journey gets every file asked for or none.
		n := 1
		for n < len(pages) && pages[n].j == pages[0].j {
			n++
		}
		if err := o.drawJourney(pages[:n]); err != nil {
			fmt.Fprintf(o.IO.ErrOut, "cxmap: %s: %v\n", pages[0].j.Path, err)
			failed = true
		}
		pages = pages[n:]
	}
	switch {
	case failed:
		return &ExitError{Code: ExitUsage}
	case invalid:
		return &ExitError{Code: ExitFindings}
	}
	return nil
}

// drawJourney lays out a journey's pages, checks that each fits every
// format asked for, and only then draws and writes them.
func (o *RenderOptions) drawJourney(pages []page) error {
	grids := make([]*layout.Grid, len(pages))
	for i, p := range pages {
		g, err := layout.Build(p.j, layout.Options{Stage: p.stage, NoEmotion: o.NoEmotion, Title: o.Title})
		if err != nil {
			return err
		}
		if err := rasterFits(g, o.Formats, o.Scale); err != nil {
			if p.stage != "" {
				err = fmt.Errorf("stage %s: %w", p.stage, err)
			}
			return fmt.Errorf("%w; nothing written for this journey", err)
		}
		grids[i] = g
	}
	for i, p := range pages {
		if err := o.draw(p, grids[i]); err != nil {
			return err
		}
	}
	return nil
}

// draw writes one laid-out page in every format asked for.
func (o *RenderOptions) draw(p page, g *layout.Grid) error {
	var err error
	dot := draw.DOT(g)
	var gvJSON []byte // made once, for png and pdf
	for _, f := range o.Formats {
		var buf bytes.Buffer
		switch f {
		case "dot":
			buf.Write(dot)
		case "svg":
			err = draw.Render(dot, "svg", &buf)
		case "png", "pdf":
			if gvJSON == nil {
				var jb bytes.Buffer
				if err = draw.Render(draw.ForJSON(dot), "json", &jb); err != nil {
					break
				}
				gvJSON = jb.Bytes()
			}
			if f == "png" {
				err = rasterPNG(&buf, gvJSON, o.Scale)
			} else {
				err = rasterPDF(&buf, gvJSON)
			}
		}
		if err != nil {
			return fmt.Errorf("drawing %s: %w", f, err)
		}
		if o.Out == "-" {
			_, err := o.IO.Out.Write(buf.Bytes())
			return err
		}
		path := filepath.Join(o.Out, p.name+"."+f)
		if err := fsutil.WriteFileAtomic(path, buf.Bytes(), 0o644); err != nil {
			return err
		}
		if o.Verbose {
			fmt.Fprintf(o.IO.ErrOut, "wrote %s\n", path)
		}
	}
	return nil
}

// Graphviz calls per worker process. go-graphviz keeps every render's DOT
// and output in its WASM memory, which never shrinks (about 0.8 MB for a
// 50-step journey; a 32-bit WASM memory ends at 4 GB), so a large portfolio
// is drawn by several cxmap processes, each drawing a share of the journeys.
const rendersPerProcess = 100

// workerEnv marks a cxmap process started by render to draw a share.
const workerEnv = "CXMAP_RENDER_WORKER"

// delegates reports whether the pages are many enough to hand to workers.
func (o *RenderOptions) delegates(pages int) bool {
	if o.IO.Getenv(workerEnv) != "" || o.Out == "-" || contains(o.Paths, "-") {
		return false
	}
	return pages*o.rendersPerPage() > o.renderLimit()
}

// rendersPerPage counts Graphviz calls per picture: SVG, and json for PNG/PDF.
func (o *RenderOptions) rendersPerPage() int {
	n := 0
	if contains(o.Formats, "svg") {
		n++
	}
	if contains(o.Formats, "png") || contains(o.Formats, "pdf") {
		n++
	}
	return n
}

// renderLimit is rendersPerProcess, or CXMAP_RENDERS_PER_PROCESS (tests).
func (o *RenderOptions) renderLimit() int {
	var n int
	if _, err := fmt.Sscan(o.IO.Getenv("CXMAP_RENDERS_PER_PROCESS"), &n); err == nil && n > 0 {
		return n
	}
	return rendersPerProcess
}

// runWorker runs cxmap with args and the worker mark, its output to stderr,
// and returns its exit code (tests replace it).
var runWorker = func(args []string, stderr io.Writer) (int, error) {
	exe, err := os.Executable()
	if err != nil {
		return 0, err
	}
	cmd := exec.Command(exe, args...)
	cmd.Env = append(os.Environ(), workerEnv+"=1")
	cmd.Stdout, cmd.Stderr = stderr, stderr
	err = cmd.Run()
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		return ee.ExitCode(), nil
	}
	return 0, err
}

// runWorkers draws the journeys at paths in batches, each in its own cxmap
// process, a few at a time; their messages are printed in batch order.
func (o *RenderOptions) runWorkers(paths []string, pagesPer int) (failed, invalid bool) {
	per := o.renderLimit() / max(1, pagesPer*o.rendersPerPage())
	per = max(per, 1)
	var batches [][]string
	for i := 0; i < len(paths); i += per {
		batches = append(batches, paths[i:min(i+per, len(paths))])
	}
	flags := []string{"render", "-f", strings.Join(o.Formats, ","), "-o", o.Out, "--scale", strconv.FormatFloat(o.Scale, 'g', -1, 64)}
	if o.Split != "" {
		flags = append(flags, "--split", o.Split)
	}
	if o.NoEmotion {
		flags = append(flags, "--no-emotion")
	}
	if o.Title != "" {
		flags = append(flags, "--title", o.Title)
	}
	if o.Verbose {
		flags = append(flags, "--verbose")
	}
	type result struct {
		code int
		err  error
		out  bytes.Buffer
	}
	results := make([]result, len(batches))
	sem := make(chan struct{}, max(1, min(runtime.GOMAXPROCS(0), 4)))
	var wg sync.WaitGroup
	for i, b := range batches {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			args := append(append(append([]string(nil), flags...), "--"), b...)
			results[i].code, results[i].err = runWorker(args, &results[i].out)
		}()
	}
	wg.Wait()
	for _, r := range results {
		o.IO.ErrOut.Write(r.out.Bytes())
		switch {
		case r.err != nil:
			fmt.Fprintf(o.IO.ErrOut, "cxmap: starting a render worker: %v\n", r.err)
			failed = true
		case r.code == ExitFindings:
			invalid = true
		case r.code != ExitOK:
			failed = true
		}
	}
	return failed, invalid
}
