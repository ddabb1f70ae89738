package funclen

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// MaxLines is the most lines a function in pkg/ may have, counted from
// the line of its func keyword to the line of its closing brace.
const MaxLines = 100

// stillLong are functions allowed over MaxLines, by file and name
// ("pkg/deck/pptx.go PPTX"): none. An entry is for a function being split
// on another branch, and is removed when that branch is merged.
var stillLong = map[string]bool{}

// long is a function over the limit: where it starts, its name
// (Type.Method for a method) and its length in lines.
type long struct {
	pos   token.Position
	name  string
	lines int
}

// longFuncs lists the functions of src (a Go file) longer than max lines.
func longFuncs(fset *token.FileSet, filename string, src any, max int) ([]long, error) {
	f, err := parser.ParseFile(fset, filename, src, parser.SkipObjectResolution)
	if err != nil {
		return nil, err
	}
	var out []long
	for _, d := range f.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok || fd.Body == nil {
			continue
		}
		start, end := fset.Position(fd.Pos()), fset.Position(fd.End())
		if n := end.Line - start.Line + 1; n > max {
			out = append(out, long{pos: start, name: funcName(fd), lines: n})
		}
	}
	return out, nil
}

// funcName is fd's name, with its receiver's type for a method.
func funcName(fd *ast.FuncDecl) string {
	if fd.Recv == nil || len(fd.Recv.List) == 0 {
		return fd.Name.Name
	}
	t := fd.Recv.List[0].Type
	if s, ok := t.(*ast.StarExpr); ok {
		t = s.X
	}
	switch x := t.(type) {
	case *ast.IndexExpr: // a generic type: T[P]
		t = x.X
	case *ast.IndexListExpr: // T[P, Q]
		t = x.X
	}
	if id, ok := t.(*ast.Ident); ok {
		return id.Name + "." + fd.Name.Name
	}
	return fd.Name.Name
}

// TestNoLongFunctions parses every non-test Go file under pkg/ (not
// testdata) and fails naming file:line, function and length for each
// function over MaxLines, but for the ones in stillLong; an entry of
// stillLong that is no longer long fails too, so the list only shrinks.
func TestNoLongFunctions(t *testing.T) {
	root := filepath.Join("..", "..")
	fset := token.NewFileSet()
	seen := map[string]bool{}
	files := 0
	err := filepath.WalkDir(filepath.Join(root, "pkg"), func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		rel, err := filepath.Rel(root, p)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		found, err := longFuncs(fset, p, nil, MaxLines)
		if err != nil {
			return err
		}
		files++
		for _, l := range found {
			key := rel + " " + l.name
			if stillLong[key] {
				seen[key] = true
				continue
			}
			t.Errorf("%s:%d: %s is %d lines, over %d: split it into named steps", rel, l.pos.Line, l.name, l.lines, MaxLines)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files < 100 {
		t.Fatalf("read %d Go files under pkg/: the walk is broken", files)
	}
	var stale []string
	for k := range stillLong {
		if !seen[k] {
			stale = append(stale, k)
		}
	}
	slices.Sort(stale)
	for _, k := range stale {
		t.Errorf("%s is no longer over %d lines (or gone): remove it from stillLong", k, MaxLines)
	}
}

// TestLongFuncs: the measure counts from the func line to the closing
// brace, so a function of MaxLines lines passes and one more line fails;
// methods are named with their type.
func TestLongFuncs(t *testing.T) {
	body := func(lines int) string { // a function of exactly lines lines
		return "{\n" + strings.Repeat("\t_ = 0\n", lines-2) + "}\n"
	}
	cases := []struct {
		name, src string
		want      []string
	}{
		{"at the limit", "func f() " + body(MaxLines), nil},
		{"one over", "func f() " + body(MaxLines+1), []string{"x.go:3 f 101"}},
		{"method", "type T struct{}\nfunc (t *T) m() " + body(MaxLines+5), []string{"x.go:4 T.m 105"}},
		{"generic method", "type G[P any] struct{}\nfunc (g G[P]) m() " + body(MaxLines+1), []string{"x.go:4 G.m 101"}},
		{"literal inside counts in its function", "func f() {\n\tg := func() " + body(MaxLines) + "\t_ = g\n}\n", []string{"x.go:3 f 103"}},
		{"declaration without body", "func f()\n", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			found, err := longFuncs(token.NewFileSet(), "x.go", "package x\n\n"+c.src, MaxLines)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, l := range found {
				got = append(got, fmt.Sprintf("%s:%d %s %d", l.pos.Filename, l.pos.Line, l.name, l.lines))
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}
