package lsp

import (
	"path/filepath"
	"strings"

	"github.com/cxmap/cxmap/pkg/journey"
	"go.yaml.in/yaml/v3"
)

// Id kinds: what an id names. A journey and the catalogs it uses share one
// namespace per kind (pkg/journey/refs.go).
const (
	kLane        = "lane"
	kSource      = "source"
	kPersona     = "persona"
	kStep        = "step"
	kStage       = "stage"
	kOpportunity = "opportunity"
)

// catalogKinds are the kinds a catalog defines.
var catalogKinds = map[string]bool{kLane: true, kSource: true, kPersona: true}

// occurrence is one place an id is written: where it is defined (Def) or
// where it is used.
type occurrence struct {
	Kind, ID string
	At       journey.Range
	Def      bool
	// Node is the defining mapping (a lane's, a step's), for details.
	Node *yaml.Node
	// Stage is a step's stage id (for symbols and hover).
	Stage string
}

// pathRef is a file a journey names: a `uses` catalog or its `baseline`.
type pathRef struct {
	Written string
	Abs     string
	At      journey.Range
}

// fileIndex is what the server knows of one file's ids from its YAML alone
// (no schema, no references checked), so that it exists for a file with
// errors too: the last good one is kept while the YAML is broken.
type fileIndex struct {
	Abs      string
	Catalog  bool // root has cxmap-catalog
	Journey  bool // root has cxmap
	Future   bool // state: future
	Occ      []occurrence
	Uses     []pathRef
	Baseline *pathRef
	Root     *yaml.Node // the root mapping (nil when not a mapping)
}

// defs lists the ids of kind defined in the file, in file order.
func (x *fileIndex) defs(kind string) []occurrence {
	var out []occurrence
	for _, o := range x.Occ {
		if o.Def && o.Kind == kind {
			out = append(out, o)
		}
	}
	return out
}

// def finds the definition of kind id in the file.
func (x *fileIndex) def(kind, id string) (occurrence, bool) {
	for _, o := range x.Occ {
		if o.Def && o.Kind == kind && o.ID == id {
			return o, true
		}
	}
	return occurrence{}, false
}

// at finds the occurrence whose range holds the 1-based line and column.
func (x *fileIndex) at(line, col int) (occurrence, bool) {
	for _, o := range x.Occ {
		if contains(o.At, line, col) {
			return o, true
		}
	}
	return occurrence{}, false
}

// contains: the range holds (line, col), its end included so that a cursor
// just after an id still names it.
func contains(r journey.Range, line, col int) bool {
	if line < r.Line || line > r.EndLine {
		return false
	}
	if line == r.Line && col < r.Col {
		return false
	}
	if line == r.EndLine && col > r.EndCol {
		return false
	}
	return true
}

// indexDoc indexes a parsed document; abs is the file's absolute path.
func indexDoc(abs string, doc *yaml.Node) *fileIndex {
	x := &fileIndex{Abs: abs}
	if doc == nil || len(doc.Content) == 0 {
		return x
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return x
	}
	x.Root = root
	x.Catalog = mapValue(root, "cxmap-catalog") != nil && mapValue(root, "cxmap") == nil
	x.Journey = mapValue(root, "cxmap") != nil
	if s := mapValue(root, "state"); s != nil && s.Value == journey.Future {
		x.Future = true
	}
	dir := filepath.Dir(abs)
	defList := func(kind string, v *yaml.Node) {
		for _, it := range seqItems(v) {
			if id := scalarAt(it, "id"); id != nil {
				x.Occ = append(x.Occ, occurrence{Kind: kind, ID: id.Value, At: journey.NodeRange(id), Def: true, Node: it})
			}
		}
	}
	refList := func(kind string, v *yaml.Node) {
		for _, it := range seqItems(v) {
			if isScalar(it) {
				x.ref(kind, it)
			}
		}
	}
	metrics := func(v *yaml.Node) {
		for _, m := range seqItems(v) {
			refList(kSource, mapValue(m, "sources"))
		}
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i].Value, root.Content[i+1]
		switch k {
		case "lanes":
			defList(kLane, v)
		case "sources":
			defList(kSource, v)
		case "personas":
			defList(kPersona, v)
		case "kpis":
			metrics(v)
		case "uses":
			for _, it := range seqItems(v) {
				if isScalar(it) && it.Value != "" {
					x.Uses = append(x.Uses, pathRef{Written: it.Value, Abs: journey.CatalogPath(abs, dir, it.Value), At: journey.NodeRange(it)})
				}
			}
		case "baseline":
			if isScalar(v) && v.Value != "" {
				x.Baseline = &pathRef{Written: v.Value, Abs: journey.CatalogPath(abs, dir, v.Value), At: journey.NodeRange(v)}
			}
		case "stages":
			if x.Catalog {
				continue
			}
			for _, st := range seqItems(v) {
				stageID := ""
				if id := scalarAt(st, "id"); id != nil {
					stageID = id.Value
					x.Occ = append(x.Occ, occurrence{Kind: kStage, ID: id.Value, At: journey.NodeRange(id), Def: true, Node: st})
				}
				for _, s := range seqItems(mapValue(st, "steps")) {
					x.step(s, stageID, refList, metrics)
				}
			}
		}
	}
	return x
}

