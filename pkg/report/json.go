package report

import (
	"bufio"
	"encoding/json"
	"errors"
	"io"

	"github.com/cxmap/cxmap/internal/par"
	"github.com/cxmap/cxmap/pkg/journey"
)

// The JSON format: private structs mirror the documented output
// (docs/report.md, "JSON"), so renaming a Go field never changes the output.
// Lists are always [] (never null); a missing number is null.

type jsonReport struct {
	Journeys    []jsonJourney   `json:"journeys"`
	Portfolio   []jsonPortfolio `json:"portfolio"`
	Total       jsonSummary     `json:"total"`
	TotalFuture jsonSummary     `json:"totalFuture"`
}

type jsonJourney struct {
	Path     string `json:"path"`
	ID       string `json:"id"`
	Title    string `json:"title"`
	State    string `json:"state"`
	Owner    string `json:"owner"`
	Client   string `json:"client"`
	Baseline string `json:"baseline"`
	// Compare is the comparison with the baseline (absent when none).
	Compare *jsonCompare  `json:"comparison,omitempty"`
	Summary jsonSummary   `json:"summary"`
	KPIs    []jsonMetric  `json:"kpis"`
	Stages  []jsonStage   `json:"stages"`
	Steps   []jsonStepGap `json:"steps"`
}

// jsonCompare is a Comparison: the step classes as in cxmap diff -f json
// (steps by class) and the words.
type jsonCompare struct {
	Baseline string         `json:"baseline"`
	Steps    map[string]int `json:"steps"`
	Headline string         `json:"headline"`
	Else     string         `json:"else"`
}

type jsonStage struct {
	ID      string      `json:"id"`
	Name    string      `json:"name"`
	Summary jsonSummary `json:"summary"`
}

type jsonSummary struct {
	Steps          int `json:"steps"`
	Green          int `json:"green"`
	Yellow         int `json:"yellow"`
	Red            int `json:"red"`
	Unrated        int `json:"unrated"`
	Critical       int `json:"critical"`
	CriticalAtRisk int `json:"criticalAtRisk"`
	Opportunities  int `json:"opportunities"`
	Unowned        int `json:"opportunitiesWithoutOwner"`
	Metrics        int `json:"metrics"`
	MetricsSet     int `json:"metricsWithTarget"`
	MetricsMet     int `json:"metricsMet"`
	EntriesAtRisk  int `json:"entriesAtRisk"`
	// StepsWithDuration and DurationMinutes: the steps with a duration
	// and their sum (null when no step has one).
	StepsWithDuration int      `json:"stepsWithDuration"`
	DurationMinutes   *float64 `json:"durationMinutes"`
}

type jsonStepGap struct {
	Stage         string            `json:"stage"`
	StageName     string            `json:"stageName"`
	ID            string            `json:"id"`
	Action        string            `json:"action"`
	Rating        string            `json:"rating"`
	Critical      bool              `json:"critical"`
	Rank          int               `json:"rank"`
	Emotion       *int              `json:"emotion"`
	Duration      *string           `json:"duration"`
	DurationMin   *float64          `json:"durationMinutes"`
	Touchpoints   []string          `json:"touchpoints"`
	EntriesAtRisk []jsonEntry       `json:"entriesAtRisk"`
	Quotes        []jsonQuote       `json:"quotes"`
	Pains         []string          `json:"pains"`
	Opportunities []jsonOpportunity `json:"opportunities"`
	Metrics       []jsonMetric      `json:"metrics"`
	Line          int               `json:"line"`
}

type jsonOpportunity struct {
	Idea     string `json:"idea"`
	Owner    string `json:"owner"`
	ID       string `json:"id"`
	Priority string `json:"priority"`
	Impact   *int   `json:"impact"`
	Effort   *int   `json:"effort"`
	Status   string `json:"status"`
}

type jsonEntry struct {
	Lane   string `json:"lane"`
	Name   string `json:"name"`
	Kind   string `json:"kind"` // touchpoint or backstage
	Does   string `json:"does"`
	Rating string `json:"rating"`
}

type jsonQuote struct {
	Text    string `json:"text"`
	Source  string `json:"source"`
	Persona string `json:"persona"`
}

