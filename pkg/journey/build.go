package journey

import (
	"math"
	"strings"
	"time"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// build turns a document that already passed the schema into the model. It
// trusts the types the schema checked and records where everything is.
func build(path string, raw []byte, doc *yaml.Node) *Journey {
	root := resolve(doc.Content[0])
	j := &Journey{Path: path, Raw: raw, Doc: doc, State: Current, Loc: locOf(root)}
	eachKey(root, func(k string, v *yaml.Node) {
		switch k {
		case "cxmap":
			j.Version = intOf(v)
		case "id":
			j.ID = v.Value
		case "title":
			j.Title = v.Value
		case "state":
			j.State = v.Value
		case "owner":
			j.Owner = v.Value
		case "client":
			j.Client = v.Value
		case "updated":
			j.Updated, _ = time.Parse("2006-01-02", v.Value)
		case "tags":
			j.Tags = strs(v)
		case "description":
			j.Description = v.Value
		case "persona":
			p := buildPersona(v)
			j.Persona = &p
		case "personas":
			for _, n := range items(v) {
				j.Personas = append(j.Personas, buildPersona(n))
			}
		case "kpis":
			for _, n := range items(v) {
				j.KPIs = append(j.KPIs, buildMetric(n))
			}
		case "baseline":
			if v.Kind == yaml.ScalarNode && v.ShortTag() == "!!str" {
				j.Baseline = Text{Value: v.Value, At: rangeOf(v)}
			}
		case "uses":
			j.Uses = texts(v)
		case "sources":
			for _, n := range items(v) {
				j.Sources = append(j.Sources, buildSource(n))
			}
		case "lanes":
			for _, n := range items(v) {
				j.Lanes = append(j.Lanes, buildLane(n))
			}
		case "stages":
			for _, n := range items(v) {
				j.Stages = append(j.Stages, buildStage(n))
			}
		}
	})
	return j
}

func buildPersona(v *yaml.Node) Persona {
	p := Persona{Loc: locOf(v)}
	eachKey(v, func(k string, v *yaml.Node) {
		switch k {
		case "id":
			p.ID = v.Value
		case "name":
			p.Name = v.Value
		case "goal":
			p.Goal = v.Value
		case "expectations":
			p.Expectations = strs(v)
		}
	})
	return p
}

func buildSource(n *yaml.Node) Source {
	s := Source{Loc: locOf(n)}
	eachKey(n, func(k string, v *yaml.Node) {
		switch k {
		case "id":
			s.ID = v.Value
		case "kind":
			s.Kind = v.Value
		case "title":
			s.Title = v.Value
		case "url":
			s.URL = v.Value
		case "date":
			s.Date, _ = time.Parse("2006-01-02", v.Value)
		case "n":
			s.N = intOf(v)
		}
	})
	return s
}

func buildLane(n *yaml.Node) Lane {
	l := Lane{Loc: locOf(n)}
	eachKey(n, func(k string, v *yaml.Node) {
		switch k {
		case "id":
			l.ID = v.Value
		case "name":
			l.Name = v.Value
		case "zone":
			l.Zone = v.Value
		case "channel":
			l.Channel = v.Value
		}
	})
	return l
}

func buildMetric(mn *yaml.Node) Metric {
	m := Metric{Better: "higher", Loc: locOf(mn)}
	eachKey(mn, func(k string, v *yaml.Node) {
		switch k {
		case "name":
			m.Name = v.Value
		case "unit":
			m.Unit = v.Value
		case "current":
			m.Current = num(v)
		case "target":
			m.Target = num(v)
		case "better":
			m.Better = v.Value
		case "sources":
			m.Sources = texts(v)
		case "n":
			m.N = intOf(v)
		case "interval":
			if c := items(v); len(c) == 2 {
				lo, hi := num(c[0]), num(c[1])
				if lo != nil && hi != nil {
					m.Interval = &[2]float64{*lo, *hi}
				}
			}
		case "lane":
			if v.Kind == yaml.ScalarNode {
				m.Lane = Text{Value: v.Value, At: rangeOf(v)}
			}
		}
	})
	return m
}

func buildStage(n *yaml.Node) Stage {
	st := Stage{Loc: locOf(n)}
	eachKey(n, func(k string, v *yaml.Node) {
		switch k {
		case "id":
			st.ID = v.Value
		case "name":
			st.Name = v.Value
		case "steps":
			for _, sn := range items(v) {
				st.Steps = append(st.Steps, buildStep(sn))
			}
		}
	})
	return st
}

func buildStep(n *yaml.Node) Step {
	s := Step{Loc: locOf(n)}
	eachKey(n, func(k string, v *yaml.Node) {
		switch k {
		case "id":
			s.ID = v.Value
		case "action":
			s.Action = v.Value
		case "touchpoints":
			s.Touchpoints = contacts(v)
		case "backstage":
			s.Backstage = contacts(v)
		case "evidence":
			s.Evidence = strs(v)
		case "rating":
			s.Rating = v.Value
		case "critical":
			s.Critical = v.Value == "true"
		case "emotion":
			e := intOf(v)
			s.Emotion = &e
		case "sources":
			s.Sources = texts(v)
		case "pains":
			s.Pains = strs(v)
		case "personas":
			s.Personas = texts(v)
		case "duration":
			if v.Kind == yaml.ScalarNode && v.ShortTag() == "!!str" {
				d, _ := ParseDuration(v.Value)
				s.Duration = Duration{Text: v.Value, D: d, At: rangeOf(v)}
			}
		case "quotes":
			for _, qn := range items(v) {
				q := Quote{Loc: locOf(qn)}
				eachKey(qn, func(k string, v *yaml.Node) {
					switch k {
					case "text":
						q.Text = v.Value
					case "source":
						q.Source = textOf(v)
					case "persona":
						q.Persona = textOf(v)
					}
				})
				s.Quotes = append(s.Quotes, q)
			}
		case "opportunities":
			for _, on := range items(v) {
				o := Opportunity{Loc: locOf(on)}
				eachKey(on, func(k string, v *yaml.Node) {
					switch k {
					case "id":
						o.ID = v.Value
					case "idea":
						o.Idea = v.Value
					case "owner":
						o.Owner = v.Value
					case "priority":
						o.Priority = v.Value
					case "impact":
						o.Impact = intOf(v)
					case "effort":
						o.Effort = intOf(v)
					case "status":
						o.Status = v.Value
					}
				})
				s.Opportunities = append(s.Opportunities, o)
			}
		case "metrics":
			for _, mn := range items(v) {
				s.Metrics = append(s.Metrics, buildMetric(mn))
			}
		case "next":
			s.Next = texts(v)
			if s.Next == nil {
				s.Next = []Text{}
			}
		}
	})
	return s
}

func contacts(v *yaml.Node) []Contact {
	var out []Contact
	for _, n := range items(v) {
		c := Contact{Loc: locOf(n)}
		eachKey(n, func(k string, v *yaml.Node) {
			switch k {
			case "lane":
				if v.Kind == yaml.ScalarNode && v.ShortTag() == "!!str" {
					c.Lane = Text{Value: v.Value, At: rangeOf(v)}
				}
			case "does":
				c.Does = v.Value
			case "rating":
				c.Rating = v.Value
			}
		})
		out = append(out, c)
	}
	return out
}

// resolve follows an alias to the node it names.
func resolve(n *yaml.Node) *yaml.Node {
	for n != nil && n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	return n
}

// eachKey calls fn for every key of a mapping, in file order. Merge keys
// (`<<`) are not supported by the schema, so they never reach here.
func eachKey(m *yaml.Node, fn func(key string, value *yaml.Node)) {
	m = resolve(m)
	if m == nil || m.Kind != yaml.MappingNode {
		return
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		fn(m.Content[i].Value, resolve(m.Content[i+1]))
	}
}

func items(n *yaml.Node) []*yaml.Node {
	n = resolve(n)
	if n == nil || n.Kind != yaml.SequenceNode {
		return nil
	}
	out := make([]*yaml.Node, len(n.Content))
	for i, c := range n.Content {
		out[i] = resolve(c)
	}
	return out
}

func strs(n *yaml.Node) []string {
	var out []string
	for _, c := range items(n) {
		out = append(out, c.Value)
	}
	return out
}

// textOf reads one id; a value that is not a string was reported by the
// schema and reads as "".
func textOf(c *yaml.Node) Text {
	if c.Kind == yaml.ScalarNode && c.ShortTag() == "!!str" {
		return Text{Value: c.Value, At: rangeOf(c)}
	}
	return Text{}
}

// texts reads a list of ids. Items that are not strings were reported by the
// schema and are left out, so that they are not reported again as unknown.
func texts(n *yaml.Node) []Text {
	var out []Text
	for _, c := range items(n) {
		if c.Kind == yaml.ScalarNode && c.ShortTag() == "!!str" {
			out = append(out, Text{Value: c.Value, At: rangeOf(c)})
		}
	}
	return out
}

// num reads a number the way the schema saw it (0x10, 1_000 and 1e3 included).
func num(n *yaml.Node) *float64 {
	switch v := scalar(n).(type) {
	case int64:
		f := float64(v)
		return &f
	case float64:
		return &v
	}
	return nil
}

// intOf reads an integer the way the schema accepted it: 2, 0x2, 2.0, 2e0.
func intOf(n *yaml.Node) int {
	switch v := scalar(n).(type) {
	case int64:
		return int(v)
	case float64:
		if v == math.Trunc(v) && math.Abs(v) < 1<<53 {
			return int(v)
		}
	}
	return 0
}

// locOf records a node's range and keeps the node for key look-ups.
func locOf(n *yaml.Node) Loc {
	return Loc{Range: rangeOf(n), node: n}
}

// rangeOf estimates a node's extent. yaml.v3 records only where a node
// starts, so the end is derived: a single-line scalar ends after its text
// (plus quotes), a collection ends where its last child ends.
func rangeOf(n *yaml.Node) Range {
	r := Range{Line: n.Line, Col: n.Column, EndLine: n.Line, EndCol: n.Column + 1}
	switch n.Kind {
	case yaml.ScalarNode:
		if n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 || strings.Contains(n.Value, "\n") {
			r.EndCol = n.Column + 1
			return r
		}
		w := utf8.RuneCountInString(n.Value)
		if n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 {
			w += 2
		}
		if w < 1 {
			w = 1
		}
		r.EndCol = n.Column + w
	case yaml.MappingNode, yaml.SequenceNode:
		if len(n.Content) > 0 {
			last := rangeOf(n.Content[len(n.Content)-1])
			r.EndLine, r.EndCol = last.EndLine, last.EndCol
		}
	case yaml.AliasNode:
		r.EndCol = n.Column + 1 + utf8.RuneCountInString(n.Value)
	}
	return r
}
