package lsp

import (
	"os"
	"time"

	"github.com/cxmap/cxmap/pkg/inputs"
	"github.com/cxmap/cxmap/pkg/journey"
	"go.yaml.in/yaml/v3"
)

// workspace indexes the journeys of the workspace folder that are not open,
// for references and for refusing a rename that would miss one. Files are
// read on first need and again only when their size or time changes; no
// catalog is read for it (the index knows a reference's kind from where it
// is written).
type workspace struct {
	root  string
	files map[string]*wsFile
}

type wsFile struct {
	size  int64
	mtime time.Time
	index *fileIndex
}

func newWorkspace(root string) *workspace {
	return &workspace{root: root, files: map[string]*wsFile{}}
}

func (w *workspace) invalidate(abs string) { delete(w.files, abs) }

// refresh walks the folder as `cxmap lint ROOT` would (hidden entries,
// ignore patterns, links inside skipped) and indexes new or changed files.
func (w *workspace) refresh(ignore []string) {
	files, _ := inputs.Files([]string{w.root}, inputs.Options{Ignore: ignore})
	seen := map[string]bool{}
	for _, file := range files {
		p := file.Path
		seen[p] = true
		st, err := os.Stat(p)
		if err != nil {
			delete(w.files, p)
			continue
		}
		if f := w.files[p]; f != nil && f.size == st.Size() && f.mtime.Equal(st.ModTime()) {
			continue
		}
		f := &wsFile{size: st.Size(), mtime: st.ModTime()}
		w.files[p] = f
		data, err := inputs.ReadFile(p, journey.MaxFileSize)
		if err != nil || len(data) > journey.MaxFileSize || refusal(p, data) != nil {
			continue
		}
		var n yaml.Node
		if yaml.Unmarshal(data, &n) != nil {
			continue
		}
		x := indexDoc(p, &n)
		x.Root = nil // keep the ids, not the tree
		for i := range x.Occ {
			x.Occ[i].Node = nil
		}
		f.index = x
	}
	for p := range w.files {
		if !seen[p] {
			delete(w.files, p)
		}
	}
}
