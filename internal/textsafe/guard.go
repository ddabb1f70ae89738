package textsafe

import (
	"io"
	"strings"
	"unicode"
	"unicode/utf8"
)

// CommandGuard is inserted before "::" at the start of a line: a zero-width
// space, which a CI runner does not trim, so the line no longer starts with
// "::" and is not read as a GitHub Actions workflow command.
const CommandGuard = "\u200b"

// Guard is a writer for line-oriented output that no line may turn into a
// CI workflow command: a line that starts with "::", after any leading
// white space (GitHub's runner trims it before looking), gets CommandGuard
// before the "::". Everything else passes through unchanged. Call Flush
// when done: a line start that is still undecided (white space or a single
// ':' at the very end) is held until then.
type Guard struct {
	w io.Writer
	// controls: also show control characters other than line feed and tab
	// escaped, as Block does (for messages, which hold paths).
	controls bool
	start    bool   // at the start of a line, nothing decided yet
	hold     []byte // the undecided start of the line
	out      []byte
}

// NewGuard returns a Guard writing to w, at the start of a line.
func NewGuard(w io.Writer) *Guard { return &Guard{w: w, start: true} }

// NewMessages returns a Guard for standard error: besides guarding line
// starts, it shows control characters escaped (a path or an error text may
// hold any byte), keeping line feeds and tabs. cxmap writes no colour to
// standard error.
func NewMessages(w io.Writer) *Guard { return &Guard{w: w, start: true, controls: true} }

// Write passes p on, guarding line starts. It reports len(p) on success.
func (g *Guard) Write(p []byte) (int, error) {
	g.out = g.out[:0]
	for i := 0; i < len(p); {
		if !g.start {
			k := indexNL(p[i:])
			if k < 0 {
				g.out = append(g.out, p[i:]...)
				break
			}
			g.out = append(g.out, p[i:i+k+1]...)
			i += k + 1
			g.start = true
			continue
		}
		g.hold = append(g.hold, p[i])
		i++
		switch decide(g.hold) {
		case undecided:
			continue
		case command:
			ws := len(g.hold) - 2
			g.out = append(g.out, g.hold[:ws]...)
			g.out = append(g.out, CommandGuard...)
			g.out = append(g.out, g.hold[ws:]...)
		default:
			g.out = append(g.out, g.hold...)
		}
		g.start = g.hold[len(g.hold)-1] == '\n'
		g.hold = g.hold[:0]
	}
	out := g.out
	if g.controls && needs(string(out)) {
		out = []byte(escapeControls(string(out)))
	}
	if _, err := g.w.Write(out); err != nil {
		return 0, err
	}
	return len(p), nil
}

// escapeControls shows control characters escaped, keeping line feeds and
// tabs.
func escapeControls(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if IsControl(r) && r != '\n' && r != '\t' {
			visible(&b, r)
		} else {
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// Flush writes what is held back.
func (g *Guard) Flush() error {
	if len(g.hold) == 0 {
		return nil
	}
	_, err := g.w.Write(g.hold)
	g.hold = g.hold[:0]
	return err
}

func indexNL(p []byte) int {
	for i, c := range p {
		if c == '\n' {
			return i
		}
	}
	return -1
}

type verdict int

const (
	undecided verdict = iota
	plain
	command
)

// decide looks at the start of a line: white space, then "::" or not.
func decide(h []byte) verdict {
	i := 0
	for i < len(h) {
		if h[i] == '\n' {
			return plain
		}
		if !utf8.FullRune(h[i:]) {
			return undecided
		}
		r, size := utf8.DecodeRune(h[i:])
		if !unicode.IsSpace(r) {
			break
		}
		i += size
	}
	switch rest := h[i:]; {
	case len(rest) == 0:
		return undecided
	case rest[0] != ':':
		return plain
	case len(rest) == 1:
		return undecided
	case rest[1] == ':':
		return command
	}
	return plain
}
