package cli

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/cxmap/cxmap/pkg/config"
	"github.com/cxmap/cxmap/pkg/deck"
	"github.com/cxmap/cxmap/pkg/inputs"
	"github.com/cxmap/cxmap/pkg/journey"
	"github.com/cxmap/cxmap/pkg/worker"
	"github.com/spf13/cobra"
)

// DeckOptions are the flags of `cxmap deck`.
type DeckOptions struct {
	IO       *IOStreams
	Paths    []string
	Formats  []string
	Out      string
	Size     string
	Baseline string
	// NoEmotion leaves the emotion row out of the blueprint pages.
	NoEmotion bool
	// Verbose is -v, which naming the files now is by default (kept so
	// that scripts passing it still work).
	Verbose bool
	// Quiet leaves out the "wrote FILE" lines (-q).
	Quiet bool
	// ConfigPath is --config; the configuration's ignore globs apply.
	ConfigPath string
	// Drivers are survey data files: a "What drives the journey's score"
	// slide per journey they rank (pkg/cli/measure.go).
	Drivers []string
	// Theme and Locale are --theme FILE and --locale TAG as given ("":
	// .cxmap.yaml's theme: and locale:, else the default look, English).
	Theme  string
	Locale string
}

// NewCmdDeck builds `cxmap deck PATH...`.
func NewCmdDeck(io *IOStreams, runF func(*DeckOptions) error) *cobra.Command {
	o := &DeckOptions{IO: io}
	var formats string
	var brand *brandFlags
	cmd := &cobra.Command{
		Use:   "deck PATH...",
		Short: "Write a slide deck per journey (" + strings.ToUpper(deck.Formats.List()) + ") with blueprint pages readable on a slide",
		Long: `Write one slide deck per journey: a title slide; an overview of every
step (rating colour and word, critical marked); the blueprint in pages of
consecutive steps, each page as many steps as keep body text at least 14 px
tall on a 1920x1080 slide and only the lanes those steps use, with flows
that leave a page named by the target step and its slide; where it hurts
(worst steps first, with pains and opportunities); the opportunity backlog
by owner; KPIs and metrics against target; and, for a future state, what
improves and what regresses against its baseline (the journey's own
` + "`baseline:`" + `, or --baseline, which overrides it).

Formats (-f, comma-separated):
` + registryHelp(deck.Formats) + `
PPTX has the step details in the speaker notes. Files are
<journey-id>.<format> in the -o directory, written atomically. A journey
that fails validation is reported as validate does and gets no deck.

--theme FILE puts the deck in the client's brand (colours, font embedded
in the PDF and named in the PPTX theme, logo on the title slide and in the
footer, footer text and classification label on every slide, date format;
the PPTX's slide master carries it, so slides added in PowerPoint match);
--locale TAG writes every fixed word, number and date in that language
(en, fr, de; ar and he laid out right to left). Both can be set in
.cxmap.yaml (theme:, locale:).

Exit status: 0 all written, 1 a journey is invalid, 2 usage or I/O error.`,
		Example: `  cxmap deck examples/ -f pdf,pptx -o decks/
  cxmap deck future.yaml --baseline current.yaml -f pptx -o decks/
  cxmap deck claim.yaml --size 4:3 -o decks/
  cxmap deck future.yaml --theme brand.yaml --locale fr -o decks/`,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.Paths = args
			o.Formats = splitList(formats)
			o.Theme, o.Locale = brand.theme, brand.locale
			if runF != nil {
				return runF(o)
			}
			return deckRun(o)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&formats, "format", "f", deck.Formats.Join(","), "output formats, comma-separated: "+deck.Formats.List())
	completeNames(cmd, "format", deck.Formats, true)
	f.StringVarP(&o.Out, "output", "o", ".", "directory to write into")
	f.StringVar(&o.Size, "size", "16:9", "slide shape: 16:9, 4:3 or a4 (landscape)")
	f.StringVar(&o.Baseline, "baseline", "", "compare a future state with the journey in `FILE` (what improves, what regresses); overrides the journey's own baseline:")
	f.BoolVar(&o.NoEmotion, "no-emotion", false, "leave the emotion row out of the blueprint pages (more steps per page)")
	f.BoolVarP(&o.Quiet, "quiet", "q", false, "do not name the files written")
	f.BoolVarP(&o.Verbose, "verbose", "v", false, "name the files written (the default; kept for scripts)")
	_ = f.MarkHidden("verbose")
	f.StringVar(&o.ConfigPath, "config", "", "read configuration (ignore globs) from `FILE` instead of the nearest .cxmap.yaml")
	brand = bindBrand(cmd)
	f.StringArrayVar(&o.Drivers, "drivers", nil, "add a slide ranking the steps that drive each journey's score in survey data `DATA` (docs/measure.md)")
	return cmd
}

