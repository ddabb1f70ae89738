package diff

import (
	"strings"
	"testing"

	"github.com/cxmap/cxmap/pkg/journey"
)

func parseJ(t *testing.T, src string) *journey.Journey {
	t.Helper()
	j, fs := journey.Parse("j.yaml", []byte(src))
	if j == nil {
		t.Fatal(fs)
	}
	return j
}

// TestModelAdditions: personas, quotes and the backlog (added, closed,
// changed in place) are compared; a worse rating with the same sources is
// still a regression.
func TestModelAdditions(t *testing.T) {
	old := parseJ(t, `cxmap: 1
id: a
title: A
personas:
  - {id: dev, name: Dev}
sources:
  - {id: s1, kind: survey, title: S1}
stages:
  - id: st
    name: St
    steps:
      - id: one
        action: One
        rating: green
        sources: [s1]
        quotes: [{text: It was slow, source: s1}]
        opportunities:
          - {id: keep, idea: Keep, priority: low}
          - {id: drop, idea: Drop}
`)
	new := parseJ(t, `cxmap: 1
id: a
title: A
personas:
  - {id: dev, name: Dev Patel}
  - {id: margaret, name: Margaret}
sources:
  - {id: s1, kind: survey, title: S1, n: 40}
stages:
  - id: st
    name: St
    steps:
      - id: one
        action: One
        rating: red
        sources: [s1]
        quotes: [{text: It was quick, source: s1}]
        opportunities:
          - {id: keep, idea: Keep, priority: high, status: planned}
          - {id: add, idea: Add}
`)
	d := Compare(old, new)
	if len(d.Personas) != 2 || d.Personas[0].Kind != Changed || d.Personas[1].Kind != Added {
		t.Errorf("personas = %+v", d.Personas)
	}
	if len(d.Sources) != 1 || d.Sources[0].Fields[0].Name != "n" {
		t.Errorf("sources = %+v", d.Sources)
	}
	kinds := map[string]string{}
	for _, b := range d.Backlog {
		kinds[b.ID] = b.Kind
	}
	if kinds["keep"] != Changed || kinds["drop"] != Removed || kinds["add"] != Added {
		t.Errorf("backlog = %+v", d.Backlog)
	}
	c := d.Steps[0]
	if c.Quotes == nil || c.Quotes.Added[0] != "It was quick" || c.Quotes.Removed[0] != "It was slow" {
		t.Errorf("quotes = %+v", c.Quotes)
	}
	if c.RatingChange.Direction != Regressed || !d.Regression() {
		t.Errorf("same sources, worse rating: %+v", c.RatingChange)
	}
	var b strings.Builder
	if err := Text(&b, d, FormatOptions{}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Personas", "persona margaret “Margaret”", "+ quote “It was quick”", "opportunity keep “Keep”: status none → planned, priority “low” → “high”", "- opportunity drop “Drop” at one  closed"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("text lacks %q:\n%s", want, b.String())
		}
	}
}
