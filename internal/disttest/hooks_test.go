package disttest

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/cxmap/cxmap/pkg/cli"
	"go.yaml.in/yaml/v3"
)

// hook is an entry of .pre-commit-hooks.yaml, as pre-commit reads it.
type hook struct {
	ID    string   `yaml:"id"`
	Entry string   `yaml:"entry"`
	Args  []string `yaml:"args"`
}

func readHooks(t *testing.T) []hook {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", ".pre-commit-hooks.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var hooks []hook
	if err := yaml.Unmarshal(b, &hooks); err != nil {
		t.Fatal(err)
	}
	if len(hooks) == 0 {
		t.Fatal("no hooks in .pre-commit-hooks.yaml")
	}
	return hooks
}

// evilConfig, read as the configuration, makes a journey without an owner
// an error: a visible sign that the configuration was swapped.
const evilConfig = "rules:\n  missing-owner: error\n"

// swapped is what lint says of -ovictim.yaml under evilConfig.
const swapped = `error: journey "good" has no owner`

// hostileFiles are staged files named like flags, first in the list as git
// would sort them, then the configuration the first one names, then a
// journey with an error and one without an owner.
var hostileFiles = []string{"--config=evil.yaml", "-ovictim.yaml", "evil.yaml", "journeys/bad.yaml", "journeys/good.yaml"}

// runHook runs cxmap as pre-commit would: the entry (split at spaces, as
// pre-commit's shlex does for these), then args, then the file names, in
// a directory holding the hostile files. It returns the exit code, the
// output and victim.yaml afterwards.
func runHook(t *testing.T, entry string, args []string) (int, string, string) {
	t.Helper()
	dir := t.TempDir()
	for name, text := range map[string]string{
		"--config=evil.yaml": evilConfig,
		"evil.yaml":          evilConfig,
		"-ovictim.yaml":      goodJourney,
		"journeys/bad.yaml":  badJourney,
		"journeys/good.yaml": goodJourney,
		"victim.yaml":        "keep: me\n",
	} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	argv := strings.Fields(entry)
	if argv[0] != "cxmap" {
		t.Fatalf("entry %q does not run cxmap", entry)
	}
	argv = append(append(argv[1:], args...), hostileFiles...)
	t.Chdir(dir)
	var out bytes.Buffer
	io, _, _ := cli.TestStreams("")
	io.Out, io.ErrOut, io.Dir = &out, &out, dir
	code := cli.Main(argv, io)
	victim, err := os.ReadFile(filepath.Join(dir, "victim.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	return code, out.String(), string(victim)
}

// TestHooksFileNamesAreNotFlags (issue 17, item 4): every hook of
// .pre-commit-hooks.yaml, run as pre-commit runs it on staged files named
// -ovictim.yaml and --config=evil.yaml, checks them as files: victim.yaml
// is not overwritten, evil.yaml is not the configuration (the bad journey
// still fails), and a project's args without the closing "--" are refused
// before anything is read or written.
func TestHooksFileNamesAreNotFlags(t *testing.T) {
	for _, h := range readHooks(t) {
		t.Run(h.ID, func(t *testing.T) {
			if !slices.Contains(strings.Fields(h.Entry), "--pre-commit") {
				t.Errorf("entry %q lacks --pre-commit", h.Entry)
			}
			if !slices.Equal(h.Args, []string{"--"}) {
				t.Errorf("default args %q, want [\"--\"]", h.Args)
			}
			if h.ID == "cxmap-fmt" {
				// fmt checks no rules: the staged names are formatted as
				// files (or listed by --check), none read as a flag.
				for _, args := range [][]string{h.Args, {"--check", "--"}} {
					code, out, victim := runHook(t, h.Entry, args)
					if victim != "keep: me\n" {
						t.Errorf("args %q: victim.yaml overwritten with %q", args, victim)
					}
					if code > 1 || strings.Contains(out, "unknown") || strings.Contains(out, swapped) {
						t.Errorf("args %q: exit %d; a staged name was read as a flag:\n%s", args, code, out)
					}
				}
			} else {
				// The hook as shipped, and with a project's args ending in "--".
				for _, args := range [][]string{h.Args, {"--fail-level", "error", "--"}} {
					code, out, victim := runHook(t, h.Entry, args)
					if victim != "keep: me\n" {
						t.Errorf("args %q: victim.yaml overwritten with %q", args, victim)
					}
					if code != 1 || !strings.Contains(out, `journeys/bad.yaml:11:19: error: lane "webb" is not defined`) {
						t.Errorf("args %q: exit %d, want 1 with the bad journey's finding:\n%s", args, code, out)
					}
					if strings.Contains(out, swapped) {
						t.Errorf("args %q: evil.yaml was read as the configuration:\n%s", args, out)
					}
					if !strings.Contains(out, "3 files checked") {
						t.Errorf("args %q: want -ovictim.yaml and both journeys checked (evil.yaml skipped: not a journey):\n%s", args, out)
					}
				}
			}
			// A project's args without "--": refused, nothing written.
			code, out, victim := runHook(t, h.Entry, []string{"--config", ".cxmap.yaml"})
			// (fmt has no -o, so there the staged -ovictim.yaml already
			// fails as an unknown flag: refused all the same.)
			if code != 2 || !strings.Contains(out, `--pre-commit: no "--" before the file names`) && h.ID != "cxmap-fmt" {
				t.Errorf("args without --: exit %d, want 2 with the reason:\n%s", code, out)
			}
			if victim != "keep: me\n" {
				t.Errorf("args without --: victim.yaml overwritten with %q", victim)
			}
		})
	}
}

// TestHooksWithoutGuard shows what the guard prevents: the same command
// line without "--" (the hooks before issue 17) reads the file names as
// flags, so the names above are a real attack and the test above would
// catch losing the guard.
func TestHooksWithoutGuard(t *testing.T) {
	code, out, victim := runHook(t, "cxmap lint --skip-non-journeys", nil)
	if !strings.Contains(victim, "[unknown-reference]") {
		t.Errorf("without --, victim.yaml was not overwritten with the findings (exit %d):\n%s\nvictim.yaml: %q", code, out, victim)
	}
	if !strings.Contains(victim, swapped) {
		t.Errorf("without --, evil.yaml was not read as the configuration:\n%s", victim)
	}
}
