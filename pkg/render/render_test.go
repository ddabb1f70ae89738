package render

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/cxmap/cxmap/internal/registry"
	"github.com/cxmap/cxmap/internal/testgen"
	"github.com/cxmap/cxmap/pkg/journey"
	"github.com/cxmap/cxmap/pkg/render/draw"
	"github.com/cxmap/cxmap/pkg/render/layout"
	"github.com/cxmap/cxmap/pkg/render/raster"
	"github.com/cxmap/cxmap/pkg/worker"
)

// tiny is the tiny two-stage journey shared by the render tests.
const tiny = testgen.Tiny

// TestMain refuses to run as a render worker: a test that delegates by
// mistake would start this binary again and again.
func TestMain(m *testing.M) {
	if os.Getenv(WorkerEnv) != "" {
		fmt.Fprintln(os.Stderr, "the test binary was started as a render worker")
		os.Exit(2)
	}
	os.Exit(m.Run())
}

// parse reads a journey that must be valid.
func parse(t *testing.T, path string, data []byte) *journey.Journey {
	t.Helper()
	j, fs := journey.Parse(path, data)
	if j == nil {
		t.Fatalf("%s: %v", path, fs)
	}
	return j
}

// options are the defaults of `cxmap render -f names -o out`.
func options(t *testing.T, out string, names ...string) (*Options, *bytes.Buffer) {
	t.Helper()
	var stderr bytes.Buffer
	// As a worker would: no worker processes unless a test asks for them.
	o := &Options{Out: out, Scale: 2, Stdout: io.Discard, Stderr: &stderr, Getenv: func(k string) string { return map[string]string{WorkerEnv: "1"}[k] }}
	for _, n := range names {
		f, err := Formats.Lookup(n)
		if err != nil {
			t.Fatal(err)
		}
		o.Formats = append(o.Formats, f)
	}
	return o, &stderr
}

func files(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	sort.Strings(names)
	return names
}

func TestLookup(t *testing.T) {
	for _, n := range Formats.Names() {
		if f, err := Formats.Lookup(n); err != nil || f.Name != n || f.Write == nil || f.Work == nil || f.Ext == "" || f.Help == "" {
			t.Errorf("format %q is incomplete: %+v, %v", n, f, err)
		}
	}
	_, err := Formats.Lookup("sgv")
	if err == nil || err.Error() != `-f "sgv" is not one of `+Formats.List()+`; did you mean "svg"?` {
		t.Errorf("got %v", err)
	}
	if _, err := Formats.Lookup("gif"); err == nil || strings.Contains(err.Error(), "did you mean") {
		t.Errorf("gif: %v; want no suggestion", err)
	}
}

// TestFailureWritesNothing makes the PNG step fail: the journey's SVG, made
// before it, is not written either, and no temporary file is left.
func TestFailureWritesNothing(t *testing.T) {
	failPNG := func(w io.Writer, _ []byte, _ float64) error {
		w.Write([]byte("partial"))
		return errors.New("boom")
	}
	out := t.TempDir()
	o, stderr := options(t, out, "svg", "png")
	o.RasterPNG = failPNG
	res, err := Run(context.Background(), []*journey.Journey{parse(t, "ok.yaml", []byte(tiny))}, []string{"ok.yaml"}, false, o)
	if err != nil || !res.Failed || !strings.Contains(stderr.String(), "drawing png: boom; nothing written for this journey") {
		t.Fatalf("res %+v, err %v, stderr %q", res, err, stderr)
	}
	if got := files(t, out); len(got) != 0 {
		t.Fatalf("files %v, want none", got)
	}
}

// TestWroteLines checks that every file written is named, in order, and
// that Quiet names none.
func TestWroteLines(t *testing.T) {
	out := t.TempDir()
	j := parse(t, "ok.yaml", []byte(tiny))
	o, stderr := options(t, out, "svg", "dot")
	o.Split = "stage"
	if _, err := Run(context.Background(), []*journey.Journey{j}, []string{"ok.yaml"}, false, o); err != nil {
		t.Fatal(err)
	}
	var want string
	for _, n := range []string{"tiny-one.svg", "tiny-one.dot", "tiny-two.svg", "tiny-two.dot"} {
		want += "wrote " + filepath.Join(out, n) + "\n"
	}
	if stderr.String() != want {
		t.Fatalf("stderr\n%s\nwant\n%s", stderr, want)
	}
	o, stderr = options(t, out, "svg")
	o.Quiet = true
	if _, err := Run(context.Background(), []*journey.Journey{j}, []string{"ok.yaml"}, false, o); err != nil || stderr.Len() != 0 {
		t.Fatalf("quiet: %v, stderr %q", err, stderr)
	}
}

