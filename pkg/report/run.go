package report

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"strings"
	"sync"

	"github.com/cxmap/cxmap/internal/registry"
	"github.com/cxmap/cxmap/internal/textsafe"
	"github.com/cxmap/cxmap/pkg/journey"
)

// RunOptions are a report run as data: what to list (Options, with the
// theme and locale), the format and view, and where it goes. The parts
// that reach outside the report are injected, so tests pass their own.
type RunOptions struct {
	Options
	// Format is the -f name (Formats); "" is table.
	Format string
	// Color allows ANSI colour (table); Width is the terminal's width (0:
	// DefaultWidth).
	Color bool
	Width int
	// Baseline loads the current state a future state improves on, by its
	// resolved path, so the report shows the comparison (nil, or false:
	// not compared).
	Baseline func(path string) (*journey.Journey, bool)
	// Diagram, when set, writes a journey's diagram for the markdown
	// report's "Diagrams" section (cxmap report --mermaid).
	Diagram func(w io.Writer, j *journey.Journey) error
}

// StageError is a --stage no journey has; Stages are the ones they have.
type StageError struct {
	Stage  string
	Stages []string
}

func (e *StageError) Error() string {
	return fmt.Sprintf("no journey has a stage %q; the stages are: %s", e.Stage, strings.Join(e.Stages, ", "))
}

// Collector builds each journey's report as the journey is loaded, from
// any number of goroutines, so that the caller can let the journey go: a
// large portfolio is never held in memory at once.
type Collector struct {
	o        RunOptions
	mu       sync.Mutex
	built    map[string]JourneyReport
	stages   map[string][]string // per path, for --stage's error
	diagrams map[string][]byte   // per path, with Diagram
}

// NewCollector starts a run.
func NewCollector(o RunOptions) *Collector {
	return &Collector{o: o, built: map[string]JourneyReport{}, stages: map[string][]string{}, diagrams: map[string][]byte{}}
}

// Add builds the report of a valid journey (j.Path names it).
func (c *Collector) Add(j *journey.Journey) {
	jr := BuildJourney(j, c.o.Options)
	// A future state is compared with its baseline, as diff, deck and
	// site compare it (docs/diff.md, "One comparison").
	if j.State == journey.Future && j.BaselinePath() != "" && c.o.Baseline != nil {
		if b, ok := c.o.Baseline(j.BaselinePath()); ok {
			jr.Compare = Compare(b, j)
		}
	}
	var ids []string
	if c.o.Stage != "" {
		for _, st := range j.Stages {
			ids = append(ids, st.ID)
		}
	}
	var diagram []byte
	if c.o.Diagram != nil {
		var b bytes.Buffer
		if err := c.o.Diagram(&b, j); err == nil {
			diagram = b.Bytes()
		}
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.built[j.Path] = jr
	c.stages[j.Path] = ids
	if diagram != nil {
		c.diagrams[j.Path] = diagram
	}
}

// Report assembles the journeys added, in the order of paths (those not
// added are left out). With --stage that no journey has, it returns a
// *StageError.
func (c *Collector) Report(paths []string) (*Report, []JourneyReport, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	var jrs []JourneyReport
	stageFound := false
	for _, p := range paths {
		if jr, ok := c.built[p]; ok {
			jrs = append(jrs, jr)
			stageFound = stageFound || len(jr.Stages) > 0
		}
	}
	if c.o.Stage != "" && len(jrs) > 0 && !stageFound {
		e := &StageError{Stage: c.o.Stage}
		seen := map[string]bool{}
		for _, p := range paths {
			for _, id := range c.stages[p] {
				if !seen[id] {
					seen[id] = true
					e.Stages = append(e.Stages, id)
				}
			}
		}
		return nil, nil, e
	}
	return Assemble(jrs, c.o.Options), jrs, nil
}

// Write writes the report of the journeys added, in the order of paths,
// to w in the run's format and view, with the diagrams after a markdown
// report when Diagram is set. Nothing is written when no journey was
// added, except in a machine format, which always writes a document (an
// empty one), so a pipeline never parses empty output.
func (c *Collector) Write(ctx context.Context, w io.Writer, paths []string) error {
	format, view, err := c.o.lookup()
	if err != nil {
		return err
	}
	rep, jrs, err := c.Report(paths)
	if err != nil {
		return err
	}
	if len(jrs) == 0 && !format.Machine {
		return nil
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := view.Writer(format)(w, rep, FormatOptions{Color: c.o.Color, Width: c.o.Width}); err != nil {
		return err
	}
	if c.o.Diagram != nil && format.Name == "markdown" {
		return writeDiagrams(w, wordsOf(rep), jrs, c.diagrams)
	}
	return nil
}

type registryFormat = registry.Format[Writers]

// lookup finds the run's format and view.
func (o RunOptions) lookup() (format registryFormat, view View, err error) {
	name, by := o.Format, o.By
	if name == "" {
		name = "table"
	}
	if by == "" {
		by = ByStep
	}
	if view, err = Views.Lookup(by); err != nil {
		return format, view, err
	}
	format, err = Formats.Lookup(name)
	return format, view, err
}

// Run writes the report of journeys (valid ones, in report order) to w:
// NewCollector, Add each, Write.
func Run(ctx context.Context, journeys []*journey.Journey, w io.Writer, o RunOptions) error {
	c := NewCollector(o)
	paths := make([]string, len(journeys))
	for i, j := range journeys {
		c.Add(j)
		paths[i] = j.Path
	}
	return c.Write(ctx, w, paths)
}

// writeDiagrams appends a "Diagrams" section to a markdown report: each
// journey's diagram in report order, through the same guard as the report
// (no line may start with "::").
func writeDiagrams(w io.Writer, t words, jrs []JourneyReport, diagrams map[string][]byte) error {
	g := textsafe.NewGuard(w)
	fmt.Fprintf(g, "\n## %s\n", t.T("Diagrams"))
	for _, jr := range jrs {
		fmt.Fprintf(g, "\n### %s\n\n", textsafe.Markdown(jr.Title))
		g.Write(diagrams[jr.Path])
	}
	return g.Flush()
}
