package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/cxmap/cxmap/pkg/journey"
	"github.com/cxmap/cxmap/pkg/worker"
)

// Decks are drawn a share per process, as `render` draws (pkg/render/
// workers.go): go-graphviz keeps every drawing's memory in its WASM memory,
// which never shrinks, about 8 MB more per 30-step journey decked. A deck
// draws one Graphviz picture per blueprint page, a page holding about four
// steps, so a process takes journeys up to deckStepsPerProcess steps
// (about 100 pictures) and the rest go to other cxmap processes
// (docs/deck.md, "Many journeys").
const deckStepsPerProcess = 400

// deckWorkerEnv marks a cxmap process started by deck to write a share.
const deckWorkerEnv = "CXMAP_DECK_WORKER"

// deckStepLimit is deckStepsPerProcess, or CXMAP_DECK_STEPS_PER_PROCESS
// (tests).
func (o *DeckOptions) deckStepLimit() int {
	var n int
	if _, err := fmt.Sscan(o.IO.Getenv("CXMAP_DECK_STEPS_PER_PROCESS"), &n); err == nil && n > 0 {
		return n
	}
	return deckStepsPerProcess
}

// deckBatches splits the journeys into runs of at most limit steps (a
// journey larger than limit is a run of its own), or returns nil when they
// all fit in this process or this process is itself a worker.
func (o *DeckOptions) deckBatches(js []*journey.Journey) [][]*journey.Journey {
	limit := o.deckStepLimit()
	if o.IO.Getenv(deckWorkerEnv) != "" {
		return nil
	}
	total := 0
	for _, j := range js {
		if j.Path == "-" {
			return nil // stdin cannot be handed on
		}
		total += len(j.Steps())
	}
	if total <= limit || len(js) < 2 {
		return nil
	}
	var out [][]*journey.Journey
	n := 0
	for _, j := range js {
		k := len(j.Steps())
		if len(out) == 0 || n+k > limit {
			out = append(out, nil)
			n = 0
		}
		out[len(out)-1] = append(out[len(out)-1], j)
		n += k
	}
	return out
}

// deckWorkerFlags make a worker write decks as this process would.
func (o *DeckOptions) deckWorkerFlags() []string {
	flags := []string{"deck", "-f", strings.Join(o.Formats, ","), "-o", o.Out, "--size", o.Size}
	if o.Baseline != "" {
		flags = append(flags, "--baseline", o.Baseline)
	}
	if o.NoEmotion {
		flags = append(flags, "--no-emotion")
	}
	if o.Quiet {
		flags = append(flags, "-q")
	}
	return flags
}

// runDeckWorker runs cxmap with args in dir ("" for this directory), the
// worker mark set and its output to stderr, and returns its exit code.
var runDeckWorker = func(args []string, dir string, stderr io.Writer) (int, error) {
	return worker.Run(args, deckWorkerEnv+"=1", dir, stderr)
}

// runDeckWorkers writes the decks of each batch in its own cxmap process,
// a few at a time, and prints their messages in batch order. The journeys
// were loaded and checked here (validity, unique ids); a worker loads its
// files again. It reports whether a worker failed.
func (o *DeckOptions) runDeckWorkers(batches [][]*journey.Journey) bool {
	flags := o.deckWorkerFlags()
	argss := make([][]string, len(batches))
	for i, b := range batches {
		argss[i] = append(append([]string(nil), flags...), "--")
		for _, j := range b {
			argss[i] = append(argss[i], j.Path)
		}
	}
	results := worker.RunAll(argss, func(args []string, out io.Writer) (int, error) {
		return runDeckWorker(args, o.IO.Dir, out)
	})
	failed := false
	for _, r := range results {
		o.IO.ErrOut.Write(r.Out.Bytes())
		switch {
		case r.Err != nil:
			fmt.Fprintf(o.IO.ErrOut, "cxmap: starting a deck worker: %v\n", r.Err)
			failed = true
		case r.Code != ExitOK:
			failed = true
		}
	}
	return failed
}
