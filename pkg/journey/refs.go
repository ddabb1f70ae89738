package journey

import (
	"fmt"
	"path/filepath"
	"sort"

	"github.com/cxmap/cxmap/internal/textsafe"
)

// place is where an id is defined.
type place struct {
	kind string
	file string // the file it is written in
	at   Range
}

// namespace holds the ids of one journey (or catalog) and the catalogs it
// uses, per kind: lanes, sources, personas, steps, stages, opportunities.
type namespace struct {
	p    *problems
	self string // the file being checked
	ids  map[string]map[string]place
	// order lists each kind's ids in definition order, for suggestions.
	order map[string][]string
}

func newNamespace(p *problems, self string) *namespace {
	return &namespace{p: p, self: self, ids: map[string]map[string]place{}, order: map[string][]string{}}
}

// define records id of kind written at `at` in file. reportAt is where, in
// the file being checked, a clash is reported when neither place is in it
// (the `uses` entry of the second catalog).
func (ns *namespace) define(kind, id string, at Range, file string, reportAt ...Range) {
	if id == "" {
		return // missing or not a string: the schema said so
	}
	m := ns.ids[kind]
	if m == nil {
		m = map[string]place{}
		ns.ids[kind] = m
	}
	prev, dup := m[id]
	if !dup {
		m[id] = place{kind, file, at}
		ns.order[kind] = append(ns.order[kind], id)
		return
	}
	switch {
	case prev.file == file && file == ns.self:
		ns.p.add(RuleDuplicateID, at, "%s id %q is already used by the %s at line %d", kind, id, prev.kind, prev.at.Line)
	case prev.file == ns.self:
		ns.p.add(RuleDuplicateID, prev.at, "%s id %q is defined twice: here and in %s:%d:%d (ids from a journey and the catalogs it uses share one namespace: rename one)", kind, id, file, at.Line, at.Col)
	case file == ns.self:
		ns.p.add(RuleDuplicateID, at, "%s id %q is defined twice: here and in %s:%d:%d (ids from a journey and the catalogs it uses share one namespace: rename one)", kind, id, prev.file, prev.at.Line, prev.at.Col)
	default:
		r := at
		if len(reportAt) > 0 {
			r = reportAt[0]
		}
		ns.p.add(RuleDuplicateID, r, "%s id %q is defined twice: in %s:%d:%d and in %s:%d:%d (ids from a journey and the catalogs it uses share one namespace: rename one)", kind, id, prev.file, prev.at.Line, prev.at.Col, file, at.Line, at.Col)
	}
}

func (ns *namespace) has(kind, id string) bool {
	_, ok := ns.ids[kind][id]
	return ok
}

// checkReferences enforces what the schema cannot: unique ids, references
// that resolve, lanes used in the right zone, and the files the journey
// names (catalogs in `uses`, its `baseline`).
func checkReferences(p *problems, j *Journey, cats *Catalogs) {
	ns := newNamespace(p, j.Path)
	if j.Persona != nil && len(j.Personas) > 0 {
		p.add(RuleSchema, j.Loc.Key("personas"), "persona and personas are both written: use persona for one persona or personas for several, not both (move the persona into the personas list with an id)")
	}
	defineOwn(ns, j)
	loadCatalogs(p, j, ns, cats)
	checkBaseline(p, j, cats)

	rc := newRefChecker(p, j, ns)
	for _, m := range j.KPIs {
		for _, src := range m.Sources {
			rc.source(src)
		}
	}
	for _, st := range j.Stages {
		for _, s := range st.Steps {
			rc.step(s)
		}
	}
	rc.mergeCited()
}

// defineOwn defines the journey's own ids: lanes, sources, personas,
// stages, steps, and then opportunities.
func defineOwn(ns *namespace, j *Journey) {
	self := j.Path
	for _, l := range j.Lanes {
		ns.define("lane", l.ID, l.Loc.Value("id"), self)
	}
	for _, s := range j.Sources {
		ns.define("source", s.ID, s.Loc.Value("id"), self)
	}
	for _, pe := range j.Personas {
		ns.define("persona", pe.ID, pe.Loc.Value("id"), self)
	}
	for _, st := range j.Stages {
		ns.define("stage", st.ID, st.Loc.Value("id"), self)
		for _, s := range st.Steps {
			ns.define("step", s.ID, s.Loc.Value("id"), self)
		}
	}
	for _, st := range j.Stages {
		for _, s := range st.Steps {
			for _, o := range s.Opportunities {
				ns.define("opportunity", o.ID, o.Loc.Value("id"), self)
			}
		}
	}
}

