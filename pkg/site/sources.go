package site

import (
	"fmt"
	"io"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/cxmap/cxmap/pkg/fsutil"
)

// SourceDir is the site's folder of the research files the journeys'
// sources link to (a relative `url:`), copied from the journeys' repository.
const SourceDir = "sources"

// A source's `url:` is an http(s) URL or a path relative to the file that
// defines the source (the journey, or its catalog). A page cannot link that
// path as written: it is not where the page is, and a `../` chain would
// leave the site. So a relative url is resolved against its file, and the
// file it names is copied into the site under sources/ (its path from the
// top of the journey's git work tree, or from the journey's folder when it
// is not in git) when it is a regular, non-hidden file inside that tree;
// otherwise the link is dropped (the source is listed without it) with a
// warning. No page links a path that climbs out of the site.

// sourceFiles holds the site's copied research files.
type sourceFiles struct {
	// links maps a source file and url to its path in the site ("" when
	// dropped): key "FILE\x00URL".
	links map[string]string
	// files maps a path in the site to the file copied there.
	files map[string]string
	// warnings say which links were dropped, and why.
	warnings []string
	roots    map[string]string // folder -> its tree's top (cache)
}

// resolveSources resolves the relative urls of every journey's sources.
func (s *Site) resolveSources() {
	sf := &sourceFiles{links: map[string]string{}, files: map[string]string{}, roots: map[string]string{}}
	byFile := map[string]string{} // real path -> site path
	for _, e := range s.entries {
		for _, src := range e.J.Sources {
			if src.URL == "" || isAbsURL(src.URL) {
				continue
			}
			from := src.Origin
			if from == "" {
				from = e.J.Path
			}
			key := from + "\x00" + src.URL
			if _, done := sf.links[key]; done {
				continue
			}
			real, rel, why := sf.resolve(from, src.URL)
			if why != "" {
				sf.links[key] = ""
				where := from
				if src.Loc.Line > 0 {
					where += ":" + strconv.Itoa(src.Loc.Line) + ":" + strconv.Itoa(src.Loc.Col)
				}
				sf.warnings = append(sf.warnings, fmt.Sprintf("%s: source %s: url %q %s: the page lists the source without a link", where, src.ID, src.URL, why))
				continue
			}
			site, ok := byFile[real]
			if !ok {
				// Two trees may hold the same path: the second is put aside.
				site = SourceDir + "/" + rel
				for n := 2; sf.files[site] != ""; n++ {
					site = SourceDir + "/" + strconv.Itoa(n) + "/" + rel
				}
				byFile[real] = site
				sf.files[site] = real
			}
			sf.links[key] = site + fragment(src.URL)
		}
	}
	s.sources = sf
}

// isAbsURL reports whether u has a scheme (http:, https:, mailto: …) or is
// scheme-relative: a link to elsewhere, left as written (html/template
// refuses unsafe schemes).
func isAbsURL(u string) bool {
	if strings.HasPrefix(u, "//") {
		return true
	}
	p, err := url.Parse(u)
	return err == nil && p.Scheme != ""
}

// fragment is a url's #fragment ("" for none), kept on the link (a PDF's
// #page=3).
func fragment(u string) string {
	if i := strings.IndexByte(u, '#'); i >= 0 {
		return u[i:]
	}
	return ""
}

