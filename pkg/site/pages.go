package site

import (
	"bytes"
	"embed"
	"html/template"
	"io"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/cxmap/cxmap/pkg/diff"
	"github.com/cxmap/cxmap/pkg/history"
	"github.com/cxmap/cxmap/pkg/journey"
	"github.com/cxmap/cxmap/pkg/measure"
	"github.com/cxmap/cxmap/pkg/render/layout"
	"github.com/cxmap/cxmap/pkg/report"
)

//go:embed assets/*.tmpl
var assets embed.FS

// The style sheet and the script are embedded as strings, so nothing is
// copied when a command starts (reading them from assets cost every
// command 26 KB and 16 page faults, issue 18).
var (
	//go:embed assets/site.css
	siteCSS string
	//go:embed assets/site.js
	siteJS string
)

var (
	css  = template.CSS(siteCSS)
	js   = template.JS(siteJS)
	tmpl = sync.OnceValue(parseTemplates)
)

// parseTemplates parses the page templates, at first use (tmpl), not when
// every command starts. The words are placeholders here: each language
// gets its own copy of the templates (tmplFor), never executed itself.
func parseTemplates() *template.Template {
	return template.Must(template.New("").Funcs(newWords(nil, nil).funcs()).ParseFS(assets, "assets/*.tmpl"))
}

// funcs are the template functions that write words, numbers and dates.
func (w *words) funcs() template.FuncMap {
	return template.FuncMap{
		"word": ratingWord,
		"num":  numText,
		"plus": func(a, b int) int { return a + b },
		// t is a fixed word or sentence, n a counted one ("{n} steps"),
		// tl a word inside a sentence (lower case but in German).
		"t":   w.T,
		"n":   w.N,
		"tl":  w.Lower,
		"int": w.Int,
		// rating is the method's word for a rating word or "unrated":
		// Working well, Unhappy, Very unhappy, Not rated.
		"rating":   w.Rating,
		"value":    w.Value,
		"progress": func(m report.MetricGap) string { return w.Progress(metricOf(m)) },
		// why is a step's reasons for its class, with those rating words.
		"why": w.Why,
		// sep is the locale's list separator (", ", "، " in Arabic);
		// counts the four rating counts as a list.
		"sep":    func() string { return w.T(", ") },
		"counts": w.ratingCounts,
		"day": func(iso string) string {
			if w.date != "" {
				if d, err := time.Parse(time.RFC3339, iso); err == nil {
					return w.Date(d)
				}
			}
			if len(iso) >= 10 {
				return iso[:10]
			}
			return iso
		},
		"met": func(m *bool) string {
			if m == nil {
				return "—"
			}
			if *m {
				return w.Lower("Met")
			}
			return w.Lower("Not met")
		},
	}
}

// metricOf is the metric a gap row is about.
func metricOf(m report.MetricGap) journey.Metric {
	return journey.Metric{Name: m.Name, Unit: m.Unit, Current: m.Current, Target: m.Target, Better: m.Better}
}

// templates keeps the page templates of each language (and number and
// date style) asked for.
var templates = struct {
	sync.Mutex
	m map[string]*template.Template
}{m: map[string]*template.Template{}}

// tmplFor is the page templates writing w's words.
func tmplFor(w *words) *template.Template {
	key := w.lang() + "|" + w.date
	if w.l != nil {
		key = w.l.Tag.String() + "|" + w.date
	}
	templates.Lock()
	defer templates.Unlock()
	if t := templates.m[key]; t != nil {
		return t
	}
	t := template.Must(tmpl().Clone()).Funcs(w.funcs())
	templates.m[key] = t
	return t
}

// ratingWord is the word for a rating: red, yellow, green or unrated.
func ratingWord(r string) string {
	if r == "" {
		return report.Unrated
	}
	return r
}

