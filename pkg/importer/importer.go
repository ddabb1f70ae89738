// Package importer turns journeys kept elsewhere into cxmap journey files:
// a Mermaid `journey` diagram (mermaid.go) and a workshop grid in CSV or
// XLSX (grid.go). Every import builds a journey, writes it in fmt's
// canonical form, and checks it with the journey validation before anyone
// writes it; what the source lacked is left as the placeholders lint's
// placeholder-text flags, and Todo lists what to fill in next
// (docs/import.md).
package importer

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/cxmap/cxmap/pkg/finding"
	"github.com/cxmap/cxmap/pkg/journey"
	"github.com/cxmap/cxmap/pkg/yamlfmt"
	"go.yaml.in/yaml/v3"
)

// Result is an imported journey.
type Result struct {
	// YAML is the journey file, valid and in canonical form.
	YAML []byte
	// Todo says what to fill in next, one item a line.
	Todo []string
	// Warnings are things the reader should check (a formula read as its
	// cached value, a colour that is no rating).
	Warnings []string
}

// Error is a problem in the source, with its place: a Mermaid text's line
// and column, a grid's sheet (XLSX), row and column.
type Error struct {
	File  string
	Sheet string // "" for CSV and Mermaid
	Row   int    // 1-based line or row; 0 when none
	Col   string // a column letter (grid) or number (Mermaid); "" when none
	Grid  bool   // a grid: "row R, column C" rather than "line:col"
	Msg   string
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	switch {
	case e.Grid:
		var at []string
		if e.Sheet != "" {
			at = append(at, fmt.Sprintf("sheet %q", e.Sheet))
		}
		if e.Row > 0 {
			at = append(at, fmt.Sprintf("row %d", e.Row))
		}
		if e.Col != "" {
			at = append(at, "column "+e.Col)
		}
		if e.Row > 0 && e.Col != "" {
			at = append(at, fmt.Sprintf("cell %s%d", e.Col, e.Row))
		}
		if len(at) > 0 {
			b.WriteString(": " + strings.Join(at, ", "))
		}
	case e.Row > 0:
		fmt.Fprintf(&b, ":%d", e.Row)
		if e.Col != "" {
			b.WriteString(":" + e.Col)
		}
	}
	return b.String() + ": " + e.Msg
}

// The journey as import builds it, keys in the canonical order.
type jFile struct {
	Cxmap       int      `yaml:"cxmap"`
	ID          string   `yaml:"id"`
	Title       string   `yaml:"title"`
	State       string   `yaml:"state,omitempty"`
	Owner       string   `yaml:"owner,omitempty"`
	Client      string   `yaml:"client,omitempty"`
	Description string   `yaml:"description,omitempty"`
	Sources     []source `yaml:"sources,omitempty"`
	Lanes       []lane   `yaml:"lanes,omitempty"`
	Stages      []stage  `yaml:"stages"`
}

type source struct {
	ID    string `yaml:"id"`
	Kind  string `yaml:"kind"`
	Title string `yaml:"title"`
}

type lane struct {
	ID   string `yaml:"id"`
	Name string `yaml:"name"`
	Zone string `yaml:"zone"`
}

type stage struct {
	ID    string `yaml:"id"`
	Name  string `yaml:"name"`
	Steps []step `yaml:"steps,omitempty"`
}

type step struct {
	ID          string    `yaml:"id"`
	Action      string    `yaml:"action"`
	Touchpoints []contact `yaml:"touchpoints,omitempty"`
	Backstage   []contact `yaml:"backstage,omitempty"`
	Rating      string    `yaml:"rating,omitempty"`
	Emotion     *int      `yaml:"emotion,omitempty"`
	Sources     []string  `yaml:"sources,omitempty"`
	Pains       []string  `yaml:"pains,omitempty"`
}

type contact struct {
	Lane   string `yaml:"lane"`
	Does   string `yaml:"does,omitempty"`
	Rating string `yaml:"rating,omitempty"`
}

// ids hands out unique slugs of one kind.
type ids map[string]bool

func (u ids) make(text, fallback string) string {
	base := journey.Slug(text)
	if base == "" {
		base = fallback
	}
	id := base
	for n := 2; u[id]; n++ {
		id = base + "-" + strconv.Itoa(n)
	}
	u[id] = true
	return id
}

// placeholder is the cxmap init text for key (lint: placeholder-text), so
// that an imported journey shows what is still to be written.
func placeholder(id, title, prefix string) string {
	var hits []string
	for s := range journey.StarterPlaceholders(id, title) {
		if strings.HasPrefix(s, prefix) {
			hits = append(hits, s)
		}
	}
	sort.Strings(hits)
	if len(hits) == 0 {
		return ""
	}
	return hits[0]
}

// finish fills the placeholders, writes the file in canonical form and
// validates it as outPath; nothing comes back unless it is valid.
func finish(j *jFile, header []string, outPath string, todo []string) (*Result, error) {
	if j.Description == "" {
		j.Description = placeholder(j.ID, j.Title, "Where the ")
		todo = append(todo, "description: where the journey starts and ends, and what is out of scope (a placeholder now)")
	}
	if j.Client == "" {
		j.Client = placeholder(j.ID, j.Title, "Example client")
		todo = append(todo, "client: whose journey it is (a placeholder now)")
	}
	if j.Owner == "" {
		todo = append(todo, "owner: who keeps the map current")
	}
	todo = append(todo, "persona: who takes the journey", "sources: the research the ratings rest on")
	body, err := yaml.Marshal(j)
	if err != nil {
		return nil, err
	}
	var b strings.Builder
	for _, h := range header {
		b.WriteString("# " + h + "\n")
	}
	b.Write(body)
	out, err := yamlfmt.Format(outPath, []byte(b.String()))
	if err != nil {
		return nil, fmt.Errorf("the imported journey could not be written in canonical form: %v", err)
	}
	if _, fs := journey.Parse(outPath, out); len(fs) > 0 {
		var msgs []string
		for _, f := range finding.Dedup(fs) {
			msgs = append(msgs, f.String())
		}
		return nil, fmt.Errorf("the imported journey does not validate, so nothing was written:\n%s", strings.Join(msgs, "\n"))
	}
	return &Result{YAML: out, Todo: todo}, nil
}
