package measure

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/cxmap/cxmap/pkg/yamledit"
	"go.yaml.in/yaml/v3"
)

// Recorded counts what Record wrote into one journey.
type Recorded struct {
	Metrics, KPIs, Sources int // entries added or updated
}

func (r Recorded) String() string {
	return fmt.Sprintf("%d step metrics, %d KPIs, %d sources", r.Metrics, r.KPIs, r.Sources)
}

// Record writes the figures of journey jid into its file's text src
// through the editing layer (pkg/yamledit: comments and layout kept) and
// returns the new text (docs/measure.md, "What --write records"):
//
//   - a source per data file with answers for the journey: id
//     SourceID(file), kind survey, title SourceTitle(file), date the
//     newest answer, n the respondents (answers without a respondent
//     column);
//   - per step and touchpoint NPS, CSAT or CES figure (every respondent),
//     a step metric with current, n, interval and the sources, the
//     touchpoint's naming its lane (not when all the step's answers are
//     about that one touchpoint: the step's metric says it);
//   - per journey-level NPS, CSAT or CES question, a KPI.
//
// Entries already there are updated in place (target, better and anything
// else kept), so running it again with new data moves the same entries. A
// new metric or KPI gets the green threshold of t as its target.
func (c *Collector) Record(path string, src []byte, jid string, figs []Figure, t Thresholds) ([]byte, Recorded, error) {
	var rec Recorded
	doc, err := yamledit.Parse(path, src)
	if err != nil {
		return nil, rec, err
	}
	// Sources: one per file that has answers for this journey.
	ids := map[int]string{}
	for fi, f := range c.files {
		sm := f.Journeys[jid]
		if sm == nil || sm.Answers == 0 {
			continue
		}
		id := SourceID(f.Path)
		ids[fi] = id
		n := sm.Respondents
		if n == 0 {
			n = sm.Answers
		}
		base := yamledit.P("sources", "id="+id)
		if _, ok := doc.Get(base); ok {
			if err := doc.Set(append(base, "kind"), "survey"); err != nil {
				return nil, rec, err
			}
			if !sm.Last.IsZero() {
				if err := doc.Set(append(base, "date"), scalar("!!timestamp", sm.Last.Format("2006-01-02"))); err != nil {
					return nil, rec, err
				}
			}
			if err := doc.Set(append(base, "n"), n); err != nil {
				return nil, rec, err
			}
		} else {
			m := mapping("id", scalar("!!str", id), "kind", scalar("!!str", "survey"), "title", scalar("!!str", SourceTitle(f.Path)))
			if !sm.Last.IsZero() {
				m.Content = append(m.Content, key("date"), scalar("!!timestamp", sm.Last.Format("2006-01-02")))
			}
			m.Content = append(m.Content, key("n"), number(float64(n)))
			if err := doc.Append(yamledit.P("sources"), m); err != nil {
				return nil, rec, err
			}
		}
		rec.Sources++
	}
	stageOf := stagesOf(doc)
	// A touchpoint whose answers are all of its step's says nothing the
	// step's metric does not: it is not written twice.
	stepN := map[[2]string]int{}
	for _, f := range figs {
		if f.Journey == jid && f.Scope == ScopeStep && f.Segment == "" {
			stepN[[2]string{f.Step, f.Metric}] = f.N
		}
	}
	for _, f := range figs {
		if f.Scope == ScopeTouchpoint && stepN[[2]string{f.Step, f.Metric}] == f.N {
			continue
		}
		if f.Journey != jid || f.Segment != "" || f.Kind == KindQuestion || f.Pooled {
			continue
		}
		var srcs []string
		for _, fi := range f.Files {
			if id, ok := ids[fi]; ok {
				srcs = append(srcs, id)
			}
		}
		switch f.Scope {
		case ScopeJourney:
			list := yamledit.P("kpis")
			i := findKPI(doc, f.Name())
			if err := upsert(doc, list, i, f, srcs, t); err != nil {
				return nil, rec, err
			}
			rec.KPIs++
		case ScopeStep, ScopeTouchpoint:
			stage, ok := stageOf[f.Step]
			if !ok {
				continue
			}
			list := yamledit.P("stages", "id="+stage, "steps", "id="+f.Step, "metrics")
			i := findMetric(doc, list, f.Name(), f.Lane)
			if err := upsert(doc, list, i, f, srcs, t); err != nil {
				return nil, rec, err
			}
			rec.Metrics++
		}
	}
	return doc.Bytes(), rec, nil
}

