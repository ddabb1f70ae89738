package cli

import (
	"context"
	"strings"

	"github.com/cxmap/cxmap/pkg/config"
	"github.com/cxmap/cxmap/pkg/inputs"
	"github.com/cxmap/cxmap/pkg/locale"
	"github.com/cxmap/cxmap/pkg/render"
	"github.com/cxmap/cxmap/pkg/render/layout"
	"github.com/cxmap/cxmap/pkg/render/raster"
	"github.com/cxmap/cxmap/pkg/theme"
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
	Rows          []string // --rows (its default: layout.DefaultRows)
	StdinFilename string
	Verbose       bool
	Quiet         bool
	// ConfigPath is --config; the configuration's ignore globs apply.
	ConfigPath string
	// Brand is --theme and --locale (over the configuration's theme: and
	// locale:).
	Brand *brandFlags
}

// NewCmdRender builds `cxmap render PATH...`.
func NewCmdRender(io *IOStreams, runF func(*RenderOptions) error) *cobra.Command {
	o := &RenderOptions{IO: io}
	var formats, rows string
	cmd := &cobra.Command{
		Use:   "render PATH...",
		Short: "Draw the service-blueprint swimlane diagram of journeys (" + strings.ToUpper(render.Formats.List()) + ")",
		Long: `Draw each journey as a service blueprint: steps as columns under stage
bands; rows for physical evidence, customer actions and every lane, with the
lines of interaction, visibility and internal interaction; ratings as colour
and word; the customer flow and the links to what supports each step.

One file per journey and format is written to the -o directory, named
<journey-id>.<format> (with --split stage: <journey-id>-<stage-id>.<format>).
A journey's files are written together, atomically: all the formats asked
for, or none (the message says why). Each file written is named on standard
error ("wrote out/x.svg"); -q leaves that out. A journey that fails
validation is reported as validate does and gets no file. A journey too
large to draw in bounded time is refused with its numbers.

Formats:
` + registryHelp(render.Formats) + `
Rows (--rows, comma-separated; all; none; default ` + strings.Join(layout.DefaultRows(), ",") + `):
` + registryHelp(layout.OptionalRows) + `
A label too long for its cell ends in an ellipsis; each one is named on
standard error with its file:line:col (-q leaves that out), as the lint rule
label-truncated does.

Exit status: 0 all drawn, 1 a journey is invalid, 2 usage or I/O error;
130/143 when stopped by SIGINT/SIGTERM (unfinished files are removed).`,
		Example: `  cxmap render examples/ -f svg,png,pdf -o out/
  cxmap render permit.yaml -f svg -o - > permit.svg
  cxmap render permit.yaml -f png --split stage --scale 3 -o slides/
  cxmap render permit.yaml -f png,pdf --rows pains,opportunities,metrics,quotes,time -o out/
  cxmap render permit.yaml -f svg,pdf --theme brand/client.yaml --locale fr -o out/`,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.Paths = args
			o.Formats = splitList(formats)
			o.Rows = append([]string{}, splitList(rows)...)
			if runF != nil {
				return runF(o)
			}
			return renderRun(o)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&formats, "format", "f", "svg", "output formats, comma-separated: "+render.Formats.List())
	f.StringVarP(&o.Out, "output", "o", ".", "directory to write into, or - for standard output (one journey, one format)")
	f.StringVar(&o.Split, "split", "", "one picture per stage: --split stage")
	f.Float64Var(&o.Scale, "scale", 2, "PNG pixels per point")
	f.BoolVar(&o.NoEmotion, "no-emotion", false, "leave out the emotion curve")
	f.StringVar(&o.Title, "title", "", "title to show instead of the journey's")
	f.StringVar(&rows, "rows", strings.Join(layout.DefaultRows(), ","), "optional rows, comma-separated: "+layout.OptionalRows.List()+", all or none")
	f.StringVar(&o.StdinFilename, "stdin-filename", "", "name standard input in messages when reading \"-\"")
	f.BoolVarP(&o.Verbose, "verbose", "v", false, "also name stages with no steps, which get no page")
	f.BoolVarP(&o.Quiet, "quiet", "q", false, "do not name the files written")
	f.StringVar(&o.ConfigPath, "config", "", "read configuration (ignore globs) from `FILE` instead of the nearest .cxmap.yaml")
	o.Brand = bindBrand(cmd)
	completeNames(cmd, "format", render.Formats, true)
	completeNames(cmd, "rows", layout.OptionalRows, true, "all\tevery optional row", "none\tno optional row")
	return cmd
}

