// Command gotest runs `go test -json ARGS...`, prints what a plain `go test
// ARGS...` prints (the package lines, and the output of failing tests and
// of build errors), then lists every test that skipped and why, so that a
// test skipped for a missing program is visible in `make test` without -v
// (issue 17, item 18). It exits with go test's exit status.
//
//	go run ./internal/cmd/gotest -count=1 ./...
//
// The go command is $GO when set, else go.
package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"sort"
	"strings"
)

func main() {
	goCmd := os.Getenv("GO")
	if goCmd == "" {
		goCmd = "go"
	}
	cmd := exec.Command(goCmd, append([]string{"test", "-json"}, os.Args[1:]...)...)
	cmd.Stdin, cmd.Stderr = os.Stdin, os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		fmt.Fprintln(os.Stderr, "gotest:", err)
		os.Exit(2)
	}
	if err := cmd.Start(); err != nil {
		fmt.Fprintln(os.Stderr, "gotest:", err)
		os.Exit(2)
	}
	w := bufio.NewWriter(os.Stdout)
	s := newSummary(w)
	readErr := s.read(out)
	err = cmd.Wait()
	s.printSkips()
	w.Flush()
	if readErr != nil {
		fmt.Fprintln(os.Stderr, "gotest: reading go test -json:", readErr)
	}
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee):
		os.Exit(ee.ExitCode())
	case err != nil:
		fmt.Fprintln(os.Stderr, "gotest:", err)
		os.Exit(2)
	case readErr != nil:
		os.Exit(2)
	}
}

// event is one line of go test -json (cmd/test2json).
type event struct {
	Action     string
	Package    string
	Test       string
	Output     string
	ImportPath string // build-output events
}

// skip is a test that skipped, with the last lines it logged.
type skip struct {
	pkg, test, reason string
}

type summary struct {
	w   *bufio.Writer
	out map[[2]string][]string // output held per package and test
	// failed holds the failure blocks of subtests until their parent
	// ends, to be printed after its own lines, as go test does.
	failed map[[2]string][]string
	skips  []skip
}

func newSummary(w *bufio.Writer) *summary {
	return &summary{w: w, out: map[[2]string][]string{}, failed: map[[2]string][]string{}}
}

// read handles the events: a test's output is held until it ends, printed
// when it failed, kept as the reason when it skipped, dropped when it
// passed; package lines and build errors are printed as they come. Lines
// that are not JSON (go vet's, say) are printed as they are.
func (s *summary) read(r io.Reader) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 64<<20)
	for sc.Scan() {
		line := sc.Bytes()
		var e event
		if len(line) == 0 || line[0] != '{' || json.Unmarshal(line, &e) != nil {
			s.w.Write(line)
			s.w.WriteByte('\n')
			continue
		}
		s.handle(e)
	}
	return sc.Err()
}

func (s *summary) handle(e event) {
	key := [2]string{e.Package, e.Test}
	switch {
	case e.Action == "build-output":
		s.w.WriteString(e.Output)
	case e.Action == "output" && e.Test == "":
		// Package lines: ok, FAIL, ? (no test files), panics; not the
		// bare PASS that only -v prints.
		if e.Output != "PASS\n" {
			s.w.WriteString(e.Output)
		}
	case e.Action == "output":
		s.out[key] = append(s.out[key], e.Output)
	case e.Test == "":
		// run, pass, fail, skip of a whole package: its lines came as
		// output.
	case e.Action == "fail":
		// go test's order: the --- FAIL line, then what the test logged,
		// then its failed subtests, each indented by its depth.
		depth := strings.Count(e.Test, "/")
		indent := strings.Repeat("    ", depth)
		var block []string
		for _, l := range s.out[key] {
			if strings.HasPrefix(strings.TrimLeft(l, " "), "--- FAIL") {
				block = append([]string{indent + strings.TrimLeft(l, " ")}, block...)
			}
		}
		for _, l := range s.out[key] {
			if !isFrame(l) {
				block = append(block, indent+l)
			}
		}
		block = append(block, s.failed[key]...)
		delete(s.out, key)
		delete(s.failed, key)
		if i := strings.LastIndexByte(e.Test, '/'); i >= 0 {
			parent := [2]string{e.Package, e.Test[:i]}
			s.failed[parent] = append(s.failed[parent], block...)
			return
		}
		for _, l := range block {
			s.w.WriteString(l)
		}
		s.w.Flush()
	case e.Action == "skip":
		s.skips = append(s.skips, skip{pkg: e.Package, test: e.Test, reason: reason(s.out[key])})
		delete(s.out, key)
	case e.Action == "pass":
		delete(s.out, key)
	}
}

// isFrame tells go test's own lines (=== RUN, --- PASS, ...) from a test's.
func isFrame(l string) bool {
	t := strings.TrimLeft(l, " ")
	return strings.HasPrefix(t, "=== ") || strings.HasPrefix(t, "--- ")
}

// reason is what a skipped test logged, on one line: the last three lines
// of its own output.
func reason(lines []string) string {
	var own []string
	for _, l := range lines {
		if isFrame(l) {
			continue
		}
		if t := strings.TrimSpace(l); t != "" {
			own = append(own, t)
		}
	}
	if len(own) == 0 {
		return "(no reason given)"
	}
	return strings.Join(own[max(0, len(own)-3):], " / ")
}

// printSkips lists the skipped tests by package, a parent test whose
// subtests all skipped listed once with theirs.
func (s *summary) printSkips() {
	if len(s.skips) == 0 {
		fmt.Fprintln(s.w, "\nNo test skipped.")
		return
	}
	sort.Slice(s.skips, func(i, j int) bool {
		a, b := s.skips[i], s.skips[j]
		if a.pkg != b.pkg {
			return a.pkg < b.pkg
		}
		return a.test < b.test
	})
	fmt.Fprintf(s.w, "\n%d %s skipped:\n", len(s.skips), plural(len(s.skips), "test", "tests"))
	for _, k := range s.skips {
		pkg := strings.TrimPrefix(k.pkg, "github.com/cxmap/cxmap/")
		fmt.Fprintf(s.w, "  %s %s: %s\n", pkg, k.test, k.reason)
	}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
