package cli

import (
	"context"
	"fmt"

	"github.com/cxmap/cxmap/pkg/config"
	"github.com/cxmap/cxmap/pkg/inputs"
	"github.com/cxmap/cxmap/pkg/journey"
	"github.com/cxmap/cxmap/pkg/locale"
	"github.com/cxmap/cxmap/pkg/measure"
	"github.com/cxmap/cxmap/pkg/site"
	"github.com/cxmap/cxmap/pkg/theme"
	"github.com/spf13/cobra"
)

// SiteOptions are the flags of `cxmap site`.
type SiteOptions struct {
	IO        *IOStreams
	Paths     []string
	Out       string
	NoHistory bool
	// SourceLinks shows file paths, line numbers and "· cxmap" in titles.
	SourceLinks bool
	ConfigPath  string
	// Cache keeps drawings between runs (--cache DIR).
	Cache string
	// Drivers are survey data files: each journey page ranks the steps
	// that drive its score (pkg/cli/measure.go).
	Drivers []string
	// Quiet leaves out the "wrote FILE" line (-q).
	Quiet bool
	// brand is --theme and --locale.
	brand *brandFlags
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

Each journey page draws the blueprint stage by stage, each stage with only
the lanes its steps use (readable on a phone), with a switch to the whole
journey's picture.

--theme FILE puts the client's brand on every page (colours, logo in the
header, font, footer and classification; docs/theme.md) and --locale TAG
writes every fixed word, number and date in that language (en, fr, de;
ar, he right to left); a
themed or translated site names cxmap nowhere unless --source-links.
Without them, theme: and locale: in .cxmap.yaml apply.

A journey too large for render to draw (the same bound, with the same
advice) gets its page without the blueprint, which says why.

--cache DIR keeps each journey's laid-out blueprint (data, never markup)
between runs; an entry that is not a regular file is skipped with a warning.

Exit status: 0 written, 1 some journey failed validation, 2 usage or I/O
error, or a journey too large to draw.`,
		Example: `  cxmap site examples/ -o site/
  cxmap site journeys/ -o public/ --no-history
  cxmap site journeys/ -o public/ --theme client.yaml --locale fr`,
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
	f.BoolVar(&o.SourceLinks, "source-links", false, "show file paths, line numbers and \"· cxmap\" in page titles (for the team's own use; a client's site has none)")
	f.BoolVarP(&o.Quiet, "quiet", "q", false, "do not name the file written")
	f.StringVar(&o.ConfigPath, "config", "", "read ignore globs from `FILE` instead of the nearest .cxmap.yaml")
	f.StringVar(&o.Cache, "cache", "", "keep the blueprint drawings in `DIR` between runs; an unchanged journey is not drawn again")
	f.StringArrayVar(&o.Drivers, "drivers", nil, "rank the steps that drive each journey's score in survey data `DATA` on its page (docs/measure.md)")
	o.brand = bindBrand(cmd)
	return cmd
}

// siteLoad loads the journeys the way report does (config ignore globs) and
// prints I/O errors and findings (unless quiet); failed and invalid tell
// the exit code.
func siteLoad(io *IOStreams, paths []string, configPath string, quiet bool) (ins []site.Input, failed, invalid bool, err error) {
	cfg, err := config.Discover(configPath, io.Dir)
	if err != nil {
		return nil, false, false, &ExitError{Code: ExitUsage, Msg: err.Error()}
	}
	s := inputs.Sift{Errors: io.ErrOut}
	if !quiet {
		s.Findings = findingsTo(io)
	}
	// Each journey lets go of its YAML tree as soon as it is parsed, so a
	// large portfolio fits in memory (site.Compact).
	v := inputs.EachValid(paths, inputs.Options{Stdin: io.In, Ignore: cfg.Ignore}, s,
		func(j *journey.Journey) bool { site.Compact(j); return true })
	for _, r := range v.Results {
		ins = append(ins, site.Input{Path: r.Path, Journey: r.Journey})
	}
	for _, r := range v.Invalid { // on the index with their findings
		ins = append(ins, site.Input{Path: r.Path, Findings: r.Findings})
	}
	return ins, v.Failed, len(v.Invalid) > 0, nil
}

// siteBrand is the theme and locale of site and serve: --theme and
// --locale, else theme: and locale: in .cxmap.yaml.
func siteBrand(io *IOStreams, configPath string, b *brandFlags) (*theme.Theme, *locale.Locale, error) {
	if b == nil {
		return nil, nil, nil
	}
	cfg, err := config.Discover(configPath, io.Dir)
	if err != nil {
		return nil, nil, &ExitError{Code: ExitUsage, Msg: err.Error()}
	}
	return b.resolve(cfg, io)
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
	th, loc, err := siteBrand(o.IO, o.ConfigPath, o.brand)
	if err != nil {
		return err
	}
	ins, failed, invalid, err := siteLoad(o.IO, o.Paths, o.ConfigPath, false)
	if err != nil {
		return err
	}
	opts := site.Options{History: !o.NoHistory, SourceLinks: o.SourceLinks, Theme: th, Locale: loc}
	if len(o.Drivers) > 0 {
		rs, err := driverReports(o.IO, o.Drivers, o.Paths, o.ConfigPath)
		if err != nil {
			return err
		}
		opts.Drivers = map[string]*measure.DriverReport{}
		for i := range rs {
			opts.Drivers[rs[i].Journey] = &rs[i]
		}
	}
	cache, err := site.NewCache(o.Cache, o.IO.ErrOut, opts)
	if err != nil {
		return &ExitError{Code: ExitUsage, Msg: err.Error()}
	}
	opts.Layout = cache.Layouts()
	res, err := site.Run(context.Background(), ins, site.RunOptions{Options: opts, Out: o.Out, Quiet: o.Quiet, Log: o.IO.ErrOut})
	if err != nil {
		return &ExitError{Code: ExitUsage, Msg: fmt.Sprintf("writing the site: %v", err)}
	}
	switch {
	case failed, res.TooLarge:
		return &ExitError{Code: ExitUsage}
	case invalid, res.Invalid:
		return &ExitError{Code: ExitFindings, Msg: "some journeys failed validation: their findings are on the index"}
	}
	return nil
}
