// Package inputs turns command-line arguments (files, directories, "-") into
// loaded journeys: it walks directories, reads files within the size limit,
// and parses them in parallel, returning results sorted by path.
package inputs

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/cxmap/cxmap/internal/par"
	"github.com/cxmap/cxmap/pkg/finding"
	"github.com/cxmap/cxmap/pkg/journey"
)

// Options control how arguments are found and read.
type Options struct {
	// Stdin is read for the argument "-".
	Stdin io.Reader
	// StdinFilename names standard input in messages (default "-").
	StdinFilename string
	// Ignore holds glob patterns (path/filepath.Match on the slash path, with
	// "**/" prefixes allowed) of paths not to walk or check.
	Ignore []string
	// Verbose, when set, receives a line for each file skipped in a walk.
	Verbose io.Writer
	// Jobs is how many files are parsed at once (default GOMAXPROCS).
	Jobs int
	// Each, when set, is called for every loaded file in the worker that
	// parsed it, before results are gathered. It may add findings and may
	// set r.Journey to nil once done with it, so that a large portfolio is
	// not held in memory at once (validate and lint do).
	Each func(r *Result)
	// CheckCatalogs counts a valid catalog file as a checked file (validate,
	// lint); otherwise it is skipped like a file that is not a journey.
	// Invalid catalogs always give their findings.
	CheckCatalogs bool
	// SkipNamedNonJourneys skips files named as arguments that are not
	// journeys, as a walk skips them; by default a named file is always
	// checked.
	SkipNamedNonJourneys bool
}

// Result is one input file: its journey when valid, or its findings. Err is
// set for an I/O problem (a missing file, a directory that can't be read):
// those make the command exit 2.
type Result struct {
	Path     string
	Journey  *journey.Journey
	Findings []finding.Finding
	Err      error
	// Catalog is set when the file is a catalog (Journey is then nil).
	Catalog bool
	// Valid: the file is a journey that passed validation (it stays set
	// when Options.Each lets the Journey go).
	Valid bool
}

type input struct {
	path     string
	data     []byte // for stdin
	explicit bool   // named on the command line: always checked
	// skipNonJourney skips a named file that is not a journey.
	skipNonJourney bool
}

// expand adds what one argument other than "-" names: the file itself, or
// the journeys a walk of the directory finds (Load and Files share it).
func expand(a string, o Options, add func(input)) []Result {
	st, err := os.Stat(a) // follows a symbolic link named on the command line
	if err != nil {
		return []Result{{Path: a, Err: ioErr(a, err)}}
	}
	if !st.IsDir() && !st.Mode().IsRegular() {
		// A named pipe would block the run forever, a device might
		// never end: refused before anything opens it.
		return []Result{{Path: a, Err: &specialError{path: a, mode: st.Mode(), arg: true}}}
	}
	if !st.IsDir() {
		add(input{path: a, explicit: true, skipNonJourney: o.SkipNamedNonJourneys})
		return nil
	}
	return walk(a, o, add, o.Verbose)
}

