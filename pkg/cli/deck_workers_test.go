package cli

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/cxmap/cxmap/pkg/journey"
	"github.com/cxmap/cxmap/pkg/locale"
	"github.com/cxmap/cxmap/pkg/worker"
	"github.com/cxmap/cxmap/pkg/worker/workertest"
)

// TestDeckWorkerOptionsTravel: every flag of deck reaches its worker
// processes as data (pkg/worker); only the streams and the caches of this
// run stay. A field added to DeckOptions travels with no further code;
// one that cannot travel fails here until it is listed.
func TestDeckWorkerOptionsTravel(t *testing.T) {
	fr, err := locale.New("fr") // a locale travels as its tag
	if err != nil {
		t.Fatal(err)
	}
	// --theme and --locale travel as the flags given (brand_worker.go).
	workertest.CheckRoundTrip(t, &DeckOptions{}, []string{"IO", "bases", "drivers"}, fr, &brandFlags{theme: "brand.yaml", locale: "fr"})
}

// TestBrandFlagsTravel: --theme and --locale reach a worker as given.
func TestBrandFlagsTravel(t *testing.T) {
	type opts struct{ Brand *brandFlags }
	b, err := worker.Encode(&opts{Brand: &brandFlags{theme: "t/brand.yaml", locale: "de-CH"}})
	if err != nil {
		t.Fatal(err)
	}
	var got opts
	if err := worker.Decode(b, &got); err != nil {
		t.Fatal(err)
	}
	if got.Brand == nil || *got.Brand != (brandFlags{theme: "t/brand.yaml", locale: "de-CH"}) {
		t.Errorf("worker got %+v from %s", got.Brand, b)
	}
}

// TestDeckWorkersGetOptions: each worker is given this run's options with
// its own share of the files, and its exit code decides the run's.
func TestDeckWorkersGetOptions(t *testing.T) {
	streams, _, errOut := TestStreams("")
	var got []DeckOptions
	streams.RunWorker = func(job worker.Job, stderr io.Writer) (int, error) {
		var o DeckOptions
		if err := worker.Decode(job.Options, &o); err != nil {
			t.Error(err)
		}
		// The options keep the run's paths (drivers are ranked against all
		// of them); the job's paths are the share.
		if job.Verb != deckWorkerVerb || !slices.Equal(o.Paths, []string{"journeys"}) {
			t.Errorf("job %s with paths %q, options paths %q", job.Verb, job.Paths, o.Paths)
		}
		got = append(got, o)
		fmt.Fprintf(stderr, "worker %s\n", strings.Join(job.Paths, " "))
		if job.Paths[0] == "c.yaml" {
			return ExitUsage, nil
		}
		return ExitOK, nil
	}
	o := &DeckOptions{IO: streams, Paths: []string{"journeys"}, Formats: []string{"pdf"}, Out: "out", Size: "4:3", NoEmotion: true, Drivers: []string{"survey.csv"}, ConfigPath: "c.yaml"}
	batches := [][]*journey.Journey{{{Path: "a.yaml"}, {Path: "b.yaml"}}, {{Path: "c.yaml"}}}
	if !o.runDeckWorkers(batches) {
		t.Error("a worker's exit 2 was not reported")
	}
	if len(got) != 2 || got[0].Size != "4:3" || !got[0].NoEmotion || got[1].Drivers[0] != "survey.csv" || got[1].ConfigPath != "c.yaml" {
		t.Errorf("workers got %+v", got)
	}
	if want := "worker a.yaml b.yaml\nworker c.yaml\n"; errOut.String() != want {
		t.Errorf("messages %q, want %q in batch order", errOut, want)
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
		{"in a worker", []int{300, 300}, map[string]string{worker.Env: "1"}, false, ""},
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
