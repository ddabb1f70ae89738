package fsutil

import (
	"fmt"
	"os"
	"os/signal"
	"sync"
	"syscall"
)

// The temporary files that exist now, and what to do on SIGINT or SIGTERM.
var (
	mu       sync.Mutex
	temps    = map[string]bool{}
	cleanups = map[int]func(){}
	nextID   int
	caught   bool // a signal arrived: no new temporary file may stay
	watching sync.Once
)

// create makes a temporary file and records it, so a signal removes it.
// The file is made under the lock: a signal arriving meanwhile waits for
// it to be recorded, so no temporary file is created unseen.
func create(dir, pattern string) (*os.File, error) {
	watch()
	mu.Lock()
	defer mu.Unlock()
	if caught { // the handler is already removing files and exiting
		return nil, fmt.Errorf("interrupted")
	}
	f, err := os.CreateTemp(dir, pattern)
	if err != nil {
		return nil, err
	}
	temps[f.Name()] = true
	return f, nil
}

// forget drops a temporary file that was renamed or removed.
func forget(tmp string) {
	mu.Lock()
	delete(temps, tmp)
	mu.Unlock()
}

// OnInterrupt registers f to run when SIGINT or SIGTERM ends the process
// (say, to stop worker processes), and starts watching for them; the
// returned function unregisters it.
func OnInterrupt(f func()) (remove func()) {
	watch()
	mu.Lock()
	defer mu.Unlock()
	id := nextID
	nextID++
	cleanups[id] = f
	return func() {
		mu.Lock()
		delete(cleanups, id)
		mu.Unlock()
	}
}

// Watch starts handling SIGINT and SIGTERM: from then on either signal runs
// the registered cleanups, removes every temporary file and ends the process
// with 128 + the signal number (130, 143), saying so on standard error.
// Writing a temporary file starts it too; commands that write files call it
// first so that a signal before the first write is handled the same way.
func Watch() { watch() }

func watch() {
	watching.Do(func() {
		ch := make(chan os.Signal, 1)
		signal.Notify(ch, os.Interrupt, syscall.SIGTERM)
		go func() { interrupted(<-ch) }()
	})
}

// interrupted cleans up after sig and exits.
func interrupted(sig os.Signal) {
	mu.Lock()
	caught = true
	for _, f := range cleanups {
		f()
	}
	n := 0
	for tmp := range temps {
		if os.Remove(tmp) == nil {
			n++
		}
	}
	temps = map[string]bool{}
	mu.Unlock()
	code := 130
	if sig == syscall.SIGTERM {
		code = 143
	}
	fmt.Fprintf(os.Stderr, "cxmap: %v: stopped; removed %d unfinished file(s), nothing half-written is left\n", sig, n)
	os.Exit(code)
}
