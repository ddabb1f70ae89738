// Package gittest makes throwaway git repositories for tests: one
// environment (a fixed author and committer, no user or system
// configuration), files written and committed in one call, the commits'
// hashes returned.
package gittest

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// Env is the environment git runs with in a test, to add to os.Environ():
// a fixed author and committer and no user or system configuration, so
// that the machine's settings change nothing.
func Env() []string {
	return []string{
		"GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com",
		"GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com",
		"GIT_CONFIG_GLOBAL=" + os.DevNull, "GIT_CONFIG_SYSTEM=" + os.DevNull, "GIT_CONFIG_NOSYSTEM=1",
	}
}

// Repo is a repository in a test's temporary directory.
type Repo struct {
	t testing.TB
	// Dir is the top of its work tree.
	Dir string
}

// New makes an empty repository (branch main) in a new temporary
// directory. The test is skipped when git is not installed.
func New(t testing.TB) *Repo {
	t.Helper()
	return Init(t, t.TempDir())
}

// Init makes an empty repository (branch main) in dir, which may hold
// files already. The test is skipped when git is not installed.
func Init(t testing.TB, dir string) *Repo {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed:", err)
	}
	r := &Repo{t: t, Dir: dir}
	r.Git("init", "-q")
	r.Git("symbolic-ref", "HEAD", "refs/heads/main")
	return r
}

// Git runs git in the repository and returns its output, without the
// last line break; a failure fails the test.
func (r *Repo) Git(args ...string) string {
	r.t.Helper()
	out, err := r.TryGit(args...)
	if err != nil {
		r.t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return out
}

// TryGit is Git for a command that may fail (a merge with a conflict).
func (r *Repo) TryGit(args ...string) (string, error) {
	cmd := exec.Command("git", args...)
	cmd.Dir = r.Dir
	cmd.Env = append(os.Environ(), Env()...)
	out, err := cmd.CombinedOutput()
	return strings.TrimSuffix(string(out), "\n"), err
}

// Write writes files (slash paths relative to the top, with their
// directories) into the work tree.
func (r *Repo) Write(files map[string]string) {
	r.t.Helper()
	for name, s := range files {
		p := filepath.Join(r.Dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			r.t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			r.t.Fatal(err)
		}
	}
}

// Commit writes files, adds everything in the work tree and commits it
// with message; it returns the commit's hash.
func (r *Repo) Commit(message string, files map[string]string) string {
	r.t.Helper()
	r.Write(files)
	r.Git("add", "-A")
	r.Git("commit", "-q", "--allow-empty", "-m", message)
	return r.Git("rev-parse", "HEAD")
}
