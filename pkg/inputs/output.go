package inputs

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// CheckOutput returns an error, before anything is read or written, when a
// command must not write the file target:
//
//   - target names a directory (an existing one, or a name ending in a
//     separator) or a special file (a named pipe, a device, a socket);
//   - target is one of the command's inputs: a file that args name (the
//     same file after resolving symbolic links, or a hard link to it), the
//     file o.StdinFilename names when args read standard input, or one of
//     also (the configuration file, say);
//   - target lies in a directory that args name and the walk would take it
//     as a journey (a .yaml or .yml name, not hidden, not ignored by
//     o.Ignore), so the next run would read the report as an input.
//
// "" and "-" (standard output) are always fine. Every command that writes a
// file calls it with its own arguments (docs/decisions.md, "Hardening").
func CheckOutput(target string, args []string, o Options, also ...string) error {
	if target == "" || target == "-" {
		return nil
	}
	if strings.HasSuffix(target, "/") || strings.HasSuffix(target, string(filepath.Separator)) {
		return fmt.Errorf("cannot write %s: it names a directory; give a file name", target)
	}
	tst, err := os.Stat(target)
	switch {
	case err == nil && tst.IsDir():
		return fmt.Errorf("cannot write %s: it is a directory; give a file name", target)
	case err == nil && !tst.Mode().IsRegular():
		return fmt.Errorf("cannot write %s: it is %s, not a regular file", target, specialKind(tst.Mode()))
	case err != nil:
		tst = nil
	}
	tpath := resolve(target)

	type in struct{ path, what string }
	var ins []in
	for _, a := range args {
		if a == "-" {
			if o.StdinFilename != "" {
				ins = append(ins, in{o.StdinFilename, "the file standard input is named as (--stdin-filename)"})
			}
			continue
		}
		ins = append(ins, in{a, "an input of this run"})
	}
	for _, a := range also {
		if a != "" {
			ins = append(ins, in{a, "an input of this run"})
		}
	}
	for _, a := range ins {
		ast, err := os.Stat(a.path)
		if err == nil && ast.IsDir() {
			if walkTakes(a.path, resolve(a.path), tpath, o.Ignore) {
				return fmt.Errorf("cannot write %s: it is inside %s, which is read for journeys, and a .yaml or .yml file there would be read as one; write it elsewhere or give it another extension", target, a.path)
			}
			continue
		}
		same := resolve(a.path) == tpath
		if err == nil && tst != nil && os.SameFile(ast, tst) {
			same = true
		}
		if same {
			if a.path != target {
				a.what = "the same file as " + a.path + ", " + a.what
			}
			return fmt.Errorf("cannot write %s: it is %s, and writing would destroy it; write elsewhere", target, a.what)
		}
	}
	return nil
}

// resolve makes path absolute and resolves the symbolic links in it, as far
// as it exists: a file not yet written resolves through its directory.
func resolve(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return filepath.Clean(path)
	}
	if r, err := filepath.EvalSymlinks(abs); err == nil {
		return r
	}
	dir, base := filepath.Split(abs)
	if r, err := filepath.EvalSymlinks(dir); err == nil {
		return filepath.Join(r, base)
	}
	return abs
}

// walkTakes reports whether walking the directory dir (resolved: rdir)
// would take the file at the resolved path target as a journey candidate,
// by the walk's own rules: a journey name, no hidden element below dir, not
// ignored.
func walkTakes(dir, rdir, target string, ignore []string) bool {
	rel, err := filepath.Rel(rdir, target)
	if err != nil || rel == "." || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return false
	}
	if !isJourneyName(rel) {
		return false
	}
	for _, e := range strings.Split(rel, string(filepath.Separator)) {
		if strings.HasPrefix(e, ".") {
			return false
		}
	}
	return !Ignored(filepath.Join(dir, rel), ignore)
}
