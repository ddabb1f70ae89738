package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/cxmap/cxmap/pkg/diff"
	"github.com/cxmap/cxmap/pkg/finding"
	"github.com/cxmap/cxmap/pkg/gitrev"
	"github.com/cxmap/cxmap/pkg/journey"
)

// isRevRange tells `diff REV1 REV2 [PATH...]` from `diff OLD NEW`: the
// first two arguments are neither files on disk, "-", nor REV:PATH.
func isRevRange(io *IOStreams, args []string) bool {
	if len(args) < 2 {
		return false
	}
	for _, a := range args[:2] {
		if a == "-" || strings.Contains(a, ":") {
			return false
		}
		p := a
		if io.Dir != "" && !filepath.IsAbs(p) {
			p = filepath.Join(io.Dir, p)
		}
		if _, err := os.Lstat(p); err == nil {
			return false
		}
	}
	return true
}

// diffRangeRun compares every journey under paths that differs between two
// revisions: one git diff for the list, one cat-file process for every
// version, sizes checked before reading.
func diffRangeRun(o *DiffOptions, format diff.SetFormatter, color bool, paths []string) error {
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
	prefix, err := repo.Prefix()
	if err != nil {
		return &ExitError{Code: ExitUsage, Msg: "diff: " + err.Error()}
	}
	changes, err := repo.Changes(commits[0], commits[1], paths)
	if err != nil {
		return &ExitError{Code: ExitUsage, Msg: "diff: " + err.Error()}
	}
	b := repo.Batch()
	defer b.Close()
	set := &diff.Set{From: o.Old, To: o.New}
	cats := journey.NewCatalogs()
	for _, c := range changes {
		if !isYAMLName(c.OldPath) && !isYAMLName(c.NewPath) {
			continue
		}
		old, err := readVersion(b, o.IO.Dir, cats, o.Old, commits[0], prefix, c.OldPath)
		if err != nil {
			return &ExitError{Code: ExitUsage, Msg: "diff: " + err.Error()}
		}
		new, err := readVersion(b, o.IO.Dir, cats, o.New, commits[1], prefix, c.NewPath)
		if err != nil {
			return &ExitError{Code: ExitUsage, Msg: "diff: " + err.Error()}
		}
		f, ok := fileDiff(c, old, new, prefix)
		if !ok {
			continue
		}
		printFindings(o.IO.ErrOut, f.Findings)
		set.Add(f)
	}
	if err := format(o.IO.Out, set, diff.FormatOptions{Color: color}); err != nil {
		return &ExitError{Code: ExitUsage, Msg: err.Error()}
	}
	if set.Invalid() || (o.FailOnRegression && set.Regression()) {
		return &ExitError{Code: ExitFindings}
	}
	return nil
}

// side is one side of a changed file.
type side struct {
	j          *journey.Journey
	notJourney bool // absent, or YAML that is not a journey
	problem    string
	findings   []finding.Finding
}

// readVersion reads and parses path (from the top of the work tree) at a
// commit; name shows it as REV:path relative to the working directory.
// Catalogs and baselines are read from the working tree next to the file
// (as for REV:PATH; docs/diff.md).
func readVersion(b *gitrev.Batch, wd string, cats *journey.Catalogs, rev, commit, prefix, path string) (side, error) {
	if path == "" {
		return side{notJourney: true}, nil
	}
	display := gitrev.DisplayPath(prefix, path)
	name := rev + ":" + display
	blob, err := b.Read(commit, path, journey.MaxFileSize)
	if err != nil {
		return side{}, err
	}
	switch {
	case blob.Missing, blob.NotFile:
		return side{notJourney: true}, nil
	case blob.TooLarge:
		return side{problem: fmt.Sprintf("%s is %d bytes, over the %d MiB limit: not read", name, blob.Size, journey.MaxFileSize>>20)}, nil
	}
	j, fs, not := journey.ParseOpts(name, blob.Data, journey.Options{SkipNonJourney: true, Catalogs: cats, Dir: filepath.Join(wd, filepath.Dir(display))})
	switch {
	case not:
		return side{notJourney: true}, nil
	case j == nil:
		return side{problem: name + " is not a valid journey", findings: fs}, nil
	}
	return side{j: j}, nil
}

// fileDiff pairs the two versions of a changed file; ok is false when
// neither side is a journey.
func fileDiff(c gitrev.Change, old, new side, prefix string) (diff.FileDiff, bool) {
	f := diff.FileDiff{}
	if c.OldPath != "" {
		f.OldPath = gitrev.DisplayPath(prefix, c.OldPath)
	}
	if c.NewPath != "" {
		f.NewPath = gitrev.DisplayPath(prefix, c.NewPath)
	}
	if old.notJourney && new.notJourney {
		return f, false
	}
	for _, v := range []side{new, old} {
		if v.j != nil && f.ID == "" {
			f.ID, f.Title = v.j.ID, v.j.Title
		}
	}
	for _, v := range []side{old, new} {
		if v.problem != "" {
			f.Status = diff.FileInvalid
			f.Problem = v.problem
			f.Findings = append(f.Findings, v.findings...)
		}
	}
	if f.Status == diff.FileInvalid {
		if f.Title == "" {
			f.Title = filepath.Base(f.NewPath + f.OldPath)
		}
		return f, true
	}
	switch {
	case old.notJourney:
		f.Status = diff.FileAdded
	case new.notJourney:
		f.Status = diff.FileRemoved
	default:
		f.Status = diff.FileChanged
		if c.Status == "renamed" {
			f.Status = diff.FileRenamed
		}
		f.Diff = diff.Compare(old.j, new.j)
	}
	return f, true
}

func isYAMLName(p string) bool {
	ext := strings.ToLower(filepath.Ext(p))
	return ext == ".yaml" || ext == ".yml"
}
