package inputs

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/cxmap/cxmap/pkg/finding"
	"github.com/cxmap/cxmap/pkg/gitrev"
	"github.com/cxmap/cxmap/pkg/journey"
)

// VersionOptions say where a version argument is read from.
type VersionOptions struct {
	// Dir is the working directory: REV:PATH and the test of whether a
	// file exists on disk start from it ("" is the process's).
	Dir string
	// Stdin is read for the argument "-".
	Stdin io.Reader
	// Batch reads git for every version of a run (both sides of a diff and
	// a baseline through one pair of git cat-file processes); nil starts
	// one for the call.
	Batch *gitrev.Batch
	// Findings, when set, receives the findings of a version that is not
	// a valid journey (pkg/cli prints them as validate does).
	Findings func(path string, fs []finding.Finding)
}

// Version loads one version of a journey, the argument of `diff OLD NEW`
// and `diff FUTURE`, or a baseline that report, deck and diff compare a
// future state with: a journey file on disk, "-" for standard input, or
// REV:PATH, PATH as git revision REV holds it (relative to o.Dir), checked
// with the catalogs and baseline of that revision (Revision). A file that
// exists on disk is always read from disk.
//
// A version that is not a valid journey gives its findings to o.Findings
// (ok false, no error); one that cannot be read (a directory, a missing
// file, an unknown revision) is an error, which the verbs exit 2 on.
func Version(arg string, o VersionOptions) (j *journey.Journey, ok bool, err error) {
	findings := func(fs []finding.Finding) (*journey.Journey, bool, error) {
		if o.Findings != nil {
			o.Findings(arg, fs)
		}
		return nil, false, nil
	}
	rev, path, fromGit := SplitRev(arg, o.Dir)
	if !fromGit {
		if fi, err := os.Stat(o.at(arg)); err == nil && fi.IsDir() {
			return nil, false, fmt.Errorf("%s is a directory: diff compares two journey files", arg)
		}
		rs := Load([]string{arg}, Options{Stdin: o.Stdin})
		if len(rs) != 1 {
			return nil, false, fmt.Errorf("%s: not a journey file", arg)
		}
		r := rs[0]
		if r.Err != nil {
			return nil, false, r.Err
		}
		if r.Journey == nil {
			return findings(r.Findings)
		}
		return r.Journey, true, nil
	}
	b := o.Batch
	if b == nil {
		b = gitrev.Repo{Dir: o.Dir}.Batch()
		defer b.Close()
	}
	data, r, path, err := readVersion(o.Dir, b, arg, rev, path)
	switch {
	case errors.Is(err, errTooLarge):
		// As for a file on disk over the limit: a finding, exit 1.
		return findings(journey.TooLarge(arg))
	case err != nil:
		return nil, false, err
	}
	// Catalogs and the baseline of a file from git are read from the same
	// revision, next to PATH.
	pr := journey.ParseFile(arg, data, journey.Options{Dir: filepath.Dir(path), Catalogs: r.Catalogs()})
	if pr.Journey == nil {
		return findings(pr.Findings)
	}
	return pr.Journey, true, nil
}

// at is p relative to the working directory.
func (o VersionOptions) at(p string) string {
	if o.Dir != "" && !filepath.IsAbs(p) {
		return filepath.Join(o.Dir, p)
	}
	return p
}

// SplitRev reads REV:PATH in the working directory dir ("" the process's).
// A path that exists on disk wins (a file may have a colon in its name),
// and so does "-".
func SplitRev(arg, dir string) (rev, path string, ok bool) {
	if arg == "-" {
		return "", "", false
	}
	if _, err := os.Stat(VersionOptions{Dir: dir}.at(arg)); err == nil {
		return "", "", false
	}
	rev, path, ok = strings.Cut(arg, ":")
	if !ok || rev == "" || path == "" {
		return "", "", false
	}
	return rev, path, true
}

// BaselineArg is the version argument of base, the baseline a journey read
// from arg names (Journey.BaselinePath: joined to arg's directory): read
// the way arg was, from the same revision when arg is REV:PATH.
func BaselineArg(arg, base, dir string) string {
	if rev, _, fromGit := SplitRev(arg, dir); fromGit && !filepath.IsAbs(base) {
		return rev + ":" + strings.TrimPrefix(base, rev+":")
	}
	return base
}

// RevisionPair tells `diff REV1 REV2 [PATH...]` from `diff OLD NEW`: the
// first two arguments are neither files on disk (in dir), "-", nor
// REV:PATH.
func RevisionPair(args []string, dir string) bool {
	if len(args) < 2 {
		return false
	}
	for _, a := range args[:2] {
		if a == "-" || strings.Contains(a, ":") {
			return false
		}
		if _, err := os.Lstat(VersionOptions{Dir: dir}.at(a)); err == nil {
			return false
		}
	}
	return true
}

// errTooLarge is a blob over journey.MaxFileSize: not read.
var errTooLarge = errors.New("too large")

// readVersion reads REV:PATH from git in the working directory dir
// through a Revision ("./" makes git resolve PATH relative to that
// directory, not the repository root). The revision is resolved first, so
// one starting with "-" never reaches git (git would take it for an
// option) and an unknown one says so; then the object's type, so a
// directory in REV is told apart from a file, then its size, so a blob
// over the limit is refused without being read (errTooLarge); the read
// itself stops one byte past the limit. Errors are git's in words, without
// its command line. p is PATH relative to dir.
func readVersion(dir string, b *gitrev.Batch, arg, rev, path string) (data []byte, r *Revision, p string, err error) {
	fail := func(why string) error { return fmt.Errorf("cannot read %s from git: %s", arg, why) }
	r, err = OpenRevision(gitrev.Repo{Dir: dir}, b, rev)
	if err != nil {
		return nil, nil, path, fail(err.Error())
	}
	if filepath.IsAbs(path) {
		wd := dir
		if wd == "" {
			wd, _ = os.Getwd()
		}
		if rel, err := filepath.Rel(wd, path); err == nil {
			path = rel
		}
	}
	blob, err := r.read("./"+strings.TrimPrefix(filepath.ToSlash(path), "./"), journey.MaxFileSize)
	switch {
	case err != nil:
		return nil, r, path, fail(err.Error())
	case blob.Missing:
		return nil, r, path, fail(fmt.Sprintf("path %s does not exist in %s", filepath.ToSlash(path), rev))
	case blob.Kind == "tree":
		return nil, r, path, fmt.Errorf("%s: %s is a directory in %s: diff compares two files", arg, path, rev)
	case blob.NotFile:
		return nil, r, path, fail(fmt.Sprintf("%s is not a file in %s", path, rev))
	case blob.TooLarge:
		return nil, r, path, errTooLarge
	}
	return blob.Data, r, path, nil
}
