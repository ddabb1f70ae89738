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
	sc := &catalogScan{repo: repo, paths: paths, set: set, oldRev: oldRev, newRev: newRev, errOut: errOut,
		changed: map[string]bool{}, listed: map[*inputs.Revision][]string{}, loaded: map[*inputs.Revision]map[string]inputs.RevFile{}}
	for _, f := range set.Files {
		sc.changed[f.OldPath], sc.changed[f.NewPath] = true, true
	}
	for _, cc := range cats {
		for _, p := range []string{cc.old.Path, cc.new.Path} {
			if p != "" {
				sc.bases = append(sc.bases, []byte(path.Base(filepath.ToSlash(p))))
			}
		}
	}
	for _, cc := range cats {
		cd := compareCatalog(cc)
		side, rev := cc.new, newRev
		if side.Catalog == nil {
			side, rev = cc.old, oldRev
		}
		if err := sc.users(&cd, cc, side, rev); err != nil {
			return err
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

// compareCatalog is a changed catalog's status, id, title and changed
// entries.
func compareCatalog(cc catalogChange) diff.CatalogDiff {
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
	side := cc.new
	if side.Catalog == nil {
		side = cc.old
	}
	cd.ID, cd.Title = side.Catalog.ID, side.Catalog.Title
	cd.Entries = diff.CompareCatalogs(cc.old.Catalog, cc.new.Catalog)
	return cd
}

// catalogScan finds the users of changed catalogs. Each file of a
// revision is listed and read at most once, however many catalogs
// changed, and only files that name one of the catalogs' file names next
// to "uses" are parsed.
type catalogScan struct {
	repo           gitrev.Repo
	paths          []string
	set            *diff.Set
	oldRev, newRev *inputs.Revision
	errOut         io.Writer
	changed        map[string]bool // paths already in the Set
	bases          [][]byte        // the changed catalogs' file names
	listed         map[*inputs.Revision][]string
	loaded         map[*inputs.Revision]map[string]inputs.RevFile
}

// files lists the files under paths in a revision.
func (sc *catalogScan) files(r *inputs.Revision) ([]string, error) {
	if fs, ok := sc.listed[r]; ok {
		return fs, nil
	}
	fs, err := sc.repo.Files(r.Commit, sc.paths)
	sc.listed[r] = fs
	return fs, err
}

// mentions says whether a file may use a changed catalog.
func (sc *catalogScan) mentions(data []byte) bool {
	if !bytes.Contains(data, []byte("uses")) {
		return false
	}
	for _, b := range sc.bases {
		if bytes.Contains(data, b) {
			return true
		}
	}
	return false
}

// load reads and parses a file of a revision once.
func (sc *catalogScan) load(r *inputs.Revision, top string) (inputs.RevFile, error) {
	if f, ok := sc.loaded[r][top]; ok {
		return f, nil
	}
	f, err := r.LoadIf(top, sc.mentions)
	if sc.loaded[r] == nil {
		sc.loaded[r] = map[string]inputs.RevFile{}
	}
	sc.loaded[r][top] = f
	return f, err
}

// users adds to cd the journeys of rev that use the catalog (side), and
// those the new catalog breaks.
func (sc *catalogScan) users(cd *diff.CatalogDiff, cc catalogChange, side inputs.RevFile, rev *inputs.Revision) error {
	all, err := sc.files(rev)
	if err != nil {
		return err
	}
	for _, top := range all {
		if !isYAMLName(top) {
			continue
		}
		f, err := sc.load(rev, top)
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
		if rev != sc.newRev || cc.old.Catalog == nil {
			continue
		}
		if err := sc.broken(cd, cc, side, f, top); err != nil {
			return err
		}
	}
	return nil
}

// broken lists a journey invalid in the new revision that was valid, and
// used the catalog, in the old one; when the journey file itself did not
// change, it is added to the Set as invalid (exit 1).
func (sc *catalogScan) broken(cd *diff.CatalogDiff, cc catalogChange, side, f inputs.RevFile, top string) error {
	before, err := sc.load(sc.oldRev, top)
	if err != nil {
		return err
	}
	if before.Journey == nil {
		return nil
	}
	if _, ok := cd.UsedBy(before.Journey, cc.old.Catalog.Path); !ok {
		return nil
	}
	why := "not a valid journey"
	if len(f.Findings) > 0 {
		why = f.Findings[0].Message
	}
	cd.Users = append(cd.Users, diff.CatalogUser{Path: f.Path, ID: before.Journey.ID, Title: before.Journey.Title, Uses: []string{}, Invalid: true, Problem: why})
	if !sc.changed[f.Path] {
		sc.changed[f.Path] = true
		printFindings(sc.errOut, f.Findings)
		sc.set.Add(diff.FileDiff{Status: diff.FileInvalid, OldPath: f.Path, NewPath: f.Path, ID: before.Journey.ID, Title: before.Journey.Title,
			Problem: fmt.Sprintf("%s is not a valid journey with catalog %s as changed", f.Name, side.Path), Findings: f.Findings})
	}
	return nil
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
