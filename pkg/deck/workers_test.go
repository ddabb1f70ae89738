package deck

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/cxmap/cxmap/pkg/journey"
	"github.com/cxmap/cxmap/pkg/locale"
	"github.com/cxmap/cxmap/pkg/worker"
	"github.com/cxmap/cxmap/pkg/worker/workertest"
)

// TestWorkerOptionsTravel: every RunOptions field reaches deck's worker
// processes as data (pkg/worker); only the streams, hooks, the --baseline
// journey (loaded again from BaselineFile) and this run's cache stay. A
// field added to RunOptions travels with no further code; one that cannot
// travel fails here until it is listed.
func TestWorkerOptionsTravel(t *testing.T) {
	fr, err := locale.New("fr") // a locale travels as its tag
	if err != nil {
		t.Fatal(err)
	}
	workertest.CheckRoundTrip(t, &RunOptions{}, []string{"Baseline", "Stderr", "Getenv", "LoadBaseline", "RunWorker", "bases"}, fr)
}

// TestWorkersGetOptions: each worker is given this run's options with its
// own share of the files, and its exit code decides the run's.
func TestWorkersGetOptions(t *testing.T) {
	var errOut bytes.Buffer
	var got []RunOptions
	o := &RunOptions{Formats: []string{"pdf"}, Out: "out", Size: Sizes["4:3"], NoEmotion: true, BaselineFile: "base.yaml", Stderr: &errOut}
	o.RunWorker = func(job worker.Job, stderr io.Writer) (int, error) {
		var ro RunOptions
		if err := worker.Decode(job.Options, &ro); err != nil {
			t.Error(err)
		}
		if job.Verb != WorkerVerb {
			t.Errorf("job %s", job.Verb)
		}
		got = append(got, ro)
		fmt.Fprintf(stderr, "worker %s\n", strings.Join(job.Paths, " "))
		if job.Paths[0] == "c.yaml" {
			return 2, nil
		}
		return 0, nil
	}
	batches := [][]*journey.Journey{{{Path: "a.yaml"}, {Path: "b.yaml"}}, {{Path: "c.yaml"}}}
	if !o.runWorkers(context.Background(), batches) {
		t.Error("a worker's exit 2 was not reported")
	}
	if len(got) != 2 || got[0].Size.Name != "4:3" || !got[0].NoEmotion || got[1].BaselineFile != "base.yaml" || got[1].Out != "out" {
		t.Errorf("workers got %+v", got)
	}
	if want := "worker a.yaml b.yaml\nworker c.yaml\n"; errOut.String() != want {
		t.Errorf("messages %q, want %q in batch order", errOut.String(), want)
	}
}

// TestRunStopsWhenCancelled: a cancelled run starts no worker and writes
// no deck, and says why.
func TestRunStopsWhenCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	js := []*journey.Journey{stepsJourney(t, "a.yaml", 3), stepsJourney(t, "b.yaml", 3)}
	for _, env := range []string{"", "2"} {
		started := 0
		var errOut bytes.Buffer
		o := RunOptions{Formats: []string{"pdf"}, Out: t.TempDir(), Size: Sizes["16:9"], Stderr: &errOut,
			Getenv:    func(k string) string { return map[string]string{"CXMAP_DECK_STEPS_PER_PROCESS": env}[k] },
			RunWorker: func(worker.Job, io.Writer) (int, error) { started++; return 0, nil }}
		err := Run(ctx, js, o)
		if !errors.Is(err, context.Canceled) || started != 0 || errOut.Len() > 0 {
			t.Errorf("workers %q: %d started, error %v, messages %q", env, started, err, errOut.String())
		}
	}
}

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

// TestBatches: journeys are shared out by steps, a journey larger than the
// limit alone; nothing is delegated when all fit, from stdin, or in a
// worker.
func TestBatches(t *testing.T) {
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
		{"in a worker", []int{300, 300}, map[string]string{worker.Env: "1"}, false, ""},
		{"one journey", []int{900}, nil, false, ""},
		{"stdin", []int{300, 300}, nil, true, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			o := &RunOptions{Getenv: func(k string) string { return tc.env[k] }}
			var js []*journey.Journey
			for i, n := range tc.steps {
				path := fmt.Sprintf("j%d.yaml", i)
				if tc.stdin && i == 0 {
					path = "-"
				}
				js = append(js, stepsJourney(t, path, n))
			}
			var got []string
			for _, b := range o.batches(js) {
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
