// Package gitrev reads journey files as they were in git revisions, for
// `cxmap diff REV1 REV2 [PATH...]` and `cxmap history FILE`.
//
// It runs a fixed, small number of git processes however many files are
// read: one `git diff --name-status` for what changed between two
// revisions, one `git log` for a file's history, and one long-lived
// `git cat-file --batch` that streams every blob. Sizes come before
// contents in that stream, so a blob over the limit is skipped without
// being held in memory. Revisions are checked before they reach git: one
// starting with "-" would be read as an option.
package gitrev

import (
	"bytes"
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"
)

// Error is git's complaint in plain words (its first line, "fatal: " taken
// off), or a refusal of ours.
type Error struct{ Msg string }

func (e *Error) Error() string { return e.Msg }

// Repo runs git in Dir (the working directory when empty).
type Repo struct{ Dir string }

// run runs git and returns its standard output.
func (r Repo) run(args ...string) ([]byte, error) {
	if _, err := exec.LookPath("git"); err != nil {
		return nil, &Error{"git is not installed or not on PATH"}
	}
	cmd := exec.Command("git", args...)
	cmd.Dir = r.Dir
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return nil, &Error{firstLine(stderr.String(), err)}
	}
	return stdout.Bytes(), nil
}

func firstLine(stderr string, err error) string {
	msg := strings.TrimSpace(stderr)
	if i := strings.IndexByte(msg, '\n'); i >= 0 {
		msg = msg[:i]
	}
	msg = strings.TrimPrefix(msg, "fatal: ")
	if msg == "" {
		msg = err.Error()
	}
	return strings.ReplaceAll(msg, "'", "")
}

// CheckRev refuses a revision git would misread: empty, starting with "-"
// (an option), or holding a control character or a colon (REV:PATH is
// another form).
func CheckRev(rev string) error {
	switch {
	case rev == "":
		return &Error{"empty revision"}
	case strings.HasPrefix(rev, "-"):
		return &Error{fmt.Sprintf("revision %q starts with '-': git would read it as an option", rev)}
	case strings.ContainsAny(rev, ":\x00\n\r\t "):
		return &Error{fmt.Sprintf("revision %q holds a space, a colon or a control character", rev)}
	}
	return nil
}

// Commit resolves rev to a commit's full hash. An unknown revision says so,
// with a hint when the clone is shallow (the usual cause in CI).
func (r Repo) Commit(rev string) (string, error) {
	if err := CheckRev(rev); err != nil {
		return "", err
	}
	out, err := r.run("rev-parse", "--verify", "--quiet", "--end-of-options", rev+"^{commit}")
	if err != nil {
		if _, err2 := r.run("rev-parse", "--git-dir"); err2 != nil {
			return "", &Error{"not a git repository (or any parent directory)"}
		}
		why := "unknown revision " + rev
		if r.Shallow() {
			why += " (in a shallow clone, fetch more history: git fetch --deepen=1 or actions/checkout fetch-depth: 0)"
		}
		return "", &Error{why}
	}
	return strings.TrimSpace(string(out)), nil
}

// Shallow tells whether the repository is a shallow clone.
func (r Repo) Shallow() bool {
	out, err := r.run("rev-parse", "--is-shallow-repository")
	return err == nil && strings.TrimSpace(string(out)) == "true"
}

// Prefix is the working directory relative to the top of the work tree,
// with a trailing slash ("" at the top), as git's --show-prefix prints it.
func (r Repo) Prefix() (string, error) {
	out, err := r.run("rev-parse", "--show-prefix")
	if err != nil {
		return "", err
	}
	return strings.TrimSpace(string(out)), nil
}

// Change is one file that differs between two revisions. Paths are
// relative to the top of the work tree, with forward slashes; OldPath is
// empty for an added file and NewPath for a deleted one.
type Change struct {
	Status  string // added, deleted, modified, renamed
	OldPath string
	NewPath string
}

