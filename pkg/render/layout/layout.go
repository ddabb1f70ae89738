package layout

import (
	"fmt"
	"math"
	"strings"

	"github.com/cxmap/cxmap/pkg/journey"
	"github.com/cxmap/cxmap/pkg/labelfit"
	"github.com/cxmap/cxmap/pkg/locale"
	"github.com/cxmap/cxmap/pkg/textmetrics"
	"github.com/cxmap/cxmap/pkg/theme"
)

// Sizes in points. Cells are wide enough for a short sentence per line at
// 9–10 pt, which reads on a slide when a stage (about eight steps) fills it.
const (
	Margin      = 24.0
	HeaderW     = labelfit.HeaderW // row header column
	HeaderGap   = 12.0
	ColW        = labelfit.ColW
	ColGap      = 16.0
	Pad         = labelfit.Pad
	RowGap      = 10.0
	LineGap     = 30.0 // gap that holds a dashed line and its label
	BandH       = 26.0
	MinRowH     = 40.0
	EmotionH    = 72.0
	TrackStep   = 7.0  // distance between parallel routed arrows
	TrackInset  = 14.0 // distance from a cell to the nearest track
	BadgeH      = 13.0
	StackGap    = 4.0
	ArrowOffset = 12.0 // how far from the column centre routed arrows leave a cell

	// Font sizes are whole points: Graphviz reads an HTML label's
	// POINT-SIZE as an integer (8.5 was drawn at 8), so a fractional size
	// would be measured at one size and drawn at another. The sizes and
	// line limits of the labels lint checks are pkg/labelfit's.
	ActionSize   = labelfit.ActionSize
	LaneSize     = labelfit.LaneSize
	EvidenceSize = labelfit.EvidenceSize
	HeaderSize   = labelfit.HeaderSize
	NoteSize     = 7.0
	BadgeSize    = 7.0
	BandSize     = 10.0
	TitleSize    = 18.0
	SubSize      = 9.0
	LegendSize   = 8.0
	LineSize     = 7.0

	ActionLines   = labelfit.ActionLines
	LaneLines     = labelfit.LaneLines
	EvidenceLines = labelfit.EvidenceLines
	HeaderLines   = labelfit.HeaderLines
	// InsightLines caps the pains, quotes, opportunities and metrics rows:
	// each item at most ItemLines lines, a cell at most InsightLines.
	InsightLines = 8
	ItemLines    = 4
	TagSize      = 7.0 // persona tags in action cells
)

// cellTextW and headerTextW are the text widths rowsFor wraps cells and
// row headers to (pkg/labelfit's, so lint measures labels as drawn).
const (
	cellTextW   = labelfit.CellTextW
	headerTextW = labelfit.HeaderTextW
)

// Options choose what one picture shows.
type Options struct {
	// Stage, when set, keeps only that stage's steps; the rows stay those of
	// the whole journey so every page of a split has the same lanes.
	Stage string
	// NoEmotion leaves out the emotion-curve row.
	NoEmotion bool
	// Title replaces the journey's title.
	Title string
	// Steps, when set, keeps only these steps (by id, in journey order)
	// and only the rows they use: one page of a deck (see pages.go).
	Steps []string
	// Rows are the optional rows to draw (names from OptionalRows). The
	// zero value draws none, so other callers (decks) keep their pictures;
	// `render` passes DefaultRows unless --rows is given.
	Rows []string
	// Compact packs the rows tighter and leaves out the title block, for
	// pictures on slides (see compact.go); false is the render look.
	Compact bool
	// Theme is the client's look (nil: theme.Default(), the picture as
	// before themes); Grid.Brand holds it resolved. Locale writes the
	// fixed words and numbers (nil: English).
	Theme  *theme.Theme
	Locale *locale.Locale
}

// rd rounds to 1/100 pt so JSON goldens are stable.
func rd(x float64) float64 { return math.Round(x*100) / 100 }

// wrap measures and wraps s into a Text that fits width.
func wrap(tm *textmetrics.Metrics, s string, width, size float64, bold bool, maxLines int) Text {
	lines, cut := tm.Wrap(s, width, size, bold, maxLines)
	t := Text{Lines: lines, Size: size, Bold: bold, Truncated: cut, LineHeight: rd(textmetrics.LineHeight(size))}
	if lines == nil {
		t.Lines = []string{}
	}
	if cut || len(lines) > 1 || (len(lines) == 1 && lines[0] != s) {
		t.Full = capText(s)
	}
	return t
}

