package cli

import (
	"bytes"
	"encoding/json"
	"github.com/spf13/cobra/doc"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	goldenfile "github.com/cxmap/cxmap/internal/golden"
)

// TestDocs checks that docs/cli, the markdown command reference, matches
// the commands. After changing a command's help, regenerate it with
//
//	go test ./pkg/cli -run TestDocs -update   (or: make docs)
func TestDocs(t *testing.T) {
	io, _, _ := TestStreams("")
	tmp := t.TempDir()
	if err := writeReference(NewRootCmd(io), doc.GenMarkdownTree, tmp); err != nil {
		t.Fatal(err)
	}
	docs := filepath.Join("..", "..", "docs", "cli")
	got, _ := filepath.Glob(filepath.Join(tmp, "*.md"))
	have, _ := filepath.Glob(filepath.Join(docs, "*.md"))
	base := func(ps []string) []string {
		var out []string
		for _, p := range ps {
			out = append(out, filepath.Base(p))
		}
		return out
	}
	for _, name := range base(got) {
		data, err := os.ReadFile(filepath.Join(tmp, name))
		if err != nil {
			t.Fatal(err)
		}
		if bytes.Contains(data, []byte("Auto generated")) {
			t.Errorf("%s carries a generation date", name)
		}
		goldenfile.Check(t, filepath.Join(docs, name), data)
	}
	for _, name := range base(have) {
		if !slices.Contains(base(got), name) {
			if *goldenfile.Update {
				os.Remove(filepath.Join(docs, name))
				continue
			}
			t.Errorf("docs/cli/%s documents no command (run go test ./pkg/cli -run TestDocs -update)", name)
		}
	}
	if len(got) < 10 {
		t.Errorf("only %d pages generated", len(got))
	}
}

func TestManPages(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1767225600") // 2026-01-01
	dir := filepath.Join(t.TempDir(), "man1")
	io, _, errOut := TestStreams("")
	if code := Main([]string{"man", dir}, io); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	lint, err := os.ReadFile(filepath.Join(dir, "cxmap-lint.1"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`.TH "CXMAP" "1" "Jan 2026" "cxmap dev" "cxmap manual"`, "cxmap-lint", "--fail-level"} {
		if !strings.Contains(string(lint), want) {
			t.Errorf("cxmap-lint.1 lacks %q", want)
		}
	}
	if !strings.Contains(errOut.String(), "man pages to "+dir) {
		t.Errorf("stderr = %q", errOut)
	}
	if code := Main([]string{"man", "--format", "pdf", dir}, io); code != ExitUsage {
		t.Errorf("--format pdf: exit %d, want 2", code)
	}
}

func TestVersionJSON(t *testing.T) {
	defer func(v, c, d string) { Version, Commit, Date = v, c, d }(Version, Commit, Date)
	for _, c := range []struct{ commit, date, wantCommit, wantDate string }{
		{"abc123", "2026-01-02T03:04:05Z", "abc123", "2026-01-02T03:04:05Z"},
		// GoReleaser's placeholders without git state are not passed on.
		{"none", "0001-01-01T00:00:00Z", "", ""},
	} {
		Version, Commit, Date = "1.2.3", c.commit, c.date
		io, out, _ := TestStreams("")
		if code := Main([]string{"version", "--json"}, io); code != 0 {
			t.Fatalf("exit %d", code)
		}
		var bi BuildInfo
		if err := json.Unmarshal(out.Bytes(), &bi); err != nil {
			t.Fatal(err)
		}
		if bi.Version != "1.2.3" || bi.FormatVersion != 1 || bi.OS == "" || bi.Arch == "" || bi.Go == "" {
			t.Errorf("version --json = %+v", bi)
		}
		// Without stamps the build's VCS info may fill in (not in tests).
		if c.wantCommit != "" && (bi.Commit != c.wantCommit || bi.Date != c.wantDate) {
			t.Errorf("commit %q date %q, want %q %q", bi.Commit, bi.Date, c.wantCommit, c.wantDate)
		}
		if bi.Commit == "none" || strings.HasPrefix(bi.Date, "0001") {
			t.Errorf("placeholder passed on: %+v", bi)
		}
	}
}
