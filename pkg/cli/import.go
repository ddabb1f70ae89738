package cli

import (
	"fmt"
	"github.com/cxmap/cxmap/internal/registry"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/cxmap/cxmap/pkg/fsutil"
	"github.com/cxmap/cxmap/pkg/importer"
	"github.com/cxmap/cxmap/pkg/inputs"
	"github.com/cxmap/cxmap/pkg/journey"
	"github.com/spf13/cobra"
)

// ImportOptions are the flags of `cxmap import`.
type ImportOptions struct {
	IO     *IOStreams
	Args   []string
	From   string
	Output string
	Force  bool
	// Update mode: apply a returned workbook to the journeys.
	Update       bool
	DryRun       bool
	ApplyDeletes bool
}

// importSource is a format import reads, with the file name endings it is
// picked by when --from is not given.
type importSource struct {
	registry.Meta
	Exts []string
}

// importSources is the only list of import's source formats (help,
// completion and the did-you-mean error come from it).
var importSources = registry.New("--from",
	importSource{registry.Meta{Name: "grid", Help: "a workshop grid: CSV or XLSX, stages across, lanes down"}, []string{".csv", ".tsv", ".xlsx", ".xlsm"}},
	importSource{registry.Meta{Name: "mermaid", Help: "a Mermaid journey, alone or in markdown"}, []string{".mmd", ".mermaid", ".md", ".markdown"}},
)

// NewCmdImport builds `cxmap import FILE -o JOURNEY.yaml`.
func NewCmdImport(io *IOStreams, runF func(*ImportOptions) error) *cobra.Command {
	o := &ImportOptions{IO: io}
	cmd := &cobra.Command{
		Use:   "import FILE -o JOURNEY.yaml | --update PATH... WORKBOOK.xlsx",
		Short: "Make a journey from a Mermaid journey or a workshop grid (CSV, XLSX)",
		Long: `Make a journey file from a map kept elsewhere (docs/import.md):

  mermaid  a Mermaid "journey" diagram (.mmd, or the first such block of a
           markdown file): sections become stages, tasks steps, scores
           emotion and rating, actors frontstage lanes;
  grid     a workshop grid in CSV or XLSX: row 1 the stages (merged or
           repeated cells), row 2 the steps, then a row per lane (first
           column its name, an optional second its zone); a "rating" row or
           XLSX fill colours rate the steps; a "line of visibility" row puts
           the lanes below it backstage.

With --update, apply a workbook written by "cxmap report -f xlsx" and edited
in Excel to the journeys (PATH: files or directories): changed opportunity
owner, priority, impact, effort, status and idea; step rating and critical;
metric and KPI current values; rows added to the Opportunities sheet become
new opportunities with fresh ids. One line per change; --dry-run writes
nothing. A journey edited since the export is refused unless --force; an
opportunity whose row was deleted is reported, and removed only with
--apply-deletes. Comments and layout are kept (only the changed values'
bytes change).

The format is picked from the file name, or by --from. The journey is
written in canonical form (cxmap fmt) only when it validates; what the
source lacked is left as placeholders (lint: placeholder-text), and import
prints what to fill in next. An existing output file is kept unless --force.

Exit status: 0 written; 2 a problem in the source (named by file, sheet,
row and column), a usage or I/O error.`,
		Example: `  cxmap import README.md -o journeys/onboarding.yaml
  cxmap import workshop.xlsx -o journeys/permit.yaml
  cxmap import wall.csv --from grid -o -
  cxmap import --update journeys/ returned.xlsx --dry-run`,
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.Args = args
			if runF != nil {
				return runF(o)
			}
			return importRun(o)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.From, "from", "", "source format: "+importSources.List()+" (default: from the file name)")
	completeNames(cmd, "from", importSources, false)
	f.StringVarP(&o.Output, "output", "o", "", "write the journey to `FILE` (- for standard output)")
	f.BoolVar(&o.Force, "force", false, "write over an existing output file; with --update, apply to journeys edited since the export")
	f.BoolVar(&o.Update, "update", false, "apply a returned report workbook (the last argument) to the journeys named before it")
	f.BoolVar(&o.DryRun, "dry-run", false, "with --update: print the changes, write nothing")
	f.BoolVar(&o.ApplyDeletes, "apply-deletes", false, "with --update: remove the opportunities whose rows were deleted")
	return cmd
}

