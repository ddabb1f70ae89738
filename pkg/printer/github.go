package printer

import (
	"errors"
	"io"
)

// GitHub is a placeholder until the GitHub workflow-command printer lands.
func GitHub(w io.Writer, r Report) error { return errors.New("github output is not implemented yet") }
