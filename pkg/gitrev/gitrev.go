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

// Top is the absolute path of the top of the work tree.
func (r Repo) Top() (string, error) {
	out, err := r.run("rev-parse", "--show-toplevel")
	if err != nil {
		return "", err
	}
	return filepath.FromSlash(strings.TrimSpace(string(out))), nil
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

// Files lists the files of a commit under paths (pathspecs relative to
// Dir; none means the whole tree), relative to the top of the work tree.
func (r Repo) Files(commit string, paths []string) ([]string, error) {
	args := []string{"ls-tree", "-r", "-z", "--name-only", "--full-name"}
	if len(paths) == 0 {
		args = append(args, "--full-tree")
	}
	args = append(args, commit, "--")
	args = append(args, paths...)
	out, err := r.run(args...)
	if err != nil {
		return nil, err
	}
	return splitZ(out), nil
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
// following renames, in the first-parent view: the commits of the current
// branch's own line, a merge included when it changed the file against its
// first parent (a merge that resolved a conflict in the file, or one that
// brought in a branch's changes, which then stands for that branch's
// commits; docs/diff.md). `-m` makes git show a merge's change at all,
// which --first-parent limits to the first parent (git before 2.31 needs
// it said).
func (r Repo) Log(path string) ([]LogEntry, error) {
	out, err := r.run("log", "--follow", "--first-parent", "-m", "-z", "--no-ext-diff", "--no-textconv",
		"--format="+logFormat, "--name-status", "--", path)
	if err != nil {
		return nil, err
	}
	return parseLog(out)
}

// logFormat frames each commit with NUL, the one byte no field can hold:
// an empty token, then the fields, each ended by NUL (a subject may hold
// any other byte, U+001F included).
const logFormat = "%x00%H%x00%h%x00%aI%x00%an%x00%s"

// logFields is the number of fields logFormat writes after its marker.
const logFields = 5

// parseLog reads `git log -z --name-status --format=logFormat`: NUL-
// separated tokens, each commit an empty token, its fields, then status
// tokens (the first after a line feed), each followed by one path, or two
// for a rename or copy. Tokens are taken by position, so a path or a
// subject can hold anything but NUL.
func parseLog(out []byte) ([]LogEntry, error) {
	var es []LogEntry
	if len(out) == 0 {
		return nil, nil
	}
	toks := strings.Split(strings.TrimSuffix(string(out), "\x00"), "\x00")
	bad := &Error{"could not read git's log"}
	i := 0
	for i < len(toks) {
		if strings.TrimPrefix(toks[i], "\n") != "" || i+1+logFields > len(toks) {
			return nil, bad
		}
		f := toks[i+1 : i+1+logFields]
		e := LogEntry{Hash: f[0], Short: f[1], Date: f[2], Author: f[3], Subject: f[4]}
		i += 1 + logFields
		// Name-status entries until the next commit's marker.
		for i < len(toks) {
			st := strings.TrimPrefix(toks[i], "\n")
			if st == "" {
				break
			}
			if !isStatus(st) {
				return nil, bad
			}
			i++
			n := 1
			if st[0] == 'R' || st[0] == 'C' {
				n = 2
			}
			if i+n > len(toks) || toks[i+n-1] == "" {
				return nil, bad
			}
			e.Path = toks[i+n-1]
			e.Deleted = st[0] == 'D'
			i += n
		}
		if e.Hash == "" {
			return nil, bad
		}
		es = append(es, e)
	}
	return es, nil
}

// isStatus tells a --name-status letter (with a score for R and C) from
// anything else.
func isStatus(s string) bool {
	if !strings.ContainsRune("ACDMRTUXB", rune(s[0])) {
		return false
	}
	for _, c := range s[1:] {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
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
