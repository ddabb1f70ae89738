// Command cxmap checks, lints, renders, reports on and diffs customer journey
// maps kept as YAML files. All the work is in pkg/cli and the packages below.
package main

import (
	"os"
	"runtime/debug"

	"github.com/cxmap/cxmap/pkg/cli"
)

func main() {
	// cxmap is a short batch run whose live heap is small (each journey is
	// dropped once checked): collecting half as often saves ~10% of CPU on a
	// large portfolio for a few MB more. GOGC still wins when set.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(200)
	}
	os.Exit(cli.Main(os.Args[1:], cli.System()))
}
