package inputs

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// mkfifo makes a named pipe, skipping the test where there are none.
func mkfifo(t *testing.T, path string) {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("no named pipes in the file system")
	}
	if err := mkfifoFunc(path); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
}

// TestLoadSpecialFiles: a named pipe is never opened (opening one blocks
// until a writer comes): named, it is an error at once; walked, skipped
// and listed with --verbose (issue 8, item 2). The test would hang, not
// fail, if one were opened: go test's timeout reports it.
func TestLoadSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{"ok.yaml": strings.ReplaceAll(valid, "%s", "ok")})
	mkfifo(t, filepath.Join(dir, "pipe.yaml"))
	mkfifo(t, filepath.Join(dir, "other.txt"))

	rs := Load([]string{filepath.Join(dir, "pipe.yaml")}, Options{})
	if len(rs) != 1 || !errors.Is(rs[0].Err, ErrNotRegular) || !strings.Contains(rs[0].Err.Error(), "pipe.yaml: is a named pipe (FIFO), not a regular file") {
		t.Fatalf("named pipe on the command line: %+v", rs)
	}
	var verbose bytes.Buffer
	rs = Load([]string{dir}, Options{Verbose: &verbose})
	if got := paths(rs); len(got) != 1 || filepath.Base(got[0]) != "ok.yaml" || rs[0].Err != nil {
		t.Fatalf("walk: %+v", rs)
	}
	if want := filepath.Join(dir, "pipe.yaml") + ": skipped: a named pipe (FIFO), not a regular file\n"; verbose.String() != want {
		t.Errorf("verbose %q, want %q (only names a walk would take are listed)", verbose.String(), want)
	}
	if _, err := ReadFile(filepath.Join(dir, "pipe.yaml"), 10); !errors.Is(err, ErrNotRegular) {
		t.Errorf("ReadFile of a named pipe: %v", err)
	}
}

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.yaml")
	if err := os.WriteFile(p, []byte("0123456789"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		path  string
		limit int64
		want  string
		err   string
	}{
		{p, 100, "0123456789", ""},
		{p, 4, "01234", ""}, // one byte past the limit, so the caller can tell
		{filepath.Join(dir, "none.yaml"), 4, "", "none.yaml: no such file or directory"},
		{dir, 4, "", ": is a directory"},
	} {
		got, err := ReadFile(tc.path, tc.limit)
		if string(got) != tc.want || (err == nil) != (tc.err == "") || (err != nil && !strings.HasSuffix(err.Error(), tc.err)) {
			t.Errorf("ReadFile(%s, %d) = %q, %v; want %q, %q", tc.path, tc.limit, got, err, tc.want, tc.err)
		}
	}
}

// TestCheckOutput: a file a command writes is never one of its inputs, nor
// one a walk of its inputs would read (issue 8, item 1).
func TestCheckOutput(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	write(t, ".", map[string]string{
		"j.yaml": "x", "journeys/a.yaml": "x", "journeys/drafts/b.yaml": "x", "cfg.yaml": "x", "out/keep": "",
	})
	if err := os.Link("j.yaml", "hard.txt"); err != nil {
		t.Fatal(err)
	}
	symlinks := os.Symlink("j.yaml", "link.yaml") == nil && os.Symlink("journeys", "jl") == nil
	ignore := []string{"drafts/**"}
	tests := []struct {
		target string
		args   []string
		stdin  string
		want   string // "" allowed, else a part of the error
	}{
		{"", []string{"j.yaml"}, "", ""},
		{"-", []string{"j.yaml"}, "", ""},
		{"report.sarif", []string{"j.yaml", "journeys"}, "", ""},
		{"j.yaml", []string{"j.yaml"}, "", "cannot write j.yaml: it is an input of this run"},
		{"./journeys/../j.yaml", []string{"j.yaml"}, "", "it is the same file as j.yaml"},
		{"hard.txt", []string{"j.yaml"}, "", "it is the same file as j.yaml"},
		{"missing.yaml", []string{"missing.yaml"}, "", "it is an input of this run"},
		{"journeys/new.yaml", []string{"journeys"}, "", "it is inside journeys, which is read for journeys"},
		{"journeys/sub/new.YML", []string{"."}, "", "it is inside ., which is read for journeys"},
		{"journeys/a.yaml", []string{"journeys"}, "", "it is inside journeys"},
		{"journeys/report.txt", []string{"journeys"}, "", ""},
		{"journeys/.report.yaml", []string{"journeys"}, "", ""},
		{"journeys/drafts/new.yaml", []string{"journeys"}, "", ""},
		{"j.yaml", []string{"-"}, "j.yaml", "it is the file standard input is named as (--stdin-filename)"},
		{"j.yaml", []string{"-"}, "", ""},
		{"cfg.yaml", []string{"j.yaml"}, "", "it is the same file as"},
		{"out", []string{"j.yaml"}, "", "cannot write out: it is a directory"},
		{"out/", []string{"j.yaml"}, "", "cannot write out/: it names a directory"},
		{"nodir/", []string{"j.yaml"}, "", "it names a directory"},
	}
	if symlinks {
		tests = append(tests, []struct {
			target string
			args   []string
			stdin  string
			want   string
		}{
			{"link.yaml", []string{"j.yaml"}, "", "it is the same file as j.yaml"},
			{"j.yaml", []string{"link.yaml"}, "", "it is the same file as link.yaml"},
			{"jl/new.yaml", []string{"journeys"}, "", "it is inside journeys"},
			{"journeys/new.yaml", []string{"jl"}, "", "it is inside jl"},
		}...)
	}
	for _, tc := range tests {
		err := CheckOutput(tc.target, tc.args, Options{StdinFilename: tc.stdin, Ignore: ignore}, filepath.Join(dir, "cfg.yaml"))
		if (err == nil) != (tc.want == "") || (err != nil && !strings.Contains(err.Error(), tc.want)) {
			t.Errorf("CheckOutput(%q, %q, stdin %q) = %v; want %q", tc.target, tc.args, tc.stdin, err, tc.want)
		}
	}
}
