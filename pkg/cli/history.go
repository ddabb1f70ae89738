package cli

import (
	"context"

	"github.com/cxmap/cxmap/pkg/gitrev"
	"github.com/cxmap/cxmap/pkg/history"
	"github.com/spf13/cobra"
)

// HistoryOptions are the flags of `cxmap history`.
type HistoryOptions struct {
	IO     *IOStreams
	File   string
	Format string
}

// NewCmdHistory builds `cxmap history FILE`.
func NewCmdHistory(io *IOStreams, runF func(*HistoryOptions) error) *cobra.Command {
	o := &HistoryOptions{IO: io}
	cmd := &cobra.Command{
		Use:   "history FILE",
		Short: "Show a journey's git history in figures, one row per commit",
		Long: `Show a journey's git history: for every commit that touched the file
(following renames; the first-parent view, so a merge that changed the
file is a row and a merged branch's own commits are not), newest first, the commit (short hash, date, author,
subject) and the journey's figures at that commit: steps, red, yellow,
green and unrated steps, critical steps at risk, and metrics at target.

A commit where the file is not a valid journey says so in its row instead
of figures. Each version is checked with the catalogs and baseline of its
own commit. Every version is read through one git process, its size
checked before it is read.

Exit status: 0 shown, 2 usage, I/O or git error (not in a repository, the
file never committed).`,
		Example: `  cxmap history journeys/permit.yaml
  cxmap history -f markdown journeys/permit.yaml >> $GITHUB_STEP_SUMMARY
  cxmap history -f json journeys/permit.yaml`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usageErr("history takes one journey file (got %d)\nUsage: cxmap history FILE", len(args))
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			o.File = args[0]
			if runF != nil {
				return runF(o)
			}
			return historyRun(o)
		},
	}
	cmd.Flags().StringVarP(&o.Format, "format", "f", "table", "output format: "+history.Formats.List())
	completeNames(cmd, "format", history.Formats, false)
	return cmd
}

// historyRun binds the flags to history.Run.
func historyRun(o *HistoryOptions) error {
	f, err := history.Formats.Lookup(o.Format)
	if err != nil {
		return usageErr("%v", err)
	}
	err = history.Run(context.Background(), o.File, history.Options{Repo: gitrev.Repo{Dir: o.IO.Dir}, Format: f, Out: o.IO.Out})
	if err != nil {
		return &ExitError{Code: ExitUsage, Msg: err.Error()}
	}
	return nil
}