// MaxFull is how many characters of a label the SVG tooltip keeps: enough
// for any label a person writes, and it keeps Graphviz's time bounded (its
// cost grows with the square of a label's length: one 9 MiB label took
// 90 s per format).
const MaxFull = 1000

// capText cuts s to MaxFull characters, ending it with an ellipsis.
func capText(s string) string {
	if len(s) <= MaxFull {
		return s
	}
	n := 0
	for i := range s {
		if n == MaxFull {
			return s[:i] + textmetrics.Ellipsis
		}
		n++
	}
	return s
}

func (t Text) height() float64 { return float64(len(t.Lines)) * textmetrics.LineHeight(t.Size) }

// badgeWidth is the width of a badge's tag: a little wider than the word
// measures, so Graphviz never finds it too small for the fixed size.
func badgeWidth(tm *textmetrics.Metrics, word string) float64 {
	return math.Ceil(tm.Width(word, BadgeSize, true)*1.1 + 8)
}

// content is what one step shows in one row, before placing.
type content struct {
	kind    CellKind
	lane    string
	text    Text
	rating  string
	rated   bool
	crit    bool
	badge   string
	h       float64
	stacked int // index within a stack of cells in one lane
	tags    []string
	cuts    []Cut
}

// rowSpec is a row before placing: its kind, lane and the height its
// tallest cell needs.
type rowSpec struct {
	kind  RowKind
	lane  *journey.Lane
	label Text
	note  string
	h     float64
	cuts  []Cut
}

// Build lays out a journey. It fails only for an unknown stage in o.Stage.
func Build(j *journey.Journey, o Options) (*Grid, error) {
	p, err := newPlan(j, o)
	if err != nil {
		return nil, err
	}
	return p.page(o.Stage)
}

// BuildStages lays out one page per stage of a split (o.Stage is ignored),
// sharing the work every page needs: text wrapped for the whole journey and
// the busiest page's track space. Building each with Build gives the same
// grids but costs the whole journey once per page.
func BuildStages(j *journey.Journey, o Options, stages []string) ([]*Grid, error) {
	p, err := newPlan(j, o)
	if err != nil {
		return nil, err
	}
	p.splitTracks()
	grids := make([]*Grid, len(stages))
	for i, st := range stages {
		g, err := p.page(st)
		if err != nil {
			return nil, err
		}
		grids[i] = g
	}
	return grids, nil
}

// plan is what every page of a journey shares.
type plan struct {
	j      *journey.Journey
	o      Options
	all    []journey.StepRef
	specs  []rowSpec
	byStep map[string]map[int][]content
	// split is the busiest page's track space, reserved on every page of a
	// split; nil until splitTracks.
	split *tracks
	// tm measures text in the picture's font; loc writes its words (nil:
	// English, plain digits).
	tm  *textmetrics.Metrics
	loc *locale.Locale
}

func newPlan(j *journey.Journey, o Options) (*plan, error) {
	tm, err := o.metrics()
	if err != nil {
		return nil, err
	}
	all := j.Steps()
	// Contents for every step of the journey, so row heights (and so the
	// rows of every page of a split) do not depend on the stage shown; a
	// page of chosen steps (a deck's, Options.Steps) has rows only for the
	// lanes those steps use.
	rowSteps := all
	if len(o.Steps) > 0 {
		rowSteps = pickSteps(all, o.Steps)
	}
	p := &plan{j: j, o: o, all: all, tm: tm, loc: o.Locale} // nil: English
	p.specs, p.byStep = p.rowsFor(rowSteps)
	return p, nil
}

// splitTracks finds the track space of the busiest page of a split.
func (p *plan) splitTracks() {
	if p.split != nil {
		return
	}
	byStage := map[string][]journey.StepRef{}
	for _, s := range p.all {
		byStage[s.Stage.ID] = append(byStage[s.Stage.ID], s)
	}
	var tr tracks
	for _, st := range p.j.Stages {
		other := planTracks(p.j, byStage[st.ID])
		tr.above, tr.below = max(tr.above, other.above), max(tr.below, other.below)
	}
	p.split = &tr
}

