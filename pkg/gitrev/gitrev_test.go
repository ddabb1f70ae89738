package gitrev

import (
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
	h := func(hash, subj string) string {
		return strings.Join([]string{hash, hash[:3], "2026-11-26T10:00:00+00:00", "A B", subj}, "\x1f")
	}
	out := h("ccc111", "four") + "\x00\nM\x00y.yaml\x00" +
		h("bbb222", "rename, with comma") + "\x00\nR100\x00x.yaml\x00y.yaml\x00" +
		h("aaa333", "one") + "\x00\nA\x00x.yaml\x00"
	got, err := parseLog([]byte(out))
	if err != nil {
		t.Fatal(err)
	}
	paths := []string{}
	for _, e := range got {
		paths = append(paths, e.Short+" "+e.Path+" "+e.Subject)
	}
	want := []string{"ccc y.yaml four", "bbb y.yaml rename, with comma", "aaa x.yaml one"}
	if !reflect.DeepEqual(paths, want) {
		t.Errorf("got %q, want %q", paths, want)
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
