package diff

import (
	"errors"
	"slices"
	"strings"

	"github.com/cxmap/cxmap/pkg/journey"
	"github.com/cxmap/cxmap/pkg/locale"
	"github.com/cxmap/cxmap/pkg/render/layout"
	"github.com/cxmap/cxmap/pkg/theme"
)

// The picture of a change (docs/diff.md, "The picture"): NEW's blueprint,
// laid out and drawn as `cxmap render` draws it, with the removed steps
// put back where they were and every change of the Diff marked on its
// cell. What changed is the Diff's decision (Compare); the picture only
// finds the cells.

// PictureOptions say how a picture is laid out.
type PictureOptions struct {
	// Rows are the optional rows to draw (layout.OptionalRows); `diff`
	// passes layout.DefaultRows, as `render` does.
	Rows []string
	// Compact packs the rows for a slide (the deck's comparison pages).
	Compact bool
	// Locale gives the picture's fixed words, render's and the marks'
	// (nil: English); Theme its look (nil: cxmap's own). The journey's
	// own text is never translated.
	Locale *locale.Locale
	Theme  *theme.Theme
}

// ErrNoVersions is Picture's error for a Diff not made by Compare.
var ErrNoVersions = errors.New("diff: the picture needs the two versions compared (diff.Compare)")

// Picture lays out the picture of d: NEW's blueprint with the removed
// steps ghosted in place and the changes marked.
func (d *Diff) Picture(o PictureOptions) (*layout.Grid, error) {
	j, err := d.PictureJourney()
	if err != nil {
		return nil, err
	}
	g, err := layout.Build(j, layout.Options{Rows: o.Rows, Compact: o.Compact, Theme: o.Theme, Locale: o.Locale})
	if err != nil {
		return nil, err
	}
	d.Mark(g, o.Locale, true)
	return g, nil
}

// PictureJourney is the journey the picture lays out: NEW with OLD's
// removed steps put back where they were (see merged). A deck lays out its
// pages from it (layout.Options.Steps) and marks each with Mark.
func (d *Diff) PictureJourney() (*journey.Journey, error) {
	if d.old == nil || d.new == nil {
		return nil, ErrNoVersions
	}
	return merged(d.old, d.new, d), nil
}

// Mark puts the marks of d's changes on g, a grid laid out from
// PictureJourney (the whole journey or a page of it: a change whose cells
// are not on the page is left out), in l's words (nil: English); legend
// adds the block that names the marks under the picture.
func (d *Diff) Mark(g *layout.Grid, l *locale.Locale, legend bool) {
	if l == nil {
		l = english()
	}
	words := layout.MarkWords{}
	if legend {
		words = markWords(d, l)
	}
	g.AddMarks(d.marks(l), words)
}

var englishLocale *locale.Locale

func english() *locale.Locale {
	if englishLocale == nil {
		englishLocale, _ = locale.New("en")
	}
	return englishLocale
}

// markWords are the legend's words in l.
func markWords(d *Diff, l *locale.Locale) layout.MarkWords {
	return layout.MarkWords{
		Heading: d.PictureTitle(l),
		Sample: map[layout.MarkKind]string{
			layout.MarkNew:     l.T("new (tag)"),
			layout.MarkRemoved: l.T("removed (tag)"),
			layout.MarkWas:     l.T("was {x}", l.T(journey.RatingWord(journey.Yellow))),
			layout.MarkChanged: l.T("changed (tag)"),
		},
		Label: map[layout.MarkKind]string{
			layout.MarkNew:     l.T("added step, entry, lane or stage"),
			layout.MarkRemoved: l.T("removed step, lane or stage, shown where it was"),
			layout.MarkWas:     l.T("the rating before"),
			layout.MarkChanged: l.T("text changed"),
		},
	}
}

// PictureTitle is the picture's heading in l's words (nil: English):
// "Changes from Permit (current state): 11 improved, 1 regressed".
func (d *Diff) PictureTitle(l *locale.Locale) string {
	if l == nil {
		l = english()
	}
	return l.T("Changes from {x}: {y}", OldName(d, l), headlineIn(d, l))
}

