package draw

import (
	"bytes"
	"fmt"
	"io"
	"os/exec"
	"testing"

	"github.com/cxmap/cxmap/internal/testgen"
	"github.com/cxmap/cxmap/pkg/journey"
	"github.com/cxmap/cxmap/pkg/render/layout"
)

// BenchmarkNativeNeato times a native Graphviz (`neato -n2`, Debian's
// graphviz package) on the same DOT as BenchmarkSVG, for comparison with
// the WASM build. It is skipped when neato is not installed: no test needs it.
func BenchmarkNativeNeato(b *testing.B) {
	neato, err := exec.LookPath("neato")
	if err != nil {
		b.Skip("neato not installed (apt-get install graphviz)")
	}
	for _, n := range []int{10, 50, 200, 1000} {
		j, _ := journey.Parse("gen.yaml", testgen.Journey(1, n))
		g, _ := layout.Build(j, layout.Options{})
		dot := DOT(g)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				cmd := exec.Command(neato, "-n2", "-Tsvg")
				cmd.Stdin = bytes.NewReader(dot)
				cmd.Stdout = io.Discard
				if err := cmd.Run(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
