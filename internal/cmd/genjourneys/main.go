// Command genjourneys writes a portfolio of synthetic journeys for
// benchmarks: go run ./internal/cmd/genjourneys -n 1000 -steps 50 -o DIR.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/cxmap/cxmap/internal/testgen"
)

func main() {
	n := flag.Int("n", 1000, "number of journeys")
	steps := flag.Int("steps", 50, "steps per journey")
	out := flag.String("o", "bench-portfolio", "output directory")
	flag.Parse()
	if err := testgen.Portfolio(*out, *n, *steps); err != nil {
		fmt.Fprintln(os.Stderr, "genjourneys:", err)
		os.Exit(1)
	}
}
