package yamlfmt

import (
	"testing"

	"github.com/cxmap/cxmap/internal/testgen"
)

// BenchmarkFormat formats one generated 50-step journey (make bench runs
// cxmap fmt on 1,000 of them against validate).
func BenchmarkFormat(b *testing.B) {
	data := testgen.Journey(1, 50)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Format("bench.yaml", data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCheckFormatted formats a file already in canonical form (what
// fmt --check does on every file of a formatted repository).
func BenchmarkCheckFormatted(b *testing.B) {
	data, err := Format("bench.yaml", testgen.Journey(1, 50))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Format("bench.yaml", data); err != nil {
			b.Fatal(err)
		}
	}
}