func (x *fileIndex) step(s *yaml.Node, stage string, refList func(string, *yaml.Node), metrics func(*yaml.Node)) {
	if id := scalarAt(s, "id"); id != nil {
		x.Occ = append(x.Occ, occurrence{Kind: kStep, ID: id.Value, At: journey.NodeRange(id), Def: true, Node: s, Stage: stage})
	}
	for _, key := range []string{"touchpoints", "backstage"} {
		for _, c := range seqItems(mapValue(s, key)) {
			if l := scalarAt(c, "lane"); l != nil {
				x.ref(kLane, l)
			}
		}
	}
	refList(kSource, mapValue(s, "sources"))
	refList(kPersona, mapValue(s, "personas"))
	refList(kStep, mapValue(s, "next"))
	for _, q := range seqItems(mapValue(s, "quotes")) {
		if v := scalarAt(q, "source"); v != nil {
			x.ref(kSource, v)
		}
		if v := scalarAt(q, "persona"); v != nil {
			x.ref(kPersona, v)
		}
	}
	metrics(mapValue(s, "metrics"))
	for _, o := range seqItems(mapValue(s, "opportunities")) {
		if id := scalarAt(o, "id"); id != nil {
			x.Occ = append(x.Occ, occurrence{Kind: kOpportunity, ID: id.Value, At: journey.NodeRange(id), Def: true, Node: o})
		}
	}
}

func (x *fileIndex) ref(kind string, n *yaml.Node) {
	if n.Value == "" {
		return
	}
	x.Occ = append(x.Occ, occurrence{Kind: kind, ID: n.Value, At: journey.NodeRange(n)})
}

// mapValue is the value of key in mapping m, nil when absent.
func mapValue(m *yaml.Node, key string) *yaml.Node {
	if m == nil || m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

// mapKey is the key node of key in mapping m, nil when absent.
func mapKey(m *yaml.Node, key string) *yaml.Node {
	if m == nil || m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i]
		}
	}
	return nil
}

// scalarAt is the scalar value of key in m, nil when absent or not a scalar.
func scalarAt(m *yaml.Node, key string) *yaml.Node {
	v := mapValue(m, key)
	if !isScalar(v) {
		return nil
	}
	return v
}

// str is the text of key in m ("" when absent).
func str(m *yaml.Node, key string) string {
	if v := scalarAt(m, key); v != nil {
		return v.Value
	}
	return ""
}

func isScalar(n *yaml.Node) bool { return n != nil && n.Kind == yaml.ScalarNode }

func seqItems(n *yaml.Node) []*yaml.Node {
	if n == nil || n.Kind != yaml.SequenceNode {
		return nil
	}
	return n.Content
}

// entity is what an id names, wherever it is defined: the journey, a
// catalog, or the baseline.
type entity struct {
	Kind, ID string
	Abs      string // the defining file
	At       journey.Range
	Name     string
	Zone     string
	Channel  string
	Title    string
	SrcKind  string
	Date     string
	N        string
	URL      string
	Goal     string
	Action   string
	Catalog  string // the catalog's id when it comes from one
	Node     *yaml.Node
	Stage    string
}

func entityOf(abs string, o occurrence) entity {
	e := entity{Kind: o.Kind, ID: o.ID, Abs: abs, At: o.At, Node: o.Node, Stage: o.Stage}
	n := o.Node
	e.Name, e.Zone, e.Channel = str(n, "name"), str(n, "zone"), str(n, "channel")
	e.Title, e.SrcKind, e.Date, e.N, e.URL = str(n, "title"), str(n, "kind"), str(n, "date"), str(n, "n"), str(n, "url")
	e.Goal, e.Action = str(n, "goal"), str(n, "action")
	if o.Kind == kOpportunity {
		e.Name = str(n, "idea")
	}
	return e
}

// catalogEntities are a loaded catalog's lanes, sources and personas.
func catalogEntities(c *journey.Catalog, abs string) []entity {
	var out []entity
	for _, l := range c.Lanes {
		out = append(out, entity{Kind: kLane, ID: l.ID, Abs: abs, At: l.Loc.Value("id"), Name: l.Name, Zone: l.Zone, Channel: l.Channel, Catalog: c.ID})
	}
	for _, s := range c.Sources {
		e := entity{Kind: kSource, ID: s.ID, Abs: abs, At: s.Loc.Value("id"), Title: s.Title, SrcKind: s.Kind, URL: s.URL, Catalog: c.ID}
		if !s.Date.IsZero() {
			e.Date = s.Date.Format("2006-01-02")
		}
		if s.N > 0 {
			e.N = itoa(s.N)
		}
		out = append(out, e)
	}
	for _, p := range c.Personas {
		out = append(out, entity{Kind: kPersona, ID: p.ID, Abs: abs, At: p.Loc.Value("id"), Name: p.Name, Goal: p.Goal, Catalog: c.ID})
	}
	return out
}

func itoa(n int) string {
	var b [20]byte
	i := len(b)
	neg := n < 0
	if neg {
		n = -n
	}
	for {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
		if n == 0 {
			break
		}
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}

// kindForField says which id kind a value written under key (with the
// enclosing keys, innermost last) refers to, "" when none.
func kindForField(path []string, key string) string {
	parent := ""
	for i := len(path) - 1; i >= 0; i-- {
		if path[i] != "[]" {
			parent = path[i]
			break
		}
	}
	switch key {
	case "lane":
		if parent == "touchpoints" || parent == "backstage" {
			return kLane
		}
	case "sources":
		return kSource
	case "source":
		if parent == "quotes" {
			return kSource
		}
	case "personas":
		if parent == "steps" {
			return kPersona
		}
	case "persona":
		if parent == "quotes" {
			return kPersona
		}
	case "next":
		return kStep
	}
	return ""
}

func trimQuotes(s string) string {
	s = strings.TrimSpace(s)
	if len(s) >= 1 && (s[0] == '"' || s[0] == '\'') {
		s = s[1:]
	}
	if n := len(s); n >= 1 && (s[n-1] == '"' || s[n-1] == '\'') {
		s = s[:n-1]
	}
	return s
}
