package inputs

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
)

// ErrNotRegular is wrapped by the error for a path that is a named pipe, a
// device or a socket: reading one can block forever or never end, so
// nothing is ever read from it (docs/decisions.md, "Hardening").
var ErrNotRegular = errors.New("not a regular file")

// notRegular says what kind of special file path is.
func notRegular(path string, mode fs.FileMode) error {
	return &specialError{path: path, mode: mode}
}

type specialError struct {
	path string
	mode fs.FileMode
	// arg: a journey argument, which "-" could replace.
	arg bool
}

func (e *specialError) Error() string {
	msg := fmt.Sprintf("%s: is %s, not a regular file (not read)", e.path, specialKind(e.mode))
	if e.arg && e.mode&fs.ModeNamedPipe != 0 {
		msg += "; to read a stream, give - and send it to standard input"
	}
	return msg
}

func (e *specialError) Unwrap() error { return ErrNotRegular }

// SpecialKind names, in words, a file mode that is not a regular file
// (for messages that refuse one).
func SpecialKind(mode fs.FileMode) string { return specialKind(mode) }

// specialKind names a file mode that is neither a regular file nor a
// directory, in words.
func specialKind(mode fs.FileMode) string {
	switch {
	case mode&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case mode&fs.ModeSocket != 0:
		return "a socket"
	case mode&fs.ModeCharDevice != 0:
		return "a character device"
	case mode&fs.ModeDevice != 0:
		return "a device"
	case mode&fs.ModeDir != 0:
		return "a directory"
	case mode&fs.ModeSymlink != 0:
		return "a symbolic link"
	}
	return "a special file"
}

// ReadFile reads the regular file at path (following symbolic links), at
// most limit+1 bytes of it, so that a huge file costs bounded memory and
// the caller can tell it is over the limit. A named pipe, device or socket
// is refused before it is opened (its error wraps ErrNotRegular), and the
// file is opened without blocking and checked again once open, so that one
// swapped in between cannot hang the run either. Errors name path once,
// without the operation ("x.yaml: no such file or directory").
func ReadFile(path string, limit int64) ([]byte, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, ioErr(path, err)
	}
	if !st.Mode().IsRegular() {
		if st.IsDir() {
			return nil, fmt.Errorf("%s: is a directory", path)
		}
		return nil, notRegular(path, st.Mode())
	}
	f, err := openNonBlocking(path)
	if err != nil {
		return nil, ioErr(path, err)
	}
	defer f.Close()
	if st, err = f.Stat(); err != nil {
		return nil, ioErr(path, err)
	}
	if !st.Mode().IsRegular() {
		return nil, notRegular(path, st.Mode())
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, ioErr(path, err)
	}
	return data, nil
}
