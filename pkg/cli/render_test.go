package cli

import (
	"bytes"
	"github.com/cxmap/cxmap/internal/testgen"
	"os"
	"path/filepath"
	"sort"
	"strings"
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

// renderOK is the tiny two-stage journey shared by the render tests.
const renderOK = testgen.Tiny

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
