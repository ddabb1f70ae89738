// Package worker runs this program again as a worker process: `render` and
// `deck` hand shares of a large batch to such processes, because
// go-graphviz keeps every drawing's memory in its WASM memory, which never
// shrinks (docs/rendering.md, docs/deck.md).
package worker

import (
	"bytes"
	"errors"
	"io"
	"os"
	"os/exec"
	"runtime"
	"sync"
	"syscall"

	"github.com/cxmap/cxmap/pkg/fsutil"
)

// Run runs this program's executable with args in dir ("" for this
// directory), with env ("NAME=value") added to the environment and its
// output to stderr, and returns its exit code. SIGINT or SIGTERM to this
// process stop the worker too (it removes its own temporary files).
func Run(args []string, env, dir string, stderr io.Writer) (int, error) {
	exe, err := os.Executable()
	if err != nil {
		return 0, err
	}
	cmd := exec.Command(exe, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env)
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

// Result is one worker's exit code, the error starting it, and its output.
type Result struct {
	Code int
	Err  error
	Out  bytes.Buffer
}

// RunAll runs run once per argument list, up to min(GOMAXPROCS, 4) at a
// time, and returns their results in the order of argss.
func RunAll(argss [][]string, run func(args []string, out io.Writer) (int, error)) []Result {
	results := make([]Result, len(argss))
	sem := make(chan struct{}, max(1, min(runtime.GOMAXPROCS(0), 4)))
	var wg sync.WaitGroup
	for i, args := range argss {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			results[i].Code, results[i].Err = run(args, &results[i].Out)
		}()
	}
	wg.Wait()
	return results
}