func importRun(o *ImportOptions) error {
	if o.Update {
		return importUpdate(o)
	}
	if o.DryRun || o.ApplyDeletes {
		return usageErr("--dry-run and --apply-deletes go with --update")
	}
	if len(o.Args) != 1 {
		return usageErr("import takes one FILE (got %d)", len(o.Args))
	}
	in := o.Args[0]
	if o.Output == "" {
		return usageErr("name the journey to write with -o JOURNEY.yaml (or -o - for standard output)")
	}
	from := o.From
	if from == "" {
		ext := strings.ToLower(filepath.Ext(in))
		for _, src := range importSources.All() {
			if slices.Contains(src.Exts, ext) {
				from = src.Name
			}
		}
		if from == "" {
			return usageErr("cannot tell the format of %s from its name: give --from %s", in, importSources.Join(" or --from "))
		}
	} else if _, err := importSources.Lookup(from); err != nil {
		return usageErr("%v", err)
	}
	if o.Output != "-" {
		if err := checkOutput(o.IO, o.Output, []string{in}, inputs.Options{}, ""); err != nil {
			return err
		}
		if _, err := os.Stat(o.Output); err == nil && !o.Force {
			return usageErr("%s exists: give --force to write over it", o.Output)
		}
	}
	data, err := inputs.ReadFile(in, journey.MaxFileSize)
	if err != nil {
		return &ExitError{Code: ExitUsage, Msg: err.Error()}
	}
	outPath := o.Output
	if outPath == "-" {
		outPath = strings.TrimSuffix(filepath.Base(in), filepath.Ext(in)) + ".yaml"
	}
	var res *importer.Result
	if from == "mermaid" {
		res, err = importer.Mermaid(in, data, outPath)
	} else {
		res, err = importer.Grid(in, data, outPath)
	}
	if err != nil {
		return &ExitError{Code: ExitUsage, Msg: err.Error()}
	}
	for _, w := range res.Warnings {
		fmt.Fprintf(o.IO.ErrOut, "cxmap: warning: %s\n", w)
	}
	if o.Output == "-" {
		o.IO.Out.Write(res.YAML)
	} else if err := fsutil.WriteFileAtomic(o.Output, res.YAML, 0o644); err != nil {
		return &ExitError{Code: ExitUsage, Msg: err.Error()}
	} else {
		fmt.Fprintf(o.IO.ErrOut, "wrote %s (valid; run cxmap lint %s)\n", o.Output, o.Output)
	}
	fmt.Fprintln(o.IO.ErrOut, "fill in next:")
	for _, t := range res.Todo {
		fmt.Fprintf(o.IO.ErrOut, "  - %s\n", t)
	}
	return nil
}

// importUpdate applies a returned workbook (cxmap import --update).
func importUpdate(o *ImportOptions) error {
	if len(o.Args) < 2 {
		return usageErr("--update takes the journeys (files or directories) and then the workbook: cxmap import --update PATH... WORKBOOK.xlsx")
	}
	if o.Output != "" || o.From != "" {
		return usageErr("--update writes the journeys in place: -o and --from do not apply")
	}
	bookPath := o.Args[len(o.Args)-1]
	if ext := strings.ToLower(filepath.Ext(bookPath)); ext != ".xlsx" && ext != ".xlsm" {
		return usageErr("the last argument of --update is the workbook (.xlsx), got %s", bookPath)
	}
	book, err := inputs.ReadFile(bookPath, journey.MaxFileSize)
	if err != nil {
		return &ExitError{Code: ExitUsage, Msg: err.Error()}
	}
	files, errs := inputs.Files(o.Args[:len(o.Args)-1], inputs.Options{})
	failed := false
	for _, e := range errs {
		fmt.Fprintf(o.IO.ErrOut, "cxmap: %v\n", e.Err)
		failed = true
	}
	var jfs []importer.JourneyFile
	for _, f := range files {
		if f.Path == "-" {
			return usageErr("--update edits files in place: standard input (-) cannot be updated")
		}
		data, err := inputs.ReadFile(f.Path, journey.MaxFileSize)
		if err != nil {
			fmt.Fprintf(o.IO.ErrOut, "cxmap: %v\n", err)
			failed = true
			continue
		}
		if !f.Named && !looksLikeJourneyOrCatalog(data) {
			continue
		}
		if pr := journey.ParseFile(f.Path, data, journey.Options{SkipNonJourney: !f.Named}); pr.IsCatalog || pr.NotJourney {
			continue
		}
		jfs = append(jfs, importer.JourneyFile{Path: f.Path, Data: data})
	}
	res, err := importer.Update(bookPath, book, jfs, importer.UpdateOptions{Force: o.Force, ApplyDeletes: o.ApplyDeletes})
	if err != nil {
		return &ExitError{Code: ExitUsage, Msg: err.Error()}
	}
	var batch fsutil.Batch
	changed := 0
	for _, u := range res.Files {
		if u.Refused != "" {
			fmt.Fprintf(o.IO.ErrOut, "cxmap: %s: %s (left unchanged)\n", u.Path, u.Refused)
			failed = true
			continue
		}
		for _, c := range u.Changes {
			fmt.Fprintln(o.IO.Out, c)
		}
		if u.Out == nil || o.DryRun {
			continue
		}
		changed++
		perm := os.FileMode(0o644)
		if st, err := os.Stat(u.Path); err == nil {
			perm = st.Mode().Perm()
		}
		data := u.Out
		if err := batch.Add(u.Path, perm, func(w io.Writer) error { _, err := w.Write(data); return err }); err != nil {
			batch.Abort()
			return &ExitError{Code: ExitUsage, Msg: err.Error()}
		}
	}
	for _, n := range res.Notes {
		fmt.Fprintf(o.IO.ErrOut, "cxmap: note: %s\n", n)
	}
	if changed > 0 {
		if err := batch.Commit(); err != nil {
			return &ExitError{Code: ExitUsage, Msg: err.Error()}
		}
		fmt.Fprintf(o.IO.ErrOut, "updated %d journey file(s)\n", changed)
	} else if o.DryRun {
		fmt.Fprintln(o.IO.ErrOut, "dry run: nothing written")
	}
	if failed {
		return &ExitError{Code: ExitUsage}
	}
	return nil
}
