package deck

import (
	"context"
	"fmt"

	"github.com/cxmap/cxmap/pkg/journey"
	"github.com/cxmap/cxmap/pkg/worker"
)

// Decks are drawn a share per process, as `render` draws (pkg/render/
// workers.go): go-graphviz keeps every drawing's memory in its WASM memory,
// which never shrinks, about 8 MB more per 30-step journey decked. A deck
// draws one Graphviz picture per blueprint page, a page holding about four
// steps, so a process takes journeys up to stepsPerProcess steps (about
// 100 pictures) and the rest go to other cxmap processes (docs/deck.md,
// "Many journeys").
const stepsPerProcess = 400

// WorkerVerb names deck's jobs for pkg/worker.
const WorkerVerb = "deck"

// stepLimit is stepsPerProcess, or CXMAP_DECK_STEPS_PER_PROCESS (tests).
func (o *RunOptions) stepLimit() int {
	var n int
	if _, err := fmt.Sscan(o.Getenv("CXMAP_DECK_STEPS_PER_PROCESS"), &n); err == nil && n > 0 {
		return n
	}
	return stepsPerProcess
}

// batches splits the journeys into runs of at most the step limit (a
// journey larger than it is a run of its own), or returns nil when they
// all fit in this process or this process is itself a worker.
func (o *RunOptions) batches(js []*journey.Journey) [][]*journey.Journey {
	limit := o.stepLimit()
	if o.Getenv(worker.Env) != "" {
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

// runWorkers writes the decks of each batch in its own cxmap process, a
// few at a time, and prints their messages in batch order. Each worker is
// given these RunOptions as data (pkg/worker) and its batch's files, loads
// them and calls Run as this process does (pkg/cli/deck.go). The
// journeys were loaded and checked here (validity, unique ids). It
// reports whether a worker failed; once ctx is done no more start.
func (o *RunOptions) runWorkers(ctx context.Context, batches [][]*journey.Journey) bool {
	var jobs []worker.Job
	for _, b := range batches {
		var paths []string
		for _, j := range b {
			paths = append(paths, j.Path)
		}
		job, err := worker.NewJob(WorkerVerb, o, paths)
		if err != nil {
			fmt.Fprintf(o.Stderr, "cxmap: starting a deck worker: %v\n", err)
			return true
		}
		jobs = append(jobs, job)
	}
	run := o.RunWorker
	if run == nil {
		run = worker.Process("")
	}
	failed := false
	for _, r := range worker.RunAll(jobs, worker.WithContext(ctx, run)) {
		o.Stderr.Write(r.Out.Bytes())
		switch {
		case r.Err != nil && r.Err == ctx.Err(): // stopped: Run says so
			failed = true
		case r.Err != nil:
			fmt.Fprintf(o.Stderr, "cxmap: starting a deck worker: %v\n", r.Err)
			failed = true
		case r.Code != 0:
			failed = true
		}
	}
	return failed
}