// page lays out the whole journey (stage "") or one stage of it.
func (p *plan) page(stage string) (*Grid, error) {
	j, o := p.j, p.o
	o.Stage = stage
	steps := p.all
	if stage != "" {
		steps = nil
		found := false
		for _, st := range j.Stages {
			found = found || st.ID == stage
		}
		if !found {
			return nil, fmt.Errorf("journey %q has no stage %q", j.ID, stage)
		}
		for _, s := range p.all {
			if s.Stage.ID == stage {
				steps = append(steps, s)
			}
		}
	}
	if len(o.Steps) > 0 {
		steps = pickSteps(p.all, o.Steps)
	}
	g := &Grid{Style: Style{Pad: Pad, NoteSize: NoteSize, BadgeSize: BadgeSize, StubSize: StubSize, LineSize: LineSize, TagSize: TagSize},
		Brand: BrandFor(o.Theme), Words: Words{Critical: criticalMark(p.loc)}, tm: p.tm, loc: p.loc}
	sp := o.spacing()
	y := sp.top
	if sp.title {
		y = g.placeTitle(j, o, y)
	}
	y = g.placeBands(j, steps, y) + sp.bandGap
	tr := planTracks(j, steps)
	if stage != "" {
		// Every page of a split reserves the track space of the busiest
		// page, so rows sit at the same heights on every slide.
		p.splitTracks()
		tr.above, tr.below = max(tr.above, p.split.above), max(tr.below, p.split.below)
	}
	g.placeRows(p.specs, p.byStep, steps, tr, y, sp)
	g.route(steps, tr)
	g.placeEmotion(steps)
	var reserve *legendFacts
	if stage != "" {
		f := p.splitFacts()
		reserve = &f
	}
	g.placeLegend(steps, reserve)
	if err := g.placeBrand(); err != nil {
		return nil, err
	}
	g.Cuts = append(g.titleCuts(j, o), p.cuts(steps)...)
	return g, nil
}

// titleCuts are the cuts of the title block and the stage bands.
func (g *Grid) titleCuts(j *journey.Journey, o Options) []Cut {
	var out []Cut
	if g.Title.Heading.Truncated && o.Title == "" {
		out = append(out, cutAt(j, "", j.Loc.Value("title"), "the title", len(g.Title.Heading.Lines)))
	}
	if g.Title.Sub.Truncated {
		key := "personas"
		if !j.Loc.Has(key) {
			key = "client"
		}
		out = append(out, cutAt(j, "", j.Loc.Value(key), "the line under the title (personas, state, date, client)", len(g.Title.Sub.Lines)))
	}
	for _, b := range g.Stages {
		if !b.Label.Truncated {
			continue
		}
		for _, st := range j.Stages {
			if st.ID == b.ID {
				out = append(out, cutAt(j, "", st.Loc.Value("name"), fmt.Sprintf("name of stage %q", b.ID), 1))
			}
		}
	}
	return out
}

// cuts lists the labels a page cuts: its row headers' and its steps'.
func (p *plan) cuts(steps []journey.StepRef) []Cut {
	var out []Cut
	for i, sp := range p.specs {
		out = append(out, sp.cuts...)
		for _, s := range steps {
			for _, c := range p.byStep[s.ID][i] {
				out = append(out, c.cuts...)
			}
		}
	}
	return out
}

// rowsFor decides the rows and each step's cells in them. Rows with no cell
// in any step are dropped (except the customer row, which always stands).
func (p *plan) rowsFor(steps []journey.StepRef) ([]rowSpec, map[string]map[int][]content) {
	r := &rowBuilder{p: p, steps: steps, byStep: map[string]map[int][]content{}}
	if p.o.shows("time") {
		r.addTime()
	}
	r.addEmotion()
	r.addEvidence()
	r.addCustomer()
	for _, zone := range []string{journey.Frontstage, journey.Backstage, journey.Support} {
		for _, l := range p.j.LanesIn(zone) {
			r.addLane(zone, l)
		}
	}
	T := p.loc.T
	if p.o.shows("pains") {
		r.addInsights(RowPains, T("Pains"), CellPains, painItems)
	}
	if p.o.shows("quotes") {
		r.addInsights(RowQuotes, T("Quotes"), CellQuotes, r.quoteItems)
	}
	if p.o.shows("opportunities") {
		r.addInsights(RowOpportunities, T("Opportunities"), CellOpportunities, opportunityItems)
	}
	if p.o.shows("metrics") {
		r.addInsights(RowMetrics, T("Metrics"), CellMetrics, r.metricItems)
	}
	r.fitNotes()
	return r.specs, r.byStep
}

// rowBuilder collects the rows of rowsFor and each step's cells in them.
type rowBuilder struct {
	p      *plan
	steps  []journey.StepRef
	specs  []rowSpec
	byStep map[string]map[int][]content // step id → row index → cells
}

