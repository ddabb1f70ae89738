package cli

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// notFlagFamilies are registries that no flag of their own takes, so
// TestRegistriesAreTheOnlyLists cannot run them: each with why.
var notFlagFamilies = map[string]string{
	// report --drivers DATA -f NAME: report's -f, read as a drivers
	// format when --drivers is given (completion offers report's formats).
	"pkg/measure/drivers_format.go": "report --drivers",
}

// TestEveryRegistryIsAFamily reads every registry.New in the program and
// fails unless `families` (registry_test.go) runs it, found by its flag
// and names: a registry added without a line there would escape the
// help, completion, did-you-mean and docs checks.
func TestEveryRegistryIsAFamily(t *testing.T) {
	root := filepath.Join("..", "..")
	found := 0
	err := filepath.WalkDir(filepath.Join(root, "pkg"), func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		rel = filepath.ToSlash(rel)
		file, err := parser.ParseFile(token.NewFileSet(), path, nil, 0)
		if err != nil {
			return err
		}
		ast.Inspect(file, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || !isRegistryNew(call) || len(call.Args) == 0 {
				return true
			}
			found++
			if _, ok := notFlagFamilies[rel]; ok {
				return false
			}
			flag, names := registryDecl(call)
			// Names that are not literals: the registry's entry type is
			// declared in the file's package.
			pkg := "github.com/cxmap/cxmap/" + filepath.ToSlash(filepath.Dir(rel)) + "."
			for _, c := range families {
				if c.flag == flag && (slices.Equal(c.reg.Names(), names) ||
					len(names) == 0 && strings.Contains(reflect.TypeOf(c.reg).String(), pkg)) {
					return false
				}
			}
			t.Errorf("%s: registry %s %q is not in families (pkg/cli/registry_test.go): add its command there", rel, flag, names)
			return false
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if found < len(families)-1 { // validate and lint share one
		t.Errorf("found %d registries, fewer than the %d families: the scan is broken", found, len(families))
	}
}

func isRegistryNew(call *ast.CallExpr) bool {
	fun := call.Fun
	if ix, ok := fun.(*ast.IndexExpr); ok {
		fun = ix.X
	}
	sel, ok := fun.(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "New" {
		return false
	}
	id, ok := sel.X.(*ast.Ident)
	return ok && id.Name == "registry"
}

// registryDecl reads the flag and the entries' names of a registry.New
// call: every `Name: "x"` in it, or the first string of a Meta written
// without keys.
func registryDecl(call *ast.CallExpr) (flag string, names []string) {
	if lit, ok := call.Args[0].(*ast.BasicLit); ok {
		flag, _ = strconv.Unquote(lit.Value)
	}
	for _, a := range call.Args[1:] {
		ast.Inspect(a, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.KeyValueExpr:
				if k, ok := n.Key.(*ast.Ident); ok && k.Name == "Name" {
					if v, ok := n.Value.(*ast.BasicLit); ok {
						s, _ := strconv.Unquote(v.Value)
						names = append(names, s)
						return false
					}
				}
			case *ast.CompositeLit:
				if sel, ok := n.Type.(*ast.SelectorExpr); ok && sel.Sel.Name == "Meta" && len(n.Elts) > 0 {
					if v, ok := n.Elts[0].(*ast.BasicLit); ok {
						s, _ := strconv.Unquote(v.Value)
						names = append(names, s)
						return false
					}
				}
			}
			return true
		})
	}
	return flag, names
}
