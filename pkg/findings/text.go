package findings

import (
	"bufio"
	"fmt"
	"io"

	"github.com/cxmap/cxmap/internal/textsafe"

	"github.com/cxmap/cxmap/pkg/finding"
)

// Text writes `path:line:col: level: message [rule]` lines and a summary.
// A path or message is one line with control characters shown escaped
// (textsafe.Line), and no line starts with "::" (textsafe.Guard).
func Text(w io.Writer, r Report) error {
	g := textsafe.NewGuard(w)
	bw := bufio.NewWriter(g)
	for _, f := range r.Findings {
		f.Path, f.Message = textsafe.Line(f.Path), textsafe.Line(f.Message)
		if !r.Color {
			fmt.Fprintln(bw, f.String())
			continue
		}
		c := textsafe.ANSICyan
		switch f.Level {
		case finding.Error:
			c = textsafe.ANSIRed
		case finding.Warning:
			c = textsafe.ANSIYellow
		}
		fmt.Fprintf(bw, "%s%s:%d:%d:%s %s%s%s: %s %s[%s]%s\n", textsafe.ANSIBold, f.Path, f.Line, f.Column, textsafe.ANSIReset,
			c, f.Level, textsafe.ANSIReset, f.Message, textsafe.ANSIDim, f.Rule, textsafe.ANSIReset)
	}
	fmt.Fprintln(bw, Summary(r))
	if err := bw.Flush(); err != nil {
		return err
	}
	return g.Flush()
}

// Summary is the one-line count of findings and files.
func Summary(r Report) string {
	e, w, i := finding.Count(r.Findings)
	files := plural(r.Files, "file")
	unread := ""
	if n := len(r.Errors); n > 0 {
		unread = fmt.Sprintf("; %s could not be read", plural(n, "path"))
	}
	if e+w+i == 0 {
		if unread != "" {
			return fmt.Sprintf("%s checked, no problems in them%s", files, unread)
		}
		return fmt.Sprintf("%s checked, no problems", files)
	}
	return fmt.Sprintf("%s checked: %s, %s, %s%s", files, plural(e, "error"), plural(w, "warning"), plural(i, "info"), unread)
}

func plural(n int, word string) string {
	if word == "info" {
		return textsafe.Plural(n, word, word)
	}
	return textsafe.Plural(n, word, "")
}
