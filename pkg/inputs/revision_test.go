package inputs

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/cxmap/cxmap/internal/gittest"
	"github.com/cxmap/cxmap/pkg/gitrev"
)

// A journey read from a revision is checked with that revision's catalogs
// and baseline; every kind of file is told apart.
func TestRevisionLoad(t *testing.T) {
	files := map[string]string{
		"cat/c.yaml":      "cxmap-catalog: 1\nid: c\nlanes: [{id: web, name: Web, zone: frontstage}]\n",
		"j/ok.yaml":       "cxmap: 1\nid: ok\ntitle: OK\nuses: [../cat/c.yaml]\nstages: [{id: s, name: S, steps: [{id: a, action: A, touchpoints: [{lane: web, does: x}]}]}]\n",
		"j/future.yaml":   "cxmap: 1\nid: f\ntitle: F\nstate: future\nbaseline: ok.yaml\nstages: [{id: s, name: S}]\n",
		"j/outside.yaml":  "cxmap: 1\nid: o\ntitle: O\nuses: [../../elsewhere.yaml]\nstages: [{id: s, name: S}]\n",
		"j/nocat.yaml":    "cxmap: 1\nid: n\ntitle: N\nuses: [../cat/none.yaml]\nstages: [{id: s, name: S}]\n",
		"j/other.yaml":    "name: not a journey\n",
		"j/bad.yaml":      "cxmap: 1\nid: b\n",
		"cat/broken.yaml": "cxmap-catalog: 1\nlanes: nope\n",
	}
	g := gittest.New(t)
	dir := g.Dir
	g.Commit("one", files)
	// The working tree's catalog loses lane web: the revision must not see it.
	g.Write(map[string]string{"cat/c.yaml": "cxmap-catalog: 1\nid: c\n"})
	repo := gitrev.Repo{Dir: filepath.Join(dir, "j")} // from a subdirectory
	commit, err := repo.Commit("HEAD")
	if err != nil {
		t.Fatal(err)
	}
	top, _ := repo.Top()
	b := repo.Batch()
	defer b.Close()
	r := NewRevision(b, "HEAD", commit, "j/", top)
	tests := []struct {
		path, kind, name string
		invalid          bool
		finding          string
	}{
		{"j/ok.yaml", RevJourney, "HEAD:ok.yaml", false, ""},
		{"j/future.yaml", RevJourney, "HEAD:future.yaml", false, ""},
		{"j/outside.yaml", RevJourney, "HEAD:outside.yaml", true, "is outside the repository: cannot be read from HEAD"},
		{"j/nocat.yaml", RevJourney, "HEAD:nocat.yaml", true, "catalog ../cat/none.yaml does not exist in HEAD"},
		{"j/other.yaml", RevOther, "HEAD:other.yaml", false, ""},
		{"j/bad.yaml", RevJourney, "HEAD:bad.yaml", true, "title"},
		{"cat/c.yaml", RevCatalog, "HEAD:../cat/c.yaml", false, ""},
		{"cat/broken.yaml", RevCatalog, "HEAD:../cat/broken.yaml", true, ""},
		{"j/none.yaml", RevMissing, "HEAD:none.yaml", false, ""},
		{"j", RevMissing, "HEAD:.", false, ""},
		{"j/a\nb.yaml", RevBadPath, "HEAD:a⏎b.yaml", true, "holds a line break"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			f, err := r.Load(tt.path)
			if err != nil {
				t.Fatal(err)
			}
			var msgs []string
			for _, fi := range f.Findings {
				msgs = append(msgs, fi.Message)
			}
			if f.Kind != tt.kind || f.Name != tt.name || f.Invalid() != tt.invalid || !strings.Contains(strings.Join(msgs, "; "), tt.finding) {
				t.Errorf("Load = kind %s, name %q, invalid %v, findings %q; want %s, %q, %v, %q", f.Kind, f.Name, f.Invalid(), msgs, tt.kind, tt.name, tt.invalid, tt.finding)
			}
		})
	}
}
