package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/cxmap/cxmap/pkg/fsutil"
	"github.com/cxmap/cxmap/pkg/inputs"
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
	name := cleanName(o.Name)
	if name == "" && strings.TrimSpace(o.Name) != "" {
		return usageErr("the name %s has nothing printable in it: give a name with letters or digits, e.g. cxmap init \"Home insurance claim\"", strconv.QuoteToASCII(o.Name))
	}
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
	if err := inputs.CheckOutput(path, nil, inputs.Options{}); err != nil {
		return usageErr("%v", err)
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

// cleanName makes a journey name safe to write as a one-line YAML title:
// bytes that are not UTF-8, control characters (C0, DEL, C1) and every kind
// of white space (tabs, line and paragraph separators, no-break spaces)
// become single spaces, trimmed at the ends; invisible format characters
// (bidirectional overrides, zero-width spaces, byte order marks) and
// noncharacters are dropped, except the zero-width joiners that emoji and
// some scripts need. What is left is text the title can hold as it is
// shown; "" when nothing printable was given.
func cleanName(s string) string {
	s = strings.ToValidUTF8(s, " ")
	var b strings.Builder
	for _, r := range s {
		switch {
		case unicode.IsSpace(r) || unicode.IsControl(r) || unicode.In(r, unicode.Zl, unicode.Zp):
			b.WriteByte(' ')
		case r == '\u200c' || r == '\u200d': // zero-width (non-)joiner
			b.WriteRune(r)
		case unicode.In(r, unicode.Cf, unicode.Noncharacter_Code_Point, unicode.Cs) || r == utf8.RuneError:
		default:
			b.WriteRune(r)
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}