func (o *DeckOptions) check() error {
	if len(o.Paths) == 0 {
		return usageErr("no journey files given\nUsage: cxmap deck PATH... -f %s -o DIR", deck.Formats.Join(","))
	}
	if len(o.Formats) == 0 {
		return usageErr("no format given: -f takes %s", deck.Formats.List())
	}
	seen := map[string]bool{}
	for _, f := range o.Formats {
		if _, err := deck.Formats.Lookup(f); err != nil {
			return usageErr("%v", err)
		}
		if seen[f] {
			return usageErr("-f names %q twice", f)
		}
		seen[f] = true
	}
	if _, ok := deck.Sizes[o.Size]; !ok {
		names := make([]string, 0, len(deck.Sizes))
		for n := range deck.Sizes {
			names = append(names, n)
		}
		sort.Strings(names)
		return usageErr("--size %q is not one of %s", o.Size, strings.Join(names, ", "))
	}
	if o.Out == "" || o.Out == "-" {
		return usageErr("-o needs a directory: a deck is a binary file")
	}
	return nil
}

// deckRun checks the flags, loads the journeys and hands them to deck.Run.
func deckRun(o *DeckOptions) error {
	if err := o.check(); err != nil {
		return err
	}
	ro := deck.RunOptions{Formats: o.Formats, Out: o.Out, Size: deck.Sizes[o.Size], NoEmotion: o.NoEmotion, BaselineFile: o.Baseline, Quiet: o.Quiet}
	if len(o.Drivers) > 0 {
		drivers, err := driversByJourney(o.IO, o.Drivers, o.Paths, o.ConfigPath)
		if err != nil {
			return err
		}
		ro.Drivers = drivers
	}
	cfg, err := config.Discover(o.ConfigPath, o.IO.Dir)
	if err != nil {
		return &ExitError{Code: ExitUsage, Msg: err.Error()}
	}
	if ro.Theme, ro.Locale, err = (&brandFlags{theme: o.Theme, locale: o.Locale}).resolve(cfg, o.IO); err != nil {
		return err
	}
	if ro.Baseline, err = deckBaseline(o.IO, ro.BaselineFile); err != nil {
		return err
	}
	v := inputs.LoadValid(o.Paths, inputs.Options{Stdin: o.IO.In, Ignore: cfg.Ignore},
		inputs.Sift{Errors: o.IO.ErrOut, Findings: findingsTo(o.IO), UniqueIDs: "no deck, as its files would overwrite the other's"})
	if err := runDeck(o.IO, v.Journeys(), ro); err != nil {
		return err
	}
	return writeExit(v.Failed, len(v.Invalid) > 0)
}

// deckBaseline loads the journey --baseline names (nil for none).
func deckBaseline(streams *IOStreams, file string) (*journey.Journey, error) {
	if file == "" {
		return nil, nil
	}
	rs := inputs.Load([]string{file}, inputs.Options{})
	switch {
	case len(rs) != 1:
		return nil, usageErr("--baseline %s: expected one journey file", file)
	case rs[0].Err != nil:
		return nil, &ExitError{Code: ExitUsage, Msg: fmt.Sprintf("--baseline: %v", rs[0].Err)}
	case rs[0].Journey == nil:
		printFindings(streams.ErrOut, rs[0].Findings)
		return nil, &ExitError{Code: ExitFindings, Msg: "the --baseline journey is invalid; nothing written"}
	}
	return rs[0].Journey, nil
}

// runDeck sets the streams and hooks of ro (they do not travel to
// workers) and runs deck.Run: the parent and its workers alike. A deck
// not written is exit 2.
func runDeck(streams *IOStreams, journeys []*journey.Journey, ro deck.RunOptions) error {
	ro.Stderr, ro.Getenv = streams.ErrOut, streams.Getenv
	ro.LoadBaseline = func(path string) (*journey.Journey, bool, error) { return loadVersion(streams, nil, path) }
	ro.RunWorker = streams.RunWorker
	if ro.RunWorker == nil {
		ro.RunWorker = worker.Process(streams.Dir)
	}
	err := deck.Run(context.Background(), journeys, ro)
	switch {
	case errors.Is(err, deck.ErrNotWritten):
		return writeExit(true, false)
	case err != nil:
		return &ExitError{Code: ExitUsage, Msg: err.Error()}
	}
	return nil
}
