package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/cxmap/cxmap/internal/registry"
	"github.com/cxmap/cxmap/pkg/config"
	"github.com/cxmap/cxmap/pkg/fsutil"
	"github.com/cxmap/cxmap/pkg/inputs"
	"github.com/cxmap/cxmap/pkg/journey"
	"github.com/cxmap/cxmap/pkg/render/mermaid"
	"github.com/cxmap/cxmap/pkg/report"
	"github.com/spf13/cobra"
)

// ReportOptions are the flags of `cxmap report`.
type ReportOptions struct {
	IO       *IOStreams
	Paths    []string
	Format   string
	Only     string
	Critical bool
	Stage    string
	// Mermaid appends each journey's Mermaid diagram to a markdown report.
	Mermaid bool
	// By is the view: step (the gap report), lane or owner.
	By            string
	Color         string
	StdinFilename string
	// ConfigPath is --config; "" means look for .cxmap.yaml upwards (only
	// its ignore globs matter here).
	ConfigPath string
	// Drivers are survey data files: rank the steps by how they drive the
	// overall score instead (pkg/cli/measure.go); Overall names its metric.
	Drivers []string
	Overall string
	// Output is -o: a file, or a directory to write report.<ext> into;
	// "" or "-" is standard output.
	Output string
	// Quiet leaves out the "wrote FILE" line (-q).
	Quiet bool
	// brand is --theme and --locale (over .cxmap.yaml's theme: and
	// locale:).
	brand *brandFlags
}

// NewCmdReport builds `cxmap report PATH...`.
func NewCmdReport(io *IOStreams, runF func(*ReportOptions) error) *cobra.Command {
	o := &ReportOptions{IO: io}
	cmd := &cobra.Command{
		Use:   "report PATH...",
		Short: "Print the gap report: steps worst first, with pains, owners and metric gaps",
		Long: `Print the gap report of journeys: every step with its stage, rating,
critical mark, touchpoints, pains, opportunities (with owners) and metric gaps
(current, target, gap, met?), sorted worst first: critical red, red, critical
yellow, yellow, unrated, green. Each journey gets a summary per stage and in
total (with its KPIs and time when it has them); with several journeys a
portfolio table groups them by client, worst first, lists a future state
under the current state it improves on, and adds the two up apart.

` + wrapHelp("Formats: "+report.Formats.Help()+".") + `

Text from the journeys is shown safely: control characters escaped, no
output line starting with "::", @mentions inert in Markdown.

--locale writes the fixed words and numbers of the report people read (and
of the workbook's sheets and headings) in a language (en, fr, de, ar,
he); --theme
colours the workbook. The formats for programs keep their keys and values
in every locale (docs/report.md, "Themes and locales").

With -o FILE the report is written to FILE (atomically) and "wrote FILE"
to standard error (-q leaves it out); -o DIR/ writes DIR/report.<ext>, the
format's extension. Without -o it goes to standard output.

A journey that fails validation is listed on standard error as validate
would, and the others are still reported.

Exit status: 0 reported, 1 some journey failed validation, 2 usage or I/O error.`,
		Example: `  cxmap report examples/
  cxmap report -f markdown journeys/ > report.md
  cxmap report --only red,yellow --critical journeys/permit.yaml
  cxmap report -f csv journeys/ > report.csv
  cxmap report -f xlsx journeys/ -o report.xlsx
  cxmap report -f xlsx --theme brand/client.yaml --locale fr journeys/ -o rapport.xlsx
  cxmap report --drivers responses.csv journeys/permit.yaml`,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.Paths = args
			if runF != nil {
				return runF(o)
			}
			return reportRun(o)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&o.Format, "format", "f", "table", "output format: "+report.Formats.List())
	completeNames(cmd, "format", report.Formats, false)
	f.StringVar(&o.Only, "only", "", "list only steps with these ratings (comma-separated: red, yellow, green, unrated)")
	f.BoolVar(&o.Critical, "critical", false, "list only critical steps")
	f.StringVar(&o.Stage, "stage", "", "report only the stage with this id")
	f.BoolVar(&o.Mermaid, "mermaid", false, "with -f markdown, add each journey's Mermaid journey diagram (drawn by GitHub and GitLab)")
	f.StringVar(&o.By, "by", report.ByStep, "the view: "+report.Views.Help())
	completeNames(cmd, "by", report.Views, false)
	f.StringVar(&o.Color, "color", "auto", "colour the table's ratings: auto, always, never")
	f.StringVar(&o.StdinFilename, "stdin-filename", "", "name standard input in messages when reading \"-\"")
	f.StringVar(&o.ConfigPath, "config", "", "read ignore globs from `FILE` instead of the nearest .cxmap.yaml")
	f.StringArrayVar(&o.Drivers, "drivers", nil, "rank the steps by how their scores drive the overall score in survey data `DATA` (docs/measure.md)")
	f.StringVar(&o.Overall, "overall", "", "with --drivers, the journey-level metric to rank against (default: the most answered, e.g. nps)")
	f.StringVarP(&o.Output, "output", "o", "", "write the report to `FILE`, or to report.<ext> in a DIR/ (default: standard output)")
	f.BoolVarP(&o.Quiet, "quiet", "q", false, "with -o, do not name the file written")
	o.brand = bindBrand(cmd)
	return cmd
}

