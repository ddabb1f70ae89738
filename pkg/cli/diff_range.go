package cli

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/cxmap/cxmap/pkg/diff"
	"github.com/cxmap/cxmap/pkg/gitrev"
	"github.com/cxmap/cxmap/pkg/inputs"
	"github.com/cxmap/cxmap/pkg/journey"
)

// diffRangeRun compares every journey and catalog under paths that
// differs between two revisions: one git diff for the list, one cat-file
// process for every version, sizes checked before reading. Each version is
// checked with the catalogs and baseline of its own revision
// (inputs.Revision); a catalog is compared as a catalog, with the journeys
// that use it; other YAML is skipped as validate skips it.
func diffRangeRun(o *DiffOptions, format diff.SetFormatter, color bool, paths []string, pictures []diffFormat) error {
	repo := gitrev.Repo{Dir: o.IO.Dir}
	var commits [2]string
	for i, rev := range []string{o.Old, o.New} {
		c, err := repo.Commit(rev)
		if err != nil {
			msg := err.Error()
			if ext := strings.ToLower(filepath.Ext(rev)); ext == ".yaml" || ext == ".yml" {
				msg = fmt.Sprintf("%s is neither a file nor a git revision", rev)
			}
			return &ExitError{Code: ExitUsage, Msg: "diff: " + msg}
		}
		commits[i] = c
	}
	fail := func(err error) error { return &ExitError{Code: ExitUsage, Msg: "diff: " + err.Error()} }
	prefix, top, err := inputs.Place(repo)
	if err != nil {
		return fail(err)
	}
	changes, err := repo.Changes(commits[0], commits[1], paths)
	if err != nil {
		return fail(err)
	}
	b := repo.Batch()
	defer b.Close()
	oldRev := inputs.NewRevision(b, o.Old, commits[0], prefix, top)
	newRev := inputs.NewRevision(b, o.New, commits[1], prefix, top)
	set := &diff.Set{From: o.Old, To: o.New}
	var cats []catalogChange
	for _, c := range changes {
		if !isYAMLName(c.OldPath) && !isYAMLName(c.NewPath) {
			continue
		}
		old, err := loadSide(oldRev, c.OldPath)
		if err != nil {
			return fail(err)
		}
		new, err := loadSide(newRev, c.NewPath)
		if err != nil {
			return fail(err)
		}
		if old.Kind == inputs.RevCatalog || new.Kind == inputs.RevCatalog {
			// A catalog is compared as a catalog; a file that was a
			// journey on the other side is also a journey removed or added.
			if f, ok := catalogDiff(c, catalogSide(old), catalogSide(new), prefix); ok {
				printFindings(o.IO.ErrOut, f.Findings)
				set.Add(f)
			} else {
				cats = append(cats, catalogChange{c: c, old: catalogSide(old), new: catalogSide(new)})
			}
		}
		f, ok := fileDiff(c, journeySide(old), journeySide(new), prefix)
		if !ok {
			continue
		}
		printFindings(o.IO.ErrOut, f.Findings)
		set.Add(f)
	}
	if len(cats) > 0 {
		if err := catalogUsers(repo, set, cats, oldRev, newRev, paths, o.IO.ErrOut); err != nil {
			return fail(err)
		}
	}
	if format != nil {
		if err := format(o.IO.Out, set, diff.FormatOptions{Color: color, Locale: o.locale}); err != nil {
			return &ExitError{Code: ExitUsage, Msg: err.Error()}
		}
	}
	if len(pictures) > 0 {
		// One picture per journey compared (changed or renamed), in the
		// Set's order; a journey added or removed whole has none.
		var pics []picture
		taken := map[string]bool{}
		for _, f := range set.Files {
			if f.Diff != nil {
				pics = append(pics, picture{d: f.Diff, name: pictureName(f.Diff.New.ID, taken)})
			} else if f.Status == diff.FileInvalid && format == nil {
				name := f.NewPath
				if name == "" {
					name = f.OldPath
				}
				fmt.Fprintf(o.IO.ErrOut, "cxmap: %s: not compared, no picture: %s\n", name, f.Problem)
			}
		}
		on := paths
		if len(on) == 0 {
			on = []string{"."}
		}
		if err := writePictures(o, pics, pictures, on); err != nil {
			return err
		}
	}
	if set.Invalid() || (o.FailOnRegression && set.Regression()) {
		return &ExitError{Code: ExitFindings}
	}
	return nil
}

