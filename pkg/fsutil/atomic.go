// Package fsutil writes files so that a reader never sees half of one: the
// data goes to a temporary file in the same directory, which is then renamed
// over the target.
package fsutil

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
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
func WriteAtomic(path string, perm os.FileMode, write func(io.Writer) error) (err error) {
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return wrapErr(path, err)
	}
	tmp := f.Name()
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(tmp)
		}
	}()
	if err = write(f); err != nil {
		return wrapErr(path, err)
	}
	if err = f.Chmod(perm); err != nil {
		return wrapErr(path, err)
	}
	if err = f.Close(); err != nil {
		return wrapErr(path, err)
	}
	if err = os.Rename(tmp, path); err != nil {
		return wrapErr(path, err)
	}
	return nil
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
