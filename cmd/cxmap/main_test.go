package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/cxmap/cxmap/pkg/cli"
	"github.com/rogpeppe/go-internal/testscript"
	"github.com/xuri/excelize/v2"
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
	// One Graphviz cache for all scripts, so only the first render compiles.
	cache := t.TempDir()
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"corruptcache": corruptCache,
			"xlsxset":      xlsxSet,
		},
		Setup: func(env *testscript.Env) error {
			env.Setenv("XDG_CACHE_HOME", cache)
			// Examples are shared with the scripts through $EXAMPLES.
			wd, _ := os.Getwd()
			env.Setenv("EXAMPLES", wd+"/../../examples")
			env.Setenv("NO_COLOR", "1")
			return nil
		},
	})
}

// corruptCache overwrites every file under the directory with garbage, as a
// crash or a full disk could leave a cache: corruptcache DIR.
func corruptCache(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: corruptcache DIR")
	}
	n := 0
	err := filepath.WalkDir(ts.MkAbs(args[0]), func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		n++
		return os.WriteFile(p, []byte("not a compiled module"), 0o600)
	})
	ts.Check(err)
	if n == 0 {
		ts.Fatalf("no file in %s", args[0])
	}
	fmt.Fprintf(ts.Stdout(), "corrupted %d files\n", n)
}

// xlsxSet edits a workbook cell as a client would in Excel: xlsxset FILE
// SHEET CELL VALUE (a number when VALUE parses as one).
func xlsxSet(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 4 {
		ts.Fatalf("usage: xlsxset FILE SHEET CELL VALUE")
	}
	f, err := excelize.OpenFile(ts.MkAbs(args[0]))
	ts.Check(err)
	defer f.Close()
	var v any = args[3]
	if n, err := strconv.ParseFloat(args[3], 64); err == nil {
		v = n
	}
	ts.Check(f.SetCellValue(args[1], args[2], v))
	ts.Check(f.Save())
}
