package cli

import (
	"github.com/cxmap/cxmap/pkg/config"
	"github.com/cxmap/cxmap/pkg/diff"
	"github.com/cxmap/cxmap/pkg/gitrev"
	"github.com/cxmap/cxmap/pkg/inputs"
	"github.com/cxmap/cxmap/pkg/journey"
	"github.com/cxmap/cxmap/pkg/locale"
	"github.com/cxmap/cxmap/pkg/theme"
	"github.com/spf13/cobra"
)

// DiffOptions are the flags of `cxmap diff`.
type DiffOptions struct {
	IO               *IOStreams
	Old, New         string
	Format           string
	FailOnRegression bool
	// Strict counts ratings re-rated on new evidence as regressions.
	Strict bool
	Color  string
	// Range is set for `diff REV1 REV2 [PATH...]`: Old and New are
	// revisions and Paths limit the journeys compared.
	Range bool
	Paths []string
	// Output is the directory of the pictures (-f svg, png, pdf); Scale
	// the PNG's pixels per point; Quiet leaves out the "wrote FILE" lines.
	Output string
	Scale  float64
	Quiet  bool
	brand  *brandFlags
	locale *locale.Locale
	theme  *theme.Theme
	// batch reads every version from git for this run: both sides and a
	// baseline come through one pair of git cat-file processes.
	batch *gitrev.Batch
}

