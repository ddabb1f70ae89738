// Package fsutil writes files so that a reader never sees half of one: the
// data goes to a temporary file in the same directory, which is then renamed
// over the target. Several files can be committed together (Batch): every
// temporary file is written first, and only then are they all renamed.
//
// While a temporary file exists, SIGINT and SIGTERM remove every one of them
// and end the process with 130 or 143 (see signal.go), so an interrupted
// command leaves no debris.
package fsutil

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// WriteFileAtomic writes data to path atomically.
func WriteFileAtomic(path string, data []byte, perm os.FileMode) error {
	return WriteAtomic(path, perm, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// WriteAtomic calls write with a temporary file beside path and renames it
// over path only if write and close succeed; otherwise the temporary file is
// removed and path is left as it was.
func WriteAtomic(path string, perm os.FileMode, write func(io.Writer) error) error {
	var b Batch
	if err := b.Add(path, perm, write); err != nil {
		return err
	}
	return b.Commit()
}

// Batch is a set of files written together: Add writes each to a temporary
// file, Commit renames them all into place. Abort (or a failed Add) removes
// every temporary file, so either all files of a batch are written or none.
type Batch struct {
	// Wrap, when set, wraps each temporary file's writer (tests make it
	// fail as a full disk would).
	Wrap    func(io.Writer) io.Writer
	pending []pending
}

type pending struct{ tmp, path string }

// Add writes one file of the batch to a temporary file beside path. On
// failure every temporary file of the batch is removed.
func (b *Batch) Add(path string, perm os.FileMode, write func(io.Writer) error) error {
	if b.Wrap != nil {
		inner := write
		write = func(w io.Writer) error { return inner(b.Wrap(w)) }
	}
	tmp, err := writeTemp(path, perm, write)
	if err != nil {
		b.Abort()
		return wrapErr(path, err)
	}
	b.pending = append(b.pending, pending{tmp, path})
	return nil
}

// Commit renames every temporary file over its target, in the order they
// were added. If a rename fails, the files not yet renamed are removed, and
// the error names the ones that were not written.
func (b *Batch) Commit() error {
	for i, p := range b.pending {
		if err := os.Rename(p.tmp, p.path); err != nil {
			var missed []string
			for _, q := range b.pending[i:] {
				missed = append(missed, q.path)
			}
			b.pending = b.pending[i:]
			b.Abort()
			return fmt.Errorf("%w (not written: %s)", wrapErr(p.path, err), strings.Join(missed, ", "))
		}
		forget(p.tmp)
	}
	b.pending = nil
	return nil
}

// Abort removes the temporary files of the batch; nothing is written.
func (b *Batch) Abort() {
	for _, p := range b.pending {
		os.Remove(p.tmp)
		forget(p.tmp)
	}
	b.pending = nil
}

// Paths are the targets added so far, for messages.
func (b *Batch) Paths() []string {
	var ps []string
	for _, p := range b.pending {
		ps = append(ps, p.path)
	}
	return ps
}

// writeTemp writes a temporary file beside path and returns its name; on
// failure nothing is left behind.
func writeTemp(path string, perm os.FileMode, write func(io.Writer) error) (tmp string, err error) {
	f, err := create(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return "", err
	}
	name := f.Name()
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(name)
			forget(name)
		}
	}()
	if err = write(f); err != nil {
		return "", err
	}
	if err = f.Chmod(perm); err != nil {
		return "", err
	}
	if err = f.Close(); err != nil {
		return "", err
	}
	return name, nil
}

// wrapErr says which file could not be written, without the temporary
// file's name, which would only confuse.
func wrapErr(path string, err error) error {
	var pe *os.PathError
	var le *os.LinkError
	switch {
	case errors.As(err, &pe):
		err = pe.Err
	case errors.As(err, &le):
		err = le.Err
	}
	return fmt.Errorf("writing %s: %w", path, err)
}
