package disttest

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// fakeAptGet stands in for apt-get: it logs its arguments, and on install
// does what FAKE_APT says: "lock" fails as apt does when another process
// holds the dpkg lock past the timeout, "noop" succeeds without
// installing, "install" puts the program on the PATH.
const fakeAptGet = `#!/bin/sh
echo "$*" >>"$FAKE_LOG"
case "$*" in *" update"*) exit 0 ;; esac
case "$FAKE_APT" in
lock)
	echo "E: Could not get lock /var/lib/dpkg/lock-frontend. It is held by process 4242 (apt-get)" >&2
	echo "E: Unable to acquire the dpkg frontend lock (/var/lib/dpkg/lock-frontend), is another process using it?" >&2
	exit 100 ;;
noop) exit 0 ;;
install) printf '#!/bin/sh\n' >"$FAKE_BIN/cxmap-ci-test-tool"; chmod +x "$FAKE_BIN/cxmap-ci-test-tool" ;;
esac
`

// TestCIRunInstalls runs .ci/run's apt_install and check_missing (the
// script, sourced, only defines them) with a fake apt-get: under CI=true a
// program that could not be installed fails the run and apt's own error is
// shown (issue 17, item 18: before, "apt-get install pre-commit failed
// (package unavailable or apt busy)" and the run passed with the test
// skipped).
func TestCIRunInstalls(t *testing.T) {
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("bash not found: .ci/run not checked")
	}
	for _, p := range []string{"timeout", "mktemp", "tail", "sed"} {
		if _, err := exec.LookPath(p); err != nil {
			t.Skipf("%s not found: .ci/run not checked", p)
		}
	}
	script, err := filepath.Abs(filepath.Join("..", "..", ".ci", "run"))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name, ci, apt, allow string
		code                 int
		want, not            []string
	}{
		{"lock held", "true", "lock", "", 1,
			[]string{"ci: apt-get install pkg-x failed (exit 100). apt said:", "ci:   E: Could not get lock /var/lib/dpkg/lock-frontend", "ci:   cxmap-ci-test-tool: apt-get install pkg-x failed", "ci: failing (CI=true)"},
			[]string{"ci: installed"}},
		{"installed but not on the PATH", "true", "noop", "", 1,
			[]string{"ci: apt-get installed pkg-x but cxmap-ci-test-tool is still not on the PATH", "ci: failing (CI=true)"}, nil},
		{"installed", "true", "install", "", 0,
			[]string{"ci: installed pkg-x"}, []string{"failing", "not installed"}},
		{"allowed to go on", "true", "lock", "1", 0,
			[]string{"E: Could not get lock", "ci: CXMAP_CI_ALLOW_MISSING=1: going on"}, []string{"ci: failing"}},
		{"not CI", "false", "lock", "", 0,
			[]string{"ci: cxmap-ci-test-tool missing and CI is not true: not installing pkg-x"}, []string{"failing", "apt said"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			bin := filepath.Join(dir, "bin")
			os.Mkdir(bin, 0o755)
			// make stands in too: should .ci/run run its main when sourced,
			// the test fails at once instead of running the whole suite.
			for name, text := range map[string]string{"apt-get": fakeAptGet, "id": "#!/bin/sh\necho 0\n",
				"make": "#!/bin/sh\necho 'make called: .ci/run ran main when sourced' >&2\nexit 99\n"} {
				if err := os.WriteFile(filepath.Join(bin, name), []byte(text), 0o755); err != nil {
					t.Fatal(err)
				}
			}
			log := filepath.Join(dir, "apt.log")
			cmd := exec.Command(bash, "-c", `. "$1"; apt_install pkg-x cxmap-ci-test-tool; check_missing`, "bash", script)
			cmd.Env = append(os.Environ(), "PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"),
				"CI="+c.ci, "FAKE_APT="+c.apt, "FAKE_LOG="+log, "FAKE_BIN="+bin, "CXMAP_CI_ALLOW_MISSING="+c.allow)
			out, err := cmd.CombinedOutput()
			code := 0
			if ee, ok := err.(*exec.ExitError); ok {
				code = ee.ExitCode()
			} else if err != nil {
				t.Fatal(err)
			}
			if code != c.code {
				t.Errorf("exit %d, want %d:\n%s", code, c.code, out)
			}
			for _, w := range c.want {
				if !strings.Contains(string(out), w) {
					t.Errorf("output lacks %q:\n%s", w, out)
				}
			}
			for _, w := range c.not {
				if strings.Contains(string(out), w) {
					t.Errorf("output has %q:\n%s", w, out)
				}
			}
			if c.ci == "true" {
				calls, _ := os.ReadFile(log)
				for _, w := range []string{"-o DPkg::Lock::Timeout=600 update", "-o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends pkg-x"} {
					if !strings.Contains(string(calls), w) {
						t.Errorf("apt-get not called with %q:\n%s", w, calls)
					}
				}
			}
		})
	}
}
