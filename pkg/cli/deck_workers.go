package cli

import (
	"fmt"
	"io"

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

// deckWorkerVerb names deck's jobs for pkg/worker.
const deckWorkerVerb = "deck"

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
	if o.IO.Getenv(worker.Env) != "" {
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

// runDeckWorkers writes the decks of each batch in its own cxmap process,
// a few at a time, and prints their messages in batch order. Each worker
// is given these DeckOptions as data (pkg/worker) with Paths set to its
// batch, and runs deckRun as this process does. The journeys were loaded
// and checked here (validity, unique ids); a worker loads its files again.
// It reports whether a worker failed.
func (o *DeckOptions) runDeckWorkers(batches [][]*journey.Journey) bool {
	var jobs []worker.Job
	for _, b := range batches {
		var paths []string
		for _, j := range b {
			paths = append(paths, j.Path)
		}
		// The options keep every path (the drivers are ranked against
		// all the journeys); the job's paths are the share.
		job, err := worker.NewJob(deckWorkerVerb, o, paths)
		if err != nil {
			fmt.Fprintf(o.IO.ErrOut, "cxmap: starting a deck worker: %v\n", err)
			return true
		}
		jobs = append(jobs, job)
	}
	run := o.IO.RunWorker
	if run == nil {
		run = worker.Process(o.IO.Dir)
	}
	failed := false
	for _, r := range worker.RunAll(jobs, run) {
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

// deckWorker writes the decks of a share: deckRun with the parent's
// DeckOptions, on the share's files. The drivers (--drivers) are ranked
// against every journey of the run, as the parent ranked them, before the
// paths become the share's; the parent already reported their problems.
func deckWorker(streams *IOStreams, job worker.Job) error {
	var o DeckOptions
	if err := worker.Decode(job.Options, &o); err != nil {
		return usageErr("%v", err)
	}
	o.IO = streams
	if len(o.Drivers) > 0 {
		quiet := *streams
		quiet.ErrOut = io.Discard
		drivers, err := driversByJourney(&quiet, o.Drivers, o.Paths, o.ConfigPath)
		if err != nil {
			return err
		}
		o.drivers = drivers
	}
	o.Paths = job.Paths
	return deckRun(&o)
}