// add adds a row whose cells for a step are cells(s), as high as its
// highest stack of cells. A row with no cell in any step is dropped, except
// the customer row.
func (r *rowBuilder) add(spec rowSpec, cells func(s journey.StepRef) []content) {
	idx := len(r.specs)
	any := false
	for _, s := range r.steps {
		cs := cells(s)
		if len(cs) == 0 {
			continue
		}
		any = true
		if r.byStep[s.ID] == nil {
			r.byStep[s.ID] = map[int][]content{}
		}
		r.byStep[s.ID][idx] = cs
		h := -StackGap
		for _, c := range cs {
			h += c.h + StackGap
		}
		spec.h = math.Max(spec.h, h)
	}
	if !any && spec.kind != RowCustomer {
		for _, s := range r.steps {
			delete(r.byStep[s.ID], idx)
		}
		return
	}
	spec.h = rd(math.Max(spec.h, r.p.o.spacing().minRowH))
	r.specs = append(r.specs, spec)
}

// header wraps a row header's label.
func (r *rowBuilder) header(s string) Text {
	return wrap(r.p.tm, s, headerTextW, HeaderSize, true, HeaderLines)
}

// listCell is a text cell of a list of items (evidence, pains…).
func (r *rowBuilder) listCell(kind CellKind, items []item, size float64, perItem, total int) []content {
	if len(items) == 0 {
		return nil
	}
	t, cuts := listText(r.p.tm, r.p.j, items, size, perItem, total)
	return []content{{kind: kind, text: t, h: 2*Pad + t.height(), cuts: cuts}}
}

// addTime adds the row of each step's duration and the running total.
func (r *rowBuilder) addTime() {
	p, j, T := r.p, r.p.j, r.p.loc.T
	running := j.RunningDurations()
	at := map[string]int{}
	for i, s := range j.Steps() {
		at[s.ID] = i
	}
	note := T("step · running total")
	if d, ok := j.Duration(); ok {
		note = T("total {x}", p.loc.Duration(d))
	}
	r.add(rowSpec{kind: RowTime, label: r.header(T("Time")), note: note}, func(s journey.StepRef) []content {
		if s.Duration.IsZero() {
			return nil
		}
		line := T("{x} · total {y}", s.Duration.Text, p.loc.Duration(running[at[s.ID]]))
		t := wrap(p.tm, line, cellTextW, LaneSize, false, 2)
		return []content{{kind: CellTime, text: t, h: 2*Pad + t.height()}}
	})
	if n := len(r.specs); n > 0 && r.specs[n-1].kind == RowTime {
		r.specs[n-1].h = rd(math.Max(2*Pad+r.specs[n-1].label.height()+textmetrics.LineHeight(NoteSize), 30))
	}
}

// addEmotion adds the emotion curve's row when a step has an emotion and
// the options show it.
func (r *rowBuilder) addEmotion() {
	hasEmotion := false
	for _, s := range r.steps {
		hasEmotion = hasEmotion || s.Emotion != nil
	}
	if hasEmotion && !r.p.o.NoEmotion {
		T := r.p.loc.T
		r.specs = append(r.specs, rowSpec{kind: RowEmotion, label: r.header(T("Emotion")), note: T("−2 (low) to +2 (high)"), h: r.p.o.spacing().emotionH})
	}
}

// addEvidence adds the row of the steps' physical evidence.
func (r *rowBuilder) addEvidence() {
	r.add(rowSpec{kind: RowEvidence, label: r.header(r.p.loc.T("Physical evidence"))}, func(s journey.StepRef) []content {
		var items []item
		for i, e := range s.Evidence {
			items = append(items, item{text: e, at: s.Loc.Item("evidence", i), what: fmt.Sprintf("evidence %q of step %q", clip(e), s.ID)})
		}
		return r.listCell(CellEvidence, items, EvidenceSize, EvidenceLines, EvidenceLines)
	})
}

// addCustomer adds the customer actions' row, each with its rating badge
// and persona tags.
func (r *rowBuilder) addCustomer() {
	j, tm, T := r.p.j, r.p.tm, r.p.loc.T
	cast := j.Cast()
	r.add(rowSpec{kind: RowCustomer, label: r.header(T("Customer actions"))}, func(s journey.StepRef) []content {
		t := wrap(tm, s.Action, cellTextW, ActionSize, false, ActionLines)
		c := content{kind: CellAction, text: t, rating: s.Rating, rated: true, crit: s.Critical, badge: T(journey.RatingWord(s.Rating))}
		if t.Truncated {
			c.cuts = append(c.cuts, cutAt(j, "", s.Loc.Value("action"), fmt.Sprintf("action of step %q", s.ID), ActionLines))
		}
		c.tags = personaTags(j, cast, s.Step)
		c.h = 2*Pad + BadgeH + Pad - 1 + t.height()
		return []content{c}
	})
}