// OldName is d.Old.Name() in l's words: the title, and the state as
// render writes it ("Permit (État actuel)").
func OldName(d *Diff, l *locale.Locale) string {
	if l == nil || l.Lang == "en" {
		return d.Old.Name()
	}
	state := d.Old.State
	if state == "" {
		state = journey.Current
	}
	return d.Old.Title + " (" + l.T(strings.ToUpper(state[:1])+state[1:]+" state") + ")"
}

// headlineIn is d.Headline in l's words (the class words are the deck's
// and the report's messages).
func headlineIn(d *Diff, l *locale.Locale) string {
	if l.Lang == "en" {
		return d.Headline()
	}
	var parts []string
	for _, c := range d.StepCounts() {
		if c.N > 0 {
			parts = append(parts, l.Int(c.N)+" "+l.T(c.Word))
		}
	}
	return strings.Join(parts, ", ")
}

// marks turns the Diff's changes into the marks of the picture, in the
// Diff's order.
func (d *Diff) marks(l *locale.Locale) []layout.Change {
	was := func(rating string) string { return l.T("was {x}", l.T(journey.RatingWord(rating))) }
	var out []layout.Change
	// A stage or lane added or removed: its band or its row header.
	whole := func(kind string, ch layout.Change) {
		switch kind {
		case Added:
			ch.Kind, ch.Tag = layout.MarkNew, l.T("new (tag)")
		case Removed:
			ch.Kind, ch.Tag = layout.MarkRemoved, l.T("removed (tag)")
		default:
			return
		}
		out = append(out, ch)
	}
	for _, e := range d.Stages {
		whole(e.Kind, layout.Change{Stage: e.ID})
	}
	for _, e := range d.Lanes {
		whole(e.Kind, layout.Change{Lane: e.ID})
	}
	for _, c := range d.Steps {
		switch c.Kind {
		case Added:
			out = append(out, layout.Change{Kind: layout.MarkNew, Step: c.ID, Index: -1, Tag: l.T("new (tag)")})
			continue
		case Removed:
			out = append(out, layout.Change{Kind: layout.MarkRemoved, Step: c.ID, Index: -1, Tag: l.T("removed (tag)")})
			continue
		}
		if r := c.RatingChange; r != nil {
			out = append(out, layout.Change{Kind: layout.MarkWas, Step: c.ID, Rating: r.From, Tone: r.Direction, Tag: was(r.From)})
		}
		for _, f := range c.Fields {
			if f.Name == "action" {
				out = append(out, layout.Change{Kind: layout.MarkChanged, Step: c.ID, Tag: l.T("changed (tag)")})
			}
		}
		for _, ln := range append(append([]Lane(nil), c.Touchpoints.Added...), c.Backstage.Added...) {
			out = append(out, layout.Change{Kind: layout.MarkNew, Step: c.ID, Lane: ln.ID, Index: -1, Tag: l.T("new (tag)")})
		}
		step, _ := d.new.Step(c.ID)
		taken := map[int]bool{}
		for _, e := range c.Entries {
			if e.Kind == Removed {
				continue // not in NEW: the text diff lists it
			}
			k := entryIndex(step, e, taken)
			if k < 0 {
				continue
			}
			switch {
			case e.Kind == Added:
				out = append(out, layout.Change{Kind: layout.MarkNew, Step: c.ID, Lane: e.Lane, Index: k, Tag: l.T("new (tag)")})
				continue
			case e.RatingFrom != e.RatingTo:
				out = append(out, layout.Change{Kind: layout.MarkWas, Step: c.ID, Lane: e.Lane, Index: k, Rating: e.RatingFrom, Tone: e.Direction, Tag: was(e.RatingFrom)})
			}
			if e.DoesFrom != e.DoesTo {
				out = append(out, layout.Change{Kind: layout.MarkChanged, Step: c.ID, Lane: e.Lane, Index: k, Tag: l.T("changed (tag)")})
			}
		}
		rows := []struct {
			kind    layout.CellKind
			changed bool
		}{
			{layout.CellEvidence, len(c.Evidence.Added)+len(c.Evidence.Removed) > 0},
			{layout.CellPains, len(c.Pains.Added)+len(c.Pains.Removed) > 0},
			{layout.CellQuotes, c.Quotes != nil && len(c.Quotes.Added)+len(c.Quotes.Removed) > 0},
			{layout.CellOpportunities, len(c.Opportunities.Added)+len(c.Opportunities.Removed)+len(c.Opportunities.Owners) > 0},
			{layout.CellMetrics, len(c.Metrics) > 0},
		}
		for _, r := range rows {
			if r.changed {
				out = append(out, layout.Change{Kind: layout.MarkChanged, Step: c.ID, Row: r.kind, Tag: l.T("changed (tag)")})
			}
		}
	}
	return out
}