// TestWorkers checks that a large batch is handed to worker processes in
// shares, with the same flags.
func TestWorkers(t *testing.T) {
	var calls [][]string
	var mu sync.Mutex
	runWorker := func(job worker.Job, stderr io.Writer) (int, error) {
		var wo Options
		if err := worker.Decode(job.Options, &wo); err != nil {
			t.Error(err)
		}
		var names []string
		for _, f := range wo.Formats {
			names = append(names, f.Name)
		}
		mu.Lock()
		defer mu.Unlock()
		calls = append(calls, append([]string{job.Verb, strings.Join(names, ","), wo.Out, wo.Split, "--"}, job.Paths...))
		return 0, nil
	}
	var js []*journey.Journey
	var paths []string
	for i := 0; i < 5; i++ {
		p := fmt.Sprintf("j%d.yaml", i)
		js = append(js, parse(t, p, []byte(strings.Replace(tiny, "id: tiny", fmt.Sprintf("id: tiny%d", i), 1))))
		paths = append(paths, p)
	}
	out := t.TempDir()
	o, _ := options(t, out, "svg", "dot")
	o.RunWorker = runWorker
	o.Split = "stage"
	o.Getenv = func(k string) string { return map[string]string{"CXMAP_RENDERS_PER_PROCESS": "4"}[k] }
	if _, err := Run(context.Background(), js, paths, false, o); err != nil {
		t.Fatal(err)
	}
	// 5 journeys × 2 stages × 1 render = 10 > 4: batches of 2 journeys.
	if len(calls) != 3 {
		t.Fatalf("%d workers, want 3: %q", len(calls), calls)
	}
	sort.Slice(calls, func(i, j int) bool { return strings.Join(calls[i], " ") < strings.Join(calls[j], " ") })
	want := "render svg,dot " + out + " stage -- j0.yaml j1.yaml"
	if got := strings.Join(calls[0], " "); got != want {
		t.Fatalf("worker args\n%s\nwant\n%s", got, want)
	}
	if len(files(t, out)) != 0 {
		t.Fatal("the parent drew files itself")
	}
	// A worker inside a worker is never started.
	calls = nil
	o.Getenv = func(k string) string { return map[string]string{"CXMAP_RENDERS_PER_PROCESS": "4", WorkerEnv: "1"}[k] }
	if _, err := Run(context.Background(), js, paths, false, o); err != nil || len(calls) != 0 || len(files(t, out)) != 20 {
		t.Fatalf("worker mode: err %v, %d calls, files %v", err, len(calls), files(t, out))
	}
}

// TestRasterHooks checks what png and pdf hand to pkg/render/raster:
// Graphviz's json for the same picture, made once, and the --scale.
func TestRasterHooks(t *testing.T) {
	var gotJSON [][]byte
	var gotScale float64
	rasterPNG := func(w io.Writer, gv []byte, scale float64) error {
		gotJSON, gotScale = append(gotJSON, gv), scale
		_, err := w.Write([]byte("\x89PNG"))
		return err
	}
	rasterPDF := func(w io.Writer, gv []byte) error {
		gotJSON = append(gotJSON, gv)
		_, err := w.Write([]byte("%PDF"))
		return err
	}
	out := t.TempDir()
	o, stderr := options(t, out, "png", "pdf")
	o.RasterPNG, o.RasterPDF = rasterPNG, rasterPDF
	o.Scale = 3
	if res, err := Run(context.Background(), []*journey.Journey{parse(t, "ok.yaml", []byte(tiny))}, []string{"ok.yaml"}, false, o); err != nil || res.Failed {
		t.Fatalf("%v: %s", err, stderr)
	}
	if got := files(t, out); strings.Join(got, " ") != "tiny.pdf tiny.png" {
		t.Fatalf("files %v", got)
	}
	if len(gotJSON) != 2 || !bytes.Equal(gotJSON[0], gotJSON[1]) || !bytes.Contains(gotJSON[0], []byte(`"_draw_"`)) || gotScale != 3 {
		t.Fatalf("raster got %d json inputs (same: %v), scale %v", len(gotJSON), len(gotJSON) == 2 && bytes.Equal(gotJSON[0], gotJSON[1]), gotScale)
	}
}

