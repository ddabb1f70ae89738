package importer

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cxmap/cxmap/internal/golden"
	"github.com/cxmap/cxmap/pkg/journey"
	"github.com/cxmap/cxmap/pkg/render/mermaid"
)

// TestMermaidRoundTrip: each example drawn by `render -f mermaid`, imported
// and drawn again, gives the same diagram: the same stages, steps (task
// names), scores and actors.
func TestMermaidRoundTrip(t *testing.T) {
	files, _ := filepath.Glob("../../examples/*.yaml")
	more, _ := filepath.Glob("../../examples/*/*.yaml")
	n := 0
	for _, f := range append(files, more...) {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		pr := journey.ParseFile(f, data, journey.Options{})
		if pr.Journey == nil {
			continue // a catalog
		}
		var first bytes.Buffer
		mermaid.Write(&first, pr.Journey)
		res, err := Mermaid("in.mmd", first.Bytes(), "out.yaml")
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		j, fs := journey.Parse("out.yaml", res.YAML)
		if j == nil {
			t.Fatalf("%s: %v", f, fs)
		}
		var second bytes.Buffer
		mermaid.Write(&second, j)
		if first.String() != second.String() {
			t.Errorf("%s: round trip differs:\n%s\n---\n%s", f, first.String(), second.String())
		}
		n++
	}
	if n < 3 {
		t.Fatalf("only %d examples", n)
	}
}

func TestMermaidGolden(t *testing.T) {
	in := "# Our onboarding\n\n```mermaid\njourney\n  title Open an account\n  section Discover\n    Finds the bank: 4: Web site, Friend\n    Reads the fees: 2: Web site\n  section Apply\n    Fills in the form: 1: App\n    Waits for the card: 3\n```\n"
	res, err := Mermaid("README.md", []byte(in), "account.yaml")
	if err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "testdata/mermaid.golden", append(res.YAML, []byte("# todo:\n# "+strings.Join(res.Todo, "\n# ")+"\n")...))
}

func TestMermaidErrors(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"graph TD\n  a-->b\n", `in.mmd:1:1: not a Mermaid journey: the diagram starts with "graph TD"`},
		{"journey\n  section A\n    Task: 7: Me\n", `in.mmd:3:11: the score of task "Task" must be a whole number from 1 to 5, found "7"`},
		{"journey\n  section A\n    Task without score\n", `in.mmd:3:5: a task is written`},
		{"journey\n  title Empty\n", `in.mmd: the journey has no tasks`},
	} {
		_, err := Mermaid("in.mmd", []byte(tt.in), "out.yaml")
		var e *Error
		if !errors.As(err, &e) || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q: error %v, want %q", tt.in, err, tt.want)
		}
	}
}
