package inputs

import (
	"fmt"
	"path/filepath"
	"sort"
)

// File is one file an argument names, found as Load finds them.
type File struct {
	Path string
	// Named: given on the command line (a walked file is false); "-" is
	// named and stands for standard input.
	Named bool
}

// Files lists the files the arguments name without reading them: the same
// walk as Load (hidden directories and the Ignore globs skipped, symbolic
// links inside a walk not followed, named pipes, devices and sockets refused
// when named and skipped when walked), the same deduplication, sorted by
// path. For commands that read and write files themselves (fmt); errors
// are per argument, as Load's.
func Files(args []string, o Options) ([]File, []Result) {
	var out []File
	var errs []Result
	seen := map[string]bool{}
	add := func(in input) {
		key := filepath.Clean(in.path)
		if !seen[key] {
			seen[key] = true
			out = append(out, File{Path: in.path, Named: in.explicit})
		}
	}
	for _, a := range args {
		if a == "-" {
			if seen["-"] {
				errs = append(errs, Result{Path: a, Err: fmt.Errorf("-: standard input (-) can be read only once")})
				continue
			}
			seen["-"] = true
			out = append(out, File{Path: "-", Named: true})
			continue
		}
		errs = append(errs, expand(a, o, add)...)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out, errs
}