// addLane adds the row of one lane of a zone (frontstage, backstage,
// support).
func (r *rowBuilder) addLane(zone string, lane *journey.Lane) {
	j, T := r.p.j, r.p.loc.T
	note := T(zone)
	if lane.Channel != "" {
		note = T(zone) + " · " + lane.Channel
	}
	spec := rowSpec{kind: RowKind(zone), lane: lane, label: r.header(lane.Name), note: note}
	if spec.label.Truncated {
		spec.cuts = []Cut{cutAt(j, lane.Origin, lane.Loc.Value("name"), fmt.Sprintf("lane name %q", clip(lane.Name)), HeaderLines)}
	}
	r.add(spec, func(s journey.StepRef) []content { return r.laneCells(zone, lane, s) })
}

// laneCells are a step's cells in a lane: what the lane does there, one
// cell a touchpoint (frontstage) or backstage action.
func (r *rowBuilder) laneCells(zone string, lane *journey.Lane, s journey.StepRef) []content {
	j, tm, T := r.p.j, r.p.tm, r.p.loc.T
	var out []content
	list, ck := s.Touchpoints, CellTouchpoint
	if zone != journey.Frontstage {
		list, ck = s.Backstage, CellBackstage
	}
	for _, c := range list {
		if c.Lane.Value != lane.ID {
			continue
		}
		t := wrap(tm, c.Does, cellTextW, LaneSize, false, LaneLines)
		ct := content{kind: ck, lane: lane.ID, text: t, rating: c.Rating, rated: c.Rating != "", stacked: len(out)}
		if t.Truncated {
			ct.cuts = []Cut{cutAt(j, "", c.Loc.Value("does"), fmt.Sprintf("what lane %q does at step %q", lane.ID, s.ID), LaneLines)}
		}
		ct.h = 2*Pad + math.Max(t.height(), textmetrics.LineHeight(LaneSize))
		if ct.rated {
			ct.badge = T(journey.RatingWord(c.Rating))
			ct.h += BadgeH + Pad - 1
		}
		out = append(out, ct)
	}
	return out
}

// addInsights adds a row of a list per step: items(s) is a step's list
// (pains, quotes, opportunities, metrics), label the row's header.
func (r *rowBuilder) addInsights(kind RowKind, label string, ck CellKind, items func(s journey.StepRef) []item) {
	r.add(rowSpec{kind: kind, label: r.header(label)}, func(s journey.StepRef) []content {
		return r.listCell(ck, items(s), EvidenceSize, ItemLines, InsightLines)
	})
}

// painItems are a step's pains.
func painItems(s journey.StepRef) []item {
	var items []item
	for i, p := range s.Pains {
		items = append(items, item{text: "• " + p, at: s.Loc.Item("pains", i), what: fmt.Sprintf("pain %q of step %q", clip(p), s.ID)})
	}
	return items
}

// quoteItems are a step's quotes, each with its credit.
func (r *rowBuilder) quoteItems(s journey.StepRef) []item {
	var items []item
	for _, q := range s.Quotes {
		text := "“" + q.Text + "”"
		if who := r.p.j.QuoteCredit(q); who != "" {
			text += " — " + who
		}
		items = append(items, item{text: text, at: q.Loc.Value("text"), what: fmt.Sprintf("quote %q of step %q", clip(q.Text), s.ID)})
	}
	return items
}

// opportunityItems are a step's opportunities, each with its priority,
// owner and status.
func opportunityItems(s journey.StepRef) []item {
	var items []item
	for _, op := range s.Opportunities {
		var meta []string
		for _, x := range []string{op.Priority, op.Owner, op.Status} {
			if x != "" {
				meta = append(meta, x)
			}
		}
		text := "• " + op.Idea
		if len(meta) > 0 {
			text += " (" + strings.Join(meta, ", ") + ")"
		}
		items = append(items, item{text: text, at: op.Loc.Value("idea"), what: fmt.Sprintf("opportunity %q of step %q", clip(op.Idea), s.ID)})
	}
	return items
}

