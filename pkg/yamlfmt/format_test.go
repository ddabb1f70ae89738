package yamlfmt

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/cxmap/cxmap/internal/golden"
	"github.com/cxmap/cxmap/internal/testgen"
	"github.com/cxmap/cxmap/pkg/journey"
	"github.com/cxmap/cxmap/pkg/yamledit"
)

// corpus is every journey and catalog under examples/ and testdata/.
func corpus(t *testing.T) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	for _, root := range []string{"../../examples", "../../testdata"} {
		filepath.WalkDir(root, func(p string, e os.DirEntry, err error) error {
			if err != nil || e.IsDir() || (filepath.Ext(p) != ".yaml" && filepath.Ext(p) != ".yml") {
				return err
			}
			data, err := os.ReadFile(p)
			if err == nil {
				out[p] = data
			}
			return err
		})
	}
	return out
}

// TestCorpus formats every example and testdata file: a file fmt accepts
// formats to a fixed point (fmt of fmt is the same bytes); the examples are
// all accepted.
func TestCorpus(t *testing.T) {
	accepted := 0
	for name, data := range corpus(t) {
		out, err := Format(name, data)
		if err != nil {
			var r *Refusal
			if !errors.As(err, &r) {
				t.Errorf("%s: error is not a Refusal: %v", name, err)
			}
			if strings.Contains(name, "examples") && !strings.Contains(filepath.ToSlash(name), "examples/themes/") {
				t.Errorf("%s: %v", name, err)
			}
			t.Logf("refused: %v", err)
			continue
		}
		accepted++
		again, err := Format(name, out)
		if err != nil {
			t.Errorf("%s: formatted output refused: %v\n%s", name, err, out)
			continue
		}
		if !bytes.Equal(again, out) {
			t.Errorf("%s: not idempotent:\n%s\n---\n%s", name, out, again)
		}
	}
	t.Logf("%d files formatted", accepted)
}

// TestGolden formats each testdata/*.yaml: the output (or, for refuse-*,
// the refusal) is compared with NAME.golden.
func TestGolden(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.yaml")
	if len(files) < 5 {
		t.Fatalf("only %d cases", len(files))
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".yaml")
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			out, err := Format(name+".yaml", data)
			refuse := strings.HasPrefix(name, "refuse-")
			switch {
			case refuse && err == nil:
				t.Fatalf("formatted, want a refusal:\n%s", out)
			case refuse:
				out = []byte(err.Error() + "\n")
			case err != nil:
				t.Fatal(err)
			default:
				if again, err := Format(name+".yaml", out); err != nil || !bytes.Equal(again, out) {
					t.Errorf("not idempotent (%v):\n%s", err, again)
				}
			}
			golden.Check(t, filepath.Join("testdata", name+".golden"), out)
		})
	}
}

// TestCommentsKept: on every file fmt accepts, the output has the same
// comments, in the same number, as the input.
func TestCommentsKept(t *testing.T) {
	for name, data := range corpus(t) {
		out, err := Format(name, data)
		if err != nil {
			continue
		}
		a, b := commentTexts(t, name, data), commentTexts(t, name, out)
		slices.Sort(a)
		slices.Sort(b)
		if !slices.Equal(a, b) {
			t.Errorf("%s: comments %q, were %q", name, b, a)
		}
	}
}

func commentTexts(t *testing.T, name string, data []byte) []string {
	d, err := yamledit.Parse(name, data)
	if err != nil {
		t.Fatal(err)
	}
	cs, _ := d.Comments()
	var out []string
	for _, c := range cs {
		out = append(out, c.Text)
	}
	return out
}

// TestGenerated formats generated journeys (every field of the format):
// accepted, idempotent, and the journey model unchanged.
func TestGenerated(t *testing.T) {
	for seed := int64(0); seed < 5; seed++ {
		data := testgen.Journey(seed, 20)
		out, err := Format("gen.yaml", data)
		if err != nil {
			t.Fatal(err)
		}
		if again, _ := Format("gen.yaml", out); !bytes.Equal(again, out) {
			t.Errorf("seed %d: not idempotent", seed)
		}
		a, fa := journey.Parse("gen.yaml", data)
		b, fb := journey.Parse("gen.yaml", out)
		if len(fa)+len(fb) > 0 {
			t.Fatalf("findings: %v %v", fa, fb)
		}
		if len(a.Stages) != len(b.Stages) || a.Title != b.Title || len(a.Lanes) != len(b.Lanes) {
			t.Errorf("seed %d: the journey changed", seed)
		}
	}
}

// TestExamplesAreCanonical: the examples are in fmt's form, so a user who
// copies one and runs `cxmap fmt --check` starts clean.
func TestExamplesAreCanonical(t *testing.T) {
	files, _ := filepath.Glob("../../examples/*.yaml")
	more, _ := filepath.Glob("../../examples/*/*.yaml")
	files = append(files, more...)
	n := 0
	for _, f := range files {
		if strings.Contains(filepath.ToSlash(f), "examples/themes/") {
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out, err := Format(f, data)
		if err != nil {
			t.Errorf("%s: %v", f, err)
			continue
		}
		if !bytes.Equal(out, data) {
			t.Errorf("%s is not in canonical form: run cxmap fmt %s", f, f)
		}
		n++
	}
	if n < 5 {
		t.Fatalf("only %d examples checked", n)
	}
}
