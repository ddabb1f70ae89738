//go:build !windows

package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/cxmap/cxmap/internal/testgen"
)

// TestRenderInterrupted sends SIGINT to the real command while it has
// written a journey's first file to a temporary name and is drawing the
// next: it must stop with 130 and leave nothing, neither the finished
// temporary SVG nor a final file.
func TestRenderInterrupted(t *testing.T) {
	exe, err := exec.LookPath("cxmap") // the test binary, set up by testscript.Main
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "big.yaml")
	if err := os.WriteFile(in, testgen.Journey(5, 250), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	// The PNG after the SVG takes a second or more (40 megapixels), so the
	// SVG's temporary file waits for it long enough to be seen.
	cmd := exec.Command(exe, "render", in, "-f", "svg,png", "--scale", "1", "-o", out)
	cmd.Env = append(os.Environ(), "XDG_CACHE_HOME="+filepath.Join(dir, "cache"))
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	// Wait for the SVG's temporary file (not a timing assertion: the loop
	// ends when the file shows or the command ends).
	seen := false
	for !seen {
		select {
		case <-done:
			t.Fatalf("render ended before it could be interrupted: %s", stderr.String())
		case <-time.After(2 * time.Millisecond):
		}
		matches, _ := filepath.Glob(filepath.Join(out, ".*.tmp-*"))
		seen = len(matches) > 0
	}
	cmd.Process.Signal(syscall.SIGINT)
	<-done
	if code := cmd.ProcessState.ExitCode(); code != 130 {
		t.Errorf("exit code %d, want 130; stderr:\n%s", code, stderr.String())
	}
	if entries, _ := os.ReadDir(out); len(entries) != 0 {
		t.Errorf("left in %s: %v", out, entries)
	}
	if !strings.Contains(stderr.String(), "interrupt: stopped; removed 1 unfinished file") {
		t.Errorf("stderr: %s", stderr.String())
	}
}
