package cli

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/cxmap/cxmap/internal/textsafe"
	"github.com/cxmap/cxmap/pkg/config"
	"github.com/cxmap/cxmap/pkg/fsutil"
	"github.com/cxmap/cxmap/pkg/gaps"
	"github.com/cxmap/cxmap/pkg/inputs"
	"github.com/cxmap/cxmap/pkg/journey"
	"github.com/cxmap/cxmap/pkg/render/mermaid"
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

` + wrapHelp("Formats: "+gaps.Formats.Help()+".") + `

Text from the journeys is shown safely: control characters escaped, no
output line starting with "::", @mentions inert in Markdown.

With -o FILE the report is written to FILE (atomically) and "wrote FILE"
to standard error (-q leaves it out); -o DIR/ writes DIR/report.<ext>, the
format's extension. Without -o it goes to standard output.

A journey that fails validation is listed on standard error as validate
would, and the others are still reported.

Exit status: 0 reported, 1 some journey failed validation, 2 usage or I/O error.`,
		Example: `  cxmap report examples/
  cxmap report -f markdown journeys/ > gaps.md
  cxmap report --only red,yellow --critical journeys/permit.yaml
  cxmap report -f csv journeys/ > gaps.csv
  cxmap report -f xlsx journeys/ -o report.xlsx
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
	f.StringVarP(&o.Format, "format", "f", "table", "output format: "+gaps.Formats.List())
	completeNames(cmd, "format", gaps.Formats, false)
	f.StringVar(&o.Only, "only", "", "list only steps with these ratings (comma-separated: red, yellow, green, unrated)")
	f.BoolVar(&o.Critical, "critical", false, "list only critical steps")
	f.StringVar(&o.Stage, "stage", "", "report only the stage with this id")
	f.BoolVar(&o.Mermaid, "mermaid", false, "with -f markdown, add each journey's Mermaid journey diagram (drawn by GitHub and GitLab)")
	f.StringVar(&o.By, "by", gaps.ByStep, "the view: "+gaps.Views.Help())
	completeNames(cmd, "by", gaps.Views, false)
	f.StringVar(&o.Color, "color", "auto", "colour the table's ratings: auto, always, never")
	f.StringVar(&o.StdinFilename, "stdin-filename", "", "name standard input in messages when reading \"-\"")
	f.StringVar(&o.ConfigPath, "config", "", "read ignore globs from `FILE` instead of the nearest .cxmap.yaml")
	f.StringArrayVar(&o.Drivers, "drivers", nil, "rank the steps by how their scores drive the overall score in survey data `DATA` (docs/measure.md)")
	f.StringVar(&o.Overall, "overall", "", "with --drivers, the journey-level metric to rank against (default: the most answered, e.g. nps)")
	f.StringVarP(&o.Output, "output", "o", "", "write the report to `FILE`, or to report.<ext> in a DIR/ (default: standard output)")
	f.BoolVarP(&o.Quiet, "quiet", "q", false, "with -o, do not name the file written")
	return cmd
}

