package printer

import (
	"errors"
	"io"
)

// SARIF is a placeholder until the SARIF printer lands.
func SARIF(w io.Writer, r Report) error { return errors.New("sarif output is not implemented yet") }