// resolve finds the file a relative url names from the file at from: its
// real path and its path inside its tree (slash-separated), or why it is
// not linked.
func (sf *sourceFiles) resolve(from, u string) (real, rel, why string) {
	p := u
	if i := strings.IndexAny(p, "?#"); i >= 0 {
		p = p[:i]
	}
	if p == "" {
		return "", "", "names no file"
	}
	if filepath.IsAbs(p) || strings.HasPrefix(p, "/") || strings.HasPrefix(p, `\`) || filepath.VolumeName(p) != "" {
		return "", "", "is an absolute path"
	}
	abs, err := filepath.Abs(filepath.Dir(from))
	if err != nil {
		return "", "", "cannot be resolved"
	}
	dir, err := filepath.EvalSymlinks(abs)
	if err != nil {
		return "", "", "cannot be resolved"
	}
	root := sf.root(dir)
	target := filepath.Join(dir, filepath.FromSlash(p))
	if _, err := os.Lstat(target); err != nil {
		if q, uerr := url.PathUnescape(p); uerr == nil && q != p {
			target = filepath.Join(dir, filepath.FromSlash(q))
		}
	}
	real, err = filepath.EvalSymlinks(target)
	if err != nil {
		return "", "", "names no file"
	}
	r, err := filepath.Rel(root, real)
	if err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) || filepath.IsAbs(r) {
		return "", "", "is outside the journey's repository"
	}
	for _, part := range strings.Split(filepath.ToSlash(r), "/") {
		if strings.HasPrefix(part, ".") {
			return "", "", "names a hidden file (" + part + "), which is not published"
		}
	}
	fi, err := os.Stat(real)
	if err != nil || !fi.Mode().IsRegular() {
		return "", "", "is not a regular file"
	}
	return real, filepath.ToSlash(r), ""
}

// root is the top of the git work tree holding dir (real path), or dir
// itself when it is in none.
func (sf *sourceFiles) root(dir string) string {
	if r, ok := sf.roots[dir]; ok {
		return r
	}
	r := dir
	for d := dir; ; {
		if _, err := os.Lstat(filepath.Join(d, ".git")); err == nil {
			r = d
			break
		}
		up := filepath.Dir(d)
		if up == d {
			break
		}
		d = up
	}
	sf.roots[dir] = r
	return r
}

// sourceHref is the link a journey page gives a source's url: as written
// when it is a URL, the copy in the site when it is a file that could be
// copied, "" (no link) otherwise.
func (s *Site) sourceHref(from, u string) string {
	if u == "" || isAbsURL(u) || s.sources == nil {
		return u
	}
	site := s.sources.links[from+"\x00"+u]
	if site == "" {
		return ""
	}
	frag := fragment(site)
	parts := strings.Split(strings.TrimSuffix(site, frag), "/")
	for i, p := range parts {
		parts[i] = url.PathEscape(p)
	}
	return "../" + strings.Join(parts, "/") + frag
}

// SourceWarnings are the source links dropped, and why.
func (s *Site) SourceWarnings() []string {
	if s.sources == nil {
		return nil
	}
	return s.sources.warnings
}

// SourceFile is the file copied to a site path under sources/ ("" for
// none): serve answers from it.
func (s *Site) SourceFile(sitePath string) string {
	if s.sources == nil {
		return ""
	}
	return s.sources.files[sitePath]
}

// writeSources copies the research files into dir/sources.
func (s *Site) writeSources(dir string) error {
	if s.sources == nil {
		return nil
	}
	names := make([]string, 0, len(s.sources.files))
	for n := range s.sources.files {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, n := range names {
		if err := copyRegular(s.sources.files[n], filepath.Join(dir, filepath.FromSlash(path.Clean(n)))); err != nil {
			return err
		}
	}
	return nil
}

// copyRegular copies the regular file src to dst atomically.
func copyRegular(src, dst string) error {
	f, err := openRegular(src)
	if err != nil {
		return err
	}
	defer f.Close()
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	return fsutil.WriteAtomic(dst, 0o644, func(w io.Writer) error {
		_, err := io.Copy(w, f)
		return err
	})
}

// openRegular opens a file that must be a regular file (not a pipe or a
// device swapped in since it was resolved).
func openRegular(name string) (*os.File, error) {
	fi, err := os.Stat(name)
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("%s is not a regular file", name)
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	if fi2, err := f.Stat(); err != nil || !os.SameFile(fi, fi2) {
		f.Close()
		return nil, fmt.Errorf("%s changed while read", name)
	}
	return f, nil
}
