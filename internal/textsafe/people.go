package textsafe

import "io"

// ForPeople makes a format safe to show in a terminal, a CI log or a
// pull-request comment (docs/decisions.md, "Output safety"): the format
// writes a copy of v in which every text has its control characters shown
// escaped (Block; line breaks stay for the format to handle), through a
// writer that keeps any line from starting with "::" (Guard). Machine
// formats (JSON, SARIF) are not wrapped: they escape by their own rules.
func ForPeople[T, O any](f func(io.Writer, T, O) error) func(io.Writer, T, O) error {
	return func(w io.Writer, v T, o O) error {
		g := NewGuard(w)
		if err := f(g, Copy(v, Block), o); err != nil {
			return err
		}
		return g.Flush()
	}
}
