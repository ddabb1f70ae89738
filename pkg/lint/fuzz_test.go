package lint

import (
	"testing"

	"github.com/cxmap/cxmap/internal/testgen"
	"github.com/cxmap/cxmap/pkg/journey"
)

// FuzzLint: whatever the loader accepts, lint does not panic and every
// finding has a place in the file and a message. Minimizing an interesting
// input runs many parses uncounted, so keep -fuzzminimizetime short:
//
//	go test ./pkg/lint -run '^$' -fuzz FuzzLint -fuzztime 30s -fuzzminimizetime 3s
func FuzzLint(f *testing.F) {
	f.Add([]byte(base))
	f.Add([]byte("# cxmap:ignore missing-owner,\n" + base))
	f.Add([]byte(base + "  - id: x # cxmap:ignore\n    name: X\n    steps: []\n"))
	f.Add(testgen.Journey(1, 5))
	o := testOptions()
	f.Fuzz(func(t *testing.T, data []byte) {
		j, _ := journey.Parse("f.yaml", data)
		if j == nil {
			return
		}
		for _, fd := range Lint(j, o) {
			if fd.Line < 1 || fd.Column < 1 || fd.EndLine < fd.Line || (fd.EndLine == fd.Line && fd.EndColumn <= fd.Column) || fd.Message == "" {
				t.Fatalf("bad finding %+v", fd)
			}
		}
	})
}
