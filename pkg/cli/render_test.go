package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
)

func TestRenderFlags(t *testing.T) {
	tests := []struct {
		args    []string
		formats []string
		out     string
		split   string
		scale   float64
		noEmo   bool
		title   string
	}{
		{[]string{"a.yaml"}, []string{"svg"}, ".", "", 2, false, ""},
		{[]string{"a.yaml", "-f", "svg,dot", "-o", "out", "--split", "stage", "--scale", "3", "--no-emotion", "--title", "T"}, []string{"svg", "dot"}, "out", "stage", 3, true, "T"},
	}
	for _, tt := range tests {
		io, _, _ := TestStreams("")
		var got *RenderOptions
		cmd := NewCmdRender(io, func(o *RenderOptions) error { got = o; return nil })
		cmd.SetArgs(tt.args)
		if err := cmd.Execute(); err != nil {
			t.Fatal(err)
		}
		if strings.Join(got.Formats, ",") != strings.Join(tt.formats, ",") || got.Out != tt.out || got.Split != tt.split ||
			got.Scale != tt.scale || got.NoEmotion != tt.noEmo || got.Title != tt.title || got.Paths[0] != "a.yaml" {
			t.Errorf("%v: parsed %+v", tt.args, got)
		}
	}
}

const renderOK = `cxmap: 1
id: tiny
title: Tiny journey
lanes:
  - {id: web, name: Web, zone: frontstage}
stages:
  - id: one
    name: One
    steps:
      - id: a
        action: Does a thing
        touchpoints: [{lane: web, does: Shows it}]
  - id: two
    name: Two
    steps:
      - id: b
        action: Does another
`

func write(t *testing.T, dir, name, data string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func files(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	var out []string
	for _, e := range es {
		out = append(out, e.Name())
	}
	sort.Strings(out)
	return out
}

func TestRenderRun(t *testing.T) {
	dir := t.TempDir()
	ok := write(t, dir, "ok.yaml", renderOK)
	bad := write(t, dir, "bad.yaml", "cxmap: 1\nid: [bad\n")
	tests := []struct {
		name    string
		o       RenderOptions
		code    int
		files   []string
		stderr  string
		stdout  string
		noFiles bool
	}{
		{name: "svg and dot", o: RenderOptions{Paths: []string{ok}, Formats: []string{"svg", "dot"}}, files: []string{"tiny.dot", "tiny.svg"}},
		{name: "split", o: RenderOptions{Paths: []string{ok}, Formats: []string{"svg"}, Split: "stage"}, files: []string{"tiny-one.svg", "tiny-two.svg"}},
		{name: "invalid journey gets no file", o: RenderOptions{Paths: []string{ok, bad}, Formats: []string{"svg"}}, code: 1, files: []string{"tiny.svg"}, stderr: "bad.yaml:"},
		{name: "stdout", o: RenderOptions{Paths: []string{ok}, Formats: []string{"dot"}, Out: "-"}, stdout: "digraph cxmap {", noFiles: true},
		{name: "stdout refuses two formats", o: RenderOptions{Paths: []string{ok}, Formats: []string{"svg", "dot"}, Out: "-"}, code: 2, noFiles: true},
		{name: "stdout refuses two pages", o: RenderOptions{Paths: []string{ok}, Formats: []string{"svg"}, Out: "-", Split: "stage"}, code: 2, noFiles: true},
		{name: "unknown format", o: RenderOptions{Paths: []string{ok}, Formats: []string{"gif"}}, code: 2, noFiles: true},
		{name: "png and pdf", o: RenderOptions{Paths: []string{ok}, Formats: []string{"png", "pdf"}, Scale: 1}, files: []string{"tiny.pdf", "tiny.png"}},
		{name: "missing file", o: RenderOptions{Paths: []string{filepath.Join(dir, "nope.yaml")}, Formats: []string{"svg"}}, code: 2, stderr: "nope.yaml", noFiles: true},
		{name: "no paths", o: RenderOptions{Formats: []string{"svg"}}, code: 2, noFiles: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "out")
			io, stdout, stderr := TestStreams("")
			o := tt.o
			o.IO = io
			if o.Out == "" {
				o.Out = out
			}
			if o.Scale == 0 {
				o.Scale = 2
			}
			err := renderRun(&o)
			if got := exitCode(err); got != tt.code {
				t.Fatalf("exit %d (%v), want %d; stderr:\n%s", got, err, tt.code, stderr)
			}
			if got := files(t, out); !tt.noFiles && strings.Join(got, " ") != strings.Join(tt.files, " ") {
				t.Fatalf("files %v, want %v", got, tt.files)
			}
			if tt.noFiles && len(files(t, out)) > 0 {
				t.Fatalf("files written: %v", files(t, out))
			}
			if !strings.Contains(stderr.String(), tt.stderr) {
				t.Fatalf("stderr %q lacks %q", stderr, tt.stderr)
			}
			if !strings.HasPrefix(stdout.String(), tt.stdout) {
				t.Fatalf("stdout starts %.40q, want %q", stdout, tt.stdout)
			}
		})
	}
}

