package render

import (
	"context"
	"fmt"

	"github.com/cxmap/cxmap/pkg/worker"
)

// Graphviz calls per worker process. go-graphviz keeps most of every
// render's memory in its WASM memory, which never shrinks (a 32-bit WASM
// memory ends at 4 GB), so a large portfolio is drawn by several cxmap
// processes, each drawing a share of the journeys (docs/rendering.md).
const rendersPerProcess = 100

// WorkerEnv marks a worker process (pkg/worker): it draws its share itself.
const WorkerEnv = worker.Env

// WorkerVerb names render's jobs for pkg/worker.
const WorkerVerb = "render"

// Exit codes of a worker, as cxmap's.
const (
	exitOK       = 0
	exitFindings = 1
)

// MarshalText writes a format as its name: a worker (pkg/worker) receives
// the Options as data and finds the format in its own registry.
func (f Format) MarshalText() ([]byte, error) { return []byte(f.Name), nil }

// UnmarshalText finds the format named in the registry.
func (f *Format) UnmarshalText(b []byte) error {
	g, err := Formats.Lookup(string(b))
	if err != nil {
		return err
	}
	*f = g
	return nil
}

// delegates reports whether the pages are many enough to hand to workers.
func (o *Options) delegates(pages int, stdin bool) bool {
	if o.Getenv(WorkerEnv) != "" || o.Out == "-" || stdin {
		return false
	}
	return pages*o.graphvizCalls() > o.renderLimit()
}

// renderLimit is rendersPerProcess, or CXMAP_RENDERS_PER_PROCESS (tests).
func (o *Options) renderLimit() int {
	var n int
	if _, err := fmt.Sscan(o.Getenv("CXMAP_RENDERS_PER_PROCESS"), &n); err == nil && n > 0 {
		return n
	}
	return rendersPerProcess
}

// runWorkers draws the journeys at paths in batches, each in its own cxmap
// process, a few at a time; their messages are printed in batch order.
// Each worker is given these Options as data (pkg/worker) and draws its
// share with Run, as this process would.
func (o *Options) runWorkers(ctx context.Context, paths []string, pagesPer int) Result {
	per := o.renderLimit() / max(1, pagesPer*o.graphvizCalls())
	var jobs []worker.Job
	var res Result
	for _, b := range worker.Batches(paths, per) {
		job, err := worker.NewJob(WorkerVerb, o, b)
		if err != nil {
			fmt.Fprintf(o.Stderr, "cxmap: starting a render worker: %v\n", err)
			return Result{Failed: true}
		}
		jobs = append(jobs, job)
	}
	run := o.RunWorker
	if run == nil {
		run = worker.Process("")
	}
	for _, r := range worker.RunAll(jobs, worker.WithContext(ctx, run)) {
		o.Stderr.Write(r.Out.Bytes())
		switch {
		case r.Err != nil && r.Err == ctx.Err(): // stopped: Run says so
			res.Failed = true
		case r.Err != nil:
			fmt.Fprintf(o.Stderr, "cxmap: starting a render worker: %v\n", r.Err)
			res.Failed = true
		case r.Code == exitFindings:
			res.Invalid = true
		case r.Code != exitOK:
			res.Failed = true
		}
	}
	return res
}
