package lsp

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cxmap/cxmap/internal/golden"
)

// TestNeovim runs Neovim headless as the client (testdata/nvim/check.lua):
// a journey with a dangling lane gets its diagnostic through
// vim.diagnostic.get(), and completion there offers the catalog's lanes.
func TestNeovim(t *testing.T) {
	nvim, err := exec.LookPath("nvim")
	if err != nil {
		t.Skip("skipped: nvim is not installed (Debian package neovim; .ci/run installs it)")
	}
	bin := buildBinary(t)
	ws := copyDir(t, "testdata/ws")
	claim, err := os.ReadFile(filepath.Join(ws, "claim.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	dangling := strings.Replace(string(claim), "lane: portal", "lane: portl", 1)
	if err := os.WriteFile(filepath.Join(ws, "dangling.yaml"), []byte(dangling), 0o644); err != nil {
		t.Fatal(err)
	}
	script, _ := filepath.Abs("testdata/nvim/check.lua")
	outPath := filepath.Join(t.TempDir(), "out.txt")
	cmd := exec.Command(nvim, "--headless", "--clean", "-n", "-c", "luafile "+script)
	cmd.Dir = ws
	cmd.Env = append(os.Environ(), "CXMAP_BIN="+bin, "CXMAP_WS="+ws, "CXMAP_OUT="+outPath, "XDG_STATE_HOME="+t.TempDir(), "XDG_DATA_HOME="+t.TempDir())
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("nvim: %v\n%s", err, out)
	}
	got, err := os.ReadFile(outPath)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(got), `diagnostic 28:19 unknown-reference lane "portl" is not defined; did you mean "portal"?`) {
		t.Errorf("Neovim did not get the dangling lane's diagnostic:\n%s", got)
	}
	golden.Check(t, "testdata/nvim/out.txt", got)
}