// Changes lists the files that differ between two commits under paths
// (pathspecs relative to Dir; none means the whole tree), renames found.
func (r Repo) Changes(from, to string, paths []string) ([]Change, error) {
	args := []string{"diff", "--no-ext-diff", "--no-textconv", "-z", "--name-status", "-M", from, to, "--"}
	args = append(args, paths...)
	out, err := r.run(args...)
	if err != nil {
		return nil, err
	}
	return parseNameStatus(out)
}

// parseNameStatus reads `git diff -z --name-status`: a status token, then
// one path, or two for a rename or copy.
func parseNameStatus(out []byte) ([]Change, error) {
	toks := splitZ(out)
	var cs []Change
	for i := 0; i < len(toks); {
		st := toks[i]
		i++
		need := 1
		if st != "" && (st[0] == 'R' || st[0] == 'C') {
			need = 2
		}
		if i+need > len(toks) || st == "" {
			return nil, &Error{"could not read git's list of changed files"}
		}
		c := Change{}
		switch st[0] {
		case 'A':
			c.Status, c.NewPath = "added", toks[i]
		case 'D':
			c.Status, c.OldPath = "deleted", toks[i]
		case 'R':
			c.Status, c.OldPath, c.NewPath = "renamed", toks[i], toks[i+1]
		case 'C':
			c.Status, c.NewPath = "added", toks[i+1]
		default: // M, T (type change), U
			c.Status, c.OldPath, c.NewPath = "modified", toks[i], toks[i]
		}
		i += need
		cs = append(cs, c)
	}
	return cs, nil
}

func splitZ(out []byte) []string {
	s := strings.TrimSuffix(string(out), "\x00")
	if s == "" {
		return nil
	}
	return strings.Split(s, "\x00")
}

// LogEntry is one commit that touched a file, with the file's path in it
// (relative to the top of the work tree).
type LogEntry struct {
	Hash    string
	Short   string
	Date    string // author date, ISO 8601
	Author  string
	Subject string
	Path    string
	// Deleted is true when the commit removed the file.
	Deleted bool
}

// Log lists the commits that touched path (relative to Dir), newest first,
// following renames.
func (r Repo) Log(path string) ([]LogEntry, error) {
	out, err := r.run("log", "--follow", "-z", "--no-ext-diff", "--format=%H%x1f%h%x1f%aI%x1f%an%x1f%s", "--name-status", "--", path)
	if err != nil {
		return nil, err
	}
	return parseLog(out)
}

// parseLog reads `git log -z --name-status` with a header of fields joined
// by U+001F: each header is followed by status and path tokens.
func parseLog(out []byte) ([]LogEntry, error) {
	var es []LogEntry
	toks := splitZ(out)
	for i := 0; i < len(toks); {
		t := strings.TrimPrefix(toks[i], "\n")
		i++
		f := strings.Split(t, "\x1f")
		if len(f) != 5 {
			return nil, &Error{"could not read git's log"}
		}
		e := LogEntry{Hash: f[0], Short: f[1], Date: f[2], Author: f[3], Subject: f[4]}
		// Name-status entries until the next header.
		for i < len(toks) && !strings.Contains(toks[i], "\x1f") {
			st := strings.TrimPrefix(toks[i], "\n")
			i++
			if st == "" {
				continue
			}
			n := 1
			if st[0] == 'R' || st[0] == 'C' {
				n = 2
			}
			if i+n > len(toks) {
				return nil, &Error{"could not read git's log"}
			}
			e.Path = toks[i+n-1]
			e.Deleted = st[0] == 'D'
			i += n
		}
		es = append(es, e)
	}
	return es, nil
}

// DisplayPath turns a path relative to the top of the work tree into one
// relative to the working directory (prefix from Prefix), with the
// system's separators, as a user would type it.
func DisplayPath(prefix, top string) string {
	rel, err := filepath.Rel(filepath.FromSlash(strings.TrimSuffix(prefix, "/")), filepath.FromSlash(top))
	if err != nil || prefix == "" {
		return filepath.FromSlash(top)
	}
	return rel
}