// check validates the flags before anything is read, and resolves the
// formats in the registry.
func (o *RenderOptions) check() ([]render.Format, error) {
	if len(o.Paths) == 0 {
		return nil, usageErr("no journey files given\nUsage: cxmap render PATH... -f %s -o DIR", render.Formats.Join(","))
	}
	if len(o.Formats) == 0 {
		return nil, usageErr("no format given: -f takes %s", render.Formats.List())
	}
	var formats []render.Format
	seen := map[string]bool{}
	for _, name := range o.Formats {
		f, err := render.Formats.Lookup(name)
		if err != nil {
			return nil, usageErr("%v", err)
		}
		if seen[name] {
			return nil, usageErr("-f names %q twice", name)
		}
		seen[name] = true
		formats = append(formats, f)
	}
	rows, err := layout.ParseRows(o.Rows)
	if err != nil {
		return nil, usageErr("%v", err)
	}
	o.Rows = rows
	if o.Split != "" && o.Split != "stage" {
		return nil, usageErr("--split %q is not supported: use --split stage", o.Split)
	}
	if !(o.Scale > 0 && o.Scale <= raster.MaxScale) { // NaN fails both
		return nil, usageErr("--scale %v is out of range: use a number above 0, at most 16", o.Scale)
	}
	if o.Out == "" {
		return nil, usageErr("-o needs a directory, or - for standard output")
	}
	if o.Out == "-" && len(o.Formats) > 1 {
		return nil, usageErr("-o - writes one file: give one format, not %s", strings.Join(o.Formats, ","))
	}
	if o.Quiet && o.Verbose {
		return nil, usageErr("-q and -v contradict each other: give one")
	}
	return formats, nil
}

// renderRun loads the journeys, reports the invalid ones, and hands the
// valid ones to pkg/render.
func renderRun(o *RenderOptions) error {
	formats, err := o.check()
	if err != nil {
		return err
	}
	cfg, err := config.Discover(o.ConfigPath, o.IO.Dir)
	if err != nil {
		return &ExitError{Code: ExitUsage, Msg: err.Error()}
	}
	var th *theme.Theme
	var loc *locale.Locale
	if o.Brand != nil {
		if th, loc, err = o.Brand.resolve(cfg, o.IO); err != nil {
			return err
		}
	}
	v := inputs.LoadValid(o.Paths, inputs.Options{Stdin: o.IO.In, StdinFilename: o.StdinFilename, Ignore: cfg.Ignore},
		inputs.Sift{Errors: o.IO.ErrOut, Findings: findingsTo(o.IO), UniqueIDs: "not drawn, as its files would overwrite the other's"})
	journeys, paths := v.Journeys(), v.Paths() // paths: of the journeys to draw, for workers
	res, err := render.Run(context.Background(), journeys, paths, contains(o.Paths, "-"), &render.Options{
		Formats: formats, Out: o.Out, Split: o.Split, Scale: o.Scale, NoEmotion: o.NoEmotion, Title: o.Title, Rows: o.Rows, Theme: th, Locale: loc,
		Quiet: o.Quiet, Verbose: o.Verbose, Stdout: o.IO.Out, Stderr: o.IO.ErrOut, Getenv: o.IO.Getenv,
		CheckOutput: func(path string) error {
			return checkOutput(o.IO, path, o.Paths, inputs.Options{StdinFilename: o.StdinFilename, Ignore: cfg.Ignore}, o.ConfigPath)
		},
	})
	if err != nil {
		return &ExitError{Code: ExitUsage, Msg: err.Error()}
	}
	return writeExit(v.Failed || res.Failed, len(v.Invalid) > 0 || res.Invalid)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
