package main

import (
	"os"
	"testing"

	"github.com/cxmap/cxmap/pkg/cli"
	"github.com/rogpeppe/go-internal/testscript"
)

// TestMain lets the test binary double as the cxmap command inside scripts.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"cxmap": func() { os.Exit(cli.Main(os.Args[1:], cli.System())) },
	})
}

// TestScripts runs the end-to-end scripts in testdata/script: each runs the
// real command on real files and checks its output and exit code.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Setup: func(env *testscript.Env) error {
			// Examples are shared with the scripts through $EXAMPLES.
			wd, _ := os.Getwd()
			env.Setenv("EXAMPLES", wd+"/../../examples")
			env.Setenv("NO_COLOR", "1")
			return nil
		},
	})
}
