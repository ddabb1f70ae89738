// Command parsefloor measures the floor for cxmap's speed goals: reading and
// parsing every YAML file under a directory into yaml.v3 nodes on all cores,
// and nothing else. `make bench` compares cxmap's commands with it.
package main

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"sync/atomic"
	"time"

	"github.com/cxmap/cxmap/internal/par"
	"go.yaml.in/yaml/v3"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: parsefloor DIR")
		os.Exit(2)
	}
	// The same collector setting as cxmap (cmd/cxmap/main.go), so the ratio
	// compares work, not GC tuning.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(200)
	}
	files, _ := filepath.Glob(filepath.Join(os.Args[1], "*.yaml"))
	start := time.Now()
	var failed atomic.Int64
	par.For(len(files), 0, func(i int) {
		data, err := os.ReadFile(files[i])
		var n yaml.Node
		if err == nil {
			err = yaml.Unmarshal(data, &n)
		}
		if err != nil {
			failed.Add(1)
		}
	})
	fmt.Printf("parsed %d files in %.3f s (%d failed)\n", len(files), time.Since(start).Seconds(), failed.Load())
}
