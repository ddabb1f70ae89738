package diff

import (
	"bytes"
	"io"
	"testing"

	"github.com/cxmap/cxmap/internal/testgen"
	"github.com/cxmap/cxmap/pkg/journey"
)

// benchPair is a generated journey and a version of it where every red
// rating (steps and touchpoints) is green and one pain is gone: a large
// diff, as a redesign would give.
func benchPair(b *testing.B, steps int) (*journey.Journey, *journey.Journey) {
	b.Helper()
	old := testgen.Journey(1, steps)
	new := bytes.ReplaceAll(old, []byte("rating: red"), []byte("rating: green"))
	new = bytes.ReplaceAll(new, []byte("pains: [Takes too long, "), []byte("pains: ["))
	oj, fs := journey.Parse("old.yaml", old)
	if oj == nil {
		b.Fatal(fs)
	}
	nj, fs := journey.Parse("new.yaml", new)
	if nj == nil {
		b.Fatal(fs)
	}
	return oj, nj
}

func BenchmarkCompare(b *testing.B) {
	old, new := benchPair(b, 2000)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Compare(old, new)
	}
}

func BenchmarkText(b *testing.B) {
	old, new := benchPair(b, 2000)
	d := Compare(old, new)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Text(io.Discard, d, FormatOptions{})
	}
}