// refChecker checks what a journey's steps cite, and remembers which
// catalog entries they use.
type refChecker struct {
	p        *problems
	j        *Journey
	ns       *namespace
	byID     map[string]*Lane // the journey's own lanes
	catLanes map[string]*Lane // its catalogs' lanes
	// usedLanes, usedSources and usedPersonas are the ids cited.
	usedLanes, usedSources, usedPersonas map[string]bool
}

func newRefChecker(p *problems, j *Journey, ns *namespace) *refChecker {
	rc := &refChecker{p: p, j: j, ns: ns, byID: map[string]*Lane{}, catLanes: map[string]*Lane{},
		usedLanes: map[string]bool{}, usedSources: map[string]bool{}, usedPersonas: map[string]bool{}}
	for i := range j.Lanes {
		if _, ok := rc.byID[j.Lanes[i].ID]; !ok {
			rc.byID[j.Lanes[i].ID] = &j.Lanes[i]
		}
	}
	for _, c := range j.Catalogs {
		for i := range c.Lanes {
			if _, ok := rc.catLanes[c.Lanes[i].ID]; !ok {
				rc.catLanes[c.Lanes[i].ID] = &c.Lanes[i]
			}
		}
	}
	return rc
}

// step checks everything one step cites: its contacts' lanes, sources,
// personas, quotes, metrics and next steps.
func (rc *refChecker) step(s Step) {
	p, ns := rc.p, rc.ns
	for _, c := range s.Touchpoints {
		rc.lane(c, true)
	}
	for _, c := range s.Backstage {
		rc.lane(c, false)
	}
	for _, src := range s.Sources {
		rc.source(src)
	}
	for _, pe := range s.Personas {
		rc.persona(pe)
	}
	for _, q := range s.Quotes {
		rc.source(q.Source)
		rc.persona(q.Persona)
	}
	for _, m := range s.Metrics {
		for _, src := range m.Sources {
			rc.source(src)
		}
		if m.Lane.Value != "" {
			rc.usedLanes[m.Lane.Value] = true
			if !ns.has("lane", m.Lane.Value) {
				p.add(RuleUnknownRef, m.Lane.At, "lane %q is not defined under lanes:%s", m.Lane.Value, didYouMean(m.Lane.Value, ns.order["lane"]))
			}
		}
	}
	for _, n := range s.Next {
		if !ns.has("step", n.Value) {
			p.add(RuleUnknownRef, n.At, "next step %q is not defined%s", n.Value, didYouMean(n.Value, ns.order["step"]))
		}
	}
}

// lane checks a touchpoint's or backstage entry's lane: defined (by the
// journey or a catalog), and in the zone its kind of entry needs.
func (rc *refChecker) lane(c Contact, touchpoint bool) {
	p := rc.p
	if c.Lane.Value == "" {
		return // missing or not a string: the schema said so
	}
	l, ok := rc.byID[c.Lane.Value]
	if !ok {
		l, ok = rc.catLanes[c.Lane.Value]
		if ok {
			rc.usedLanes[l.ID] = true
		}
	}
	if !ok {
		p.add(RuleUnknownRef, c.Lane.At, "lane %q is not defined%s", c.Lane.Value, didYouMean(c.Lane.Value, rc.ns.order["lane"]))
		return
	}
	if l.Zone != Frontstage && l.Zone != Backstage && l.Zone != Support {
		return // no zone, or not one of the three: the schema said so
	}
	if touchpoint && l.Zone != Frontstage {
		p.add(RuleWrongZone, c.Lane.At, "touchpoint lane %q is %s: touchpoints are what the customer meets, so their lane must be frontstage (move this entry to backstage:, or change the lane's zone)", l.ID, l.Zone)
	}
	if !touchpoint && l.Zone == Frontstage {
		p.add(RuleWrongZone, c.Lane.At, "backstage lane %q is frontstage: backstage entries happen out of the customer's sight, so their lane must be backstage or support (move this entry to touchpoints:, or change the lane's zone)", l.ID)
	}
}

func (rc *refChecker) source(t Text) {
	rc.usedSources[t.Value] = true
	if t.Value != "" && !rc.ns.has("source", t.Value) {
		rc.p.add(RuleUnknownRef, t.At, "source %q is not defined under sources:%s", t.Value, didYouMean(t.Value, rc.ns.order["source"]))
	}
}

func (rc *refChecker) persona(t Text) {
	rc.usedPersonas[t.Value] = true
	if t.Value == "" || rc.ns.has("persona", t.Value) {
		return
	}
	hint := didYouMean(t.Value, rc.ns.order["persona"])
	if rc.j.Persona != nil && len(rc.ns.order["persona"]) == 0 {
		hint = " (the single persona: has no id: write personas: with ids to cite them)"
	}
	rc.p.add(RuleUnknownRef, t.At, "persona %q is not defined under personas:%s", t.Value, hint)
}

// mergeCited merges what the journey cites from its catalogs, in catalog
// order, after its own entries: later stages see one list.
func (rc *refChecker) mergeCited() {
	j := rc.j
	own := map[string]bool{}
	for _, l := range j.Lanes {
		own["lane "+l.ID] = true
	}
	for _, s := range j.Sources {
		own["source "+s.ID] = true
	}
	for _, c := range j.Catalogs {
		for _, l := range c.Lanes {
			if rc.usedLanes[l.ID] && !own["lane "+l.ID] {
				own["lane "+l.ID] = true
				j.Lanes = append(j.Lanes, l)
			}
		}
		for _, s := range c.Sources {
			if rc.usedSources[s.ID] && !own["source "+s.ID] {
				own["source "+s.ID] = true
				j.Sources = append(j.Sources, s)
			}
		}
		for _, pe := range c.Personas {
			if rc.usedPersonas[pe.ID] && !own["persona "+pe.ID] {
				own["persona "+pe.ID] = true
				j.CatalogPersonas = append(j.CatalogPersonas, pe)
			}
		}
	}
}

// loadCatalogs reads the catalogs named in `uses` (through the run's cache)
// and adds their ids to the namespace.
func loadCatalogs(p *problems, j *Journey, ns *namespace, cats *Catalogs) {
	if len(j.Uses) == 0 {
		return
	}
	if cats == nil {
		cats = NewCatalogs()
	}
	seen := map[string]Range{}
	for _, u := range j.Uses {
		path := relTo(j.Path, j.baseDir, u.Value)
		if prev, dup := seen[path]; dup {
			p.add(RuleSchema, u.At, "catalog %q is already listed in uses: at line %d", u.Value, prev.Line)
			continue
		}
		seen[path] = u.At
		if j.Path != "-" && samePath(path, j.Path) {
			p.add(RuleUnknownRef, u.At, "uses: names this file itself: uses: names catalog files (root key `cxmap-catalog: 1`)")
			continue
		}
		e := cats.get(path)
		switch {
		case e.problem != "":
			p.add(RuleUnknownRef, u.At, "catalog %s %s", path, e.problem)
			continue
		case e.cat == nil:
			p.add(RuleUnknownRef, u.At, "catalog %s is not valid (%s): fix it, then this journey can use it", path, textsafe.Plural(len(e.fs), "error", "errors"))
			p.list = append(p.list, e.fs...)
			continue
		}
		c := e.cat
		j.Catalogs = append(j.Catalogs, c)
		for _, l := range c.Lanes {
			ns.define("lane", l.ID, l.Loc.Value("id"), c.Path, u.At)
		}
		for _, s := range c.Sources {
			ns.define("source", s.ID, s.Loc.Value("id"), c.Path, u.At)
		}
		for _, pe := range c.Personas {
			ns.define("persona", pe.ID, pe.Loc.Value("id"), c.Path, u.At)
		}
	}
}

// checkBaseline checks that `baseline` names a journey file. The baseline
// is not validated here (it is checked when it is named itself); only its
// root is read, to tell a journey from a catalog or another file, once per
// run through the cache (a baseline named by many journeys is read once).
func checkBaseline(p *problems, j *Journey, cats *Catalogs) {
	b := j.Baseline
	if b.Value == "" {
		return
	}
	path := j.BaselinePath()
	if j.Path != "-" && samePath(path, j.Path) {
		p.add(RuleUnknownRef, b.At, "baseline names this file itself: it should name the current-state journey this one improves on")
		return
	}
	if cats == nil {
		cats = NewCatalogs()
	}
	e := cats.baseline(path)
	switch {
	case e.err != nil:
		p.add(RuleUnknownRef, b.At, "baseline %s %v", path, e.err)
	case e.kind == baselineNotYAML:
		p.add(RuleUnknownRef, b.At, "baseline %s is not a journey file (it cannot be read as YAML: run cxmap validate on it)", path)
	case e.kind == baselineCatalog:
		p.add(RuleUnknownRef, b.At, "baseline %s is a catalog, not a journey: baseline names the current-state journey file (catalogs go in uses:)", path)
	case e.kind == baselineOther:
		p.add(RuleUnknownRef, b.At, "baseline %s is not a journey file (its root has no `cxmap:` key)", path)
	}
}

func samePath(a, b string) bool {
	aa, err1 := filepath.Abs(a)
	bb, err2 := filepath.Abs(b)
	return err1 == nil && err2 == nil && aa == bb
}

func sortStrings(s []string) { sort.Strings(s) }

func didYouMean(s string, candidates []string) string {
	if m := suggest(s, candidates); m != "" {
		return fmt.Sprintf("; did you mean %q?", m)
	}
	if len(candidates) == 0 {
		return " (none are defined)"
	}
	return ""
}
