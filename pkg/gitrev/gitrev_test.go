package gitrev

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestParseNameStatus(t *testing.T) {
	out := "M\x00a.yaml\x00A\x00dir/b.yml\x00D\x00c.yaml\x00R087\x00old.yaml\x00new.yaml\x00"
	got, err := parseNameStatus([]byte(out))
	if err != nil {
		t.Fatal(err)
	}
	want := []Change{
		{"modified", "a.yaml", "a.yaml"},
		{"added", "", "dir/b.yml"},
		{"deleted", "c.yaml", ""},
		{"renamed", "old.yaml", "new.yaml"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
	if _, err := parseNameStatus([]byte("R100\x00only-one\x00")); err == nil {
		t.Error("a rename with one path was accepted")
	}
}

func TestParseLog(t *testing.T) {
	// h is one commit's header as logFormat writes it.
	h := func(hash, subj string) string {
		return "\x00" + strings.Join([]string{hash, hash[:3], "2026-11-26T10:00:00+00:00", "A B", subj}, "\x00") + "\x00"
	}
	tests := []struct {
		name string
		out  string
		want []string // short, path, subject, deleted
		bad  bool
	}{
		{"plain with rename", h("ccc111", "four") + "\nM\x00y.yaml\x00" +
			h("bbb222", "rename, with comma") + "\nR100\x00x.yaml\x00y.yaml\x00" +
			h("aaa333", "one") + "\nA\x00x.yaml\x00",
			[]string{"ccc|y.yaml|four|false", "bbb|y.yaml|rename, with comma|false", "aaa|x.yaml|one|false"}, false},
		{"unit separator and controls in a subject", h("ddd444", "a\x1fb\x1ec\x1b[31m") + "\nM\x00j.yaml\x00",
			[]string{"ddd|j.yaml|a\x1fb\x1ec\x1b[31m|false"}, false},
		{"empty subject and author", "\x00eee555\x00eee\x002026-11-26T10:00:00+00:00\x00\x00\x00\nD\x00j.yaml\x00",
			[]string{"eee||j.yaml|true"}, false},
		{"a path that looks like a status or a marker", h("fff666", "s") + "\nR090\x00M\x00A\x00",
			[]string{"fff|A|s|false"}, false},
		{"a merge shown with no status", h("abc777", "merge") + h("def888", "x") + "\nM\x00j.yaml\x00",
			[]string{"abc||merge|false", "def|j.yaml|x|false"}, false},
		{"empty output", "", nil, false},
		{"truncated header", "\x00abc\x00ab\x00", nil, true},
		{"rename with one path", h("ccc111", "r") + "\nR100\x00only\x00", nil, true},
		{"garbage where a status belongs", h("ccc111", "r") + "\nnot-a-status\x00x\x00", nil, true},
		{"no marker", "ccc111\x00", nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseLog([]byte(tt.out))
			if tt.bad {
				if err == nil {
					t.Fatalf("accepted: %+v", got)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var rows []string
			for _, e := range got {
				if e.Short == "eee" {
					rows = append(rows, fmt.Sprintf("%s|%s|%s|%v", e.Short, e.Subject, e.Path, e.Deleted))
					continue
				}
				rows = append(rows, fmt.Sprintf("%s|%s|%s|%v", e.Short, e.Path, e.Subject, e.Deleted))
			}
			if !reflect.DeepEqual(rows, tt.want) {
				t.Errorf("got %q\nwant %q", rows, tt.want)
			}
		})
	}
}

func TestCheckRev(t *testing.T) {
	for rev, ok := range map[string]bool{
		"HEAD": true, "origin/main": true, "HEAD~3": true, "v1.0": true,
		"": false, "-p": false, "--output=/tmp/x": false, "a:b": false, "a b": false, "a\nb": false,
	} {
		if err := CheckRev(rev); (err == nil) != ok {
			t.Errorf("CheckRev(%q) = %v, want ok=%v", rev, err, ok)
		}
	}
}

func TestDisplayPath(t *testing.T) {
	for _, c := range []struct{ prefix, top, want string }{
		{"", "j/a.yaml", "j/a.yaml"},
		{"j/", "j/a.yaml", "a.yaml"},
		{"k/", "j/a.yaml", "../j/a.yaml"},
	} {
		if got := DisplayPath(c.prefix, c.top); got != filepath.FromSlash(c.want) {
			t.Errorf("DisplayPath(%q, %q) = %q, want %q", c.prefix, c.top, got, c.want)
		}
	}
}

// gitRepo makes a repository with two commits: a.yaml changed, b.yaml
// renamed to c.yaml, big.yaml added.
func gitRepo(t *testing.T) Repo {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir := t.TempDir()
	run := func(args ...string) {
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com",
			"GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com", "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	write := func(name, data string) {
		os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755)
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	run("init", "-q")
	write("a.yaml", "a: 1\n")
	write("b.yaml", strings.Repeat("b: 2\n", 20))
	run("add", ".")
	run("commit", "-q", "-m", "one")
	write("a.yaml", "a: 2\n")
	run("mv", "b.yaml", "c.yaml")
	write("big.yaml", strings.Repeat("x", 5000))
	run("add", ".")
	run("commit", "-q", "-m", "two")
	return Repo{Dir: dir}
}

func TestRepo(t *testing.T) {
	r := gitRepo(t)
	from, err := r.Commit("HEAD~1")
	if err != nil {
		t.Fatal(err)
	}
	to, err := r.Commit("HEAD")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := r.Commit("nope"); err == nil || err.Error() != "unknown revision nope" {
		t.Errorf("unknown revision: %v", err)
	}
	if _, err := r.Commit("--all"); err == nil || !strings.Contains(err.Error(), "option") {
		t.Errorf("option-like revision: %v", err)
	}
	cs, err := r.Changes(from, to, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []Change{{"modified", "a.yaml", "a.yaml"}, {"added", "", "big.yaml"}, {"renamed", "b.yaml", "c.yaml"}}
	if !reflect.DeepEqual(cs, want) {
		t.Errorf("changes: got %+v\nwant %+v", cs, want)
	}

	b := r.Batch()
	defer b.Close()
	for _, c := range []struct {
		commit, path string
		want         Blob
	}{
		{from, "a.yaml", Blob{Data: []byte("a: 1\n"), Size: 5, Kind: "blob"}},
		{to, "a.yaml", Blob{Data: []byte("a: 2\n"), Size: 5, Kind: "blob"}},
		{from, "c.yaml", Blob{Missing: true}},
		{to, "big.yaml", Blob{TooLarge: true, Size: 5000, Kind: "blob"}},
		{to, "a.yaml", Blob{Data: []byte("a: 2\n"), Size: 5, Kind: "blob"}}, // the stream is still in step after a refusal
	} {
		got, err := b.Read(c.commit, c.path, 1000)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("Read(%s, %s) = %+v, want %+v", c.commit[:7], c.path, got, c.want)
		}
	}

	log, err := r.Log("c.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if len(log) != 2 || log[0].Path != "c.yaml" || log[1].Path != "b.yaml" || log[1].Subject != "one" {
		t.Errorf("log follows the rename: %+v", log)
	}
}
