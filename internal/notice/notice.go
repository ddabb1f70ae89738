// Package notice checks the repository's NOTICE file against what the
// cxmap binary embeds: every font file behind a //go:embed directive, every
// github.com/go-fonts family imported, every directory go.mod replaces a
// module with (vendored code, which must carry a LICENSE), and Graphviz,
// whose WebAssembly build go-graphviz embeds. The check runs in its test.
package notice

import (
	"bufio"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
)

// fontExt are the extensions of font files.
var fontExt = []string{".ttf", ".otf", ".ttc", ".woff", ".woff2"}

var (
	embedRe  = regexp.MustCompile(`^//go:embed\s+(.+)$`)
	fontsRe  = regexp.MustCompile(`"github\.com/go-fonts/([a-z0-9-]+)/`)
	replRe   = regexp.MustCompile(`^(?:replace\s+)?(\S+)(?:\s+\S+)?\s+=>\s+(\.{1,2}/\S+)\s*$`)
	skipDirs = []string{".git", "third_party", "testdata", "node_modules", "bin", "out", "dist"}
)

// Check returns what NOTICE (its text) fails to name, given the module
// rooted at root; empty means NOTICE is complete.
func Check(root, notice string) ([]string, error) {
	var missing []string
	need := func(s, why string) {
		if !strings.Contains(notice, s) {
			missing = append(missing, fmt.Sprintf("NOTICE does not name %q (%s)", s, why))
		}
	}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if p != root && (slices.Contains(skipDirs, d.Name()) || strings.HasPrefix(d.Name(), ".")) {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		rel, _ := filepath.Rel(root, filepath.Dir(p))
		f, err := os.Open(p)
		if err != nil {
			return err
		}
		defer f.Close()
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			line := strings.TrimSpace(sc.Text())
			if m := embedRe.FindStringSubmatch(line); m != nil {
				for _, pat := range strings.Fields(m[1]) {
					pat = strings.Trim(pat, "\"`")
					if slices.Contains(fontExt, strings.ToLower(path.Ext(pat))) {
						need(path.Join(filepath.ToSlash(rel), pat), "a font embedded in "+filepath.ToSlash(p[len(root)+1:]))
					}
				}
			}
			if m := fontsRe.FindStringSubmatch(line); m != nil {
				need("github.com/go-fonts/"+m[1], "fonts imported in "+filepath.ToSlash(p[len(root)+1:]))
			}
		}
		return sc.Err()
	})
	if err != nil {
		return nil, err
	}
	mod, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		return nil, err
	}
	inReplace := false
	for _, line := range strings.Split(string(mod), "\n") {
		line = strings.TrimSpace(line)
		switch {
		case strings.HasPrefix(line, "replace ("):
			inReplace = true
			continue
		case inReplace && line == ")":
			inReplace = false
			continue
		}
		if !inReplace && !strings.HasPrefix(line, "replace ") {
			if strings.Contains(line, "github.com/goccy/go-graphviz ") {
				need("Graphviz", "go-graphviz embeds Graphviz as WebAssembly")
				need("Eclipse Public License", "Graphviz's licence")
			}
			continue
		}
		m := replRe.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		dir := path.Clean(m[2])
		need(dir, "go.mod replaces "+m[1]+" with this directory")
		if _, err := os.Stat(filepath.Join(root, filepath.FromSlash(dir), "LICENSE")); err != nil {
			missing = append(missing, fmt.Sprintf("%s has no LICENSE file", dir))
		}
	}
	return missing, nil
}
