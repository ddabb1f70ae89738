package disttest

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestActionInstallLocal runs the Action's install.sh with version: local
// (the build of the action's own checkout, what
// docs/ci/github-action-selftest.yml uses): it builds cxmap, prints its
// version and writes version, path and the PATH entry for the next steps.
// It builds cxmap (15 s or more on a shared machine), so it runs in
// `make e2e` (CXMAP_E2E=1), not in `make test`.
func TestActionInstallLocal(t *testing.T) {
	if os.Getenv("CXMAP_E2E") != "1" {
		t.Skip("install.sh version=local test skipped: set CXMAP_E2E=1 (make e2e) to run it")
	}
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("bash not found: install.sh not run")
	}
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("go not found: install.sh version=local not run")
	}
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	output, path := filepath.Join(dir, "output"), filepath.Join(dir, "path")
	cmd := exec.Command(bash, filepath.Join(root, "scripts", "action", "install.sh"))
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "INPUT_VERSION=local", "GITHUB_ACTION_PATH="+root, "RUNNER_TEMP="+dir,
		"RUNNER_OS=Linux", "RUNNER_ARCH=X64", "GITHUB_OUTPUT="+output, "GITHUB_PATH="+path, "GOFLAGS=-trimpath")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("install.sh: %v\n%s", err, out)
	}
	if !regexp.MustCompile(`(?m)^Building cxmap from .*\ncxmap \S+`).Match(out) {
		t.Errorf("install.sh did not build and print the version:\n%s", out)
	}
	o, _ := os.ReadFile(output)
	m := regexp.MustCompile(`(?m)^path=(.+/cxmap)$`).FindSubmatch(o)
	if m == nil || !regexp.MustCompile(`(?m)^version=\S+$`).Match(o) {
		t.Fatalf("GITHUB_OUTPUT lacks version= or path=:\n%s", o)
	}
	p, _ := os.ReadFile(path)
	if strings.TrimSpace(string(p)) != filepath.Dir(string(m[1])) {
		t.Errorf("GITHUB_PATH %q is not the binary's folder %q", p, filepath.Dir(string(m[1])))
	}
	if v, err := exec.Command(string(m[1]), "version").Output(); err != nil || !strings.HasPrefix(string(v), "cxmap ") {
		t.Errorf("the installed cxmap does not run: %v %q", err, v)
	}
}
