package site

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"path/filepath"
	"slices"

	"github.com/cxmap/cxmap/internal/textsafe"
)

// RunOptions are a site run as data: what the pages show (Options), where
// they go and where the messages go.
type RunOptions struct {
	Options
	// Out is the directory the site is written into (created if missing).
	Out string
	// Jobs is how many pages are built at once (0: GOMAXPROCS).
	Jobs int
	// Quiet leaves out the "wrote DIR/index.html (N journeys)" line.
	Quiet bool
	// Log receives the messages: a journey refused for a repeated id, a
	// source file not copied, a journey too large to draw, and the "wrote"
	// line (nil: none).
	Log io.Writer
}

// Result is what a run left out, for the exit status: Invalid, a journey
// refused for a repeated id (listed on the index); TooLarge, a journey
// whose page has no blueprint, being too large to draw.
type Result struct {
	Invalid, TooLarge bool
}

// Run builds the site of ins (valid journeys and the findings of invalid
// ones, in any order) and writes it into o.Out, pages o.Jobs at a time,
// stopping between pages when ctx is cancelled. An error is a page that
// could not be written (nothing is said of it in o.Log).
func Run(ctx context.Context, ins []Input, o RunOptions) (Result, error) {
	logf := func(format string, a ...any) {
		if o.Log != nil {
			fmt.Fprintf(o.Log, format, a...)
		}
	}
	var res Result
	s := New(ins, o.Options, nil)
	for _, d := range s.Duplicates() {
		logf("cxmap: %s\n", d)
		res.Invalid = true
	}
	for _, w := range s.SourceWarnings() {
		logf("cxmap: warning: %s\n", w)
	}
	// A journey too large to draw (the bound render applies) gets its page
	// without a blueprint, which says why; the log says it too, in path
	// order.
	ins = slices.Clone(ins)
	slices.SortStableFunc(ins, func(a, b Input) int { return cmp.Compare(a.Path, b.Path) })
	for _, in := range ins {
		if in.Journey == nil {
			continue
		}
		if err := CheckSize(in.Journey); err != nil {
			logf("cxmap: %s: %v; its page has no blueprint\n", in.Path, err)
			res.TooLarge = true
		}
	}
	if err := s.write(ctx, o.Out, o.Jobs); err != nil {
		return res, err
	}
	if !o.Quiet {
		logf("wrote %s (%s)\n", filepath.Join(o.Out, IndexPage), textsafe.Plural(s.Len(), "journey", "journeys"))
	}
	return res, nil
}
