package worker

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
)

// TestRunAll: every argument list runs once and results keep their order,
// with each run's output, exit code and start error.
func TestRunAll(t *testing.T) {
	argss := [][]string{{"a"}, {"b", "c"}, {"fail"}, {"d"}, {"e"}, {"f"}}
	res := RunAll(argss, func(args []string, out io.Writer) (int, error) {
		if args[0] == "fail" {
			return 0, errors.New("cannot start")
		}
		fmt.Fprint(out, strings.Join(args, "+"))
		return len(args), nil
	})
	if len(res) != len(argss) {
		t.Fatalf("%d results for %d runs", len(res), len(argss))
	}
	for i, args := range argss {
		r := res[i]
		if args[0] == "fail" {
			if r.Err == nil {
				t.Errorf("run %d: start error lost", i)
			}
			continue
		}
		if got, want := r.Out.String(), strings.Join(args, "+"); got != want || r.Code != len(args) {
			t.Errorf("run %d: output %q code %d, want %q code %d", i, got, r.Code, want, len(args))
		}
	}
}
