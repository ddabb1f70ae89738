package disttest

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/cxmap/cxmap/internal/gittest"
)

const goodJourney = `cxmap: 1
id: good
title: Good
lanes:
  - id: web
    name: Web
    zone: frontstage
stages:
  - id: s
    name: Stage
    steps:
      - id: a
        action: Does a thing
        touchpoints:
          - lane: web
        rating: green
`

const badJourney = `cxmap: 1
id: bad
title: Bad
stages:
  - id: s
    name: Stage
    steps:
      - id: a
        action: Does a thing
        touchpoints:
          - lane: webb
`

// Both journeys are in canonical form, so that cxmap fmt (which pre-commit
// may run first) changes neither, and the findings keep their places.

// TestPreCommit runs the hooks with `pre-commit try-repo` on a repository
// holding a good journey, a bad one and a YAML file that is not a journey:
// the good journey and the other file pass (exit 0), the bad journey fails
// (exit 1) with its file:line:col. pre-commit try-repo uses the
// checkout with its uncommitted changes, but not untracked files.
func TestPreCommit(t *testing.T) {
	// Each try-repo builds cxmap from a fresh clone (20-40 s here), too
	// slow for every `make test`: `make e2e` (which .ci/run calls) sets
	// CXMAP_E2E=1.
	if os.Getenv("CXMAP_E2E") != "1" {
		t.Skip("pre-commit hook test skipped: set CXMAP_E2E=1 (make e2e) to run it")
	}
	pc, err := exec.LookPath("pre-commit")
	if err != nil {
		t.Skip("pre-commit not found (apt-get install pre-commit; .ci/run does): hook test skipped")
	}
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not found: hook test skipped")
	}
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	// Go's caches are shared with this build, so pre-commit's
	// `go install ./...` (it sets its own GOPATH) needs no download.
	goEnv := map[string]string{}
	for _, k := range []string{"GOMODCACHE", "GOCACHE", "GOPROXY"} {
		out, err := exec.Command("go", "env", k).Output()
		if err != nil {
			t.Skipf("go env %s: %v: hook test skipped", k, err)
		}
		goEnv[k] = strings.TrimSpace(string(out))
	}
	dir := t.TempDir()
	repo := filepath.Join(dir, "repo")
	// Besides: files named like flags (issue 17, item 4), which the hooks
	// must check as files: -ovictim.yaml must not write over victim.yaml,
	// --config=evil.yaml must not make evil.yaml the configuration.
	for name, text := range map[string]string{"journeys/good.yaml": goodJourney, "journeys/bad.yaml": badJourney, "other.yaml": "name: ci\non: push\n",
		"-ovictim.yaml": goodJourney, "--config=evil.yaml": evilConfig, "evil.yaml": evilConfig, "victim.yaml": "keep: me\n"} {
		p := filepath.Join(repo, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	env := append(os.Environ(), gittest.Env()...)
	env = append(env,
		"PRE_COMMIT_HOME="+filepath.Join(dir, "pre-commit-home"),
		"GOTOOLCHAIN=local", "NO_COLOR=1",
		// The same build cache entries whatever directory pre-commit
		// clones into: a clone builds only what changed.
		"GOFLAGS=-trimpath",
	)
	for k, v := range goEnv {
		env = append(env, k+"="+v)
	}
	run := func(name string, args ...string) (string, int) {
		t.Helper()
		cmd := exec.Command(name, args...)
		cmd.Dir, cmd.Env = repo, env
		out, err := cmd.CombinedOutput()
		if ee, ok := err.(*exec.ExitError); ok {
			return string(out), ee.ExitCode()
		} else if err != nil {
			t.Fatalf("%s %v: %v\n%s", name, args, err, out)
		}
		return string(out), 0
	}
	gittest.Init(t, repo).Git("add", ".")

	// Each try-repo builds cxmap in a fresh clone; both hooks run in one go.
	out, code := run(pc, "try-repo", root, "--color", "never", "--files", "journeys/good.yaml", "other.yaml")
	if code != 0 {
		t.Errorf("the hooks on the good journey and other.yaml: exit %d, want 0\n%s", code, out)
	}
	// The good journey is in canonical form, so cxmap fmt leaves it be.
	for _, hook := range []string{"cxmap validate", "cxmap lint", "cxmap fmt"} {
		if !regexp.MustCompile(`(?m)^` + hook + `\.+Passed$`).MatchString(out) {
			t.Errorf("%s did not pass:\n%s", hook, out)
		}
	}
	out, code = run(pc, "try-repo", root, "--color", "never", "--all-files")
	if code != 1 {
		t.Errorf("the hooks on all files: exit %d, want 1\n%s", code, out)
	}
	for _, hook := range []string{"cxmap validate", "cxmap lint"} {
		if !regexp.MustCompile(`(?m)^` + hook + `\.+Failed$`).MatchString(out) {
			t.Errorf("%s did not fail:\n%s", hook, out)
		}
	}
	if n := strings.Count(out, `journeys/bad.yaml:11:19: error: lane "webb" is not defined`); n != 2 {
		t.Errorf("want the bad journey's finding from both hooks, got %d in\n%s", n, out)
	}
	if strings.Contains(out, "other.yaml:") {
		t.Errorf("a hook checked other.yaml, which is not a journey:\n%s", out)
	}
	if victim, err := os.ReadFile(filepath.Join(repo, "victim.yaml")); err != nil || string(victim) != "keep: me\n" {
		t.Errorf("a staged -ovictim.yaml wrote over victim.yaml: %q %v\n%s", victim, err, out)
	}
	if !strings.Contains(out, "-ovictim.yaml:2:5: warning:") {
		t.Errorf("lint did not check -ovictim.yaml as a file:\n%s", out)
	}
	if strings.Contains(out, swapped) {
		t.Errorf("a staged --config=evil.yaml made evil.yaml the configuration:\n%s", out)
	}
}
