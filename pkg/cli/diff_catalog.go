package cli

import (
	"bytes"
	"fmt"
	"io"
	"path"
	"path/filepath"

	"github.com/cxmap/cxmap/pkg/diff"
	"github.com/cxmap/cxmap/pkg/gitrev"
	"github.com/cxmap/cxmap/pkg/inputs"
)

// catalogChange is a catalog file that differs between the revisions, both
// sides valid catalogs (or absent).
type catalogChange struct {
	c        gitrev.Change
	old, new inputs.RevFile
}

// catalogDiff reports a catalog not valid on either side as an invalid
// file of the Set (ok true: exit 1, its findings shown); otherwise ok is
// false and the catalog is compared by catalogUsers.
func catalogDiff(c gitrev.Change, old, new inputs.RevFile, prefix string) (diff.FileDiff, bool) {
	f := diff.FileDiff{}
	if c.OldPath != "" {
		f.OldPath = gitrev.DisplayPath(prefix, c.OldPath)
	}
	if c.NewPath != "" {
		f.NewPath = gitrev.DisplayPath(prefix, c.NewPath)
	}
	for _, v := range []inputs.RevFile{old, new} {
		if p := problem(v); p != "" {
			f.Status, f.Problem = diff.FileInvalid, p
			f.Findings = append(f.Findings, v.Findings...)
		}
	}
	if f.Status != diff.FileInvalid {
		return f, false
	}
	f.Title = filepath.Base(f.NewPath + f.OldPath)
	return f, true
}

// catalogUsers compares each changed catalog and finds the journeys under
// paths that use it: in the new revision (the old one for a removed
// catalog), each journey that names the catalog in `uses:`, with what
// changed that it names. A journey valid in the old revision that the new
// catalog breaks is listed as no longer valid and, when the journey file
// itself did not change, added to the Set as invalid (exit 1).
func catalogUsers(repo gitrev.Repo, set *diff.Set, cats []catalogChange, oldRev, newRev *inputs.Revision, paths []string, errOut io.Writer) error {
	changed := map[string]bool{}
	for _, f := range set.Files {
		changed[f.OldPath], changed[f.NewPath] = true, true
	}
	listed := map[*inputs.Revision][]string{}
	files := func(r *inputs.Revision) ([]string, error) {
		if fs, ok := listed[r]; ok {
			return fs, nil
		}
		fs, err := repo.Files(r.Commit, paths)
		listed[r] = fs
		return fs, err
	}
	// Each file of a revision is read and parsed at most once, however many
	// catalogs changed: only files that name one of their file names next
	// to "uses" are parsed.
	var bases [][]byte
	for _, cc := range cats {
		for _, p := range []string{cc.old.Path, cc.new.Path} {
			if p != "" {
				bases = append(bases, []byte(path.Base(filepath.ToSlash(p))))
			}
		}
	}
	mentions := func(data []byte) bool {
		if !bytes.Contains(data, []byte("uses")) {
			return false
		}
		for _, b := range bases {
			if bytes.Contains(data, b) {
				return true
			}
		}
		return false
	}
	loaded := map[*inputs.Revision]map[string]inputs.RevFile{}
	load := func(r *inputs.Revision, top string) (inputs.RevFile, error) {
		if f, ok := loaded[r][top]; ok {
			return f, nil
		}
		f, err := r.LoadIf(top, mentions)
		if loaded[r] == nil {
			loaded[r] = map[string]inputs.RevFile{}
		}
		loaded[r][top] = f
		return f, err
	}
	for _, cc := range cats {
		cd := diff.CatalogDiff{OldPath: cc.old.Path, NewPath: cc.new.Path}
		switch {
		case cc.old.Catalog == nil:
			cd.Status = diff.FileAdded
		case cc.new.Catalog == nil:
			cd.Status = diff.FileRemoved
		case cc.c.Status == "renamed":
			cd.Status = diff.FileRenamed
		default:
			cd.Status = diff.FileChanged
		}
		side, rev := cc.new, newRev
		if side.Catalog == nil {
			side, rev = cc.old, oldRev
		}
		cd.ID, cd.Title = side.Catalog.ID, side.Catalog.Title
		cd.Entries = diff.CompareCatalogs(cc.old.Catalog, cc.new.Catalog)
		all, err := files(rev)
		if err != nil {
			return err
		}
		for _, top := range all {
			if !isYAMLName(top) {
				continue
			}
			f, err := load(rev, top)
			if err != nil {
				return err
			}
			if f.Kind != inputs.RevJourney {
				continue
			}
			if f.Journey != nil {
				if uses, ok := cd.UsedBy(f.Journey, side.Catalog.Path); ok {
					cd.Users = append(cd.Users, diff.CatalogUser{Path: f.Path, ID: f.Journey.ID, Title: f.Journey.Title, Uses: nonNil(uses)})
				}
				continue
			}
			if rev != newRev || cc.old.Catalog == nil {
				continue
			}
			// Invalid now: was it valid before, with the old catalog?
			before, err := load(oldRev, top)
			if err != nil {
				return err
			}
			if before.Journey == nil {
				continue
			}
			if _, ok := cd.UsedBy(before.Journey, cc.old.Catalog.Path); !ok {
				continue
			}
			why := "not a valid journey"
			if len(f.Findings) > 0 {
				why = f.Findings[0].Message
			}
			cd.Users = append(cd.Users, diff.CatalogUser{Path: f.Path, ID: before.Journey.ID, Title: before.Journey.Title, Uses: []string{}, Invalid: true, Problem: why})
			if !changed[f.Path] {
				changed[f.Path] = true
				printFindings(errOut, f.Findings)
				set.Add(diff.FileDiff{Status: diff.FileInvalid, OldPath: f.Path, NewPath: f.Path, ID: before.Journey.ID, Title: before.Journey.Title,
					Problem: fmt.Sprintf("%s is not a valid journey with catalog %s as changed", f.Name, side.Path), Findings: f.Findings})
			}
		}
		if cd.Users == nil {
			cd.Users = []diff.CatalogUser{}
		}
		if cd.Entries == nil {
			cd.Entries = []diff.CatalogEntry{}
		}
		set.Catalogs = append(set.Catalogs, cd)
	}
	return nil
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
