package cli

import (
	"fmt"
	"strings"
	"testing"

	"github.com/cxmap/cxmap/pkg/journey"
)

func stepsJourney(t *testing.T, path string, n int) *journey.Journey {
	t.Helper()
	var b strings.Builder
	fmt.Fprintf(&b, "cxmap: 1\nid: j%d\ntitle: J\nstages:\n  - id: s\n    name: S\n    steps:\n", n)
	for i := range n {
		fmt.Fprintf(&b, "      - id: s%d\n        action: Does %d\n", i, i)
	}
	j, fs := journey.Parse(path, []byte(b.String()))
	if j == nil {
		t.Fatalf("invalid: %v", fs)
	}
	return j
}

// TestDeckBatches: journeys are shared out by steps, a journey larger than
// the limit alone; nothing is delegated when all fit, from stdin, or in a
// worker.
func TestDeckBatches(t *testing.T) {
	tests := []struct {
		name  string
		steps []int
		env   map[string]string
		stdin bool
		want  string
	}{
		{"all fit", []int{100, 100, 100}, nil, false, ""},
		{"split", []int{300, 100, 50, 500, 10}, nil, false, "300+100 50 500 10"},
		{"limit from env", []int{2, 2, 2}, map[string]string{"CXMAP_DECK_STEPS_PER_PROCESS": "4"}, false, "2+2 2"},
		{"in a worker", []int{300, 300}, map[string]string{deckWorkerEnv: "1"}, false, ""},
		{"one journey", []int{900}, nil, false, ""},
		{"stdin", []int{300, 300}, nil, true, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			io := &IOStreams{Getenv: func(k string) string { return tc.env[k] }}
			o := &DeckOptions{IO: io}
			var js []*journey.Journey
			for i, n := range tc.steps {
				path := fmt.Sprintf("j%d.yaml", i)
				if tc.stdin && i == 0 {
					path = "-"
				}
				js = append(js, stepsJourney(t, path, n))
			}
			var got []string
			for _, b := range o.deckBatches(js) {
				var ns []string
				for _, j := range b {
					ns = append(ns, fmt.Sprint(len(j.Steps())))
				}
				got = append(got, strings.Join(ns, "+"))
			}
			if g := strings.Join(got, " "); g != tc.want {
				t.Errorf("batches %q, want %q", g, tc.want)
			}
		})
	}
}
