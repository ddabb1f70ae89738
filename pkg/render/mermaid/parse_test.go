package mermaid

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cxmap/cxmap/pkg/journey"
)

// TestMermaidParses runs Mermaid's own parser (mermaid.parse in node, with
// jsdom for the DOM it expects) on the diagram of every example and on a
// hostile one. The parser is installed by scripts/mermaid/install.sh into
// .cache/mermaid (.ci/run does it); without node or that install the test
// skips and says why.
func TestMermaidParses(t *testing.T) {
	root := filepath.Join("..", "..", "..")
	dir, _ := filepath.Abs(filepath.Join(root, ".cache", "mermaid"))
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node not found: Mermaid parser check skipped (apt-get install nodejs npm; scripts/mermaid/install.sh)")
	}
	if _, err := os.Stat(filepath.Join(dir, "node_modules", "mermaid", "package.json")); err != nil {
		t.Skip("Mermaid parser not installed in .cache/mermaid: check skipped (run scripts/mermaid/install.sh)")
	}
	tmp := t.TempDir()
	var files []string
	add := func(name string, j *journey.Journey) {
		var b bytes.Buffer
		if err := Write(&b, j); err != nil {
			t.Fatal(err)
		}
		f := filepath.Join(tmp, name+".mmd")
		os.WriteFile(f, b.Bytes(), 0o644)
		files = append(files, f)
	}
	for name, j := range examples(t) {
		add(strings.ReplaceAll(name, "/", "-"), j)
	}
	add("hostile", hostile())
	// A text Mermaid refuses shows the check can fail.
	bad := filepath.Join(tmp, "refused.mmd")
	os.WriteFile(bad, []byte("journey\n  section a\n    journey planning: 3\n"), 0o644)

	cmd := exec.Command(node, append([]string{filepath.Join(dir, "parse.mjs")}, append(files, bad)...)...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err == nil {
		t.Fatalf("the parser accepted every file, including %s:\n%s", bad, out)
	}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		file, verdict, _ := strings.Cut(line, ": ")
		if file == bad {
			if verdict == "ok (journey)" {
				t.Errorf("Mermaid accepted %s", bad)
			}
			continue
		}
		if verdict != "ok (journey)" {
			t.Errorf("Mermaid refused %s: %s", filepath.Base(file), verdict)
		}
	}
	if n := strings.Count(string(out), "ok (journey)"); n != len(files) {
		t.Errorf("%d of %d files parsed:\n%s", n, len(files), out)
	}
}