// TestPNGSizeMatchesRaster computes the PNG size from the grid as
// pkg/render/raster does from the json; the two must agree, or the check
// refuses the wrong pictures.
func TestPNGSizeMatchesRaster(t *testing.T) {
	data, err := os.ReadFile("../../testdata/render/permit.yaml")
	if err != nil {
		t.Fatal(err)
	}
	g, err := layout.Build(parse(t, "permit.yaml", data), layout.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var js bytes.Buffer
	if err := draw.Render(draw.ForJSON(draw.DOT(g)), "json", &js); err != nil {
		t.Fatal(err)
	}
	s, err := raster.Parse(js.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	for _, scale := range []float64{1, 2, 3.7} {
		w, h := raster.PixelSize(s, scale)
		pw, ph := PNGSize(g, scale)
		if pw != w || ph != h {
			t.Errorf("scale %v: grid says %d×%d px, raster %d×%d", scale, pw, ph, w, h)
		}
	}
	o := &Options{Scale: 1}
	check := func(f Format, g *layout.Grid) error { return f.Check(&Page{Grid: g}, o) }
	// Just over the side limit is refused, just under accepted.
	side := float64(raster.MaxSide)
	if err := check(pngFormat, &layout.Grid{Width: side - 2*draw.PadPt - CornerPt + 1, Height: 10}); err == nil {
		t.Error("a picture over the side limit passes")
	}
	if err := check(pngFormat, &layout.Grid{Width: side - 2*draw.PadPt - CornerPt, Height: 10}); err != nil {
		t.Errorf("a picture at the side limit is refused: %v", err)
	}
	// PDF: refused past a 4x shrink, whatever the scale.
	if err := check(pdfFormat, &layout.Grid{Width: 4*raster.MaxPDFSide + 100, Height: 10}); err == nil {
		t.Error("a PDF past the shrink limit passes")
	}
	if err := check(pdfFormat, &layout.Grid{Width: 3 * raster.MaxPDFSide, Height: 10}); err != nil {
		t.Errorf("a PDF within the shrink limit is refused: %v", err)
	}
}

// TestTooLargeRefused: a journey over the bound is refused before layout,
// with its numbers and advice that works (not --split stage), whatever the
// split; the others are drawn.
func TestTooLargeRefused(t *testing.T) {
	big := parse(t, "big.yaml", testgen.Journey(1, 2500))
	for _, split := range []string{"", "stage"} {
		out := t.TempDir()
		o, stderr := options(t, out, "svg", "dot")
		o.Split = split
		res, err := Run(context.Background(), []*journey.Journey{big, parse(t, "ok.yaml", []byte(tiny))}, []string{"big.yaml", "ok.yaml"}, false, o)
		msg := stderr.String()
		if err != nil || !res.Failed || !strings.Contains(msg, "big.yaml: too large to draw: 2500 steps make") ||
			!strings.Contains(msg, "journey files") || strings.Contains(msg, "--split") {
			t.Fatalf("split %q: res %+v, err %v, stderr:\n%s", split, res, err, msg)
		}
		for _, f := range files(t, out) {
			if !strings.HasPrefix(f, "tiny") {
				t.Fatalf("split %q: %s written for the refused journey", split, f)
			}
		}
	}
}

// TestLongLabelCut: a label far longer than a cell reaches Graphviz cut to
// what the cell shows, and the tooltip keeps at most layout.MaxFull
// characters of it.
func TestLongLabelCut(t *testing.T) {
	long := strings.Repeat("word ", 400_000) // 2 MB
	j := parse(t, "long.yaml", []byte(strings.Replace(tiny, "action: Does a thing", "action: "+long, 1)))
	var stdout bytes.Buffer
	o, stderr := options(t, "-", "dot")
	o.Stdout = &stdout
	if res, err := Run(context.Background(), []*journey.Journey{j}, []string{"long.yaml"}, false, o); err != nil || res.Failed {
		t.Fatalf("%v %+v: %s", err, res, stderr)
	}
	if n := stdout.Len(); n > 30_000 || !strings.Contains(stdout.String(), "word word word") {
		t.Fatalf("DOT of %d bytes for a 2 MB label", n)
	}
	if !strings.Contains(stdout.String(), strings.Repeat("word ", layout.MaxFull/5)+"…") {
		t.Fatal("the tooltip does not keep the first MaxFull characters")
	}
}

// TestPixelsBounded: the PNG pages of a journey together are bounded, and
// the --scale the message suggests does fit.
func TestPixelsBounded(t *testing.T) {
	pages := []*Page{{Grid: &layout.Grid{Width: 4500, Height: 4500}}, {Grid: &layout.Grid{Width: 4500, Height: 4500}}}
	o := &Options{Scale: 2}
	err := checkPixels(pages, o)
	if err == nil || !strings.Contains(err.Error(), "2 pages make 163 megapixels at scale 2") {
		t.Fatalf("got %v", err)
	}
	var fit float64
	if _, e := fmt.Sscanf(err.Error()[strings.Index(err.Error(), "--scale "):], "--scale %g", &fit); e != nil || fit <= 0 || fit >= 2 {
		t.Fatalf("no usable --scale in %q", err)
	}
	if err := checkPixels(pages, &Options{Scale: fit}); err != nil {
		t.Errorf("the suggested --scale %g is refused too: %v", fit, err)
	}
}

// TestFormatFromJourney: a format that needs neither Graphviz nor the grid
// (say mermaid) is one registry entry: it gets the journey and stage, no
// layout is built for it, and it is written and named like the others.
func TestFormatFromJourney(t *testing.T) {
	outline := Format{
		Meta: registry.Meta{Name: "outline", Ext: "txt", Help: "test only"}, FromJourney: true, Work: perBox(0.01),
		Write: func(p *Page, _ *Options, w io.Writer) error {
			if p.Grid != nil {
				return errors.New("a grid was built")
			}
			_, err := fmt.Fprintf(w, "%s %s\n", p.Journey.ID, p.Stage)
			return err
		},
	}
	saved := Formats
	defer func() { Formats = saved }()
	Formats = registry.New("-f", append(slices.Clone(saved.All()), outline)...)
	out := t.TempDir()
	o, stderr := options(t, out, "outline")
	o.Split = "stage"
	if res, err := Run(context.Background(), []*journey.Journey{parse(t, "ok.yaml", []byte(tiny))}, []string{"ok.yaml"}, false, o); err != nil || res.Failed {
		t.Fatalf("%v %+v: %s", err, res, stderr)
	}
	if got, _ := os.ReadFile(filepath.Join(out, "tiny-two.txt")); string(got) != "tiny two\n" {
		t.Fatalf("tiny-two.txt holds %q; stderr %s", got, stderr)
	}
	if o.graphvizCalls() != 0 {
		t.Error("a format without Graphviz counts Graphviz calls")
	}
}

// TestLongLabelsSplit: the stubs of a split (the other step's action in the
// tooltip, the other stage's name in the label) are cut too.
func TestLongLabelsSplit(t *testing.T) {
	long := strings.Repeat("word ", 200_000) // 1 MB
	src := strings.Replace(tiny, "name: One", "name: "+long, 1)
	src = strings.Replace(src, "action: Does another", "action: "+long, 1)
	out := t.TempDir()
	o, stderr := options(t, out, "dot")
	o.Split = "stage"
	if res, err := Run(context.Background(), []*journey.Journey{parse(t, "long.yaml", []byte(src))}, []string{"long.yaml"}, false, o); err != nil || res.Failed {
		t.Fatalf("%v %+v: %s", err, res, stderr)
	}
	for _, f := range files(t, out) {
		if fi, err := os.Stat(filepath.Join(out, f)); err != nil || fi.Size() > 30_000 {
			t.Errorf("%s: %d bytes for 1 MB labels", f, fi.Size())
		}
	}
}