// NewCmdDiff builds `cxmap diff OLD NEW`.
func NewCmdDiff(io *IOStreams, runF func(*DiffOptions) error) *cobra.Command {
	o := &DiffOptions{IO: io}
	cmd := &cobra.Command{
		Use:   "diff OLD NEW | diff FUTURE | diff REV1 REV2 [PATH...]",
		Short: "Show what changed between two versions of a journey",
		Long: `Show what changed between two versions of a journey: two commits of one
file, or the current and the future state of one journey. Three forms:

  cxmap diff OLD NEW               two files (or REV:PATH, or - for stdin)
  cxmap diff FUTURE                a future-state journey against its
                                   baseline (the file its baseline: names)
  cxmap diff REV1 REV2 [PATH...]   every journey changed between two commits

Stages, steps, lanes and sources are matched by id, metrics by name within
a step.

Prints added, removed and moved steps; rating changes (improved or
regressed) of steps and of their touchpoint and backstage entries; what an
entry does; critical, emotion, evidence and flow (next) changes; metric
movements and targets now met or lost; pains and opportunities added or
removed; touchpoints, lanes, stages and sources added, removed or renamed.

With two git revisions (no colon) and optional paths, every journey under
the paths that differs between the revisions is compared: added, removed,
renamed and changed journeys, one document with a summary line on top (for
a pull request: cxmap diff origin/main HEAD journeys/). A journey that is
invalid in either revision is reported and makes the exit status 1; the
others are still compared. A changed catalog is compared as a catalog
(lanes, personas, sources added, removed, changed) with the journeys that
use it. Every version is checked with the catalogs and baseline of its own
revision.

OLD and NEW are files, or REV:PATH to read PATH as it was in git revision REV
(PATH relative to the working directory). A file that exists on disk is
always read from disk.

Exit status: 0 compared, 1 a version is not a valid journey (or, with
--fail-on-regression, a rating got worse, a step's or a touchpoint's or
backstage entry's, or a met target was lost), 2 usage, I/O or git error.

Pictures: -f ` + diffNames(true, " or ") + ` (comma-separated, with at most one of
` + diffNames(false, " or ") + `, which still goes to standard output) draws NEW's
blueprint as render draws it, with the changes marked: added steps,
entries and lanes outlined and tagged "new"; removed steps put back where
they were, ghosted and tagged "removed"; a changed rating tagged with the
old one ("was Unhappy"); changed text tagged "changed"; a legend naming the
marks under the picture. One file per journey compared, ID.diff.EXT in -o
DIR (docs/diff.md, "The picture").`,
		Example: `  cxmap diff journeys/permit-current.yaml journeys/permit-future.yaml
  cxmap diff journeys/permit-future.yaml
  cxmap diff HEAD~1:journeys/permit.yaml journeys/permit.yaml
  cxmap diff -f markdown main:journeys/permit.yaml journeys/permit.yaml > comment.md
  cxmap diff --fail-on-regression origin/main:permit.yaml permit.yaml
  cxmap diff -f markdown --fail-on-regression origin/main HEAD journeys/
  cxmap diff -f svg,png -o pictures/ journeys/permit-future.yaml
  cxmap diff -f markdown,svg -o pictures/ origin/main HEAD journeys/ > summary.md`,
		Args: func(cmd *cobra.Command, args []string) error {
			if inputs.RevisionPair(args, io.Dir) {
				return nil
			}
			if len(args) != 2 && len(args) != 1 {
				return usageErr("diff takes two journeys, OLD and NEW, one future-state journey with a baseline, or two git revisions and paths (got %d)\nUsage: cxmap diff OLD NEW | cxmap diff FUTURE | cxmap diff REV1 REV2 [PATH...]", len(args))
			}
			if len(args) == 2 && args[0] == "-" && args[1] == "-" {
				return usageErr("standard input (-) can be read only once: give - for one side of the diff, and a file or REV:PATH for the other")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				o.New = args[0] // OLD is its baseline
			} else {
				o.Old, o.New = args[0], args[1]
				o.Paths = args[2:]
				o.Range = inputs.RevisionPair(args, io.Dir)
			}
			if runF != nil {
				return runF(o)
			}
			return diffRun(o)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&o.Format, "format", "f", "text", "output format: "+diff.Formats.List()+"; pictures comma-separated, with -o DIR")
	completeNames(cmd, "format", diff.Formats, true)
	f.BoolVar(&o.FailOnRegression, "fail-on-regression", false, "exit 1 when a rating (a step's, a touchpoint's or a backstage entry's) got worse or a met target was lost")
	f.BoolVar(&o.Strict, "strict", false, "with --fail-on-regression, also fail on a rating re-rated on new evidence (worse, with the step's sources changed)")
	f.StringVar(&o.Color, "color", "auto", "colour text output: auto, always, never")
	f.StringVarP(&o.Output, "output", "o", "", "with -f "+diffNames(true, " or ")+": the `DIR` the pictures go in, one per journey (ID.diff.EXT)")
	f.Float64Var(&o.Scale, "scale", 2, "PNG pixels per point")
	f.BoolVarP(&o.Quiet, "quiet", "q", false, "with -o, do not name the files written")
	o.brand = bindBrand(cmd)
	return cmd
}

func diffRun(o *DiffOptions) error {
	stream, pictures, err := diffFormats(o)
	if err != nil {
		return err
	}
	color, err := colorFlag(o.Color, o.IO)
	if err != nil {
		return err
	}
	if o.brand != nil {
		cfg, err := config.Discover("", o.IO.Dir)
		if err != nil {
			return &ExitError{Code: ExitUsage, Msg: err.Error()}
		}
		// The picture's words follow the locale, its look the theme
		// (docs/diff.md, "The picture").
		if o.theme, o.locale, err = o.brand.resolve(cfg, o.IO); err != nil {
			return err
		}
	}
	if o.Range {
		var set diff.SetFormatter
		if stream != nil {
			set = stream.Write.Set
		}
		return diffRangeRun(o, set, color, o.Paths, pictures)
	}
	var format diff.Formatter
	if stream != nil {
		format = stream.Write.Diff
	}
	// Started only when a version is read from git.
	o.batch = gitrev.Repo{Dir: o.IO.Dir}.Batch()
	defer o.batch.Close()
	if o.Old == "" {
		return diffBaseline(o, format, color, pictures)
	}
	old, oldOK, err := loadVersion(o.IO, o.batch, o.Old)
	if err != nil {
		return err
	}
	new, newOK, err := loadVersion(o.IO, o.batch, o.New)
	if err != nil {
		return err
	}
	if !oldOK || !newOK {
		return &ExitError{Code: ExitFindings, Msg: "cannot compare: fix the journey above first"}
	}
	d := diff.Compare(old, new)
	if err := writeDiff(o, d, format, color, pictures); err != nil {
		return err
	}
	return diffExit(o, d)
}

// writeDiff writes one journey's comparison: the stream format (if any) to
// standard output, the pictures (if any) to -o DIR.
func writeDiff(o *DiffOptions, d *diff.Diff, format diff.Formatter, color bool, pictures []diffFormat) error {
	if format != nil {
		if err := format(o.IO.Out, d, diff.FormatOptions{Color: color, Locale: o.locale}); err != nil {
			return &ExitError{Code: ExitUsage, Msg: err.Error()}
		}
	}
	if len(pictures) == 0 {
		return nil
	}
	var on []string // the versions read from disk: never written over
	for _, p := range []string{d.Old.Path, d.New.Path} {
		if _, _, fromGit := inputs.SplitRev(p, o.IO.Dir); !fromGit && p != "-" {
			on = append(on, p)
		}
	}
	return writePictures(o, []picture{{d: d, name: pictureName(d.New.ID, map[string]bool{})}}, pictures, on)
}

// loadVersion reads one side of the diff through b (inputs.Version): an
// invalid journey has its findings printed to stderr (ok false); an
// unreadable one is an error (exit 2).
func loadVersion(io *IOStreams, b *gitrev.Batch, arg string) (*journey.Journey, bool, error) {
	j, ok, err := inputs.Version(arg, inputs.VersionOptions{Dir: io.Dir, Stdin: io.In, Batch: b, Findings: findingsTo(io)})
	if err != nil {
		return nil, false, &ExitError{Code: ExitUsage, Msg: err.Error()}
	}
	return j, ok, nil
}
