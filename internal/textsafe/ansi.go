package textsafe

// ANSI SGR sequences for coloured terminal output. cxmap writes them only
// around its own words (ratings, levels, titles), never inside user text.
const (
	ANSIReset  = "\x1b[0m"
	ANSIBold   = "\x1b[1m"
	ANSIDim    = "\x1b[2m"
	ANSIRed    = "\x1b[31m"
	ANSIGreen  = "\x1b[32m"
	ANSIYellow = "\x1b[33m"
	ANSICyan   = "\x1b[36m"
)

// Paint wraps s in code and a reset when on (and s is not empty).
func Paint(on bool, code, s string) string {
	if !on || s == "" {
		return s
	}
	return code + s + ANSIReset
}
