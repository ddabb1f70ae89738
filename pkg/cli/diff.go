package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

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
			if isRevRange(io, args) {
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
				o.Range = isRevRange(io, args)
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
	old, oldOK, err := loadVersionFrom(o.IO, o.batch, o.Old)
	if err != nil {
		return err
	}
	new, newOK, err := loadVersionFrom(o.IO, o.batch, o.New)
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
		if _, _, fromGit := splitRev(o.IO, p); !fromGit && p != "-" {
			on = append(on, p)
		}
	}
	return writePictures(o, []picture{{d: d, name: pictureName(d.New.ID, map[string]bool{})}}, pictures, on)
}

// loadVersion reads one side of the diff: a file on disk, "-" for standard
// input, or REV:PATH from git. An invalid journey has its findings printed
// to stderr (ok false); an unreadable one is an error (exit 2).
func loadVersion(io *IOStreams, arg string) (*journey.Journey, bool, error) {
	return loadVersionFrom(io, nil, arg)
}

// loadVersionFrom is loadVersion reading git through b (nil: its own).
func loadVersionFrom(io *IOStreams, b *gitrev.Batch, arg string) (*journey.Journey, bool, error) {
	rev, path, fromGit := splitRev(io, arg)
	if !fromGit {
		p := arg
		if io.Dir != "" && !filepath.IsAbs(p) {
			p = filepath.Join(io.Dir, p)
		}
		if fi, err := os.Stat(p); err == nil && fi.IsDir() {
			return nil, false, usageErr("%s is a directory: diff compares two journey files", arg)
		}
		rs := inputs.Load([]string{arg}, inputs.Options{Stdin: io.In})
		if len(rs) != 1 {
			return nil, false, usageErr("%s: not a journey file", arg)
		}
		r := rs[0]
		if r.Err != nil {
			return nil, false, &ExitError{Code: ExitUsage, Msg: r.Err.Error()}
		}
		if r.Journey == nil {
			printFindings(io.ErrOut, r.Findings)
			return nil, false, nil
		}
		return r.Journey, true, nil
	}
	if b == nil {
		b = gitrev.Repo{Dir: io.Dir}.Batch()
		defer b.Close()
	}
	data, r, tooLarge, err := gitShow(io, b, arg, rev, path)
	if err != nil {
		return nil, false, err
	}
	if tooLarge {
		// As for a file on disk over the limit: a finding, exit 1.
		printFindings(io.ErrOut, journey.TooLarge(arg))
		return nil, false, nil
	}
	// Catalogs and the baseline of a file from git are read from the same
	// revision, next to PATH (inputs.Revision).
	pr := journey.ParseFile(arg, data, journey.Options{Dir: filepath.Dir(r.path), Catalogs: r.rev.Catalogs()})
	j, fs := pr.Journey, pr.Findings
	if j == nil {
		printFindings(io.ErrOut, fs)
		return nil, false, nil
	}
	return j, true, nil
}

// splitRev reads REV:PATH. A path that exists on disk wins (a file may have
// a colon in its name), and so does "-".
func splitRev(io *IOStreams, arg string) (rev, path string, ok bool) {
	if arg == "-" {
		return "", "", false
	}
	p := arg
	if io.Dir != "" && !filepath.IsAbs(p) {
		p = filepath.Join(io.Dir, p)
	}
	if _, err := os.Stat(p); err == nil {
		return "", "", false
	}
	rev, path, ok = strings.Cut(arg, ":")
	if !ok || rev == "" || path == "" {
		return "", "", false
	}
	return rev, path, true
}

// gitShow reads REV:PATH from git in the working directory ("./" makes
// git resolve PATH relative to that directory, not the repository root).
// It asks for the object's type first, so a directory in REV is told apart
// from a file, then for its size, so a blob over the limit is refused
// without being read (tooLarge); the read itself stops one byte past the
// limit. Errors are git's in words, without its command line. A revision
// starting with "-" is refused before git sees it (git would take it for
// an option), and every spec follows --end-of-options as well.
func gitShow(io *IOStreams, b *gitrev.Batch, arg, rev, path string) (data []byte, r gitFile, tooLarge bool, err error) {
	fail := func(why string) error {
		return &ExitError{Code: ExitUsage, Msg: fmt.Sprintf("cannot read %s from git: %s", arg, why)}
	}
	// The revision first: one starting with "-" never reaches git, and an
	// unknown one says so (with a hint in a shallow clone).
	repo := gitrev.Repo{Dir: io.Dir}
	commit, err := repo.Commit(rev)
	if err != nil {
		return nil, r, false, fail(err.Error())
	}
	if filepath.IsAbs(path) {
		wd := io.Dir
		if wd == "" {
			wd, _ = os.Getwd()
		}
		if rel, err := filepath.Rel(wd, path); err == nil {
			path = rel
		}
	}
	prefix, err := repo.Prefix()
	if err != nil {
		return nil, r, false, fail(err.Error())
	}
	top, err := repo.Top()
	if err != nil {
		return nil, r, false, fail(err.Error())
	}
	r = gitFile{rev: inputs.NewRevision(b, rev, commit, prefix, top), path: path}
	// Sizes come before contents (gitrev.Batch): a blob over the limit is
	// never read, and the read stops at the size asked.
	blob, err := b.Read(commit, "./"+strings.TrimPrefix(filepath.ToSlash(path), "./"), journey.MaxFileSize)
	switch {
	case err != nil:
		return nil, r, false, fail(err.Error())
	case blob.Missing:
		return nil, r, false, fail(fmt.Sprintf("path %s does not exist in %s", filepath.ToSlash(path), rev))
	case blob.Kind == "tree":
		return nil, r, false, &ExitError{Code: ExitUsage, Msg: fmt.Sprintf("%s: %s is a directory in %s: diff compares two files", arg, path, rev)}
	case blob.NotFile:
		return nil, r, false, fail(fmt.Sprintf("%s is not a file in %s", path, rev))
	case blob.TooLarge:
		return nil, r, true, nil
	}
	return blob.Data, r, false, nil
}

// gitFile is a file read from a revision: the revision (its catalogs and
// baseline) and the path relative to the working directory.
type gitFile struct {
	rev  *inputs.Revision
	path string
}
