package disttest

import (
	"bytes"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cxmap/cxmap/internal/textsafe"
	"github.com/cxmap/cxmap/pkg/finding"
	"github.com/cxmap/cxmap/pkg/findings"
)

// hostile are texts the Action's scripts may have to print: names with
// workflow-command delimiters, Markdown markup, mentions, line breaks and
// other control characters, non-ASCII.
var hostile = []string{
	"",
	"journeys/permit.yaml",
	"journeys/réclamation.yaml",
	"journeys/a`b,c::d.yaml",
	"a,line=1,title=x::forged",
	"100%0A::error::x",
	"line\nbreak",
	"cr\rlf\r\nend",
	"tab\there",
	"esc\x1b[31mred\x7f",
	`back\slash | pipe *star* _under_ [link](u) <b>tag</b> # h @user @org/team &amp;`,
	"origin/main",
	"release/v1.2`x|y",
}

// shell runs a function of scripts/action/lib.sh on each text and returns
// its outputs.
func shell(t *testing.T, fn string, texts []string) []string {
	t.Helper()
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("bash not found: the Action's shell helpers are not checked")
	}
	lib, err := filepath.Abs(filepath.Join("..", "..", "scripts", "action", "lib.sh"))
	if err != nil {
		t.Fatal(err)
	}
	args := append([]string{"-c", `. "$0"; fn=$1; shift; for s in "$@"; do "$fn" "$s"; printf '\0'; done`, lib, fn}, texts...)
	out, err := exec.Command(bash, args...).Output()
	if err != nil {
		t.Fatalf("bash %s: %v", fn, err)
	}
	got := strings.Split(string(out), "\x00")
	if len(got) != len(texts)+1 {
		t.Fatalf("bash %s: %d outputs for %d texts: %q", fn, len(got)-1, len(texts), out)
	}
	return got[:len(texts)]
}

// TestShellMarkdownEscape: md_escape writes what textsafe.Markdown writes
// for every text without C1 controls or U+2028/9 (which the scripts never
// print: they refuse control characters in inputs).
func TestShellMarkdownEscape(t *testing.T) {
	got := shell(t, "md_escape", hostile)
	for i, s := range hostile {
		if want := textsafe.Markdown(s); got[i] != want {
			t.Errorf("md_escape %q:\n got %q\nwant %q (textsafe.Markdown)", s, got[i], want)
		}
	}
}

// TestShellGitHubEscape: gh_property and gh_data escape as cxmap lint -f
// github does (pkg/findings/github.go) a file property and a message.
func TestShellGitHubEscape(t *testing.T) {
	props := shell(t, "gh_property", hostile)
	data := shell(t, "gh_data", hostile)
	for i, s := range hostile {
		var b bytes.Buffer
		r := findings.Report{Findings: []finding.Finding{{Path: s, Level: finding.Error, Rule: "r", Message: s}}}
		if err := findings.GitHub(&b, r); err != nil {
			t.Fatal(err)
		}
		line, _, _ := strings.Cut(b.String(), "\n")
		file, msg, ok := strings.Cut(strings.TrimPrefix(line, "::error file="), ",title=r::")
		if !ok {
			t.Fatalf("unexpected printer output %q", line)
		}
		if props[i] != file {
			t.Errorf("gh_property %q:\n got %q\nwant %q (findings.GitHub file=)", s, props[i], file)
		}
		if data[i] != msg {
			t.Errorf("gh_data %q:\n got %q\nwant %q (findings.GitHub message)", s, data[i], msg)
		}
	}
}

// TestShellHasControl: the inputs refused for a line break.
func TestShellHasControl(t *testing.T) {
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("bash not found: the Action's shell helpers are not checked")
	}
	lib, _ := filepath.Abs(filepath.Join("..", "..", "scripts", "action", "lib.sh"))
	for _, c := range []struct {
		in   string
		want bool
	}{
		{"origin/main", false},
		{"", false},
		{"v1.2.3", false},
		{"réclamation", false},
		{"main\n::error::x", true},
		{"main\r", true},
		{"a\tb", true},
		{"esc\x1b", true},
	} {
		err := exec.Command(bash, "-c", `. "$0"; has_control "$1"`, lib, c.in).Run()
		if got := err == nil; got != c.want {
			t.Errorf("has_control %q = %v, want %v (%v)", c.in, got, c.want, err)
		}
	}
}
