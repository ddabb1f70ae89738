// Package cli is the cxmap command line: one file per verb, each with an
// Options struct, a NewCmdX constructor that binds flags, and a run function
// that does the work against IOStreams (so tests can call it directly).
package cli

import (
	"errors"
	"fmt"

	"github.com/cxmap/cxmap/internal/textsafe"
	"github.com/spf13/cobra"
)

// Exit codes (docs/cli/cxmap.md and each command's help).
const (
	ExitOK       = 0 // clean
	ExitFindings = 1 // findings at or above the failing level
	ExitUsage    = 2 // usage, configuration or I/O error
)

// ExitError carries an exit code up to Main. Its message, if any, has already
// been printed unless Msg is set.
type ExitError struct {
	Code int
	Msg  string
}

func (e *ExitError) Error() string { return e.Msg }

// usageErr is an error in how the command was called: exit 2.
func usageErr(format string, a ...any) error {
	return &ExitError{Code: ExitUsage, Msg: fmt.Sprintf(format, a...)}
}

// Version is set at build time with -ldflags "-X github.com/cxmap/cxmap/pkg/cli.Version=...".
var Version = "dev"

// verbs are cxmap's commands, in the order NewRootCmd adds them (help
// lists them by name), each with the name its constructor gives it
// (TestVerbNames keeps the two the same).
var verbs = []struct {
	name string
	cmd  func(io *IOStreams) *cobra.Command
}{
	{"validate", func(io *IOStreams) *cobra.Command { return NewCmdValidate(io, nil) }},
	{"lint", func(io *IOStreams) *cobra.Command { return NewCmdLint(io, nil) }},
	{"render", func(io *IOStreams) *cobra.Command { return NewCmdRender(io, nil) }},
	{"report", func(io *IOStreams) *cobra.Command { return NewCmdReport(io, nil) }},
	{"deck", func(io *IOStreams) *cobra.Command { return NewCmdDeck(io, nil) }},
	{"site", func(io *IOStreams) *cobra.Command { return NewCmdSite(io, nil) }},
	{"serve", func(io *IOStreams) *cobra.Command { return NewCmdServe(io, nil) }},
	{"diff", func(io *IOStreams) *cobra.Command { return NewCmdDiff(io, nil) }},
	{"history", func(io *IOStreams) *cobra.Command { return NewCmdHistory(io, nil) }},
	{"init", func(io *IOStreams) *cobra.Command { return NewCmdInit(io, nil) }},
	{"schema", func(io *IOStreams) *cobra.Command { return NewCmdSchema(io, nil) }},
	{"rules", func(io *IOStreams) *cobra.Command { return NewCmdRules(io, nil) }},
	{"theme", func(io *IOStreams) *cobra.Command { return NewCmdTheme(io, nil) }},
	{"version", NewCmdVersion},
	{"man", func(io *IOStreams) *cobra.Command { return NewCmdMan(io, nil) }},
	{"measure", func(io *IOStreams) *cobra.Command { return NewCmdMeasure(io, nil) }},
	{"lsp", func(io *IOStreams) *cobra.Command { return NewCmdLSP(io, nil) }},
	{"fmt", func(io *IOStreams) *cobra.Command { return NewCmdFmt(io, nil) }},
	{"import", func(io *IOStreams) *cobra.Command { return NewCmdImport(io, nil) }},
	{"worker", NewCmdWorker},
}

// NewRootCmd builds the whole command tree.
func NewRootCmd(io *IOStreams) *cobra.Command {
	root := newRoot(io)
	for _, v := range verbs {
		root.AddCommand(v.cmd(io))
	}
	return root
}

// rootFor builds the tree a command line needs. When its first word names
// a command, that command alone is under the root: its flags, help, usage
// errors and run are the same as in the whole tree (TestRootForIsTheTree),
// and the other nineteen commands, their flags and their help texts are
// not built (a third of `cxmap version`'s allocations, issue 18). Anything
// else (no command, a flag first, a misspelt command that needs a
// did-you-mean, help, completion, and man, which walks the tree) gets the
// whole tree.
func rootFor(io *IOStreams, args []string) *cobra.Command {
	if len(args) > 0 && args[0] != "man" {
		for _, v := range verbs {
			if v.name == args[0] {
				root := newRoot(io)
				root.AddCommand(v.cmd(io))
				// Nor cobra's completion command and its four shells:
				// this command line does not run it.
				root.CompletionOptions.DisableDefaultCmd = true
				return root
			}
		}
	}
	return NewRootCmd(io)
}

// newRoot is the root command, without its commands.
func newRoot(io *IOStreams) *cobra.Command {
	root := &cobra.Command{
		Use:   "cxmap",
		Short: "Customer journey maps as YAML: validate, lint, render, report, diff",
		Long: `cxmap works with customer journey maps kept as YAML files in git.

It starts a journey (init), or brings one in from a Mermaid journey or a
workshop spreadsheet, and applies a client's edited workbook back (import);
writes journeys in one canonical form (fmt); validates and lints them
(validate, lint, with CI formats; rules explains the rules, schema prints
the JSON Schema for editors, lsp checks and completes them as you type in
an editor); computes NPS, CSAT and CES per step from survey data (measure);
draws the service-blueprint swimlane diagram (render); makes slide decks
(deck) and a static site for clients (site, and serve for a live preview)
in the client's brand (theme); prints the gap report and the portfolio
views (report); shows what changed between two versions of a journey, a
future state and its baseline, or two commits (diff), and a journey's
figures through its git history (history). version prints the version;
man writes man pages.`,
		SilenceUsage:  true,
		SilenceErrors: true,
		Version:       version(),
	}
	root.SetVersionTemplate("cxmap {{.Version}}\n")
	root.SetIn(io.In)
	root.SetOut(io.Out)
	root.SetErr(io.ErrOut)
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return &ExitError{Code: ExitUsage, Msg: fmt.Sprintf("%v\nRun '%s --help' for usage.", err, c.CommandPath())}
	})
	return root
}

// Main runs cxmap with args and returns the process exit code.
func Main(args []string, io *IOStreams) int {
	return mainWith(args, io, rootFor)
}

// mainWith is Main with the tree built by build (tests compare rootFor
// with the whole tree).
func mainWith(args []string, io *IOStreams, build func(*IOStreams, []string) *cobra.Command) int {
	// Messages hold paths and error texts, which may hold any byte: on
	// standard error control characters are shown escaped and no line
	// starts with "::" (docs/decisions.md, "Output safety").
	msgs := textsafe.NewMessages(io.ErrOut)
	defer msgs.Flush()
	streams := *io
	streams.ErrOut = msgs
	io = &streams
	root := build(io, args)
	root.SetArgs(args)
	err := root.Execute()
	if err == nil {
		return ExitOK
	}
	var ee *ExitError
	if errors.As(err, &ee) {
		if ee.Msg != "" {
			fmt.Fprintf(io.ErrOut, "cxmap: %s\n", ee.Msg)
		}
		return ee.Code
	}
	// cobra's own errors (unknown command, bad args) are usage errors.
	fmt.Fprintf(io.ErrOut, "cxmap: %v\n", err)
	return ExitUsage
}