// loadSide reads one side of a change ("" for none: missing).
func loadSide(r *inputs.Revision, top string) (inputs.RevFile, error) {
	if top == "" {
		return inputs.RevFile{Kind: inputs.RevMissing}, nil
	}
	return r.Load(top)
}

// journeySide is a side as a journey file: a catalog, or YAML that is
// neither (skipped as validate skips it), is no journey there. A file not
// read (too large, a path git cannot read) counts as a journey not valid.
func journeySide(f inputs.RevFile) inputs.RevFile {
	if f.Kind == inputs.RevCatalog || f.Kind == inputs.RevOther {
		return inputs.RevFile{Kind: inputs.RevMissing}
	}
	return f
}

// catalogSide is a side as a catalog file.
func catalogSide(f inputs.RevFile) inputs.RevFile {
	if f.Kind != inputs.RevCatalog {
		return inputs.RevFile{Kind: inputs.RevMissing}
	}
	return f
}

func notJourney(f inputs.RevFile) bool { return f.Kind == inputs.RevMissing }

// problem says why a side cannot be compared ("" when it can).
func problem(f inputs.RevFile) string {
	switch {
	case f.Kind == inputs.RevTooLarge:
		return fmt.Sprintf("%s is %d bytes, over the %d MiB limit: not read", f.Name, f.Size, journey.MaxFileSize>>20)
	case f.Kind == inputs.RevBadPath:
		return fmt.Sprintf("%s cannot be read: its path holds a line break", f.Name)
	case f.Kind == inputs.RevCatalog && f.Catalog == nil:
		return f.Name + " is not a valid catalog"
	case f.Kind == inputs.RevJourney && f.Journey == nil:
		return f.Name + " is not a valid journey"
	}
	return ""
}

// fileDiff pairs the two versions of a changed journey file; ok is false
// when neither side is a journey.
func fileDiff(c gitrev.Change, old, new inputs.RevFile, prefix string) (diff.FileDiff, bool) {
	f := diff.FileDiff{}
	if c.OldPath != "" {
		f.OldPath = gitrev.DisplayPath(prefix, c.OldPath)
	}
	if c.NewPath != "" {
		f.NewPath = gitrev.DisplayPath(prefix, c.NewPath)
	}
	if notJourney(old) && notJourney(new) {
		return f, false
	}
	for _, v := range []inputs.RevFile{new, old} {
		if v.Journey != nil && f.ID == "" {
			f.ID, f.Title = v.Journey.ID, v.Journey.Title
		}
	}
	for _, v := range []inputs.RevFile{old, new} {
		if p := problem(v); p != "" {
			f.Status = diff.FileInvalid
			f.Problem = p
			f.Findings = append(f.Findings, v.Findings...)
		}
	}
	if f.Status == diff.FileInvalid {
		if f.Title == "" {
			f.Title = filepath.Base(f.NewPath + f.OldPath)
		}
		return f, true
	}
	switch {
	case notJourney(old):
		f.Status = diff.FileAdded
	case notJourney(new):
		f.Status = diff.FileRemoved
	default:
		f.Status = diff.FileChanged
		if c.Status == "renamed" {
			f.Status = diff.FileRenamed
		}
		f.Diff = diff.Compare(old.Journey, new.Journey)
	}
	return f, true
}

func isYAMLName(p string) bool {
	ext := strings.ToLower(filepath.Ext(p))
	return ext == ".yaml" || ext == ".yml"
}