// upsert updates item i of the metric list at list with f, or appends a
// new metric when i < 0.
func upsert(doc *yamledit.Doc, list yamledit.Path, i int, f Figure, srcs []string, t Thresholds) error {
	interval := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Style: yaml.FlowStyle, Content: []*yaml.Node{number(f.Low), number(f.High)}}
	if i < 0 {
		m := mapping("name", scalar("!!str", f.Name()))
		if f.Lane != "" {
			m.Content = append(m.Content, key("lane"), scalar("!!str", f.Lane))
		}
		if u := f.Unit(); u != "" {
			m.Content = append(m.Content, key("unit"), scalar("!!str", u))
		}
		m.Content = append(m.Content, key("current"), number(f.Score), key("target"), number(t.Green(f.Kind)))
		if f.Kind == KindCES {
			m.Content = append(m.Content, key("better"), scalar("!!str", "lower"))
		}
		m.Content = append(m.Content, key("n"), number(float64(f.N)), key("interval"), interval)
		if len(srcs) > 0 {
			m.Content = append(m.Content, key("sources"), flow(srcs))
		}
		return doc.Append(list, m)
	}
	item := append(append(yamledit.Path(nil), list...), strconv.Itoa(i))
	at := func(k string) yamledit.Path { return append(append(yamledit.Path(nil), item...), k) }
	if err := doc.Set(at("current"), number(f.Score)); err != nil {
		return err
	}
	if err := doc.Set(at("n"), number(float64(f.N))); err != nil {
		return err
	}
	if err := doc.Set(at("interval"), interval); err != nil {
		return err
	}
	if u := f.Unit(); u != "" {
		if _, ok := doc.Get(at("unit")); !ok {
			if err := doc.Set(at("unit"), scalar("!!str", u)); err != nil {
				return err
			}
		}
	}
	have := map[string]bool{}
	n, ok := doc.Get(at("sources"))
	if !ok && len(srcs) > 0 {
		return doc.Set(at("sources"), flow(srcs))
	}
	if ok && n.Kind == yaml.SequenceNode {
		for _, c := range n.Content {
			have[c.Value] = true
		}
	}
	for _, s := range srcs {
		if !have[s] {
			if err := doc.Append(at("sources"), scalar("!!str", s)); err != nil {
				return err
			}
		}
	}
	return nil
}

// stagesOf maps each step id to its stage id, from the file's nodes.
func stagesOf(doc *yamledit.Doc) map[string]string {
	out := map[string]string{}
	stages, ok := doc.Get(yamledit.P("stages"))
	if !ok || stages.Kind != yaml.SequenceNode {
		return out
	}
	for _, st := range stages.Content {
		sid := field(st, "id")
		steps := fieldNode(st, "steps")
		if sid == "" || steps == nil {
			continue
		}
		for _, s := range steps.Content {
			if id := field(s, "id"); id != "" {
				out[id] = sid
			}
		}
	}
	return out
}

// findMetric is the index of the metric named name (any case) on lane in
// the list at list, or -1.
func findMetric(doc *yamledit.Doc, list yamledit.Path, name, lane string) int {
	n, ok := doc.Get(list)
	if !ok || n.Kind != yaml.SequenceNode {
		return -1
	}
	for i, m := range n.Content {
		if strings.EqualFold(field(m, "name"), name) && field(m, "lane") == lane {
			return i
		}
	}
	return -1
}

// findKPI is the index of the KPI named name (any case), or else of the
// one KPI whose name has it as a word ("Claimant NPS"), or -1.
func findKPI(doc *yamledit.Doc, name string) int {
	n, ok := doc.Get(yamledit.P("kpis"))
	if !ok || n.Kind != yaml.SequenceNode {
		return -1
	}
	word := regexp.MustCompile(`(?i)\b` + regexp.QuoteMeta(name) + `\b`)
	found := -1
	for i, m := range n.Content {
		k := field(m, "name")
		if strings.EqualFold(k, name) {
			return i
		}
		if word.MatchString(k) {
			if found >= 0 {
				found = -2 // two candidates: neither
			} else if found == -1 {
				found = i
			}
		}
	}
	if found < 0 {
		return -1
	}
	return found
}

func fieldNode(m *yaml.Node, k string) *yaml.Node {
	if m == nil || m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == k {
			return m.Content[i+1]
		}
	}
	return nil
}

func field(m *yaml.Node, k string) string {
	if n := fieldNode(m, k); n != nil && n.Kind == yaml.ScalarNode {
		return n.Value
	}
	return ""
}

func key(k string) *yaml.Node { return scalar("!!str", k) }

func scalar(tag, v string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: v} }

func number(v float64) *yaml.Node {
	if v == float64(int64(v)) {
		return scalar("!!int", strconv.FormatInt(int64(v), 10))
	}
	return scalar("!!float", strconv.FormatFloat(v, 'f', -1, 64))
}

func mapping(kv ...any) *yaml.Node {
	m := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	for i := 0; i+1 < len(kv); i += 2 {
		m.Content = append(m.Content, key(kv[i].(string)), kv[i+1].(*yaml.Node))
	}
	return m
}

func flow(items []string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Style: yaml.FlowStyle}
	for _, s := range items {
		n.Content = append(n.Content, scalar("!!str", s))
	}
	return n
}