// Load finds, reads and parses every journey the arguments name. The results
// are sorted by path; skipped non-journey files are not among them.
func Load(args []string, o Options) []Result {
	var ins []input
	var errs []Result
	// seen is keyed by the cleaned path, so "a.yaml" and "./a.yaml" are one
	// file; the path shown is the first spelling the user gave.
	seen := map[string]bool{}
	add := func(in input) {
		key := filepath.Clean(in.path)
		if !seen[key] {
			seen[key] = true
			ins = append(ins, in)
		}
	}
	stdinRead := false
	for _, a := range args {
		if a == "-" {
			name := o.StdinFilename
			if name == "" {
				name = "-"
			}
			if stdinRead {
				errs = append(errs, Result{Path: name, Err: fmt.Errorf("%s: standard input (-) can be read only once", name)})
				continue
			}
			stdinRead = true
			var data []byte
			var err error
			if o.Stdin != nil {
				data, err = io.ReadAll(io.LimitReader(o.Stdin, journey.MaxFileSize+1))
			}
			if err != nil {
				errs = append(errs, Result{Path: name, Err: fmt.Errorf("%s: reading standard input: %w", name, err)})
				continue
			}
			ins = append(ins, input{path: name, data: data, explicit: true})
			continue
		}
		errs = append(errs, expand(a, o, add)...)
	}

	results := make([]Result, len(ins))
	skipped := make([]bool, len(ins))
	cats := journey.NewCatalogs() // one per run: each catalog is read once
	par.For(len(ins), o.Jobs, func(i int) {
		results[i], skipped[i] = loadOne(ins[i], cats, o.CheckCatalogs)
		if !skipped[i] && results[i].Err == nil && o.Each != nil {
			o.Each(&results[i])
		}
	})

	out := errs
	for i, r := range results {
		if skipped[i] {
			if o.Verbose != nil && r.Catalog {
				fmt.Fprintf(o.Verbose, "%s: skipped: a catalog (validate and lint check catalogs)\n", r.Path)
			} else if o.Verbose != nil {
				fmt.Fprintf(o.Verbose, "%s: skipped: not a journey (no top-level \"cxmap\" key)\n", r.Path)
			}
			continue
		}
		out = append(out, r)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out
}

// walk finds the journeys below dir. Paths keep the user's spelling of dir
// ("./journeys/a.yaml" stays so), and a dir that is a symbolic link is
// followed; links found inside it are not (and --verbose says so).
func walk(dir string, o Options, add func(input), verbose io.Writer) []Result {
	var errs []Result
	root := filepath.Clean(dir) + string(filepath.Separator) // the separator makes WalkDir follow a linked root
	prefix := strings.TrimRight(dir, string(filepath.Separator))
	show := func(p string) string {
		rel, err := filepath.Rel(root, p)
		if err != nil || rel == "." {
			return dir
		}
		return prefix + string(filepath.Separator) + rel
	}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		shown := show(p)
		if err != nil {
			errs = append(errs, Result{Path: shown, Err: ioErr(shown, err)})
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		isRoot := filepath.Clean(p) == filepath.Clean(root)
		if !isRoot && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if !isRoot && Ignored(shown, o.Ignore) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			if verbose != nil {
				fmt.Fprintf(verbose, "%s: skipped: a symbolic link (name it on the command line to check it)\n", shown)
			}
			return nil
		}
		if !isJourneyName(p) {
			return nil
		}
		if !d.Type().IsRegular() {
			// Named pipes, sockets, devices: opening one could block
			// the walk forever, so it is never opened.
			if verbose != nil {
				fmt.Fprintf(verbose, "%s: skipped: %s, not a regular file\n", shown, specialKind(d.Type()))
			}
			return nil
		}
		add(input{path: shown})
		return nil
	})
	if err != nil {
		errs = append(errs, Result{Path: dir, Err: ioErr(dir, err)})
	}
	return errs
}

func loadOne(in input, cats *journey.Catalogs, checkCatalogs bool) (Result, bool) {
	data := in.data
	if data == nil {
		var err error
		data, err = ReadFile(in.path, journey.MaxFileSize)
		if err != nil {
			return Result{Path: in.path, Err: err}, false
		}
	}
	pr := journey.ParseFile(in.path, data, journey.Options{SkipNonJourney: !in.explicit || in.skipNonJourney, Catalogs: cats})
	if pr.NotJourney || (pr.Catalog != nil && !checkCatalogs) {
		return Result{Path: in.path, Catalog: pr.IsCatalog}, true
	}
	return Result{Path: in.path, Journey: pr.Journey, Findings: pr.Findings, Catalog: pr.IsCatalog, Valid: pr.Journey != nil}, false
}

// isJourneyName reports whether a walk takes a file of this name as a
// journey candidate: a .yaml or .yml extension, in any case.
func isJourneyName(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	return ext == ".yaml" || ext == ".yml"
}

func ioErr(path string, err error) error {
	var pe *fs.PathError
	if ok := asPathError(err, &pe); ok {
		return fmt.Errorf("%s: %v", path, pe.Err)
	}
	return fmt.Errorf("%s: %v", path, err)
}

func asPathError(err error, pe **fs.PathError) bool {
	p, ok := err.(*fs.PathError)
	if ok {
		*pe = p
	}
	return ok
}

// Ignored reports whether path matches one of the glob patterns
// (path/filepath.Match syntax). A pattern matches the slash-separated path,
// any part of it that starts and ends at element boundaries (so "drafts"
// ignores every drafts directory and what is in it), and a leading "**/" or
// trailing "/**" is allowed for readability.
func Ignored(path string, patterns []string) bool {
	if len(patterns) == 0 {
		return false
	}
	elems := strings.Split(filepath.ToSlash(filepath.Clean(path)), "/")
	for _, pat := range patterns {
		pat = strings.TrimPrefix(filepath.ToSlash(pat), "./")
		pat = strings.TrimSuffix(strings.TrimPrefix(pat, "**/"), "/**")
		for i := range elems {
			for j := i + 1; j <= len(elems); j++ {
				if ok, _ := filepath.Match(pat, strings.Join(elems[i:j], "/")); ok {
					return true
				}
			}
		}
	}
	return false
}
