package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/cxmap/cxmap/pkg/fsutil"
	"github.com/cxmap/cxmap/pkg/inputs"
	"github.com/cxmap/cxmap/pkg/theme"
	"github.com/spf13/cobra"
)

// ThemeOptions are the flags of `cxmap theme init` and `cxmap theme check`.
type ThemeOptions struct {
	IO       *IOStreams
	Files    []string
	Output   string // init: the file to write, "-" for standard output
	FromLogo string
	Name     string
	Force    bool
}

// NewCmdTheme builds `cxmap theme` and its subcommands.
func NewCmdTheme(io *IOStreams, runF func(verb string, o *ThemeOptions) error) *cobra.Command {
	run := func(verb string, o *ThemeOptions) error {
		if runF != nil {
			return runF(verb, o)
		}
		if verb == "init" {
			return themeInitRun(o)
		}
		return themeCheckRun(o)
	}
	cmd := &cobra.Command{
		Use:   "theme",
		Short: "Write or check a theme: the client's colours, logo, font and labels",
		Long: `A theme puts the client's brand on what cxmap draws: colours, logo, font,
a footer and a classification label, and the date format. It is a small YAML
file (docs/theme.md); every colour pair that carries text must keep WCAG AA
contrast, and a theme that breaks it is refused naming the pair, its ratio
and the nearest colour that passes.`,
		Args: cobra.NoArgs,
	}
	initO := &ThemeOptions{IO: io}
	initCmd := &cobra.Command{
		Use:   "init [FILE]",
		Short: "Write a starter theme (theme.yaml), optionally with colours from a logo",
		Long: `Write a commented starter theme to FILE (theme.yaml when not given; - for
standard output). With --from-logo, the logo (PNG or SVG) is named in the
theme and its dominant colours become the primary and accent colours,
adjusted until words on them pass WCAG AA contrast.`,
		Example: `  cxmap theme init
  cxmap theme init brand/riverside.yaml --from-logo brand/logo.svg --name "Riverside NHS Trust"`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			initO.Output = "theme.yaml"
			if len(args) == 1 {
				initO.Output = args[0]
			}
			return run("init", initO)
		},
	}
	initCmd.Flags().StringVar(&initO.FromLogo, "from-logo", "", "take the colours from this logo (PNG or SVG)")
	initCmd.Flags().StringVar(&initO.Name, "name", "Client", "the theme's name (the client)")
	initCmd.Flags().BoolVar(&initO.Force, "force", false, "overwrite an existing file")
	checkO := &ThemeOptions{IO: io}
	checkCmd := &cobra.Command{
		Use:   "check FILE...",
		Short: "Check themes: keys, colours, logo and font files, and WCAG AA contrast",
		Long: `Check each theme file: its keys, colours, the logo and font files it names,
and the contrast of every colour pair that carries text. Exit 1 when a theme
has problems (each printed as file:line:col), 2 when a file cannot be read.`,
		Example: `  cxmap theme check theme.yaml`,
		Args:    cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			checkO.Files = args
			return run("check", checkO)
		},
	}
	cmd.AddCommand(initCmd, checkCmd)
	return cmd
}

func themeInitRun(o *ThemeOptions) error {
	logo := ""
	var pal *theme.Palette
	if o.FromLogo != "" {
		p, err := theme.FromLogo(o.FromLogo)
		if err != nil {
			return usageErr("%v", err)
		}
		pal = &p
		logo = o.FromLogo
		if o.Output != "-" {
			// the logo is named relative to the theme file
			absOut, err1 := filepath.Abs(o.Output)
			absLogo, err2 := filepath.Abs(o.FromLogo)
			if err1 == nil && err2 == nil {
				if rel, err := filepath.Rel(filepath.Dir(absOut), absLogo); err == nil {
					logo = filepath.ToSlash(rel)
				}
			}
		}
	}
	name := cleanName(o.Name)
	if name == "" {
		name = "Client"
	}
	data := theme.Starter(name, logo, pal)
	if o.Output == "-" {
		_, err := o.IO.Out.Write(data)
		return err
	}
	path := o.Output
	if o.IO.Dir != "" && !filepath.IsAbs(path) {
		path = filepath.Join(o.IO.Dir, path)
	}
	var ins []string
	if o.FromLogo != "" {
		ins = []string{o.FromLogo}
	}
	if err := inputs.CheckOutput(path, ins, inputs.Options{}); err != nil {
		return usageErr("%v", err)
	}
	if _, err := os.Stat(path); err == nil && !o.Force {
		return usageErr("%s already exists: choose another name, or pass --force to overwrite it", path)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return &ExitError{Code: ExitUsage, Msg: err.Error()}
	}
	if err := fsutil.WriteFileAtomic(path, data, 0o644); err != nil {
		return &ExitError{Code: ExitUsage, Msg: err.Error()}
	}
	if pal != nil {
		fmt.Fprintf(o.IO.ErrOut, "wrote %s: primary %s and accent %s from the logo's colours %v\n", path, pal.Primary, pal.Accent, pal.Dominant)
	} else {
		fmt.Fprintf(o.IO.ErrOut, "wrote %s: edit it, then run `cxmap theme check %s`\n", path, path)
	}
	return nil
}

func themeCheckRun(o *ThemeOptions) error {
	code := ExitOK
	for _, f := range o.Files {
		path := f
		if o.IO.Dir != "" && !filepath.IsAbs(path) {
			path = filepath.Join(o.IO.Dir, path)
		}
		t, err := theme.Load(path)
		if err != nil {
			var te *theme.Error
			if !errors.As(err, &te) {
				fmt.Fprintf(o.IO.ErrOut, "%v\n", err)
				code = max(code, ExitUsage)
				continue
			}
			for _, e := range unjoin(err) {
				fmt.Fprintf(o.IO.Out, "%s\n", relTo(o.IO.Dir, e.Error()))
			}
			code = max(code, ExitFindings)
			continue
		}
		low, lowPair := 21.0, ""
		for _, p := range t.Pairs() {
			a, _ := theme.ParseHex(p.ForeHex)
			b, _ := theme.ParseHex(p.BackHex)
			if r := theme.Contrast(a, b); r < low {
				low, lowPair = r, p.What
			}
		}
		fmt.Fprintf(o.IO.Out, "%s: ok; %d colour pairs pass WCAG AA, the lowest %.2f:1 (%s)\n", f, len(t.Pairs()), low, lowPair)
	}
	if code != ExitOK {
		return &ExitError{Code: code}
	}
	return nil
}

// unjoin lists the errors inside an errors.Join, or err alone.
func unjoin(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}

// relTo shortens messages that start with dir/ (tests run in a temp dir).
func relTo(dir, s string) string {
	if dir == "" {
		return s
	}
	prefix := dir + string(filepath.Separator)
	if len(s) > len(prefix) && s[:len(prefix)] == prefix {
		return s[len(prefix):]
	}
	return s
}
