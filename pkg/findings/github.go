package findings

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/cxmap/cxmap/pkg/finding"
)

// GitHub writes GitHub Actions workflow commands, one per finding, which the
// runner turns into annotations on the pull request's changed lines
// (https://docs.github.com/actions/reference/workflow-commands-for-github-actions):
//
//	::error file=F,line=L,col=C,endLine=EL,endColumn=EC,title=RULE::message
//
// then the summary line, which the log shows as it is.
func GitHub(w io.Writer, r Report) error {
	bw := bufio.NewWriter(w)
	for _, f := range r.Findings {
		fmt.Fprintf(bw, "::%s file=%s", githubLevel(f.Level), githubProperty(f.Path))
		if f.Line > 0 {
			fmt.Fprintf(bw, ",line=%d,col=%d", f.Line, max(f.Column, 1))
			if f.EndLine >= f.Line && f.EndColumn > 0 {
				fmt.Fprintf(bw, ",endLine=%d,endColumn=%d", f.EndLine, f.EndColumn)
			}
		}
		fmt.Fprintf(bw, ",title=%s::%s\n", githubProperty(f.Rule), githubData(f.Message))
	}
	fmt.Fprintln(bw, Summary(r))
	return bw.Flush()
}

// githubLevel maps cxmap's levels onto the runner's error, warning, notice.
func githubLevel(l finding.Level) string {
	switch l {
	case finding.Error:
		return "error"
	case finding.Warning:
		return "warning"
	}
	return "notice"
}

// githubData escapes a command's message as the runner unescapes it.
var githubData = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace

// githubProperty escapes a property value, where ':' and ',' also delimit.
var githubProperty = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace
