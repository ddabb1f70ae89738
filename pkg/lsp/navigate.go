package lsp

import (
	"fmt"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"

	"github.com/cxmap/cxmap/pkg/journey"
)

// target is what the cursor is on, for definition, references and rename.
type target struct {
	d   *document
	occ occurrence
	ent entity // the definition
	ok  bool   // the definition is known
	// catalog: the id is a catalog's (ent.Abs is the catalog file).
	catalog bool
}

func (s *Server) targetAt(p *textDocumentPositionParams) (*target, bool) {
	d := s.docs[p.TextDocument.URI]
	if d == nil || d.refused != "" {
		return nil, false
	}
	s.ensureIndex(d)
	if d.index == nil {
		return nil, false
	}
	line := p.Position.Line + 1
	col := cpCol(d.line(p.Position.Line), p.Position.Character, s.utf32)
	o, ok := d.index.at(line, col)
	if !ok {
		return nil, false
	}
	t := &target{d: d, occ: o}
	t.ent, t.ok = s.resolve(d, o)
	t.catalog = t.ok && (d.index.Catalog || !samePath(t.ent.Abs, d.abs))
	return t, true
}

// pathAt is the `uses` or `baseline` path under the cursor.
func (s *Server) pathAt(p *textDocumentPositionParams) (*pathRef, bool) {
	d := s.docs[p.TextDocument.URI]
	if d == nil || d.index == nil {
		return nil, false
	}
	line := p.Position.Line + 1
	col := cpCol(d.line(p.Position.Line), p.Position.Character, s.utf32)
	refs := append([]pathRef(nil), d.index.Uses...)
	if d.index.Baseline != nil {
		refs = append(refs, *d.index.Baseline)
	}
	for i := range refs {
		if contains(refs[i].At, line, col) {
			return &refs[i], true
		}
	}
	return nil, false
}

func (s *Server) definition(p *textDocumentPositionParams) any {
	if r, ok := s.pathAt(p); ok {
		return []Location{{URI: pathToURI(r.Abs), Range: Range{}}}
	}
	t, ok := s.targetAt(p)
	if !ok {
		return []Location{}
	}
	var out []Location
	if t.ok && !(t.occ.Def && samePath(t.ent.Abs, t.d.abs) && t.ent.At == t.occ.At) {
		out = append(out, s.location(t.ent.Abs, t.ent.At))
	}
	// A step, stage or opportunity of a future state: the same id in the
	// baseline, which diff pairs it with.
	if b := t.d.index.Baseline; b != nil && (t.occ.Kind == kStep || t.occ.Kind == kStage || t.occ.Kind == kOpportunity) {
		if bx := s.fileIndex(b.Abs); bx != nil {
			if o, ok := bx.def(t.occ.Kind, t.occ.ID); ok {
				out = append(out, s.diskLocation(b.Abs, o.At))
			}
		}
	}
	if len(out) == 0 && t.ok {
		out = append(out, s.location(t.ent.Abs, t.ent.At))
	}
	if out == nil {
		out = []Location{}
	}
	return out
}

// diskLocation is location for a file that may not be open, converting
// columns with its lines when they are known.
func (s *Server) diskLocation(abs string, r journey.Range) Location {
	if d := s.docByPath(abs); d != nil {
		return s.location(abs, r)
	}
	if c := s.disk[abs]; c != nil {
		return Location{URI: pathToURI(abs), Range: rangeIn(c.lines, r, s.utf32)}
	}
	return s.location(abs, r)
}

// place is an occurrence in a file.
type place struct {
	abs string
	at  journey.Range
	def bool
}

