package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/cxmap/cxmap/pkg/journey"
)

func TestCleanName(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Home insurance claim", "Home insurance claim"},
		{"\x1b[2J", "[2J"},
		{"\x1b]0;pwned\x07Title", "]0;pwned Title"},
		{"a\tb\r\nc\u2028d\u0085e\u00a0f", "a b c d e f"},
		{"  spaced   out  ", "spaced out"},
		{"\u202eevil\u200b\ufeff", "evil"},
		{"caf\xe9", "caf"},
		{"👩\u200d💻 dev", "👩\u200d💻 dev"},
		{"\x7f\x1b\u200b", ""},
	} {
		if got := cleanName(tc.in); got != tc.want {
			t.Errorf("cleanName(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestInitAlwaysValid: whatever the name, init writes a journey that
// validates, or refuses with exit 2 and writes nothing (issue 8, item 9).
func TestInitAlwaysValid(t *testing.T) {
	day := func() time.Time { return time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC) }
	for _, name := range []string{"\x1b[2J", "true", "null", "~", "-", "123", "1e3", "a: b", "#x", "*", "|", "\"", "\\", "'", "a\nb", "a\rb", "x\x85y", "日本", "yes", "0x1F", "- x", "? q", "%x", "@me", "`x`", "!tag"} {
		dir := t.TempDir()
		io, _, _ := TestStreams("")
		io.Dir = dir
		err := initRun(&InitOptions{IO: io, Name: name, Output: "j.yaml", Now: day})
		if err != nil {
			t.Errorf("init %q: %v", name, err)
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, "j.yaml"))
		must(t, err)
		if j, fs := journey.Parse("j.yaml", data); j == nil {
			t.Errorf("init %q wrote an invalid journey: %v", name, fs)
		}
	}
	dir := t.TempDir()
	io, _, _ := TestStreams("")
	io.Dir = dir
	err := initRun(&InitOptions{IO: io, Name: "\x1b\u200b", Output: "j.yaml", Now: day})
	if codeOf(err) != ExitUsage || !strings.Contains(err.Error(), `the name "\x1b\u200b" has nothing printable in it`) {
		t.Errorf("unprintable name: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "j.yaml")); err == nil {
		t.Error("a file was written for a refused name")
	}
}
