package main

import (
	"bufio"
	"bytes"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
)

// Start-up budget (issue 18): what the package initialisers of the
// packages cxmap links allocate before main runs, as GODEBUG=inittrace=1
// reports it. It counts allocations, not time, so it does not depend on the
// machine: 29,590 before issue 18 (excelize alone 21,400); 3,506 once
// excelize was vendored with its tables built on first use (588 left);
// 2,282 after tablewriter left the binary (history and rules draw their
// own tables: its width cache and error pool were 425) and blackfriday,
// linked for `cxmap man` only, was vendored with a lazy-init patch (762 ->
// 16). 1,799 once excelize's number-format tables were built on first
// use too (588 -> 141) and lintbaseline's pattern (50 -> 0). The largest
// left are in the standard library or need a fork to move: encoding/gob
// (365, through fpdf's template serialisation), yaml.v3 (276, two
// regular expressions), html/template (90); docs/decisions.md ("Start-up").
const (
	initAllocBudget = 1900 // every package cxmap links
	initAllocOwn    = 50   // any one package of cxmap's own
)

// TestInitAllocations runs this test binary (which links what cxmap links,
// and the test packages) with GODEBUG=inittrace=1 and adds up the
// initialisers of the packages `go list -deps ./cmd/cxmap` names: a
// template parsed, a regular expression compiled or a table built when
// the program starts, rather than at first use, shows here.
func TestInitAllocations(t *testing.T) {
	goCmd, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go command not found: cannot list cxmap's packages")
	}
	list, err := exec.Command(goCmd, "list", "-deps", ".").Output()
	if err != nil {
		t.Fatalf("go list -deps: %v", err)
	}
	linked := map[string]bool{}
	for _, p := range strings.Fields(string(list)) {
		linked[p] = true
	}
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "GODEBUG=inittrace=1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%v: %s", err, stderr.String())
	}
	total, seen := 0, 0
	sc := bufio.NewScanner(&stderr)
	for sc.Scan() {
		// init github.com/x/y @1.2 ms, 0.3 ms clock, 1234 bytes, 56 allocs
		f := strings.Fields(sc.Text())
		if len(f) < 11 || f[0] != "init" || f[10] != "allocs" || !linked[f[1]] {
			continue
		}
		n, err := strconv.Atoi(f[9])
		if err != nil {
			t.Fatalf("cannot read %q", sc.Text())
		}
		seen++
		total += n
		if strings.HasPrefix(f[1], "github.com/cxmap/cxmap/") && n > initAllocOwn {
			t.Errorf("%s allocates %d times at start-up (at most %d): build it at first use (sync.OnceValue)", f[1], n, initAllocOwn)
		}
	}
	if seen < 50 {
		t.Fatalf("only %d initialisers read from inittrace:\n%s", seen, stderr.String())
	}
	t.Logf("%d initialisers of cxmap's packages: %d allocations", seen, total)
	if total > initAllocBudget {
		t.Errorf("cxmap's packages allocate %d times at start-up, over the budget of %d; see the inittrace lines", total, initAllocBudget)
	}
}
