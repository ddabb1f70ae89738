package main

import (
	"bufio"
	"os"
	"strings"
	"testing"
)

// TestSummary reads a recorded go test -json stream (a failing test, a
// passing one, a skipped one, a parent with a skipped and a failed
// subtest) and prints what plain go test prints, then the skips.
func TestSummary(t *testing.T) {
	f, err := os.Open("testdata/fail-skip.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var b strings.Builder
	w := bufio.NewWriter(&b)
	s := newSummary(w)
	if err := s.read(f); err != nil {
		t.Fatal(err)
	}
	s.printSkips()
	w.Flush()
	want := `--- FAIL: TestFails (0.00s)
    x_test.go:5: some log
    x_test.go:5: boom
--- FAIL: TestSub (0.00s)
    --- FAIL: TestSub/b (0.00s)
        x_test.go:10: sub failed
FAIL
FAIL	github.com/cxmap/cxmap/internal/zzfail	0.012s

2 tests skipped:
  internal/zzfail TestSkips: x_test.go:7: looked for soffice / x_test.go:7: soffice not found: skipped
  internal/zzfail TestSub/a: x_test.go:9: no widget installed
`
	if got := b.String(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestNoSkips(t *testing.T) {
	var b strings.Builder
	w := bufio.NewWriter(&b)
	s := newSummary(w)
	in := `{"Action":"output","Package":"p","Output":"ok  \tp\t0.1s\n"}
not json: printed as it is
{"Action":"pass","Package":"p"}
`
	if err := s.read(strings.NewReader(in)); err != nil {
		t.Fatal(err)
	}
	s.printSkips()
	w.Flush()
	if want := "ok  \tp\t0.1s\nnot json: printed as it is\n\nNo test skipped.\n"; b.String() != want {
		t.Errorf("got %q, want %q", b.String(), want)
	}
}
