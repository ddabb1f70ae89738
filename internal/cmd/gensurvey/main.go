// Command gensurvey writes generated, anonymised survey responses for a
// journey (internal/surveygen): the examples' data (examples/data, made by
// `go run ./internal/cmd/gensurvey -examples`) and the benchmark's large
// files.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/cxmap/cxmap/internal/surveygen"
	"github.com/cxmap/cxmap/pkg/fsutil"
	"github.com/cxmap/cxmap/pkg/journey"
)

// examples are the examples' data sets: which step drives each journey's
// NPS and which one contradicts its rating.
var examples = []struct {
	journey, out string
	o            surveygen.Options
}{
	{"examples/insurance-claim.yaml", "examples/data/insurance-claim.csv",
		surveygen.Options{Respondents: 240, Seed: 1, Driver: "wait-for-adjuster", Contradict: "sign-off-repairs"}},
	{"examples/client-onboarding.yaml", "examples/data/client-onboarding.csv",
		surveygen.Options{Respondents: 160, Seed: 2, Driver: "answer-request-list"}},
	{"examples/building-permit/current.yaml", "examples/data/building-permit.csv",
		surveygen.Options{Respondents: 200, Seed: 3, Driver: "track-status"}},
}

func main() {
	ex := flag.Bool("examples", false, "write every example's data set under examples/data (run from the repository root)")
	in := flag.String("journey", "", "the journey to make answers for")
	out := flag.String("o", "-", "output CSV file (- for standard output)")
	n := flag.Int("n", 1000, "respondents")
	seed := flag.Uint64("seed", 1, "random seed")
	driver := flag.String("driver", "", "the step that drives the NPS")
	withJourney := flag.Bool("journey-column", true, "write the journey column")
	flag.Parse()
	if *ex {
		for _, e := range examples {
			e.o.Journey = true
			if err := gen(e.journey, e.out, e.o); err != nil {
				fmt.Fprintln(os.Stderr, "gensurvey:", err)
				os.Exit(1)
			}
			fmt.Println("wrote", e.out)
		}
		return
	}
	if *in == "" {
		fmt.Fprintln(os.Stderr, "usage: gensurvey -examples | gensurvey -journey FILE [-n RESPONDENTS] [-driver STEP] [-seed N] [-o OUT.csv]")
		os.Exit(2)
	}
	if err := gen(*in, *out, surveygen.Options{Respondents: *n, Seed: *seed, Driver: *driver, Journey: *withJourney}); err != nil {
		fmt.Fprintln(os.Stderr, "gensurvey:", err)
		os.Exit(1)
	}
}

func gen(in, out string, o surveygen.Options) error {
	data, err := os.ReadFile(in)
	if err != nil {
		return err
	}
	j, fs, _ := journey.ParseOpts(in, data, journey.Options{Dir: filepath.Dir(in)})
	if j == nil {
		return fmt.Errorf("%s is not a valid journey: %v", in, fs)
	}
	if out == "-" {
		return surveygen.Write(os.Stdout, j, o)
	}
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return err
	}
	return fsutil.WriteAtomic(out, 0o644, func(w io.Writer) error { return surveygen.Write(w, j, o) })
}
