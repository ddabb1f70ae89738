package inputs

import (
	"fmt"
	"path"
	"path/filepath"
	"strings"

	"github.com/cxmap/cxmap/internal/textsafe"
	"github.com/cxmap/cxmap/pkg/finding"
	"github.com/cxmap/cxmap/pkg/gitrev"
	"github.com/cxmap/cxmap/pkg/journey"
)

// Revision reads files as they are in one git commit, whole: a journey is
// checked with the catalogs and the baseline of that commit, not the
// working tree's. Every file comes through one gitrev.Batch (one `git
// cat-file` process for all revisions), and each catalog or baseline is
// read once per revision (a journey.Catalogs cache reading from git).
type Revision struct {
	// Rev is the revision as the user typed it: files are named REV:path
	// in messages.
	Rev    string
	Commit string
	// Prefix is the working directory relative to the top of the work
	// tree (gitrev.Repo.Prefix); Top is the top's absolute path.
	Prefix, Top string
	batch       *gitrev.Batch
	cats        *journey.Catalogs
}

// NewRevision reads commit (rev as typed) through b.
func NewRevision(b *gitrev.Batch, rev, commit, prefix, top string) *Revision {
	r := &Revision{Rev: rev, Commit: commit, Prefix: prefix, Top: top, batch: b}
	r.cats = journey.NewCatalogsFrom(r.readNamed)
	return r
}

// OpenRevision reads revision rev (as typed) of repo through b: the
// commit, the working directory's prefix and the top of the work tree are
// asked of git here. A revision starting with "-" is refused before git
// sees it.
func OpenRevision(repo gitrev.Repo, b *gitrev.Batch, rev string) (*Revision, error) {
	commit, err := repo.Commit(rev)
	if err != nil {
		return nil, err
	}
	prefix, top, err := Place(repo)
	if err != nil {
		return nil, err
	}
	return NewRevision(b, rev, commit, prefix, top), nil
}

// Place is where repo's directory is in its work tree, as NewRevision
// takes it: the prefix (gitrev.Repo.Prefix) and the top's absolute path.
func Place(repo gitrev.Repo) (prefix, top string, err error) {
	if prefix, err = repo.Prefix(); err != nil {
		return "", "", err
	}
	if top, err = repo.Top(); err != nil {
		return "", "", err
	}
	return prefix, top, nil
}

// read reads spec (a path git resolves in the revision: relative to the
// top, or "./…" relative to the working directory) within limit.
func (r *Revision) read(spec string, limit int64) (gitrev.Blob, error) {
	return r.batch.Read(r.Commit, spec, limit)
}

// Catalogs is the revision's catalog and baseline cache.
func (r *Revision) Catalogs() *journey.Catalogs { return r.cats }

// Name is how a file of the revision is named in messages: REV:path, the
// path relative to the working directory.
func (r *Revision) Name(top string) string {
	return r.Rev + ":" + gitrev.DisplayPath(r.Prefix, top)
}

// readNamed reads a file a journey names (`uses:`, `baseline:`): p is
// relative to the working directory (the journey's directory joined with
// what it wrote) or absolute.
func (r *Revision) readNamed(p string) (string, []byte, error) {
	top, err := r.toTop(p)
	if err != nil {
		return p, nil, err
	}
	name := r.Name(top)
	blob, err := r.read(top, journey.MaxFileSize)
	switch {
	case err != nil:
		return name, nil, fmt.Errorf("cannot be read from git: %v", err)
	case blob.Missing:
		return name, nil, fmt.Errorf("does not exist in %s (paths are relative to this file's directory)", r.Rev)
	case blob.Kind == "tree":
		return name, nil, fmt.Errorf("is a directory in %s, not a file", r.Rev)
	case blob.NotFile:
		return name, nil, fmt.Errorf("is not a file in %s", r.Rev)
	case blob.TooLarge:
		return name, nil, fmt.Errorf("is larger than the %d MiB limit", journey.MaxFileSize>>20)
	}
	return name, blob.Data, nil
}

