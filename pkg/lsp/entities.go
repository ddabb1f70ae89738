package lsp

import (
	"os"
	"time"

	"github.com/cxmap/cxmap/pkg/inputs"
	"github.com/cxmap/cxmap/pkg/journey"
	"go.yaml.in/yaml/v3"
)

// entities lists every id the document can refer to: its own definitions,
// then its catalogs' (through the server's catalog cache, so a catalog is
// read once however many journeys use it).
func (s *Server) entities(d *document) []entity {
	x := d.index
	if x == nil {
		return nil
	}
	var out []entity
	for _, o := range x.Occ {
		if o.Def {
			out = append(out, entityOf(d.abs, o))
		}
	}
	for _, u := range x.Uses {
		out = append(out, s.catalogEntities(u.Abs)...)
	}
	return out
}

// catalogEntities are the ids a catalog defines: from the editor's text
// when it is open, else from the cache.
func (s *Server) catalogEntities(abs string) []entity {
	if cd := s.docByPath(abs); cd != nil {
		s.ensureIndex(cd)
		if cd.index != nil && cd.index.Catalog {
			var out []entity
			id := str(cd.index.Root, "id")
			for _, o := range cd.index.Occ {
				if o.Def && catalogKinds[o.Kind] {
					e := entityOf(abs, o)
					e.Catalog = id
					out = append(out, e)
				}
			}
			return out
		}
	}
	c, _, _ := s.cats.Lookup(abs)
	if c == nil {
		return nil
	}
	return catalogEntities(c, abs)
}

// find is the entity of kind id the document can refer to.
func (s *Server) find(d *document, kind, id string) (entity, bool) {
	for _, e := range s.entities(d) {
		if e.Kind == kind && e.ID == id {
			return e, true
		}
	}
	return entity{}, false
}

// fileIndex is the index of a file: the open document's, else one read
// from disk (cached while the file's size and time stay the same).
func (s *Server) fileIndex(abs string) *fileIndex {
	if d := s.docByPath(abs); d != nil {
		s.ensureIndex(d)
		return d.index
	}
	st, err := os.Stat(abs)
	if err != nil {
		return nil
	}
	if s.disk == nil {
		s.disk = map[string]*diskIndex{}
	}
	if c := s.disk[abs]; c != nil && c.size == st.Size() && c.mtime.Equal(st.ModTime()) {
		return c.index
	}
	c := &diskIndex{size: st.Size(), mtime: st.ModTime()}
	s.disk[abs] = c
	data, err := inputs.ReadFile(abs, journey.MaxFileSize)
	if err != nil || refusal(abs, data) != nil {
		return nil
	}
	var n yaml.Node
	if yaml.Unmarshal(data, &n) == nil {
		c.index = indexDoc(abs, &n)
		c.lines = splitText(string(data))
	}
	return c.index
}

type diskIndex struct {
	size  int64
	mtime time.Time
	index *fileIndex
	lines []string
}

func splitText(text string) []string {
	var d document
	d.setText(text)
	return d.lines
}