// TestRenderFailureLeavesNoFile makes the PNG step fail and checks that no
// file, partial or temporary, is left for it.
func TestRenderFailureLeavesNoFile(t *testing.T) {
	saved := rasterPNG
	defer func() { rasterPNG = saved }()
	rasterPNG = func(w io.Writer, _ []byte, _ float64) error {
		w.Write([]byte("partial"))
		return errors.New("boom")
	}
	dir := t.TempDir()
	ok := write(t, dir, "ok.yaml", renderOK)
	out := filepath.Join(dir, "out")
	io, _, stderr := TestStreams("")
	err := renderRun(&RenderOptions{IO: io, Paths: []string{ok}, Formats: []string{"svg", "png"}, Out: out, Scale: 2})
	if exitCode(err) != 2 || !strings.Contains(stderr.String(), "boom") {
		t.Fatalf("exit %d, stderr %q", exitCode(err), stderr)
	}
	if got := files(t, out); strings.Join(got, " ") != "tiny.svg" {
		t.Fatalf("files %v, want only tiny.svg", got)
	}
}

func TestRenderDeterministic(t *testing.T) {
	dir := t.TempDir()
	ok := write(t, dir, "ok.yaml", renderOK)
	var outs [2][]byte
	for i := range outs {
		io, stdout, _ := TestStreams("")
		if err := renderRun(&RenderOptions{IO: io, Paths: []string{ok}, Formats: []string{"svg"}, Out: "-", Scale: 2}); err != nil {
			t.Fatal(err)
		}
		outs[i] = stdout.Bytes()
	}
	if len(outs[0]) == 0 || !bytes.Equal(outs[0], outs[1]) {
		t.Fatal("two renders of one journey differ")
	}
}

// TestRenderWorkers checks that a large batch is handed to worker processes
// in shares, with the same flags, and their exit codes decide the result.
func TestRenderWorkers(t *testing.T) {
	saved := runWorker
	defer func() { runWorker = saved }()
	var calls [][]string
	var mu sync.Mutex
	runWorker = func(args []string, stderr io.Writer) (int, error) {
		mu.Lock()
		defer mu.Unlock()
		calls = append(calls, args)
		return 0, nil
	}
	dir := t.TempDir()
	var paths []string
	for i := 0; i < 5; i++ {
		paths = append(paths, write(t, dir, fmt.Sprintf("j%d.yaml", i), strings.Replace(renderOK, "id: tiny", fmt.Sprintf("id: tiny%d", i), 1)))
	}
	io, _, _ := TestStreams("")
	io.Getenv = func(k string) string {
		if k == "CXMAP_RENDERS_PER_PROCESS" {
			return "4"
		}
		return ""
	}
	out := filepath.Join(dir, "out")
	o := &RenderOptions{IO: io, Paths: paths, Formats: []string{"svg", "dot"}, Out: out, Scale: 2, Split: "stage"}
	if err := renderRun(o); err != nil {
		t.Fatal(err)
	}
	// 5 journeys × 2 stages × 1 render = 10 > 4: batches of 2 journeys.
	if len(calls) != 3 {
		t.Fatalf("%d workers, want 3: %q", len(calls), calls)
	}
	sort.Slice(calls, func(i, j int) bool { return strings.Join(calls[i], " ") < strings.Join(calls[j], " ") })
	want := "render -f svg,dot -o " + out + " --scale 2 --split stage -- " + paths[0] + " " + paths[1]
	if got := strings.Join(calls[0], " "); got != want {
		t.Fatalf("worker args\n%s\nwant\n%s", got, want)
	}
	if len(files(t, out)) != 0 {
		t.Fatal("the parent drew files itself")
	}
	// A worker inside a worker is never started.
	calls = nil
	io.Getenv = func(k string) string { return map[string]string{"CXMAP_RENDERS_PER_PROCESS": "4", workerEnv: "1"}[k] }
	if err := renderRun(o); err != nil || len(calls) != 0 || len(files(t, out)) != 20 {
		t.Fatalf("worker mode: err %v, %d calls, files %v", err, len(calls), files(t, out))
	}
}

// TestRenderRasterHooks checks what png and pdf hand to pkg/render/raster:
// Graphviz's json for the same picture, made once, and the --scale.
func TestRenderRasterHooks(t *testing.T) {
	savedPNG, savedPDF := rasterPNG, rasterPDF
	defer func() { rasterPNG, rasterPDF = savedPNG, savedPDF }()
	var gotJSON [][]byte
	var gotScale float64
	rasterPNG = func(w io.Writer, gv []byte, scale float64) error {
		gotJSON, gotScale = append(gotJSON, gv), scale
		_, err := w.Write([]byte("\x89PNG"))
		return err
	}
	rasterPDF = func(w io.Writer, gv []byte) error {
		gotJSON = append(gotJSON, gv)
		_, err := w.Write([]byte("%PDF"))
		return err
	}
	dir := t.TempDir()
	ok := write(t, dir, "ok.yaml", renderOK)
	out := filepath.Join(dir, "out")
	io, _, stderr := TestStreams("")
	if err := renderRun(&RenderOptions{IO: io, Paths: []string{ok}, Formats: []string{"png", "pdf"}, Out: out, Scale: 3}); err != nil {
		t.Fatalf("%v: %s", err, stderr)
	}
	if got := files(t, out); strings.Join(got, " ") != "tiny.pdf tiny.png" {
		t.Fatalf("files %v", got)
	}
	if len(gotJSON) != 2 || !bytes.Equal(gotJSON[0], gotJSON[1]) || !bytes.Contains(gotJSON[0], []byte(`"_draw_"`)) || gotScale != 3 {
		t.Fatalf("raster got %d json inputs (same: %v), scale %v", len(gotJSON), len(gotJSON) == 2 && bytes.Equal(gotJSON[0], gotJSON[1]), gotScale)
	}
}
