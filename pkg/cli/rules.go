package cli

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/cxmap/cxmap/internal/names"
	"github.com/cxmap/cxmap/pkg/lint"
	"github.com/spf13/cobra"
)

// RulesOptions are the flags of `cxmap rules`.
type RulesOptions struct {
	IO   *IOStreams
	JSON bool
	// IDs, when given, select rules to describe in full.
	IDs []string
}

// NewCmdRules builds `cxmap rules [RULE-ID...]`.
func NewCmdRules(io *IOStreams, runF func(*RulesOptions) error) *cobra.Command {
	o := &RulesOptions{IO: io}
	cmd := &cobra.Command{
		Use:   "rules [RULE-ID...]",
		Short: "List the lint and validation rules: id, default level, what each checks",
		Long: `List every rule cxmap reports: its id, default level, kind (lint or
validate) and what it checks. Name rule ids to read what each checks in full
and how to fix it. --json prints the same as data.

Levels and options of lint rules are set in .cxmap.yaml (see cxmap lint --help).`,
		Example: `  cxmap rules
  cxmap rules unrated-step
  cxmap rules --json`,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.IDs = args
			if runF != nil {
				return runF(o)
			}
			return rulesRun(o)
		},
	}
	cmd.Flags().BoolVar(&o.JSON, "json", false, "print the rules as JSON")
	cmd.ValidArgsFunction = func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return ruleIDs(), cobra.ShellCompDirectiveNoFileComp
	}
	return cmd
}

// ruleJSON is one rule in `cxmap rules --json`; field names are stable.
type ruleJSON struct {
	ID          string         `json:"id"`
	Level       string         `json:"level"`
	Kind        string         `json:"kind"`
	Short       string         `json:"short"`
	Description string         `json:"description"`
	Fix         string         `json:"fix"`
	HelpURI     string         `json:"helpUri"`
	Options     map[string]int `json:"options,omitempty"`
}

// ruleIDs lists the registry's rule ids, in registry order.
func ruleIDs() []string {
	var ids []string
	for _, r := range lint.Rules() {
		ids = append(ids, r.ID)
	}
	return ids
}

func kind(r *lint.Rule) string {
	if r.Validation() {
		return "validate"
	}
	return "lint"
}

func rulesRun(o *RulesOptions) error {
	rules := lint.Rules()
	if len(o.IDs) > 0 {
		rules = nil
		for _, id := range o.IDs {
			r, ok := lint.Lookup(id)
			if !ok {
				if s := names.Suggest(id, ruleIDs()); s != "" {
					return usageErr("unknown rule %q; did you mean %q? (`cxmap rules` lists them)", id, s)
				}
				return usageErr("unknown rule %q; run `cxmap rules` for the list", id)
			}
			rules = append(rules, r)
		}
	}
	if o.JSON {
		out := make([]ruleJSON, 0, len(rules))
		for _, r := range rules {
			out = append(out, ruleJSON{ID: r.ID, Level: r.Level.String(), Kind: kind(r), Short: r.Short,
				Description: r.Full, Fix: r.Fix, HelpURI: r.HelpURI(), Options: r.Options})
		}
		enc := json.NewEncoder(o.IO.Out)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(out)
	}
	if len(o.IDs) > 0 {
		for i, r := range rules {
			if i > 0 {
				fmt.Fprintln(o.IO.Out)
			}
			describeRule(o, r)
		}
		return nil
	}
	// Columns two spaces apart, no trailing blanks (they are noise in a
	// terminal and in diffs).
	tw := tabwriter.NewWriter(o.IO.Out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "RULE\tLEVEL\tKIND\tCHECKS")
	for _, r := range rules {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", r.ID, r.Level.String(), kind(r), r.Short)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(o.IO.Out, "\nRun `cxmap rules RULE-ID` for what a rule checks and how to fix it.")
	return nil
}

// describeRule prints one rule in full, for reading in a terminal.
func describeRule(o *RulesOptions, r *lint.Rule) {
	w := o.IO.Out
	fmt.Fprintf(w, "%s (%s, %s by default)\n\n", r.ID, kind(r), r.Level)
	fmt.Fprintln(w, wrap(r.Full, 76, "  "))
	fmt.Fprintf(w, "\nHow to fix:\n%s\n", wrap(r.Fix, 76, "  "))
	if len(r.Options) > 0 {
		var names []string
		for n := range r.Options {
			names = append(names, n)
		}
		sort.Strings(names)
		fmt.Fprintln(w, "\nOptions (.cxmap.yaml):")
		for _, n := range names {
			fmt.Fprintf(w, "  %s: {%s: %d}   # the default\n", r.ID, n, r.Options[n])
		}
	}
	fmt.Fprintf(w, "\nMore: %s\n", r.HelpURI())
}

// wrap breaks text into indented lines of at most width columns.
func wrap(text string, width int, indent string) string {
	var b strings.Builder
	line := indent
	for _, word := range strings.Fields(text) {
		if len(line) > len(indent) && len(line)+1+len(word) > width {
			b.WriteString(line + "\n")
			line = indent
		}
		if len(line) > len(indent) {
			line += " "
		}
		line += word
	}
	b.WriteString(line)
	return b.String()
}