// occurrences lists every place the target's id is written: for a
// catalog's id, the catalog and every journey using it (open, or on disk
// in the workspace folder); else the journey, and for a step, stage or
// opportunity the baseline too (withBaseline). notOpen lists the journeys
// on disk, not open, that use the catalog id.
func (s *Server) occurrences(t *target, withBaseline bool) (out []place, notOpen []string) {
	kind, id := t.occ.Kind, t.occ.ID
	addFrom := func(abs string, x *fileIndex) {
		for _, o := range x.Occ {
			if o.Kind == kind && o.ID == id {
				out = append(out, place{abs: abs, at: o.At, def: o.Def})
			}
		}
	}
	if !t.catalog {
		addFrom(t.d.abs, t.d.index)
		if b := t.d.index.Baseline; withBaseline && b != nil && kind != kLane && kind != kSource && kind != kPersona {
			if bx := s.fileIndex(b.Abs); bx != nil {
				addFrom(b.Abs, bx)
			}
		}
		return out, nil
	}
	catAbs := t.ent.Abs
	if cd := s.docByPath(catAbs); cd != nil {
		s.ensureIndex(cd)
		if cd.index != nil {
			addFrom(catAbs, cd.index)
		}
	} else {
		out = append(out, place{abs: catAbs, at: t.ent.At, def: true})
	}
	usesCat := func(x *fileIndex) bool {
		if x == nil || !x.Journey {
			return false
		}
		if _, own := x.def(kind, id); own {
			return false // its own id of that name, not the catalog's
		}
		for _, u := range x.Uses {
			if samePath(u.Abs, catAbs) {
				return true
			}
		}
		return false
	}
	open := map[string]bool{}
	for _, u := range s.sortedURIs() {
		d := s.docs[u]
		open[d.abs] = true
		s.ensureIndex(d)
		if usesCat(d.index) {
			addFrom(d.abs, d.index)
		}
	}
	ws := s.workspaceFor(catAbs)
	var paths []string
	for p := range ws.files {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		f := ws.files[p]
		if open[p] || !usesCat(f.index) {
			continue
		}
		before := len(out)
		addFrom(p, f.index)
		if len(out) > before {
			notOpen = append(notOpen, p)
		}
	}
	return out, notOpen
}

// workspaceFor is the workspace index (the workspace folder's, or the
// catalog's directory when the client named no folder), brought up to
// date.
func (s *Server) workspaceFor(abs string) *workspace {
	root := s.root
	if root == "" {
		root = filepath.Dir(abs)
	}
	if s.ws == nil || s.ws.root != root {
		s.ws = newWorkspace(root)
	}
	s.ws.refresh(s.cfg.Ignore)
	return s.ws
}

func (s *Server) references(p *referenceParams) any {
	t, ok := s.targetAt(&p.textDocumentPositionParams)
	if !ok {
		return []Location{}
	}
	places, _ := s.occurrences(t, true)
	out := []Location{}
	for _, pl := range places {
		if pl.def && !p.Context.IncludeDeclaration {
			continue
		}
		out = append(out, s.diskLocation(pl.abs, pl.at))
	}
	return out
}

var slug = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`) })

func (s *Server) prepareRename(p *textDocumentPositionParams) (any, *rpcError) {
	t, ok := s.targetAt(p)
	if !ok {
		return nil, &rpcError{Code: codeRequestFailed, Message: "cxmap: put the cursor on an id (a lane, source, persona, step, stage or opportunity) to rename it"}
	}
	r := rangeIn(t.d.lines, t.occ.At, s.utf32)
	return map[string]any{"range": r, "placeholder": t.occ.ID}, nil
}

func (s *Server) rename(p *renameParams) (any, *rpcError) {
	t, ok := s.targetAt(&p.textDocumentPositionParams)
	if !ok {
		return nil, &rpcError{Code: codeRequestFailed, Message: "cxmap: put the cursor on an id (a lane, source, persona, step, stage or opportunity) to rename it"}
	}
	name := p.NewName
	if !slug().MatchString(name) {
		return nil, &rpcError{Code: codeRequestFailed, Message: fmt.Sprintf("cxmap: %q is not a valid id: ids are lower-case letters, digits and hyphens, starting with a letter or digit", name)}
	}
	if name == t.occ.ID {
		return WorkspaceEdit{Changes: map[string][]TextEdit{}}, nil
	}
	if _, taken := s.find(t.d, t.occ.Kind, name); taken {
		return nil, &rpcError{Code: codeRequestFailed, Message: fmt.Sprintf("cxmap: %s id %q is already defined: renaming would make two %ss share it", t.occ.Kind, name, t.occ.Kind)}
	}
	places, notOpen := s.occurrences(t, false)
	if len(notOpen) > 0 {
		var names []string
		for _, p := range notOpen {
			names = append(names, display(p))
		}
		more := ""
		if len(names) > 5 {
			more = fmt.Sprintf(" and %d more", len(names)-5)
			names = names[:5]
		}
		return nil, &rpcError{Code: codeRequestFailed, Message: fmt.Sprintf(
			"cxmap: not renamed: %s %q comes from catalog %s, and journeys that are not open use it too (%s%s); open them so the rename can change them as well, or rename by hand",
			t.occ.Kind, t.occ.ID, display(t.ent.Abs), strings.Join(names, ", "), more)}
	}
	changes := map[string][]TextEdit{}
	for _, pl := range places {
		loc := s.diskLocation(pl.abs, pl.at)
		changes[loc.URI] = append(changes[loc.URI], TextEdit{Range: loc.Range, NewText: name})
	}
	return WorkspaceEdit{Changes: changes}, nil
}
