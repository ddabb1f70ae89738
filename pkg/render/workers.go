package render

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/cxmap/cxmap/pkg/worker"
)

// Graphviz calls per worker process. go-graphviz keeps most of every
// render's memory in its WASM memory, which never shrinks (a 32-bit WASM
// memory ends at 4 GB), so a large portfolio is drawn by several cxmap
// processes, each drawing a share of the journeys (docs/rendering.md).
const rendersPerProcess = 100

// WorkerEnv marks a cxmap process started by render to draw a share.
const WorkerEnv = "CXMAP_RENDER_WORKER"

// Exit codes of a worker, as cxmap's.
const (
	exitOK       = 0
	exitFindings = 1
)

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

// workerFlags are the flags that make a worker draw as this process would.
func (o *Options) workerFlags() []string {
	var names []string
	for _, f := range o.Formats {
		names = append(names, f.Name)
	}
	flags := []string{"render", "-f", strings.Join(names, ","), "-o", o.Out, "--scale", strconv.FormatFloat(o.Scale, 'g', -1, 64)}
	if o.Split != "" {
		flags = append(flags, "--split", o.Split)
	}
	if o.NoEmotion {
		flags = append(flags, "--no-emotion")
	}
	if o.Title != "" {
		flags = append(flags, "--title", o.Title)
	}
	rows := strings.Join(o.Rows, ",")
	if rows == "" {
		rows = "none"
	}
	flags = append(flags, "--rows", rows)
	if o.Quiet {
		flags = append(flags, "--quiet")
	}
	if o.Verbose {
		flags = append(flags, "--verbose")
	}
	return flags
}

// runWorker runs cxmap with args and the worker mark, its output to stderr,
// and returns its exit code (Options.RunWorker when set).
func (o *Options) runWorker(args []string, stderr io.Writer) (int, error) {
	if o.RunWorker != nil {
		return o.RunWorker(args, stderr)
	}
	return worker.Run(args, WorkerEnv+"=1", "", stderr)
}

// runWorkers draws the journeys at paths in batches, each in its own cxmap
// process, a few at a time; their messages are printed in batch order.
func (o *Options) runWorkers(paths []string, pagesPer int) Result {
	per := o.renderLimit() / max(1, pagesPer*o.graphvizCalls())
	per = max(per, 1)
	var batches [][]string
	for i := 0; i < len(paths); i += per {
		batches = append(batches, paths[i:min(i+per, len(paths))])
	}
	flags := o.workerFlags()
	argss := make([][]string, len(batches))
	for i, b := range batches {
		argss[i] = append(append(append([]string(nil), flags...), "--"), b...)
	}
	results := worker.RunAll(argss, o.runWorker)
	var res Result
	for _, r := range results {
		o.Stderr.Write(r.Out.Bytes())
		switch {
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