// ratingText is the method's word for a rating word or "unrated": Working
// well, Unhappy, Very unhappy, Not rated (English: words.Rating writes it
// in the site's language).
func ratingText(r string) string {
	if r == report.Unrated {
		r = ""
	}
	return journey.RatingWord(r)
}

func numText(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// page is what every page has.
type page struct {
	Title string
	Root  string // "" on the index, "../" on journey pages
	Live  bool
	// SourceLinks: show file paths, line numbers, "· cxmap" (Options).
	SourceLinks bool
	// Version is the serve generation the page was made from (live pages
	// reload when the server has a newer one).
	Version int
	CSS     template.CSS
	JS      template.JS
	// Brand is the theme and language; Plain leaves out every mention of
	// cxmap a client could see (a theme or a locale without
	// --source-links: the site is the consultant's deliverable).
	Brand brand
	Plain bool
}

func (s *Site) page(title, root string) page {
	return page{Title: title, Root: root, Live: s.opts.Live, SourceLinks: s.opts.SourceLinks, Version: s.version, CSS: css, JS: js,
		Brand: s.brand, Plain: (s.opts.Theme != nil || s.opts.Locale != nil) && !s.opts.SourceLinks}
}

// stripCell is one step in a rating strip.
type stripCell struct {
	Href, Word, Label string
}

// card is one journey on the index.
type card struct {
	Href, ID, Title, State, Path, Owner string
	Summary                             report.Summary
	Strip                               []stripCell
	Compare                             string // link to the comparison with its baseline
}

// clientGroup is one client's journeys; each row is one journey or a
// current/future pair.
type clientGroup struct {
	Name string
	Rows [][]*card
}

type heatCell struct {
	Word  string // "" when the lane has no entry in that journey
	Title string
}

type heatRow struct {
	Name, Zone string
	Cells      []heatCell
}

type heatmap struct {
	Journeys []*card
	Rows     []heatRow
}

type backlogRow struct {
	report.BacklogRow
	Href string
}

type ownerGroup struct {
	Owner string
	Rows  []backlogRow
}

type indexData struct {
	page
	// Total counts the current states only (report.Report.Total): a future
	// state is never added to the map it improves on.
	Total report.Summary
	// Current and Future count the journeys by state.
	Current, Future int
	Count           int
	Clients         []clientGroup
	Heat            heatmap
	Backlog         []ownerGroup
	Problems        []*problem
}

func (s *Site) card(e *entry, root string) *card {
	c := &card{
		Href: root + JourneyDir + "/" + e.Slug + ".html", ID: e.J.ID, Title: e.J.Title, State: state(e.J),
		Owner: e.J.Owner, Summary: e.Report.Summary,
	}
	if s.opts.SourceLinks {
		c.Path = e.J.Path
	}
	steps := slices.Clone(e.Report.Steps)
	slices.SortFunc(steps, func(a, b report.StepGap) int { return a.Index - b.Index })
	for _, g := range steps {
		label := g.StageName + ": " + g.Action + " — " + s.words.Rating(g.Rating)
		if g.Critical {
			label += s.words.T(", ") + s.words.Lower("Critical")
		}
		c.Strip = append(c.Strip, stripCell{Href: c.Href + "#step-" + g.ID, Word: g.Rating, Label: label})
	}
	if e.Baseline != nil {
		c.Compare = c.Href + "#compare"
	}
	return c
}

// Index writes the index page.
func (s *Site) Index(w io.Writer) error {
	d := indexData{page: s.page(s.words.T("Journeys"), ""), Total: s.report.Total, Count: len(s.entries), Problems: s.problems}
	for _, e := range s.entries {
		if state(e.J) == journey.Future {
			d.Future++
		} else {
			d.Current++
		}
	}
	cards := map[*entry]*card{}
	for _, e := range s.entries {
		cards[e] = s.card(e, "")
	}
	// Clients sorted by name, journeys without a client last; a future
	// state sits beside its baseline.
	groups := map[string]*clientGroup{}
	var names []string
	for _, e := range s.entries {
		if e.Baseline != nil {
			continue // drawn beside its baseline
		}
		g := groups[e.J.Client]
		if g == nil {
			g = &clientGroup{Name: e.J.Client}
			groups[e.J.Client] = g
			names = append(names, e.J.Client)
		}
		row := []*card{cards[e]}
		if e.Future != nil {
			row = append(row, cards[e.Future])
		}
		g.Rows = append(g.Rows, row)
	}
	slices.SortFunc(names, func(a, b string) int {
		if (a == "") != (b == "") {
			if a == "" {
				return 1
			}
			return -1
		}
		return strings.Compare(a, b)
	})
	for _, n := range names {
		d.Clients = append(d.Clients, *groups[n])
	}
	// The heatmap: lanes (worst first, as the inventory sorts them) by
	// journeys (by path); a cell is the lane's worst entry in that journey.
	for _, e := range s.entries {
		d.Heat.Journeys = append(d.Heat.Journeys, cards[e])
	}
	perJourney := make([]map[string]report.LaneRow, len(s.entries))
	for i, e := range s.entries {
		perJourney[i] = map[string]report.LaneRow{}
		for _, l := range e.Report.Lanes {
			perJourney[i][l.ID] = l
		}
	}
	for _, l := range s.report.Lanes {
		row := heatRow{Name: l.Name, Zone: l.Zone}
		for i, e := range s.entries {
			lr, ok := perJourney[i][l.ID]
			where := s.words.T("{x} in {y}", l.Name, e.J.Title)
			if !ok {
				row.Cells = append(row.Cells, heatCell{Title: where + ": " + s.words.T("not used")})
				continue
			}
			word := worstEntry(lr)
			w := s.words
			row.Cells = append(row.Cells, heatCell{Word: word, Title: where + ": " + w.Rating(word) + " (" +
				w.ratingCounts(lr.Red, lr.Yellow, lr.Green, lr.Unrated) + ")"})
		}
		d.Heat.Rows = append(d.Heat.Rows, row)
	}
	slugOf := map[string]string{}
	for _, e := range s.entries {
		slugOf[e.J.Path] = e.Slug
	}
	for _, g := range s.report.Backlog {
		og := ownerGroup{Owner: g.Owner}
		for _, r := range g.Rows {
			og.Rows = append(og.Rows, backlogRow{BacklogRow: r, Href: JourneyDir + "/" + slugOf[r.Path] + ".html#step-" + r.Step})
		}
		d.Backlog = append(d.Backlog, og)
	}
	return s.execute(w, "index", d)
}

// worstEntry is the worst rating among a lane's entries in one journey.
func worstEntry(l report.LaneRow) string {
	switch {
	case l.Red > 0:
		return journey.Red
	case l.Yellow > 0:
		return journey.Yellow
	case l.Green > 0:
		return journey.Green
	}
	return report.Unrated
}

// contact is a touchpoint or backstage entry in the details panel.
type contact struct {
	Lane, Does, Rating string
}

type source struct {
	ID, Kind, Title string
	// URL is the source's link (an http(s) URL or a path relative to the
	// journey file, as the format allows); Date and N are "" when absent.
	URL, Date, N string
}

// quote is a customer's words with who said them and where they come from.
type quote struct {
	Text, Source, Persona string
}

// opportunity is an idea with its backlog fields ("" when absent).
type opportunity struct {
	ID, Idea, Owner, Priority, Impact, Effort, Status string
}

// stepView is everything about one step, for its details panel.
type stepView struct {
	ID, Action, Stage, Rating string
	Critical                  bool
	Emotion                   string
	Touchpoints, Backstage    []contact
	Pains                     []string
	Quotes                    []quote
	Opportunities             []opportunity
	Metrics                   []report.MetricGap
	Duration                  string
	// Personas names who takes the step, when only some personas do.
	Personas []string
	Sources  []source
	Evidence []string
	Line     int
}

type journeyData struct {
	page
	Path, Slug string
	J          *journey.Journey
	Card       *card
	Report     report.JourneyReport
	Steps      []stepView
	SVG        template.HTML
	SVGError   string
	// Stages are the stage view: each stage with only its lanes.
	Stages            []stageView
	Baseline          *card
	Future            *card
	Diff              *diff.Diff
	DiffText          string
	DiffElse          string        // what else changed, in the site's words
	BaselineName      string        // the baseline's title and state, in the site's words
	DiffSVG           template.HTML // the picture of the change
	History           *history.History
	Persona           string
	Duration          string // the journey's total time, "" when no step has one
	HasHistoryFeature bool
	// Drivers ranks the steps as drivers of the journey's score (nil: no
	// --drivers data for it); DriversSummary says it in a sentence.
	Drivers        *measure.DriverReport
	DriversSummary string
}

// stageView is one stage of the blueprint's stage view.
type stageView struct {
	ID, Name, Steps string
	SVG             template.HTML
}

// Journey writes the page of the journey at path; bp is its blueprint
// laid out (Options.LayOut; nil, with bpErr, when it could not be).
func (s *Site) Journey(w io.Writer, path string, bp *Blueprint, bpErr error) error {
	e := s.byPath[path]
	if e == nil {
		for _, p := range s.problems {
			if p.Path == path {
				return s.Problem(w, p)
			}
		}
		return errNoPage
	}
	j := e.J
	d := journeyData{page: s.page(j.Title, "../"), Path: path, Slug: e.Slug, J: j, Card: s.card(e, "../"), Report: e.Report}
	var names []string
	for _, p := range j.Cast() {
		names = append(names, p.Name)
	}
	d.Persona = strings.Join(names, "; ")
	if total, ok := j.Duration(); ok {
		d.Duration = s.words.l.Duration(total)
	}
	labels := s.journeySteps(e, &d)
	if bpErr == nil && bp != nil {
		d.SVG, d.Stages, bpErr = s.blueprintViews(e, bp, labels)
	}
	if bpErr != nil {
		d.SVGError = bpErr.Error()
	}
	if e.Baseline != nil {
		s.journeyDiff(e, &d)
	}
	if e.Future != nil {
		d.Future = s.card(e.Future, "../")
	}
	if b, ok := w.(*bytes.Buffer); ok {
		b.Grow(len(d.SVG) + 64<<10 + len(d.Steps)*2<<10)
	}
	if s.opts.History {
		d.HasHistoryFeature = true
		d.History = gitHistory(j.Path)
	}
	if r := s.opts.Drivers[j.ID]; r != nil && len(r.Drivers) > 0 {
		d.Drivers, d.DriversSummary = r, measure.DriversSummary(*r)
	}
	return s.execute(w, "journey", d)
}

// journeySteps fills d.Steps with the journey's steps, in order, and
// returns the label of each step's box in the blueprint, by step ID.
func (s *Site) journeySteps(e *entry, d *journeyData) map[string]stepLabel {
	j := e.J
	labels := map[string]stepLabel{}
	lanes := map[string]string{}
	for _, l := range j.Lanes {
		lanes[l.ID] = l.Name
	}
	sources := map[string]journey.Source{}
	for _, src := range j.Sources {
		sources[src.ID] = src
	}
	for _, ref := range j.Steps() {
		v := s.viewStep(e, ref, lanes, sources)
		d.Steps = append(d.Steps, v)
		labels[ref.Step.ID] = stepLabel(s.words.T("Step: {x} ({y}). Show details", ref.Step.Action, s.words.Rating(v.Rating)))
	}
	return labels
}

// viewStep is one step of e's journey as its page shows it; lanes are the
// lanes' names and sources the journey's sources, by ID.
func (s *Site) viewStep(e *entry, ref journey.StepRef, lanes map[string]string, sources map[string]journey.Source) stepView {
	j, st := e.J, ref.Step
	v := stepView{ID: st.ID, Action: st.Action, Stage: ref.Stage.Name, Rating: ratingWord(st.Rating), Critical: st.Critical,
		Pains: st.Pains, Evidence: st.Evidence}
	if s.opts.SourceLinks {
		v.Line = st.Loc.Line
	}
	if st.Emotion != nil {
		v.Emotion = strconv.Itoa(*st.Emotion)
	}
	for _, c := range st.Touchpoints {
		v.Touchpoints = append(v.Touchpoints, contact{Lane: laneName(lanes, c.Lane.Value), Does: c.Does, Rating: ratingWord(c.Rating)})
	}
	for _, c := range st.Backstage {
		v.Backstage = append(v.Backstage, contact{Lane: laneName(lanes, c.Lane.Value), Does: c.Does, Rating: ratingWord(c.Rating)})
	}
	for _, o := range st.Opportunities {
		v.Opportunities = append(v.Opportunities, opportunity{ID: o.ID, Idea: o.Idea, Owner: o.Owner, Priority: o.Priority,
			Impact: scale(o.Impact), Effort: scale(o.Effort), Status: o.Status})
	}
	for _, q := range st.Quotes {
		v.Quotes = append(v.Quotes, quote{Text: q.Text, Source: sourceTitle(sources, q.Source.Value), Persona: personaName(j, q.Persona.Value)})
	}
	if st.Duration.Text != "" {
		v.Duration = s.words.l.Duration(st.Duration.D)
	}
	if len(st.Personas) > 0 {
		for _, p := range j.StepPersonas(st) {
			v.Personas = append(v.Personas, p.Name)
		}
	}
	for _, g := range e.Report.Steps {
		if g.ID == st.ID {
			v.Metrics = g.Metrics
			break
		}
	}
	for _, t := range st.Sources {
		src, ok := sources[t.Value]
		if !ok {
			src = journey.Source{ID: t.Value}
		}
		v.Sources = append(v.Sources, s.sourceView(j, src))
	}
	return v
}

// journeyDiff fills d with the change of e's journey since its baseline:
// the baseline's card, the diff in words and its picture.
func (s *Site) journeyDiff(e *entry, d *journeyData) {
	d.Baseline = s.card(e.Baseline, "../")
	d.Diff = e.diff()
	d.DiffElse, d.BaselineName = d.Diff.ElseIn(s.opts.Locale), d.Diff.Old.NameIn(s.opts.Locale)
	var b bytes.Buffer
	if err := diff.Text(&b, d.Diff, diff.FormatOptions{}); err == nil {
		d.DiffText = b.String()
	}
	// The picture of the change (docs/diff.md, "The picture"), drawn
	// without Graphviz as the blueprint is; none when it cannot be or
	// nothing changed.
	if pic, err := diff.SVGDirect(d.Diff, diff.PictureOptions{Rows: layout.DefaultRows(), Locale: s.opts.Locale, Theme: s.opts.Theme}); err == nil && !d.Diff.Empty() {
		d.DiffSVG, _ = inlineSVG(pic, "c-"+e.Slug, d.Diff.PictureTitle(s.opts.Locale), d.Diff.PictureTitle(s.opts.Locale), nil)
	}
}

// blueprintViews draws a journey's blueprint whole and stage by stage,
// inline.
func (s *Site) blueprintViews(e *entry, bp *Blueprint, labels map[string]stepLabel) (template.HTML, []stageView, error) {
	w, j, sum := s.words, e.J, e.Report.Summary
	counts := w.ratingCounts(sum.Red, sum.Yellow, sum.Green, sum.Unrated)
	svg, err := drawInline(bp.Full, false)
	if err != nil {
		return "", nil, err
	}
	desc := w.T("Service blueprint of {x}: {y} ({z}). Select a step to see its details.", j.Title, w.N("{n} steps", sum.Steps), counts)
	full, err := inlineSVG(svg, "j-"+e.Slug, j.Title, desc, labels)
	if err != nil {
		return "", nil, err
	}
	var stages []stageView
	for i, g := range bp.Stages {
		if g == nil || i >= len(j.Stages) {
			continue
		}
		st := j.Stages[i]
		svg, err := drawInline(g, true)
		if err != nil {
			return "", nil, err
		}
		prefix := "j-" + e.Slug + "-s" + strconv.Itoa(i+1)
		steps := w.N("{n} steps", len(st.Steps))
		title := st.Name + " · " + j.Title
		h, err := inlineSVG(svg, prefix, title, w.T("Stage {x}: {y}. Select a step to see its details.", st.Name, steps), labels)
		if err != nil {
			return "", nil, err
		}
		stages = append(stages, stageView{ID: prefix, Name: st.Name, Steps: steps, SVG: h})
	}
	// One stage is the whole journey: no switch.
	if len(stages) < 2 {
		stages = nil
	}
	return full, stages, nil
}

func laneName(names map[string]string, id string) string {
	if n := names[id]; n != "" {
		return n
	}
	return id
}

type problemData struct {
	page
	P *problem
}

// Problem writes the page of a file that does not validate: its findings.
func (s *Site) Problem(w io.Writer, p *problem) error {
	return s.execute(w, "problem", problemData{page: s.page(p.Path+" "+s.words.T("does not validate"), "../"), P: p})
}

// ProblemPage writes the findings page standing in for the journey page
// slug (serve, after a bad edit); ok is false when no file had that page.
func (s *Site) ProblemPage(w io.Writer, slug string) (ok bool, err error) {
	for _, p := range s.problems {
		if p.Slug == slug && slug != "" {
			return true, s.Problem(w, p)
		}
	}
	return false, nil
}

// PathOf is the file of the journey page slug ("" when none).
func (s *Site) PathOf(slug string) string {
	for _, e := range s.entries {
		if e.Slug == slug {
			return e.J.Path
		}
	}
	return ""
}

// JourneyOf is the journey at path (nil when it does not validate).
func (s *Site) JourneyOf(path string) *journey.Journey {
	if e := s.byPath[path]; e != nil {
		return e.J
	}
	return nil
}

type pageError string

func (e pageError) Error() string { return string(e) }

const errNoPage = pageError("no such page")

// execute runs a page's template into w (the callers write into a buffer
// and only then to a file or a response, so an error leaves nothing half
// written).
func (s *Site) execute(w io.Writer, name string, data any) error {
	if s.brandErr != nil {
		return s.brandErr
	}
	return tmplFor(s.words).ExecuteTemplate(w, name, data)
}

// sourceView is a source for a page: its link (sourceHref), date and
// sample size as text.
func (s *Site) sourceView(j *journey.Journey, src journey.Source) source {
	from := src.Origin
	if from == "" {
		from = j.Path
	}
	v := source{ID: src.ID, Kind: src.Kind, Title: src.Title, URL: s.sourceHref(from, src.URL)}
	if !src.Date.IsZero() {
		v.Date = s.words.Date(src.Date)
	}
	if src.N > 0 {
		v.N = "n=" + strconv.Itoa(src.N)
	}
	return v
}

// sourceTitle names a source by its title ("" for none, the id when it is
// not defined).
func sourceTitle(sources map[string]journey.Source, id string) string {
	if id == "" {
		return ""
	}
	if src, ok := sources[id]; ok && src.Title != "" {
		return src.Title
	}
	return id
}

// personaName names a persona by id ("" for none).
func personaName(j *journey.Journey, id string) string {
	if id == "" {
		return ""
	}
	if p, ok := j.PersonaByID(id); ok {
		return p.Name
	}
	return id
}

// scale shows a 1..5 value ("" when not given).
func scale(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}
