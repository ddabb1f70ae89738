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

// NewRootCmd builds the whole command tree.
func NewRootCmd(io *IOStreams) *cobra.Command {
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
	root.AddCommand(
		NewCmdValidate(io, nil),
		NewCmdLint(io, nil),
		NewCmdRender(io, nil),
		NewCmdReport(io, nil),
		NewCmdDeck(io, nil),
		NewCmdSite(io, nil),
		NewCmdServe(io, nil),
		NewCmdDiff(io, nil),
		NewCmdHistory(io, nil),
		NewCmdInit(io, nil),
		NewCmdSchema(io, nil),
		NewCmdRules(io, nil),
		NewCmdTheme(io, nil),
		NewCmdVersion(io),
		NewCmdMan(io, nil),
		NewCmdMeasure(io, nil),
		NewCmdLSP(io, nil),
		NewCmdFmt(io, nil),
		NewCmdImport(io, nil),
		NewCmdWorker(io),
	)
	return root
}

// Main runs cxmap with args and returns the process exit code.
func Main(args []string, io *IOStreams) int {
	// Messages hold paths and error texts, which may hold any byte: on
	// standard error control characters are shown escaped and no line
	// starts with "::" (docs/decisions.md, "Output safety").
	msgs := textsafe.NewMessages(io.ErrOut)
	defer msgs.Flush()
	streams := *io
	streams.ErrOut = msgs
	io = &streams
	root := NewRootCmd(io)
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
