package inputs

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const valid = "cxmap: 1\nid: %s\ntitle: T\nstages: [{id: s, name: S}]\n"

func write(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, body := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func paths(rs []Result) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.Path)
	}
	return out
}

func TestLoadWalk(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{
		"b.yaml":              strings.ReplaceAll(valid, "%s", "b"),
		"a/one.yml":           strings.ReplaceAll(valid, "%s", "one"),
		"a/not-journey.yaml":  "name: ci\non: push\n",
		"a/readme.md":         "# not yaml",
		".hidden/x.yaml":      strings.ReplaceAll(valid, "%s", "x"),
		"vendor/skip.yaml":    strings.ReplaceAll(valid, "%s", "skip"),
		"c/broken.yaml":       "cxmap: 1\nid: [\n",
		"c/broken-other.yaml": "key: [unclosed\n",
	})
	var verbose bytes.Buffer
	rs := Load([]string{dir}, Options{Ignore: []string{"vendor/**"}, Verbose: &verbose})
	got := paths(rs)
	want := []string{
		filepath.Join(dir, "a/one.yml"),
		filepath.Join(dir, "b.yaml"),
		filepath.Join(dir, "c/broken.yaml"),
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if rs[0].Journey == nil || rs[1].Journey == nil || rs[2].Journey != nil || len(rs[2].Findings) == 0 {
		t.Errorf("unexpected results: %+v", rs)
	}
	if !strings.Contains(verbose.String(), "not-journey.yaml: skipped") {
		t.Errorf("verbose output missing skip line: %q", verbose.String())
	}
}

func TestLoadExplicitAndErrors(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{"ci.yaml": "name: ci\n"})
	rs := Load([]string{filepath.Join(dir, "ci.yaml"), filepath.Join(dir, "missing.yaml")}, Options{})
	if len(rs) != 2 {
		t.Fatalf("got %d results", len(rs))
	}
	// A file named on the command line is always checked.
	if rs[0].Err != nil || len(rs[0].Findings) == 0 {
		t.Errorf("explicit non-journey: %+v", rs[0])
	}
	if rs[1].Err == nil || !strings.Contains(rs[1].Err.Error(), "no such file") {
		t.Errorf("missing file: %+v", rs[1])
	}
}

func TestLoadStdin(t *testing.T) {
	rs := Load([]string{"-"}, Options{Stdin: strings.NewReader(strings.ReplaceAll(valid, "%s", "in")), StdinFilename: "journeys/in.yaml"})
	if len(rs) != 1 || rs[0].Path != "journeys/in.yaml" || rs[0].Journey == nil || rs[0].Journey.Path != "journeys/in.yaml" {
		t.Fatalf("got %+v", rs)
	}
}

func TestLoadParallelIsDeterministic(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{}
	for _, c := range "abcdefghijklmnopqrstuvwxyz" {
		files[string(c)+".yaml"] = strings.ReplaceAll(valid, "%s", string(c))
	}
	write(t, dir, files)
	first := strings.Join(paths(Load([]string{dir}, Options{Jobs: 4})), ",")
	for i := 0; i < 5; i++ {
		if got := strings.Join(paths(Load([]string{dir}, Options{Jobs: 4})), ","); got != first {
			t.Fatalf("order changed:\n%s\n%s", first, got)
		}
	}
}

func TestEachMayDropJourney(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{"a.yaml": strings.ReplaceAll(valid, "%s", "a")})
	seen := 0
	rs := Load([]string{dir}, Options{Each: func(r *Result) {
		if r.Journey != nil {
			seen++
		}
		r.Journey = nil
	}})
	if seen != 1 || rs[0].Journey != nil {
		t.Errorf("seen=%d results=%+v", seen, rs)
	}
}

func TestIgnored(t *testing.T) {
	tests := []struct {
		path string
		pats []string
		want bool
	}{
		{"drafts/x.yaml", []string{"drafts/**"}, true},
		{"a/drafts/x.yaml", []string{"drafts/**"}, true},
		{"a/drafts/x.yaml", []string{"**/drafts/**"}, true},
		{"a/x.yaml", []string{"*.yml"}, false},
		{"a/x.yml", []string{"*.yml"}, true},
		{"./old/x.yaml", []string{"old"}, true},
		{"keep/x.yaml", []string{"drafts/**"}, false},
	}
	for _, tc := range tests {
		if got := Ignored(tc.path, tc.pats); got != tc.want {
			t.Errorf("Ignored(%q, %q) = %v", tc.path, tc.pats, got)
		}
	}
}

func TestLoadPathsAsGiven(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{
		"real/a.yaml": strings.ReplaceAll(valid, "%s", "a"),
		"real/B.YAML": strings.ReplaceAll(valid, "%s", "b"),
	})
	if err := os.Symlink(filepath.Join(dir, "real"), filepath.Join(dir, "linked")); err != nil {
		t.Skip("no symlinks:", err)
	}
	if err := os.Symlink(filepath.Join(dir, "real", "a.yaml"), filepath.Join(dir, "real", "link.yaml")); err != nil {
		t.Fatal(err)
	}
	wd, _ := os.Getwd()
	defer os.Chdir(wd)
	if err := os.Chdir(dir); err != nil {
		t.Fatal(err)
	}
	var verbose bytes.Buffer
	got := strings.Join(paths(Load([]string{"./linked/", "real/a.yaml", "./real/a.yaml"}, Options{Verbose: &verbose})), ",")
	// The linked directory is followed, its path keeps the user's "./", a
	// .YAML file counts, and the same file named twice is checked once.
	if want := "./linked/B.YAML,./linked/a.yaml,real/a.yaml"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
	if !strings.Contains(verbose.String(), "link.yaml: skipped: a symbolic link") {
		t.Errorf("verbose: %q", verbose.String())
	}
}

func TestStdinOnlyOnce(t *testing.T) {
	rs := Load([]string{"-", "-"}, Options{Stdin: strings.NewReader(strings.ReplaceAll(valid, "%s", "in"))})
	var errs int
	for _, r := range rs {
		if r.Err != nil && strings.Contains(r.Err.Error(), "can be read only once") {
			errs++
		}
	}
	if len(rs) != 2 || errs != 1 {
		t.Errorf("got %+v", rs)
	}
}
