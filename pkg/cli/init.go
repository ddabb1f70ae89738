package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/cxmap/cxmap/pkg/fsutil"
	"github.com/cxmap/cxmap/pkg/journey"
	"github.com/spf13/cobra"
)

// InitOptions are the flags of `cxmap init`.
type InitOptions struct {
	IO     *IOStreams
	Name   string
	Output string
	Force  bool
	Now    func() time.Time
}

// NewCmdInit builds `cxmap init [NAME]`.
func NewCmdInit(io *IOStreams, runF func(*InitOptions) error) *cobra.Command {
	o := &InitOptions{IO: io, Now: time.Now}
	cmd := &cobra.Command{
		Use:   "init [NAME]",
		Short: "Write a new, valid, commented journey file to start from",
		Long: `Write a starter journey file that validates and shows every field of the
format, with comments. NAME becomes the journey's title and, as a slug, its
id and file name (default: my-journey.yaml). An existing file is never
overwritten unless --force is given.`,
		Example: `  cxmap init "Home insurance claim"     # writes home-insurance-claim.yaml
  cxmap init checkout -o journeys/checkout.yaml
  cxmap init -o -                         # print to standard output`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				o.Name = args[0]
			}
			if runF != nil {
				return runF(o)
			}
			return initRun(o)
		},
	}
	cmd.Flags().StringVarP(&o.Output, "output", "o", "", "file to write (default NAME.yaml; - for standard output)")
	cmd.Flags().BoolVar(&o.Force, "force", false, "overwrite an existing file")
	return cmd
}

func initRun(o *InitOptions) error {
	name := strings.TrimSpace(o.Name)
	if name == "" {
		name = "My journey"
	}
	id := journey.Slug(name)
	title := name
	if journey.IsSlug(name) {
		title = strings.ToUpper(name[:1]) + strings.ReplaceAll(name[1:], "-", " ")
	}
	data := journey.Starter(id, title, o.Now())
	if o.Output == "-" {
		_, err := o.IO.Out.Write(data)
		return err
	}
	path := o.Output
	if path == "" {
		path = id + ".yaml"
	}
	if o.IO.Dir != "" && !filepath.IsAbs(path) {
		path = filepath.Join(o.IO.Dir, path)
	}
	if _, err := os.Stat(path); err == nil && !o.Force {
		return usageErr("%s already exists: choose another name, or pass --force to overwrite it", path)
	}
	if err := fsutil.WriteFileAtomic(path, data, 0o644); err != nil {
		return &ExitError{Code: ExitUsage, Msg: err.Error()}
	}
	fmt.Fprintf(o.IO.ErrOut, "wrote %s: edit it, then run `cxmap lint %s`\n", path, path)
	return nil
}
