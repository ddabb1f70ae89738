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

// errFull is what a full disk answers.
var errFull = errors.New("no space left on device")

// fullAfter makes temporary files fail once n bytes have been written in
// all, as a full disk would (a Batch's Wrap).
func fullAfter(n int) func(io.Writer) io.Writer {
	left := n
	return func(w io.Writer) io.Writer {
		return writerFunc(func(p []byte) (int, error) {
			if len(p) > left {
				k, _ := w.Write(p[:left])
				left = 0
				return k, errFull
			}
			left -= len(p)
			return w.Write(p)
		})
	}
}

type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(p []byte) (int, error) { return f(p) }

func TestBatchAllOrNothing(t *testing.T) {
	data := func(s string) func(io.Writer) error {
		return func(w io.Writer) error { _, err := io.WriteString(w, s); return err }
	}
	t.Run("commit", func(t *testing.T) {
		dir := t.TempDir()
		var b Batch
		for _, n := range []string{"x.svg", "x.png"} {
			if err := b.Add(filepath.Join(dir, n), 0o644, data(n)); err != nil {
				t.Fatal(err)
			}
		}
		if entries, _ := os.ReadDir(dir); len(entries) != 2 || !strings.HasPrefix(entries[0].Name(), ".") {
			t.Fatalf("before commit: %v; want two hidden temporary files", entries)
		}
		if err := b.Commit(); err != nil {
			t.Fatal(err)
		}
		for _, n := range []string{"x.svg", "x.png"} {
			if got, _ := os.ReadFile(filepath.Join(dir, n)); string(got) != n {
				t.Errorf("%s holds %q", n, got)
			}
		}
	})
	t.Run("full disk on the second file", func(t *testing.T) {
		dir := t.TempDir()
		b := Batch{Wrap: fullAfter(8)}
		if err := b.Add(filepath.Join(dir, "x.svg"), 0o644, data("12345")); err != nil {
			t.Fatal(err)
		}
		err := b.Add(filepath.Join(dir, "x.png"), 0o644, data("1234567890"))
		if !errors.Is(err, errFull) || !strings.Contains(err.Error(), "x.png") {
			t.Fatalf("got %v; want the full disk, naming x.png", err)
		}
		if entries, _ := os.ReadDir(dir); len(entries) != 0 {
			t.Fatalf("left behind: %v; want nothing (not even x.svg)", entries)
		}
	})
	t.Run("rename fails", func(t *testing.T) {
		dir := t.TempDir()
		var b Batch
		b.Add(filepath.Join(dir, "a"), 0o644, data("a"))
		// A directory in the way of b: the rename fails.
		if err := os.Mkdir(filepath.Join(dir, "b"), 0o755); err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, "b", "keep"), nil, 0o644)
		b.Add(filepath.Join(dir, "b"), 0o644, data("b"))
		b.Add(filepath.Join(dir, "c"), 0o644, data("c"))
		err := b.Commit()
		if err == nil || !strings.Contains(err.Error(), "not written: "+filepath.Join(dir, "b")+", "+filepath.Join(dir, "c")) {
			t.Fatalf("got %v; want b and c named as not written", err)
		}
		entries, _ := os.ReadDir(dir)
		if len(entries) != 2 { // a and the directory b
			t.Fatalf("left: %v", entries)
		}
	})
}
