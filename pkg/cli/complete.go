package cli

import (
	"strings"

	"github.com/spf13/cobra"
)

// completeNames offers a registry's names when the shell completes the
// value of flag (`cxmap report -f <TAB>`). With a comma-separated flag the
// names complete the last item.
func completeNames(cmd *cobra.Command, flag string, choices []string) {
	_ = cmd.RegisterFlagCompletionFunc(flag, func(_ *cobra.Command, _ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		head := ""
		if k := strings.LastIndexByte(toComplete, ','); k >= 0 {
			head = toComplete[:k+1]
		}
		out := make([]string, 0, len(choices))
		for _, c := range choices {
			out = append(out, head+c)
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	})
}

// wrapHelp wraps a paragraph of help text at 78 columns.
func wrapHelp(s string) string {
	var b strings.Builder
	col := 0
	for _, w := range strings.Fields(s) {
		if col > 0 && col+1+len(w) > 78 {
			b.WriteByte('\n')
			col = 0
		} else if col > 0 {
			b.WriteByte(' ')
			col++
		}
		b.WriteString(w)
		col += len(w)
	}
	return b.String()
}
