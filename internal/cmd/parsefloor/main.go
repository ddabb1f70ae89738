// Command parsefloor measures the floor for cxmap's speed goals: reading and
// parsing every YAML file under a directory into yaml.v3 nodes on all cores,
// and nothing else. `make bench` compares cxmap's commands with it.
package main

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"sync"
	"time"

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
	work := make(chan string)
	var wg sync.WaitGroup
	var mu sync.Mutex
	failed := 0
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for f := range work {
				data, err := os.ReadFile(f)
				var n yaml.Node
				if err == nil {
					err = yaml.Unmarshal(data, &n)
				}
				if err != nil {
					mu.Lock()
					failed++
					mu.Unlock()
				}
			}
		}()
	}
	for _, f := range files {
		work <- f
	}
	close(work)
	wg.Wait()
	fmt.Printf("parsed %d files in %.3f s (%d failed)\n", len(files), time.Since(start).Seconds(), failed)
}
