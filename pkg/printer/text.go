package printer

import (
	"bufio"
	"fmt"
	"io"

	"github.com/cxmap/cxmap/pkg/finding"
)

const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiRed    = "\x1b[31m"
	ansiYellow = "\x1b[33m"
	ansiCyan   = "\x1b[36m"
	ansiDim    = "\x1b[2m"
)

// Text writes `path:line:col: level: message [rule]` lines and a summary.
func Text(w io.Writer, r Report) error {
	bw := bufio.NewWriter(w)
	for _, f := range r.Findings {
		if !r.Color {
			fmt.Fprintln(bw, f.String())
			continue
		}
		c := ansiCyan
		switch f.Level {
		case finding.Error:
			c = ansiRed
		case finding.Warning:
			c = ansiYellow
		}
		fmt.Fprintf(bw, "%s%s:%d:%d:%s %s%s%s: %s %s[%s]%s\n", ansiBold, f.Path, f.Line, f.Column, ansiReset,
			c, f.Level, ansiReset, f.Message, ansiDim, f.Rule, ansiReset)
	}
	fmt.Fprintln(bw, Summary(r))
	return bw.Flush()
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
	if n == 1 || word == "info" {
		return fmt.Sprintf("%d %s", n, word)
	}
	return fmt.Sprintf("%d %ss", n, word)
}
