package cli

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/cxmap/cxmap/internal/registry"
	"github.com/cxmap/cxmap/pkg/diff"
	"github.com/cxmap/cxmap/pkg/fsutil"
	"github.com/cxmap/cxmap/pkg/inputs"
	"github.com/cxmap/cxmap/pkg/render/layout"
	"github.com/cxmap/cxmap/pkg/render/raster"
)

// diffFormat is one -f name of diff's registry.
type diffFormat = registry.Format[diff.Writers]

// diffFormats reads -f: one stream format (text, markdown, json) written
// to standard output, and any picture formats (svg, png, pdf), written to
// -o DIR, one file per journey and format. A picture format without -o,
// or -o without one, is a usage error.
func diffFormats(o *DiffOptions) (stream *diffFormat, pictures []diffFormat, err error) {
	names := splitList(o.Format)
	if len(names) == 0 {
		return nil, nil, usageErr("no format given: -f takes %s", diff.Formats.List())
	}
	seen := map[string]bool{}
	for _, name := range names {
		f, err := diff.Formats.Lookup(name)
		if err != nil {
			return nil, nil, usageErr("%v", err)
		}
		if seen[name] {
			continue
		}
		seen[name] = true
		switch {
		case isPicture(f):
			pictures = append(pictures, f)
		case stream != nil:
			return nil, nil, usageErr("-f takes one of %s (written to standard output) besides the pictures: got %s and %s", diffNames(false, " or "), stream.Name, f.Name)
		default:
			stream = &f
		}
	}
	if len(pictures) > 0 && o.Output == "" {
		return nil, nil, usageErr("-f %s draws a picture per journey: give -o DIR", pictures[0].Name)
	}
	if len(pictures) == 0 && o.Output != "" {
		return nil, nil, usageErr("-o DIR is where the pictures go: give -f %s (with -f %s, the comparison is written to standard output)", strings.Join(diffNamesOf(true), ","), diffNames(false, " or "))
	}
	if len(pictures) > 0 && !(o.Scale > 0 && o.Scale <= raster.MaxScale) { // NaN fails both
		return nil, nil, usageErr("--scale %v is out of range: use a number above 0, at most 16", o.Scale)
	}
	return stream, pictures, nil
}

// isPicture says whether a diff format is a picture: a file format
// (Binary in the registry), written per journey to -o DIR.
func isPicture(f diffFormat) bool { return f.Binary }

// diffNamesOf are the names of the picture formats (pictures true) or of
// the others, from the registry.
func diffNamesOf(pictures bool) []string {
	var out []string
	for _, f := range diff.Formats.All() {
		if isPicture(f) == pictures {
			out = append(out, f.Name)
		}
	}
	return out
}

// diffNames are diffNamesOf in words: "svg, png or pdf".
func diffNames(pictures bool, last string) string {
	n := diffNamesOf(pictures)
	if len(n) < 2 {
		return strings.Join(n, "")
	}
	return strings.Join(n[:len(n)-1], ", ") + last + n[len(n)-1]
}

// picture is one journey's picture to draw: the comparison and the file
// name (without extension) it is written under.
type picture struct {
	d    *diff.Diff
	name string
}

// pictureName is the file name of a journey's picture: NEW's id and
// ".diff", so it never lands on `render`'s file of the same journey. A
// name already taken in this run gets "-2", "-3"...
func pictureName(id string, taken map[string]bool) string {
	base := id + ".diff"
	name := base
	for n := 2; taken[strings.ToLower(name)]; n++ {
		name = base[:len(base)-len(".diff")] + "-" + strconv.Itoa(n) + ".diff"
	}
	taken[strings.ToLower(name)] = true
	return name
}

// writePictures draws every picture in every format, then writes them all
// or none (fsutil.Batch) into o.Output, naming each file written on
// stderr. Nothing is written over an input of the run (inputsOf).
func writePictures(o *DiffOptions, pics []picture, formats []diffFormat, inputsOf []string) error {
	if len(pics) == 0 {
		fmt.Fprintf(o.IO.ErrOut, "cxmap: no journey to draw: no picture written\n")
		return nil
	}
	dir := o.Output
	if o.IO.Dir != "" && !filepath.IsAbs(dir) {
		dir = filepath.Join(o.IO.Dir, dir)
	}
	fo := diff.FormatOptions{Locale: o.locale, Theme: o.theme, Rows: layout.DefaultRows(), Scale: o.Scale, Stderr: o.IO.ErrOut}
	type file struct {
		path, shown string
		data        []byte
	}
	var files []file
	for _, p := range pics {
		for _, f := range formats {
			path := filepath.Join(dir, p.name+"."+f.Ext)
			if err := checkOutput(o.IO, path, inputsOf, inputs.Options{}, ""); err != nil {
				return err
			}
			var buf bytes.Buffer
			if err := f.Write.Diff(&buf, p.d, fo); err != nil {
				return &ExitError{Code: ExitUsage, Msg: fmt.Sprintf("%s: drawing %s: %v; nothing written", p.d.New.Path, f.Name, err)}
			}
			files = append(files, file{path, filepath.Join(o.Output, p.name+"."+f.Ext), buf.Bytes()})
		}
	}
	fsutil.Watch()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return &ExitError{Code: ExitUsage, Msg: err.Error()}
	}
	var batch fsutil.Batch
	for _, f := range files {
		if err := batch.Add(f.path, 0o644, func(w io.Writer) error { _, err := w.Write(f.data); return err }); err != nil {
			return &ExitError{Code: ExitUsage, Msg: err.Error() + "; nothing written"}
		}
	}
	if err := batch.Commit(); err != nil {
		return &ExitError{Code: ExitUsage, Msg: err.Error()}
	}
	if !o.Quiet {
		for _, f := range files {
			fmt.Fprintf(o.IO.ErrOut, "wrote %s\n", f.shown)
		}
	}
	return nil
}