type jsonMetric struct {
	Name    string   `json:"name"`
	Unit    string   `json:"unit"`
	Current *float64 `json:"current"`
	Target  *float64 `json:"target"`
	Better  string   `json:"better"`
	Gap     *float64 `json:"gap"`
	Met     *bool    `json:"met"`
}

type jsonPortfolio struct {
	Path     string      `json:"path"`
	ID       string      `json:"id"`
	Title    string      `json:"title"`
	State    string      `json:"state"`
	Client   string      `json:"client"`
	Baseline string      `json:"baseline"`
	Paired   bool        `json:"paired"`
	Summary  jsonSummary `json:"summary"`
}

// JSON writes the report as one indented JSON object. The journeys are
// independent, so each is encoded on its own core and the pieces are joined:
// the bytes are those of encoding the whole object at once (a test checks),
// and a large portfolio costs a fraction of the time.
func JSON(w io.Writer, r *Report, _ FormatOptions) error {
	parts := make([][]byte, len(r.Journeys))
	errs := make([]error, len(r.Journeys))
	par.For(len(r.Journeys), 0, func(i int) {
		parts[i], errs[i] = marshalIndent(jsonJourneyOf(&r.Journeys[i]), "    ", "  ")
	})
	if err := errors.Join(errs...); err != nil {
		return err
	}
	portfolio := make([]jsonPortfolio, 0, len(r.Portfolio))
	for _, p := range r.Portfolio {
		portfolio = append(portfolio, jsonPortfolio{Path: p.Path, ID: p.ID, Title: p.Title, State: p.State,
			Client: p.Client, Baseline: p.Baseline, Paired: p.Paired, Summary: jsonSum(p.Summary)})
	}
	pb, err := marshalIndent(portfolio, "  ", "  ")
	if err != nil {
		return err
	}
	tb, err := marshalIndent(jsonSum(r.Total), "  ", "  ")
	if err != nil {
		return err
	}
	fb, err := marshalIndent(jsonSum(r.TotalFuture), "  ", "  ")
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(w, 1<<16)
	bw.WriteString("{\n  \"journeys\": [")
	for i, p := range parts {
		if i > 0 {
			bw.WriteString(",")
		}
		bw.WriteString("\n    ")
		bw.Write(p)
	}
	if len(parts) > 0 {
		bw.WriteString("\n  ")
	}
	bw.WriteString("],\n  \"portfolio\": ")
	bw.Write(pb)
	bw.WriteString(",\n  \"total\": ")
	bw.Write(tb)
	bw.WriteString(",\n  \"totalFuture\": ")
	bw.Write(fb)
	bw.WriteString("\n}\n")
	return bw.Flush()
}

func jsonJourneyOf(j *JourneyReport) jsonJourney {
	jj := jsonJourney{Path: j.Path, ID: j.ID, Title: j.Title, State: j.State, Owner: j.Owner, Client: j.Client, Baseline: j.Baseline,
		Summary: jsonSum(j.Summary), KPIs: make([]jsonMetric, 0, len(j.KPIs)),
		Stages: make([]jsonStage, 0, len(j.Stages)), Steps: make([]jsonStepGap, 0, len(j.Steps))}
	for _, m := range j.KPIs {
		jj.KPIs = append(jj.KPIs, jsonMetric(m))
	}
	if c := j.Compare; c != nil {
		jc := &jsonCompare{Baseline: c.Baseline, Steps: map[string]int{}, Headline: c.Headline, Else: c.Else}
		for _, n := range c.Counts {
			jc.Steps[n.Class] = n.N
		}
		jj.Compare = jc
	}
	for _, s := range j.Stages {
		jj.Stages = append(jj.Stages, jsonStage{ID: s.ID, Name: s.Name, Summary: jsonSum(s.Summary)})
	}
	for i := range j.Steps {
		jj.Steps = append(jj.Steps, jsonStep(&j.Steps[i]))
	}
	return jj
}

