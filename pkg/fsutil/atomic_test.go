package fsutil

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestWriteAtomic(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "out.txt")
	if err := WriteFileAtomic(p, []byte("one"), 0o644); err != nil {
		t.Fatal(err)
	}
	// A failing writer leaves the old file as it was and no temporary file.
	err := WriteAtomic(p, 0o644, func(w io.Writer) error {
		w.Write([]byte("half"))
		return errors.New("boom")
	})
	if err == nil || !strings.Contains(err.Error(), "writing "+p+": boom") {
		t.Fatalf("got %v", err)
	}
	if got, _ := os.ReadFile(p); string(got) != "one" {
		t.Errorf("file changed to %q", got)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("left behind: %v", entries)
	}
	// A missing directory is reported without the temporary name.
	err = WriteFileAtomic(filepath.Join(dir, "no", "x"), nil, 0o644)
	if err == nil || strings.Contains(err.Error(), ".tmp") || !strings.Contains(err.Error(), "no such file or directory") {
		t.Errorf("got %v", err)
	}
}
