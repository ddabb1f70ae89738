package deck

import (
	"fmt"
	"io"
	"testing"

	"github.com/cxmap/cxmap/internal/testgen"
	"github.com/cxmap/cxmap/pkg/journey"
)

func genJourney(tb testing.TB, steps int) *journey.Journey {
	tb.Helper()
	src := testgen.Journey(1, steps)
	j, fs := journey.Parse(fmt.Sprintf("gen-%d.yaml", steps), src)
	if j == nil {
		tb.Fatalf("generated journey invalid: %v", fs)
	}
	return j
}

func BenchmarkPages(b *testing.B) {
	for _, n := range []int{16, 60} {
		j := genJourney(b, n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for range b.N {
				Pages(j, Sizes["16:9"], false)
			}
		})
	}
}

func BenchmarkDeck(b *testing.B) {
	for _, n := range []int{16, 60} {
		j := genJourney(b, n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for range b.N {
				d, err := Build(j, Options{})
				if err != nil {
					b.Fatal(err)
				}
				if err := PDF(io.Discard, d); err != nil {
					b.Fatal(err)
				}
				if err := PPTX(io.Discard, d); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