func reportRun(o *ReportOptions) error {
	if len(o.Paths) == 0 {
		return usageErr("no journey files given\nUsage: cxmap report PATH... (a file, a directory, or - for standard input)")
	}
	if len(o.Drivers) > 0 {
		return driversRun(o.IO, o.Drivers, o.Paths, o.Format, o.Overall, o.ConfigPath)
	}
	ro, format, err := reportOptions(o)
	if err != nil {
		return err
	}
	toStdout := o.Output == "" || o.Output == "-"
	if format.Binary && o.IO.OutTTY && toStdout {
		return usageErr("-f %s writes a binary file: give -o report.%s, or redirect it to a file", format.Name, format.Ext)
	}
	if !toStdout {
		// A file is not a terminal: colour only when asked for, and
		// the table at its default width.
		ro.Color, ro.Width = o.Color == "always", 0
		o.Output = outputFile(o.IO, o.Output, "report."+format.Ext)
		if err := checkOutput(o.IO, o.Output, o.Paths, inputs.Options{StdinFilename: o.StdinFilename}, o.ConfigPath); err != nil {
			return err
		}
	}
	cfg, err := config.Discover(o.ConfigPath, o.IO.Dir)
	if err != nil {
		return &ExitError{Code: ExitUsage, Msg: err.Error()}
	}
	brand := o.brand
	if brand == nil { // options built without the command (tests)
		brand = &brandFlags{}
	}
	if ro.Theme, ro.Locale, err = brand.resolve(cfg, o.IO); err != nil {
		return err
	}
	// A baseline's findings are its own report's business: not printed.
	ro.Baseline = func(path string) (*journey.Journey, bool) {
		b, ok, err := inputs.Version(path, inputs.VersionOptions{Dir: o.IO.Dir, Stdin: o.IO.In})
		return b, err == nil && ok
	}
	// Each journey's report is built in the worker that parsed it, then
	// the journey is let go (report.Collector).
	c := report.NewCollector(ro)
	v := inputs.EachValid(o.Paths, inputs.Options{Stdin: o.IO.In, StdinFilename: o.StdinFilename, Ignore: cfg.Ignore},
		inputs.Sift{Errors: o.IO.ErrOut, Findings: findingsTo(o.IO)},
		func(j *journey.Journey) bool { c.Add(j); return false })
	if err := writeReport(o, c, format, v.Paths(), toStdout); err != nil {
		return err
	}
	switch {
	case v.Failed:
		return &ExitError{Code: ExitUsage}
	case len(v.Invalid) > 0:
		return &ExitError{Code: ExitFindings, Msg: "some journeys failed validation and are not in the report"}
	}
	return nil
}

// reportOptions turns the flags into the run's options (without the
// brand and the loaders) and finds the format.
func reportOptions(o *ReportOptions) (report.RunOptions, registry.Format[report.Writers], error) {
	if o.By == "" {
		o.By = report.ByStep
	}
	if _, err := report.Views.Lookup(o.By); err != nil {
		return report.RunOptions{}, registry.Format[report.Writers]{}, usageErr("%v", err)
	}
	format, err := report.Formats.Lookup(o.Format)
	if err != nil {
		return report.RunOptions{}, format, usageErr("%v", err)
	}
	if o.Mermaid && o.Format != "markdown" {
		return report.RunOptions{}, format, usageErr("--mermaid embeds the journey diagrams in markdown: use it with -f markdown")
	}
	color, err := colorFlag(o.Color, o.IO)
	if err != nil {
		return report.RunOptions{}, format, err
	}
	// Ratings are words, not names: --only RED reads as --only red.
	ro := report.RunOptions{Format: format.Name, Color: color, Width: o.IO.Width,
		Options: report.Options{Only: splitList(strings.ToLower(o.Only)), Critical: o.Critical, Stage: o.Stage, By: o.By, Workbook: format.Name == "xlsx"}}
	if err := ro.Options.Validate(); err != nil {
		return ro, format, usageErr("--only: %v", err)
	}
	if o.Mermaid {
		ro.Diagram = mermaid.WriteMarkdown
	}
	return ro, format, nil
}

// writeReport writes the report to standard output or, atomically, to
// -o's file.
func writeReport(o *ReportOptions, c *report.Collector, format registry.Format[report.Writers], paths []string, toStdout bool) error {
	wrap := func(err error) error {
		var se *report.StageError
		if errors.As(err, &se) {
			return usageErr("--stage: %v", err)
		}
		return &ExitError{Code: ExitUsage, Msg: err.Error()}
	}
	ctx := context.Background()
	if toStdout {
		if err := c.Write(ctx, o.IO.Out, paths); err != nil {
			return wrap(err)
		}
		return nil
	}
	// Nothing is written when there is nothing to report (no valid
	// journey, a format for people).
	if len(paths) == 0 && !format.Machine {
		return nil
	}
	if err := os.MkdirAll(filepath.Dir(o.Output), 0o755); err != nil {
		return &ExitError{Code: ExitUsage, Msg: err.Error()}
	}
	if err := fsutil.WriteAtomic(o.Output, 0o644, func(w io.Writer) error { return c.Write(ctx, w, paths) }); err != nil {
		return wrap(err)
	}
	if !o.Quiet {
		fmt.Fprintf(o.IO.ErrOut, "wrote %s\n", o.Output)
	}
	return nil
}
