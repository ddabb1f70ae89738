package fsutil

import (
	"bufio"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
)

// TestMain doubles as the child process of TestSignalRemovesTemps: with
// FSUTIL_CHILD set it starts writing a file in that directory, says "ready"
// and waits to be stopped.
func TestMain(m *testing.M) {
	if dir := os.Getenv("FSUTIL_CHILD"); dir != "" {
		WriteAtomic(filepath.Join(dir, "big.svg"), 0o644, func(w io.Writer) error {
			w.Write([]byte("<svg>"))
			os.Stdout.WriteString("ready\n")
			select {} // stopped by the signal
		})
		os.Exit(3)
	}
	os.Exit(m.Run())
}

func TestSignalRemovesTemps(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no SIGINT/SIGTERM to send on windows")
	}
	for _, tt := range []struct {
		sig  syscall.Signal
		code int
	}{{syscall.SIGINT, 130}, {syscall.SIGTERM, 143}} {
		t.Run(tt.sig.String(), func(t *testing.T) {
			dir := t.TempDir()
			cmd := exec.Command(os.Args[0], "-test.run=^$")
			cmd.Env = append(os.Environ(), "FSUTIL_CHILD="+dir)
			var stderr strings.Builder
			cmd.Stderr = &stderr
			out, err := cmd.StdoutPipe()
			if err != nil {
				t.Fatal(err)
			}
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			if line, _ := bufio.NewReader(out).ReadString('\n'); line != "ready\n" {
				cmd.Process.Kill()
				t.Fatalf("child said %q", line)
			}
			if entries, _ := os.ReadDir(dir); len(entries) != 1 {
				t.Fatalf("while writing: %v; want one temporary file", entries)
			}
			cmd.Process.Signal(tt.sig)
			cmd.Wait()
			if got := cmd.ProcessState.ExitCode(); got != tt.code {
				t.Errorf("exit code %d, want %d (stderr %q)", got, tt.code, stderr.String())
			}
			if entries, _ := os.ReadDir(dir); len(entries) != 0 {
				t.Errorf("left behind: %v", entries)
			}
			if !strings.Contains(stderr.String(), "removed 1 unfinished") {
				t.Errorf("stderr %q", stderr.String())
			}
		})
	}
}
