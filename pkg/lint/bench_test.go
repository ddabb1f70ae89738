package lint

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"

	"github.com/cxmap/cxmap/internal/testgen"
	"github.com/cxmap/cxmap/pkg/inputs"
	"github.com/cxmap/cxmap/pkg/journey"
	"go.yaml.in/yaml/v3"
)

// The benchmarks compare, on the same generated journeys (50 steps each,
// every field used): the bare YAML parse, the loader (parse + validation +
// model), the rules alone, and the loader plus the rules (what `cxmap lint`
// does per file). Goal: lint within 1.5x of the bare parse.
//
//	go test ./pkg/lint -run '^$' -bench . -benchmem
const benchFiles, benchSteps = 50, 50

func benchInputs() [][]byte {
	out := make([][]byte, benchFiles)
	for i := range out {
		out[i] = testgen.Journey(int64(i), benchSteps)
	}
	return out
}

func reportFiles(b *testing.B, n int) {
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "files/s")
}

func BenchmarkYAMLParse(b *testing.B) {
	in := benchInputs()
	b.ResetTimer()
	for range b.N {
		for _, data := range in {
			var doc yaml.Node
			if err := yaml.NewDecoder(bytes.NewReader(data)).Decode(&doc); err != nil {
				b.Fatal(err)
			}
		}
	}
	reportFiles(b, len(in))
}

func BenchmarkLoad(b *testing.B) {
	in := benchInputs()
	b.ResetTimer()
	for range b.N {
		for _, data := range in {
			if j, fs := journey.Parse("j.yaml", data); j == nil {
				b.Fatal(fs)
			}
		}
	}
	reportFiles(b, len(in))
}

func BenchmarkRules(b *testing.B) {
	var js []*journey.Journey
	for _, data := range benchInputs() {
		j, fs := journey.Parse("j.yaml", data)
		if j == nil {
			b.Fatal(fs)
		}
		js = append(js, j)
	}
	o := testOptions()
	b.ResetTimer()
	for range b.N {
		for _, j := range js {
			Lint(j, o)
		}
	}
	reportFiles(b, len(js))
}

func BenchmarkLoadAndLint(b *testing.B) {
	in := benchInputs()
	o := testOptions()
	b.ResetTimer()
	for range b.N {
		for _, data := range in {
			j, fs := journey.Parse("j.yaml", data)
			if j == nil {
				b.Fatal(fs)
			}
			Lint(j, o)
		}
	}
	reportFiles(b, len(in))
}

// portfolioSize is how many files BenchmarkPortfolio writes (make bench
// passes -portfolio 1000 for the 1,000-journey figure).
var portfolioSize = flag.Int("portfolio", 200, "journeys in BenchmarkPortfolio")

// BenchmarkPortfolio measures the whole per-command path on files on disk,
// as `cxmap lint DIR` runs it (parallel walk and load): the bare YAML parse
// of the same files, validate (load only), and lint (load + rules).
func BenchmarkPortfolio(b *testing.B) {
	dir := b.TempDir()
	if err := testgen.Portfolio(dir, *portfolioSize, benchSteps); err != nil {
		b.Fatal(err)
	}
	paths, err := filepath.Glob(filepath.Join(dir, "*.yaml"))
	if err != nil || len(paths) != *portfolioSize {
		b.Fatalf("portfolio: %d files, %v", len(paths), err)
	}
	o := testOptions()
	b.Run("yaml", func(b *testing.B) {
		for range b.N {
			parallel(paths, func(p string) {
				data, err := os.ReadFile(p)
				if err != nil {
					b.Error(err)
					return
				}
				var doc yaml.Node
				if err := yaml.Unmarshal(data, &doc); err != nil {
					b.Error(err)
				}
			})
		}
		reportFiles(b, len(paths))
	})
	b.Run("validate", func(b *testing.B) {
		for range b.N {
			for _, r := range inputs.Load([]string{dir}, inputs.Options{}) {
				if r.Journey == nil {
					b.Fatal(r.Path, r.Err, r.Findings)
				}
			}
		}
		reportFiles(b, len(paths))
	})
	b.Run("lint", func(b *testing.B) {
		for range b.N {
			for _, r := range inputs.Load([]string{dir}, inputs.Options{}) {
				if r.Journey == nil {
					b.Fatal(r.Path, r.Err, r.Findings)
				}
				Lint(r.Journey, o)
			}
		}
		reportFiles(b, len(paths))
	})
}

// parallel runs fn over paths on GOMAXPROCS workers, as inputs.Load does.
func parallel(paths []string, fn func(string)) {
	next := make(chan string)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := range next {
				fn(p)
			}
		}()
	}
	for _, p := range paths {
		next <- p
	}
	close(next)
	wg.Wait()
}
