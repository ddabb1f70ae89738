package cli

import (
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// bindPreCommit adds the hidden --pre-commit flag that .pre-commit-hooks.yaml
// sets on every hook: the command line must then hold "--", so that the
// staged file names pre-commit appends after the hook's args are never read
// as flags (a file named -ovictim.yaml or --config=evil.yaml;
// docs/ci/README.md). It chains any PreRunE the command already has.
func bindPreCommit(cmd *cobra.Command, f *pflag.FlagSet, on *bool) {
	f.BoolVar(on, "pre-commit", false, "run as a pre-commit hook: the file names must follow --")
	_ = f.MarkHidden("pre-commit")
	next := cmd.PreRunE
	cmd.PreRunE = func(cmd *cobra.Command, args []string) error {
		if *on && cmd.ArgsLenAtDash() < 0 {
			return usageErr("%s --pre-commit: no \"--\" before the file names: end the hook's args with \"--\", as in args: [--config, .cxmap.yaml, \"--\"] (pre-commit appends the staged files after the args; without \"--\" a file named -ovictim.yaml or --config=evil.yaml would be read as a flag)", cmd.CommandPath())
		}
		if next != nil {
			return next(cmd, args)
		}
		return nil
	}
}