// entryIndex finds the entry e describes among NEW's step's entries in its
// lane: its place in that lane (the cell layout stacks), or -1. taken
// holds the entries already found, so two alike are told apart.
func entryIndex(s journey.StepRef, e EntryChange, taken map[int]bool) int {
	if s.Step == nil {
		return -1
	}
	list := s.Touchpoints
	off := 0
	if e.Side == Backstage {
		list, off = s.Backstage, 1<<20
	}
	k := 0
	for i, c := range list {
		if c.Lane.Value != e.Lane {
			continue
		}
		if c.Does == e.DoesTo && c.Rating == e.RatingTo && !taken[off+i] {
			taken[off+i] = true
			return k
		}
		k++
	}
	return -1
}

// merged is NEW with OLD's removed steps put back where they were (after
// the OLD step they followed, in their OLD stage, the stage put back too
// when NEW has none), and the lanes they use that NEW lost. The flow is
// NEW's: every step of NEW keeps the steps it leads to, and a removed step
// leads nowhere (so no arrow runs through a ghost). A removed step has no
// emotion or time, so the curve and the running total are NEW's.
func merged(old, new *journey.Journey, d *Diff) *journey.Journey {
	j := *new
	j.Stages = make([]journey.Stage, len(new.Stages))
	for i, st := range new.Stages {
		j.Stages[i] = st
		j.Stages[i].Steps = slices.Clone(st.Steps)
	}
	// NEW's flow, made explicit so putting steps in between keeps it.
	flow := map[string][]journey.Text{}
	for _, e := range new.Flow() {
		flow[e.From] = append(flow[e.From], journey.Text{Value: e.To})
	}
	for si := range j.Stages {
		for k := range j.Stages[si].Steps {
			s := &j.Stages[si].Steps[k]
			s.Next = flow[s.ID]
			if s.Next == nil {
				s.Next = []journey.Text{}
			}
		}
	}
	removed := map[string]bool{}
	for _, c := range d.Steps {
		if c.Kind == Removed {
			removed[c.ID] = true
		}
	}
	if len(removed) == 0 {
		return &j
	}
	where := func(id string) (int, int) {
		for si, st := range j.Stages {
			for k, s := range st.Steps {
				if s.ID == id {
					return si, k
				}
			}
		}
		return -1, -1
	}
	olds := old.Steps()
	lanes := map[string]bool{}
	for _, l := range j.Lanes {
		lanes[l.ID] = true
	}
	j.Lanes = slices.Clone(j.Lanes)
	for i, os := range olds {
		if !removed[os.ID] {
			continue
		}
		s := *os.Step
		s.Next, s.Emotion, s.Duration = []journey.Text{}, nil, journey.Duration{}
		// The nearest earlier OLD step the picture has.
		as, ak := -1, -1
		for k := i - 1; k >= 0 && as < 0; k-- {
			as, ak = where(olds[k].ID)
		}
		si := -1
		for x, st := range j.Stages {
			if st.ID == os.Stage.ID {
				si = x
			}
		}
		switch {
		case si < 0:
			// The stage is gone too: put it back after the anchor's.
			st := journey.Stage{ID: os.Stage.ID, Name: os.Stage.Name, Loc: os.Stage.Loc, Steps: []journey.Step{s}}
			j.Stages = slices.Insert(j.Stages, as+1, st)
		case as == si:
			j.Stages[si].Steps = slices.Insert(j.Stages[si].Steps, ak+1, s)
		default:
			j.Stages[si].Steps = slices.Insert(j.Stages[si].Steps, 0, s)
		}
		for _, c := range append(slices.Clone(s.Touchpoints), s.Backstage...) {
			if id := c.Lane.Value; !lanes[id] {
				if l, ok := old.Lane(id); ok {
					j.Lanes = append(j.Lanes, *l)
					lanes[id] = true
				}
			}
		}
	}
	return &j
}