// metricItems are a step's metrics.
func (r *rowBuilder) metricItems(s journey.StepRef) []item {
	var items []item
	for _, m := range s.Metrics {
		items = append(items, item{text: "• " + metricLine(r.p.o.Locale, m), at: m.Loc.Value("name"), what: fmt.Sprintf("metric %q of step %q", clip(m.Name), s.ID)})
	}
	return items
}

// fitNotes makes each row with a note (or a lane's) high enough for its
// label and the note under it.
func (r *rowBuilder) fitNotes() {
	for i := range r.specs {
		if r.specs[i].lane == nil && r.specs[i].note == "" {
			continue
		}
		r.specs[i].h = rd(math.Max(r.specs[i].h, 2*Pad+r.specs[i].label.height()+textmetrics.LineHeight(NoteSize)))
	}
}

// placeTitle lays out the title block and returns the y below it.
func (g *Grid) placeTitle(j *journey.Journey, o Options, y float64) float64 {
	title := j.Title
	if o.Title != "" {
		title = o.Title
	}
	var sub []string
	switch cast := j.Cast(); {
	case len(cast) == 1 && cast[0].Name != "":
		sub = append(sub, g.loc.T("Persona: {x}", cast[0].Name))
	case len(cast) > 1:
		// Every persona, each with the tag that marks the steps only some
		// personas take.
		var names []string
		for i, p := range cast {
			names = append(names, PersonaTag(i)+" "+p.Name)
		}
		sub = append(sub, g.loc.T("Personas: {x}", strings.Join(names, "; ")))
	}
	state := j.State
	if state == "" {
		state = journey.Current
	}
	sub = append(sub, g.loc.T(strings.ToUpper(state[:1])+state[1:]+" state"))
	if !j.Updated.IsZero() {
		// ISO dates unless a theme names its date format.
		date := j.Updated.Format("2006-01-02")
		if o.Theme != nil && o.Theme.Date != "" {
			date = g.loc.Date(j.Updated, o.Theme.Date)
		}
		sub = append(sub, g.loc.T("Updated {x}", date))
	}
	if j.Client != "" {
		sub = append(sub, g.loc.T("Client: {x}", j.Client))
	}
	const w = 900.0
	subText := func(stage string) Text {
		parts := sub
		if stage != "" {
			parts = append(parts[:len(parts):len(parts)], g.loc.T("Stage: {x}", stage))
		}
		return wrap(g.tm, strings.Join(parts, " · "), w, SubSize, false, 3)
	}
	g.Title.Heading = wrap(g.tm, title, w, TitleSize, true, 2)
	g.Title.Sub = subText("")
	// On a split, every page reserves the room of its longest subtitle, so
	// the rows stand at the same height on every page.
	subLines := len(g.Title.Sub.Lines)
	for _, st := range j.Stages {
		if o.Stage == "" {
			break
		}
		t := subText(st.Name)
		if st.ID == o.Stage {
			g.Title.Sub = t
		}
		subLines = max(subLines, len(t.Lines))
	}
	h := g.Title.Heading.height() + 4 + float64(subLines)*textmetrics.LineHeight(SubSize)
	g.Title.Rect = Rect{X: Margin, Y: y, W: w, H: rd(h)}
	return rd(y + h + 14)
}

// colX is the left edge of column i.
func colX(i int) float64 { return Margin + HeaderW + HeaderGap + float64(i)*(ColW+ColGap) }

// placeBands lays out the columns and the stage header bands over them.
func (g *Grid) placeBands(j *journey.Journey, steps []journey.StepRef, y float64) float64 {
	g.Columns = []Column{}
	g.Stages = []Band{}
	for i, s := range steps {
		g.Columns = append(g.Columns, Column{Step: s.ID, Stage: s.Stage.ID, X: rd(colX(i)), W: ColW})
		if len(g.Stages) == 0 || g.Stages[len(g.Stages)-1].ID != s.Stage.ID {
			g.Stages = append(g.Stages, Band{ID: s.Stage.ID, Rect: Rect{X: rd(colX(i) - ColGap/2 + 1), Y: y, H: BandH}})
			g.Stages[len(g.Stages)-1].Label.Full = s.Stage.Name
		}
		b := &g.Stages[len(g.Stages)-1]
		b.W = rd(colX(i) + ColW + ColGap/2 - 1 - b.X)
	}
	for i := range g.Stages {
		b := &g.Stages[i]
		b.Label = wrap(g.tm, b.Label.Full, b.W-2*Pad, BandSize, true, 1)
	}
	return y + BandH
}
