package cli

import (
	"math"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cxmap/cxmap/internal/testgen"
)

func twoStages(id, s1, s2 string) string {
	return "cxmap: 1\nid: " + id + "\ntitle: T\nstages:\n" +
		"  - id: " + s1 + "\n    name: One\n    steps: [{id: x1, action: Does}]\n" +
		"  - id: " + s2 + "\n    name: Two\n    steps: []\n"
}

func TestRenderRefusesCollidingFiles(t *testing.T) {
	dir := t.TempDir()
	a := write(t, dir, "a.yaml", twoStages("a", "b-c", "z"))
	ab := write(t, dir, "ab.yaml", twoStages("a-b", "c", "y"))
	out := filepath.Join(dir, "out")
	io, _, stderr := TestStreams("")
	err := renderRun(&RenderOptions{IO: io, Paths: []string{a, ab}, Formats: []string{"svg"}, Out: out, Scale: 2, Split: "stage"})
	if exitCode(err) != ExitUsage {
		t.Fatalf("exit %d (%v), want 2", exitCode(err), err)
	}
	for _, want := range []string{`journey "a" stage "b-c"`, `journey "a-b" stage "c"`, "a-b-c"} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	if fs := files(t, out); len(fs) > 0 {
		t.Fatalf("files written despite the collision: %v", fs)
	}
}

func TestRenderSkipsEmptyStages(t *testing.T) {
	dir := t.TempDir()
	a := write(t, dir, "a.yaml", twoStages("a", "one", "empty"))
	out := filepath.Join(dir, "out")
	io, _, stderr := TestStreams("")
	if err := renderRun(&RenderOptions{IO: io, Paths: []string{a}, Formats: []string{"svg"}, Out: out, Scale: 2, Split: "stage", Verbose: true}); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(files(t, out), " "); got != "a-one.svg" {
		t.Fatalf("files %q, want a-one.svg only", got)
	}
	if !strings.Contains(stderr.String(), "no steps get no page: empty") {
		t.Fatalf("-v does not say the empty stage was skipped:\n%s", stderr)
	}
}

// A PNG over the size limit is refused before any file of the journey is
// written: all formats or none.
func TestRenderTooLargeWritesNothing(t *testing.T) {
	dir := t.TempDir()
	big := write(t, dir, "big.yaml", string(testgen.Journey(3, 60)))
	small := write(t, dir, "small.yaml", renderOK)
	out := filepath.Join(dir, "out")
	io, _, stderr := TestStreams("")
	err := renderRun(&RenderOptions{IO: io, Paths: []string{big, small}, Formats: []string{"svg", "png", "pdf"}, Out: out, Scale: 16})
	if exitCode(err) != ExitUsage {
		t.Fatalf("exit %d (%v), want 2", exitCode(err), err)
	}
	if !strings.Contains(stderr.String(), "big.yaml") || !strings.Contains(stderr.String(), "nothing written") {
		t.Fatalf("stderr:\n%s", stderr)
	}
	for _, f := range files(t, out) {
		if !strings.HasPrefix(f, "tiny.") {
			t.Fatalf("file %s written for the refused journey (all: %v)", f, files(t, out))
		}
	}
}

func TestRenderScaleMustBeFinite(t *testing.T) {
	for _, s := range []float64{math.NaN(), math.Inf(1), math.Inf(-1), 0, -1, 17} {
		o := &RenderOptions{Paths: []string{"x.yaml"}, Formats: []string{"svg"}, Out: ".", Scale: s}
		if _, err := o.check(); exitCode(err) != ExitUsage {
			t.Errorf("--scale %v: %v, want a usage error", s, err)
		}
	}
}
