// Command cxmap checks, lints, renders, reports on and diffs customer journey
// maps kept as YAML files. All the work is in pkg/cli and the packages below.
package main

import (
	"os"

	"github.com/cxmap/cxmap/pkg/cli"
)

func main() {
	os.Exit(cli.Main(os.Args[1:], cli.System()))
}