// toTop turns a path relative to the working directory (or absolute) into
// one relative to the top of the work tree, with forward slashes; one
// outside the work tree is refused.
func (r *Revision) toTop(p string) (string, error) {
	if filepath.IsAbs(p) {
		rel, err := filepath.Rel(r.Top, p)
		if r.Top == "" || err != nil {
			return "", fmt.Errorf("is outside the repository: cannot be read from %s", r.Rev)
		}
		p = rel
	} else {
		p = r.Prefix + filepath.ToSlash(p)
	}
	t := path.Clean(filepath.ToSlash(p))
	if t == ".." || strings.HasPrefix(t, "../") || t == "." {
		return "", fmt.Errorf("is outside the repository: cannot be read from %s", r.Rev)
	}
	return t, nil
}

// Kinds of a file in a revision.
const (
	RevMissing  = "missing"   // no such path (or a directory, a submodule)
	RevTooLarge = "too-large" // over journey.MaxFileSize: not read
	RevJourney  = "journey"   // Journey set, or Findings when invalid
	RevCatalog  = "catalog"   // Catalog set, or Findings when invalid
	RevOther    = "other"     // YAML that is neither journey nor catalog: skipped as validate skips it
	RevBadPath  = "bad-path"  // a path git cannot be asked for by name
)

// RevFile is one file as a revision holds it.
type RevFile struct {
	Kind string
	// Name is REV:path (relative to the working directory); Path the path
	// relative to the working directory.
	Name, Path string
	Journey    *journey.Journey
	Catalog    *journey.Catalog
	// Findings are the file's errors when it is an invalid journey or
	// catalog (Journey and Catalog nil), or the finding that it cannot be
	// read (too large, a path git cannot read).
	Findings []finding.Finding
	// Size is the blob's size, for a file too large.
	Size int64
}

// Invalid tells a journey or catalog that is not valid (or not read).
func (f RevFile) Invalid() bool {
	switch f.Kind {
	case RevTooLarge, RevBadPath:
		return true
	case RevJourney:
		return f.Journey == nil
	case RevCatalog:
		return f.Catalog == nil
	}
	return false
}

// Load reads top (relative to the top of the work tree) and parses it as
// journey or catalog, with this revision's catalogs and baseline. Only git
// stopping is an error; everything about the file is in RevFile.
func (r *Revision) Load(top string) (RevFile, error) { return r.LoadIf(top, nil) }

// LoadIf is Load, parsing the file only when keep (if set) accepts its
// content; a file it refuses is RevOther.
func (r *Revision) LoadIf(top string, keep func(data []byte) bool) (RevFile, error) {
	display := gitrev.DisplayPath(r.Prefix, top)
	f := RevFile{Name: r.Rev + ":" + display, Path: display}
	if strings.ContainsAny(top, "\n\r") {
		// Named with the line break shown, so that it cannot start a
		// line of its own in a message.
		f.Kind, f.Name = RevBadPath, r.Rev+":"+textsafe.Line(display)
		f.Findings = []finding.Finding{{Path: f.Name, Rule: journey.RuleSyntax, Level: finding.Error,
			Message: "the path holds a line break: git cannot be asked for it by name, so it was not read (rename the file)"}}
		return f, nil
	}
	blob, err := r.read(top, journey.MaxFileSize)
	switch {
	case err != nil:
		return f, err
	case blob.Missing, blob.NotFile:
		f.Kind = RevMissing
		return f, nil
	case blob.TooLarge:
		f.Kind, f.Size = RevTooLarge, blob.Size
		f.Findings = journey.TooLarge(f.Name)
		return f, nil
	}
	if keep != nil && !keep(blob.Data) {
		f.Kind = RevOther
		return f, nil
	}
	pr := journey.ParseFile(f.Name, blob.Data, journey.Options{SkipNonJourney: true, Catalogs: r.cats, Dir: filepath.Dir(display)})
	switch {
	case pr.NotJourney:
		f.Kind = RevOther
	case pr.IsCatalog:
		f.Kind, f.Catalog, f.Findings = RevCatalog, pr.Catalog, pr.Findings
	default:
		f.Kind, f.Journey, f.Findings = RevJourney, pr.Journey, pr.Findings
	}
	return f, nil
}
