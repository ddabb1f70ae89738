// Package worker runs this program again as a worker process: `render` and
// `deck` hand shares of a large batch to such processes, because
// go-graphviz keeps every drawing's memory in its WASM memory, which never
// shrinks (docs/rendering.md, docs/deck.md).
//
// The parent sends a Job on the worker's standard input: the verb, the
// verb's Options as data (Encode, options.go) and the journey files of the
// share. The worker is `cxmap worker` (a hidden command, pkg/cli/worker.go),
// which decodes the Options and calls the verb's run function as the
// parent would: no flag is typed twice, so none can be forgotten.
package worker

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime"
	"sync"
	"syscall"

	"github.com/cxmap/cxmap/pkg/fsutil"
)

// Env marks a process started as a worker ("1"): it never starts workers
// of its own.
const Env = "CXMAP_WORKER"

// Command is the hidden cxmap command a worker runs.
const Command = "worker"

// Job is one worker's share of a batch.
type Job struct {
	// Verb names the run function ("render", "deck").
	Verb string `json:"verb"`
	// Options are the verb's Options as Encode wrote them.
	Options json.RawMessage `json:"options"`
	// Paths are the journey files of the share.
	Paths []string `json:"paths"`
}

// NewJob encodes opts (Encode) for a worker that does verb on paths.
func NewJob(verb string, opts any, paths []string) (Job, error) {
	b, err := Encode(opts)
	if err != nil {
		return Job{}, err
	}
	return Job{Verb: verb, Options: b, Paths: paths}, nil
}

// Read reads the Job a worker was given on its standard input.
func Read(r io.Reader) (Job, error) {
	var j Job
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&j); err != nil {
		return j, fmt.Errorf("reading the worker's job: %w", err)
	}
	return j, nil
}

// Runner runs one job in a worker process, its messages to stderr, and
// returns the worker's exit code. Options structs hold one (nil: Process);
// tests pass their own.
type Runner func(job Job, stderr io.Writer) (int, error)

// Process returns the Runner that runs this program's executable as
// `cxmap worker` in dir ("" for this directory), with Env set, the job on
// its standard input and its output to stderr. SIGINT or SIGTERM to this
// process stop the worker too (it removes its own temporary files).
func Process(dir string) Runner {
	return func(job Job, stderr io.Writer) (int, error) {
		in, err := json.Marshal(job)
		if err != nil {
			return 0, err
		}
		exe, err := os.Executable()
		if err != nil {
			return 0, err
		}
		cmd := exec.Command(exe, Command)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), Env+"=1")
		cmd.Stdin = bytes.NewReader(in)
		cmd.Stdout, cmd.Stderr = stderr, stderr
		if err := cmd.Start(); err != nil {
			return 0, err
		}
		defer fsutil.OnInterrupt(func() {
			if cmd.Process.Signal(syscall.SIGTERM) != nil {
				cmd.Process.Kill()
			}
		})()
		err = cmd.Wait()
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return ee.ExitCode(), nil
		}
		return 0, err
	}
}

// Result is one worker's exit code, the error starting it, and its output.
type Result struct {
	Code int
	Err  error
	Out  bytes.Buffer
}

// RunAll runs each job with run, up to min(GOMAXPROCS, 4) at a time, and
// returns their results in the order of jobs.
func RunAll(jobs []Job, run Runner) []Result {
	results := make([]Result, len(jobs))
	sem := make(chan struct{}, max(1, min(runtime.GOMAXPROCS(0), 4)))
	var wg sync.WaitGroup
	for i, job := range jobs {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			results[i].Code, results[i].Err = run(job, &results[i].Out)
		}()
	}
	wg.Wait()
	return results
}

// Batches splits paths into shares of at most per paths (at least one).
func Batches(paths []string, per int) [][]string {
	per = max(per, 1)
	var out [][]string
	for i := 0; i < len(paths); i += per {
		out = append(out, paths[i:min(i+per, len(paths))])
	}
	return out
}

// WithContext is run, except that a job not yet started when ctx is done
// is not started: it fails with ctx's error (render and deck check ctx
// between shares as between journeys).
func WithContext(ctx context.Context, run Runner) Runner {
	return func(job Job, stderr io.Writer) (int, error) {
		if err := ctx.Err(); err != nil {
			return 0, err
		}
		return run(job, stderr)
	}
}
