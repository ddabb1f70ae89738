package cli

import (
	"bytes"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cxmap/cxmap/internal/testgen"
	"github.com/cxmap/cxmap/pkg/journey"
	"github.com/cxmap/cxmap/pkg/render/draw"
	"github.com/cxmap/cxmap/pkg/render/layout"
	"github.com/cxmap/cxmap/pkg/render/raster"
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

// pngFits computes the PNG size from the grid as pkg/render/raster does from the
// json; the two must agree, or the check refuses the wrong pictures.
func TestPNGSizeMatchesRaster(t *testing.T) {
	data, err := os.ReadFile("../../testdata/render/permit.yaml")
	if err != nil {
		t.Fatal(err)
	}
	j, fs := journey.Parse("permit.yaml", data)
	if j == nil {
		t.Fatal(fs)
	}
	g, err := layout.Build(j, layout.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var js bytes.Buffer
	if err := draw.JSON(g, &js); err != nil {
		t.Fatal(err)
	}
	s, err := raster.Parse(js.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("grid %v×%v, scene bb %v,%v..%v,%v pad %v,%v", g.Width, g.Height, s.X0, s.Y0, s.X1, s.Y1, s.PadX, s.PadY)
	for _, scale := range []float64{1, 2, 3.7} {
		w, h := raster.PixelSize(s, scale)
		pw, ph := pngSize(g, scale)
		if pw != w || ph != h {
			t.Errorf("scale %v: grid says %d×%d px, raster %d×%d", scale, pw, ph, w, h)
		}
	}
	// Just over the side limit is refused, just under accepted.
	side := float64(raster.MaxSide)
	png := []string{"png"}
	if err := rasterFits(&layout.Grid{Width: side - 2*pngPad - cornerSize + 1, Height: 10}, png, 1); err == nil {
		t.Error("a picture over the side limit passes")
	}
	if err := rasterFits(&layout.Grid{Width: side - 2*pngPad - cornerSize, Height: 10}, png, 1); err != nil {
		t.Errorf("a picture at the side limit is refused: %v", err)
	}
	// PDF: refused past a 4x shrink, whatever the scale.
	pdf := []string{"pdf"}
	if err := rasterFits(&layout.Grid{Width: 4*raster.MaxPDFSide + 100, Height: 10}, pdf, 1); err == nil {
		t.Error("a PDF past the shrink limit passes")
	}
	if err := rasterFits(&layout.Grid{Width: 3 * raster.MaxPDFSide, Height: 10}, pdf, 1); err != nil {
		t.Errorf("a PDF within the shrink limit is refused: %v", err)
	}
}

func TestRenderScaleMustBeFinite(t *testing.T) {
	for _, s := range []float64{math.NaN(), math.Inf(1), math.Inf(-1), 0, -1, 17} {
		o := &RenderOptions{Paths: []string{"x.yaml"}, Formats: []string{"svg"}, Out: ".", Scale: s}
		if err := o.check(); exitCode(err) != ExitUsage {
			t.Errorf("--scale %v: %v, want a usage error", s, err)
		}
	}
}