func reportRun(o *ReportOptions) error {
	if len(o.Paths) == 0 {
		return usageErr("no journey files given\nUsage: cxmap report PATH... (a file, a directory, or - for standard input)")
	}
	if len(o.Drivers) > 0 {
		return driversRun(o.IO, o.Drivers, o.Paths, o.Format, o.Overall, o.ConfigPath)
	}
	if o.By == "" {
		o.By = gaps.ByStep
	}
	view, err := gaps.Views.Lookup(o.By)
	if err != nil {
		return usageErr("%v", err)
	}
	format, err := gaps.Formats.Lookup(o.Format)
	if err != nil {
		return usageErr("%v", err)
	}
	if o.Mermaid && o.Format != "markdown" {
		return usageErr("--mermaid embeds the journey diagrams in markdown: use it with -f markdown")
	}
	toStdout := o.Output == "" || o.Output == "-"
	if format.Binary && o.IO.OutTTY && toStdout {
		return usageErr("-f %s writes a binary file: give -o report.%s, or redirect it to a file", format.Name, format.Ext)
	}
	if !toStdout {
		o.Output = outputFile(o.IO, o.Output, "report."+format.Ext)
		if err := checkOutput(o.IO, o.Output, o.Paths, inputs.Options{StdinFilename: o.StdinFilename}, o.ConfigPath); err != nil {
			return err
		}
	}
	color, err := colorFlag(o.Color, o.IO)
	if err != nil {
		return err
	}
	// Ratings are words, not names: --only RED reads as --only red.
	opts := gaps.Options{Only: splitList(strings.ToLower(o.Only)), Critical: o.Critical, Stage: o.Stage, By: o.By, Workbook: o.Format == "xlsx"}
	if err := opts.Validate(); err != nil {
		return usageErr("--only: %v", err)
	}

	cfg, err := config.Discover(o.ConfigPath, o.IO.Dir)
	if err != nil {
		return &ExitError{Code: ExitUsage, Msg: err.Error()}
	}
	// Build each journey's report in the worker that parsed it, then let
	// the journey go: a large portfolio is never held in memory at once.
	var mu sync.Mutex
	quiet := *o.IO // a baseline's findings are its own report's business
	quiet.ErrOut = io.Discard
	built := map[string]gaps.JourneyReport{}
	stageIDs := map[string][]string{} // per path, for --stage's error
	diagrams := map[string][]byte{}   // per path, with --mermaid
	results := inputs.Load(o.Paths, inputs.Options{Stdin: o.IO.In, StdinFilename: o.StdinFilename, Ignore: cfg.Ignore,
		Each: func(r *inputs.Result) {
			if r.Journey == nil {
				return
			}
			jr := gaps.BuildJourney(r.Journey, opts)
			// A future state is compared with its baseline, as diff,
			// deck and site compare it (docs/diff.md, "One comparison").
			if j := r.Journey; j.State == journey.Future && j.BaselinePath() != "" {
				if b, ok, err := loadVersion(&quiet, j.BaselinePath()); err == nil && ok {
					jr.Compare = gaps.Compare(b, j)
				}
			}
			var ids []string
			if opts.Stage != "" {
				for _, st := range r.Journey.Stages {
					ids = append(ids, st.ID)
				}
			}
			var diagram []byte
			if o.Mermaid {
				var b bytes.Buffer
				mermaid.WriteMarkdown(&b, r.Journey)
				diagram = b.Bytes()
			}
			mu.Lock()
			built[r.Path] = jr
			stageIDs[r.Path] = ids
			if diagram != nil {
				diagrams[r.Path] = diagram
			}
			mu.Unlock()
			r.Journey = nil
		}})
	var jrs []gaps.JourneyReport
	ioFailed, invalid, stageFound := false, false, false
	for _, r := range results {
		jr, ok := built[r.Path]
		switch {
		case r.Err != nil:
			fmt.Fprintf(o.IO.ErrOut, "cxmap: %v\n", r.Err)
			ioFailed = true
		case !ok:
			printFindings(o.IO.ErrOut, r.Findings)
			invalid = true
		default:
			jrs = append(jrs, jr)
			stageFound = stageFound || len(jr.Stages) > 0
		}
	}
	if len(results) == 0 {
		fmt.Fprintf(o.IO.ErrOut, "cxmap: no journey files found in %s\n", strings.Join(o.Paths, " "))
	}
	if o.Stage != "" && len(jrs) > 0 && !stageFound {
		var valid []string
		seen := map[string]bool{}
		for _, r := range results {
			for _, id := range stageIDs[r.Path] {
				if !seen[id] {
					seen[id] = true
					valid = append(valid, id)
				}
			}
		}
		return usageErr("--stage: no journey has a stage %q; the stages are: %s", o.Stage, strings.Join(valid, ", "))
	}
	// Machine formats always write a document (an empty one when nothing
	// could be reported), so a pipeline never parses empty output.
	if len(jrs) > 0 || format.Machine {
		rep := gaps.Assemble(jrs, opts)
		write := func(w io.Writer, fo gaps.FormatOptions) error {
			if err := view.Writer(format)(w, rep, fo); err != nil {
				return err
			}
			if o.Mermaid {
				return writeDiagrams(w, jrs, diagrams)
			}
			return nil
		}
		if toStdout {
			if err := write(o.IO.Out, gaps.FormatOptions{Color: color, Width: o.IO.Width}); err != nil {
				return &ExitError{Code: ExitUsage, Msg: err.Error()}
			}
		} else {
			// A file is not a terminal: colour only when asked for, and
			// the table at its default width.
			fo := gaps.FormatOptions{Color: o.Color == "always"}
			if err := os.MkdirAll(filepath.Dir(o.Output), 0o755); err != nil {
				return &ExitError{Code: ExitUsage, Msg: err.Error()}
			}
			if err := fsutil.WriteAtomic(o.Output, 0o644, func(w io.Writer) error { return write(w, fo) }); err != nil {
				return &ExitError{Code: ExitUsage, Msg: err.Error()}
			}
			if !o.Quiet {
				fmt.Fprintf(o.IO.ErrOut, "wrote %s\n", o.Output)
			}
		}
	}
	switch {
	case ioFailed:
		return &ExitError{Code: ExitUsage}
	case invalid:
		return &ExitError{Code: ExitFindings, Msg: "some journeys failed validation and are not in the report"}
	}
	return nil
}

// writeDiagrams appends a "Diagrams" section to a markdown report: each
// journey's Mermaid diagram in a fenced block, in report order, through the
// same guard as the report (no line may start with "::").
func writeDiagrams(w io.Writer, jrs []gaps.JourneyReport, diagrams map[string][]byte) error {
	g := textsafe.NewGuard(w)
	fmt.Fprintf(g, "\n## Diagrams\n")
	for _, jr := range jrs {
		fmt.Fprintf(g, "\n### %s\n\n", textsafe.Markdown(jr.Title))
		g.Write(diagrams[jr.Path])
	}
	return g.Flush()
}
