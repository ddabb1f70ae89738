//go:build !unix

package inputs

import "os"

// openNonBlocking opens path for reading. Outside Unix there are no named
// pipes in the file system to block on; the Stat before and after the open
// still refuses anything that is not a regular file.
func openNonBlocking(path string) (*os.File, error) {
	return os.Open(path)
}
