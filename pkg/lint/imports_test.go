package lint

import (
	"go/build"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

const module = "github.com/cxmap/cxmap/"

// checkStage are the packages that load and check journeys; outputStage
// the ones that write what the checks found or draw the journeys.
var (
	checkStage  = []string{"pkg/lint", "pkg/journey", "pkg/finding", "pkg/config", "pkg/inputs", "pkg/labelfit", "pkg/textmetrics"}
	outputStage = []string{"pkg/render", "pkg/findings", "pkg/report", "pkg/diff", "pkg/history", "pkg/deck", "pkg/site", "pkg/cli"}
)

// deps lists the packages of this module that pkg imports, directly or
// not, reading the source (go/build.ImportDir, no go command): the import
// path of each, with the chain that reaches it.
func deps(t *testing.T, pkg string) map[string]string {
	t.Helper()
	root := filepath.Join("..", "..")
	seen := map[string]string{pkg: pkg}
	todo := []string{pkg}
	for len(todo) > 0 {
		p := todo[0]
		todo = todo[1:]
		bp, err := build.ImportDir(filepath.Join(root, filepath.FromSlash(p)), 0)
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		for _, imp := range bp.Imports {
			rel, ok := strings.CutPrefix(imp, module)
			if !ok || seen[rel] != "" {
				continue
			}
			seen[rel] = seen[p] + " → " + rel
			todo = append(todo, rel)
		}
	}
	delete(seen, pkg)
	return seen
}

// outputsIn names the output packages among deps, with their chains.
func outputsIn(deps map[string]string) []string {
	var out []string
	for p, chain := range deps {
		for _, o := range outputStage {
			if p == o || strings.HasPrefix(p, o+"/") {
				out = append(out, chain)
			}
		}
	}
	slices.Sort(out)
	return out
}

// TestCheckStageImportsNoOutput: the pipeline runs load → check → output,
// and the tree says so: no check package imports an output package
// (label-truncated measures with pkg/labelfit, not the layout), so a
// change to a picture never changes what lint finds.
func TestCheckStageImportsNoOutput(t *testing.T) {
	for _, p := range checkStage {
		if bad := outputsIn(deps(t, p)); len(bad) > 0 {
			t.Errorf("check package %s imports output packages:\n  %s", p, strings.Join(bad, "\n  "))
		}
	}
	// The scan sees an output package where there is one.
	if bad := outputsIn(deps(t, "cmd/cxmap")); len(bad) == 0 {
		t.Error("cmd/cxmap imports no output package: the import scan is broken")
	}
}
