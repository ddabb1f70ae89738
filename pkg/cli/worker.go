package cli

import (
	"context"
	"github.com/cxmap/cxmap/pkg/deck"
	"github.com/cxmap/cxmap/pkg/finding"
	"github.com/cxmap/cxmap/pkg/inputs"
	"github.com/cxmap/cxmap/pkg/render"
	"github.com/cxmap/cxmap/pkg/worker"
	"github.com/spf13/cobra"
)

// workerVerbs are the run functions a worker process (pkg/worker) does: each
// decodes its verb's Options from the job and runs as the parent would.
var workerVerbs = map[string]func(*IOStreams, worker.Job) error{
	render.WorkerVerb: renderWorker,
	deck.WorkerVerb:   deckWorker,
}

// NewCmdWorker builds the hidden `cxmap worker`: it reads a job
// (pkg/worker) on standard input and does it. render and deck start it to
// draw a share of a large batch; people never type it.
func NewCmdWorker(io *IOStreams) *cobra.Command {
	return &cobra.Command{
		Use:    worker.Command,
		Short:  "Do a share of a large render or deck batch (started by cxmap itself)",
		Hidden: true,
		Args:   cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if io.Getenv(worker.Env) == "" {
				return usageErr("cxmap worker is started by render and deck, with its job on standard input; it is not a command to type")
			}
			job, err := worker.Read(io.In)
			if err != nil {
				return usageErr("%v", err)
			}
			run, ok := workerVerbs[job.Verb]
			if !ok {
				return usageErr("worker: no verb %q", job.Verb)
			}
			return run(io, job)
		},
	}
}

// renderWorker draws a share of a render batch: the journeys are loaded
// again (the parent checked them) and drawn with the parent's Options.
func renderWorker(io *IOStreams, job worker.Job) error {
	var o render.Options
	if err := worker.Decode(job.Options, &o); err != nil {
		return usageErr("%v", err)
	}
	o.Stdout, o.Stderr, o.Getenv = io.Out, io.ErrOut, io.Getenv
	v := inputs.LoadValid(job.Paths, inputs.Options{}, inputs.Sift{Errors: io.ErrOut, Findings: findingsTo(io)})
	res, err := render.Run(context.Background(), v.Journeys(), v.Paths(), false, &o)
	if err != nil {
		return &ExitError{Code: ExitUsage, Msg: err.Error()}
	}
	return writeExit(v.Failed || res.Failed, len(v.Invalid) > 0 || res.Invalid)
}

// findingsTo prints a journey's findings on standard error, as validate
// does (inputs.Sift.Findings).
func findingsTo(io *IOStreams) func(string, []finding.Finding) {
	return func(_ string, fs []finding.Finding) { printFindings(io.ErrOut, fs) }
}

// writeExit is the exit of a verb that writes files: 2 when something could
// not be read or written, else 1 when a journey is invalid.
func writeExit(failed, invalid bool) error {
	switch {
	case failed:
		return &ExitError{Code: ExitUsage}
	case invalid:
		return &ExitError{Code: ExitFindings}
	}
	return nil
}
