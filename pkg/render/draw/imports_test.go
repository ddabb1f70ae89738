package draw

import (
	"go/parser"
	"go/token"
	"path/filepath"
	"strings"
	"testing"
)

// TestDrawOnlyDraws: the grid carries every measured size, so draw never
// measures text; importing textmetrics would mean it does again.
func TestDrawOnlyDraws(t *testing.T) {
	files, _ := filepath.Glob("*.go")
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		ast, err := parser.ParseFile(token.NewFileSet(), f, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range ast.Imports {
			if strings.Contains(imp.Path.Value, "/textmetrics") {
				t.Errorf("%s imports %s: put the measure in the grid (pkg/render/layout)", f, imp.Path.Value)
			}
		}
	}
}
