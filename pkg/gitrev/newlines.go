package gitrev

import (
	"bufio"
	"bytes"
	"strconv"
	"strings"
)

// Lines is what changed in one file of the working tree since a revision:
// All for a file that is new (added, or untracked), else the line ranges
// of the working-tree version that were added or changed.
type Lines struct {
	All    bool
	Ranges [][2]int // first and last line, 1-based, inclusive
}

// Has tells whether line is among the changed lines. Line 0 (a finding
// about the whole file) counts as changed when anything in the file did.
func (l *Lines) Has(line int) bool {
	if l == nil {
		return false
	}
	if l.All || (line == 0 && len(l.Ranges) > 0) {
		return true
	}
	for _, r := range l.Ranges {
		if line >= r[0] && line <= r[1] {
			return true
		}
	}
	return false
}

// ChangedLines maps every YAML file that differs between rev and the
// working tree to the lines that changed, keyed by its path in the working
// tree relative to the top of the work tree: one `git diff -U0 -M` over
// every *.yaml and *.yml of the repository (renames followed, so lines
// that only moved with their file are not new: the diff is not limited to
// paths, or a file renamed into them would have no source and count as
// new throughout), and one `git ls-files --others` under paths (pathspecs
// relative to Dir) for untracked files, which are new throughout. A file
// not in the map is unchanged since rev.
func (r Repo) ChangedLines(rev string, paths []string) (map[string]*Lines, error) {
	if err := CheckRev(rev); err != nil {
		return nil, err
	}
	args := []string{"-c", "core.quotePath=true", "diff", "--no-ext-diff", "--no-textconv", "--no-color", "-U0", "-M",
		"--src-prefix=a/", "--dst-prefix=b/", rev, "--", ":(top,icase)*.yaml", ":(top,icase)*.yml"}
	out, err := r.run(args...)
	if err != nil {
		return nil, err
	}
	m, err := parseUnified(out)
	if err != nil {
		return nil, err
	}
	prefix, err := r.Prefix()
	if err != nil {
		return nil, err
	}
	untracked, err := r.run(append([]string{"ls-files", "-z", "--others", "--exclude-standard", "--"}, paths...)...)
	if err != nil {
		return nil, err
	}
	for _, p := range splitZ(untracked) {
		m[prefix+p] = &Lines{All: true}
	}
	return m, nil
}

// parseUnified reads `git diff -U0` output: each "+++ b/PATH" starts a
// file (PATH C-quoted by git when it holds special bytes; "/dev/null" for
// a deleted file), each "@@ -a,b +c,d @@" adds lines c..c+d-1. A file
// added in full gets All.
func parseUnified(out []byte) (map[string]*Lines, error) {
	m := map[string]*Lines{}
	var cur *Lines
	newFile := false
	// left are the old and new lines of the current hunk still to come:
	// content lines are skipped by count, so a line of a file that reads
	// "++ x" or "diff --git" is never taken for a header.
	var left [2]int
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(make([]byte, 64<<10), 64<<20)
	for sc.Scan() {
		line := sc.Text()
		if left[0] > 0 || left[1] > 0 {
			switch {
			case strings.HasPrefix(line, "-"):
				left[0]--
			case strings.HasPrefix(line, "+"):
				left[1]--
			case strings.HasPrefix(line, " "):
				left[0]--
				left[1]--
			}
			continue
		}
		switch {
		case strings.HasPrefix(line, "diff --git "):
			cur, newFile = nil, false
		case strings.HasPrefix(line, "new file mode"):
			newFile = true
		case strings.HasPrefix(line, "+++ "):
			name := strings.TrimPrefix(line, "+++ ")
			if name == "/dev/null" {
				cur = nil
				continue
			}
			if strings.HasPrefix(name, `"`) {
				u, err := strconv.Unquote(name)
				if err != nil {
					return nil, &Error{"could not read git's diff: a quoted path " + name}
				}
				name = u
			}
			name = strings.TrimPrefix(name, "b/")
			cur = &Lines{All: newFile}
			m[name] = cur
		case strings.HasPrefix(line, "@@ ") && cur != nil:
			start, n, old, ok := hunkNew(line)
			if !ok {
				return nil, &Error{"could not read git's diff: a hunk header " + line}
			}
			left = [2]int{old, n}
			if n > 0 {
				cur.Ranges = append(cur.Ranges, [2]int{start, start + n - 1})
			}
		}
	}
	return m, sc.Err()
}

// hunkNew reads "@@ -a[,b] +c[,d] @@ ...": the new side's first line c
// and count d, and the old side's count b.
func hunkNew(h string) (start, n, old int, ok bool) {
	f := strings.Fields(h)
	if len(f) < 3 || !strings.HasPrefix(f[1], "-") || !strings.HasPrefix(f[2], "+") {
		return 0, 0, 0, false
	}
	_, old, ok1 := rangeOf(f[1][1:])
	start, n, ok2 := rangeOf(f[2][1:])
	return start, n, old, ok1 && ok2
}

// rangeOf reads "s[,n]" (n 1 when left out).
func rangeOf(r string) (start, n int, ok bool) {
	s, c, has := strings.Cut(r, ",")
	start, err := strconv.Atoi(s)
	if err != nil || start < 0 {
		return 0, 0, false
	}
	n = 1
	if has {
		if n, err = strconv.Atoi(c); err != nil || n < 0 {
			return 0, 0, false
		}
	}
	return start, n, true
}