func jsonSum(s Summary) jsonSummary {
	js := jsonSummary{Steps: s.Steps, Green: s.Green, Yellow: s.Yellow, Red: s.Red, Unrated: s.Unrated,
		Critical: s.Critical, CriticalAtRisk: s.CriticalAtRisk, Opportunities: s.Opportunities, Unowned: s.Unowned,
		Metrics: s.Metrics, MetricsSet: s.MetricsSet, MetricsMet: s.MetricsMet,
		EntriesAtRisk: s.EntriesAtRisk, StepsWithDuration: s.Timed}
	if s.Timed > 0 {
		m := s.Duration.Minutes()
		js.DurationMinutes = &m
	}
	return js
}

// orNull is nil for 0 (an impact or effort not written).
func orNull(n int) *int {
	if n == 0 {
		return nil
	}
	return &n
}

func jsonStep(g *StepGap) jsonStepGap {
	s := jsonStepGap{Stage: g.Stage, StageName: g.StageName, ID: g.ID, Action: g.Action, Rating: g.Rating,
		Critical: g.Critical, Rank: g.Rank, Emotion: g.Emotion, Line: g.Line,
		Touchpoints: nonNil(g.Touchpoints), Pains: nonNil(g.Pains),
		EntriesAtRisk: make([]jsonEntry, 0, len(g.AtRisk)), Quotes: make([]jsonQuote, 0, len(g.Quotes)),
		Opportunities: make([]jsonOpportunity, 0, len(g.Opportunities)), Metrics: make([]jsonMetric, 0, len(g.Metrics))}
	if g.Duration > 0 {
		d, m := journey.FormatDuration(g.Duration), g.Duration.Minutes()
		s.Duration, s.DurationMin = &d, &m
	}
	for _, e := range g.AtRisk {
		kind := "touchpoint"
		if e.Backstage {
			kind = "backstage"
		}
		s.EntriesAtRisk = append(s.EntriesAtRisk, jsonEntry{Lane: e.Lane, Name: e.Name, Kind: kind, Does: e.Does, Rating: e.Rating})
	}
	for _, q := range g.Quotes {
		s.Quotes = append(s.Quotes, jsonQuote(q))
	}
	for _, o := range g.Opportunities {
		s.Opportunities = append(s.Opportunities, jsonOpportunity{Idea: o.Idea, Owner: o.Owner, ID: o.ID, Priority: o.Priority,
			Impact: orNull(o.Impact), Effort: orNull(o.Effort), Status: o.Status})
	}
	for _, m := range g.Metrics {
		s.Metrics = append(s.Metrics, jsonMetric(m))
	}
	return s
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// marshalIndent is json.MarshalIndent, twice as fast: it encodes compactly
// and then indents in one pass that trusts its input (encoding/json's own
// indenter re-validates every byte with its scanner, which was two thirds
// of the JSON format's time). TestMarshalIndent checks the bytes are the
// same.
func marshalIndent(v any, prefix, indent string) ([]byte, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	return indentJSON(make([]byte, 0, len(b)*2), b, prefix, indent), nil
}

// indentJSON appends src, valid compact JSON, indented as json.Indent
// would: each element on its own line starting with prefix and depth
// copies of indent, ": " after a key, empty objects and arrays kept as {}
// and [].
func indentJSON(dst, src []byte, prefix, indent string) []byte {
	depth := 0
	newline := func() {
		dst = append(dst, '\n')
		dst = append(dst, prefix...)
		for k := 0; k < depth; k++ {
			dst = append(dst, indent...)
		}
	}
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch c {
		case '"':
			j := i + 1
			for ; j < len(src) && src[j] != '"'; j++ {
				if src[j] == '\\' {
					j++
				}
			}
			dst = append(dst, src[i:j+1]...)
			i = j
		case '{', '[':
			dst = append(dst, c)
			if i+1 < len(src) && (src[i+1] == '}' || src[i+1] == ']') {
				dst = append(dst, src[i+1])
				i++
				continue
			}
			depth++
			newline()
		case '}', ']':
			depth--
			newline()
			dst = append(dst, c)
		case ',':
			dst = append(dst, c)
			newline()
		case ':':
			dst = append(dst, ':', ' ')
		default:
			dst = append(dst, c)
		}
	}
	return dst
}
