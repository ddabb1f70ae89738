package cli

import (
	"fmt"
	"strings"

	"github.com/cxmap/cxmap/internal/registry"

	"github.com/spf13/cobra"
)

// completeNames offers a registry's names, each with its help line, when
// the shell completes the value of flag (`cxmap report -f <TAB>`). With a
// comma-separated flag (list) the names complete the last item, and extra
// entries ("all\tevery optional row") follow the registry's.
func completeNames[E registry.Entry](cmd *cobra.Command, flag string, r *registry.Registry[E], list bool, extra ...string) {
	directive := cobra.ShellCompDirectiveNoFileComp
	if list {
		directive |= cobra.ShellCompDirectiveNoSpace
	}
	_ = cmd.RegisterFlagCompletionFunc(flag, func(_ *cobra.Command, _ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		head := ""
		if k := strings.LastIndexByte(toComplete, ','); k >= 0 && list {
			head = toComplete[:k+1]
		}
		out := make([]string, 0, len(r.All())+len(extra))
		for _, e := range r.All() {
			m := e.Info()
			c := head + m.Name
			if m.Help != "" {
				c += "\t" + m.Help
			}
			out = append(out, c)
		}
		for _, e := range extra {
			out = append(out, head+e)
		}
		return out, directive
	})
}

// registryHelp lists a registry's entries for a command's long help, one a
// line: "  name  what it is".
func registryHelp[E registry.Entry](r *registry.Registry[E]) string {
	width := 0
	for _, n := range r.Names() {
		width = max(width, len(n))
	}
	var b strings.Builder
	for _, e := range r.All() {
		m := e.Info()
		fmt.Fprintf(&b, "  %-*s %s\n", width, m.Name, m.Help)
	}
	return b.String()
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
