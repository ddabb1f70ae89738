// Package site builds the static site and the live preview of a portfolio
// of journeys (docs/site.md): an index (journeys
// grouped by client with their rating strips, current/future pairs, the lane
// inventory as a heatmap, the opportunity backlog) and a page per journey
// (the blueprint as inline SVG whose step cells open the step's details, the
// gap tables, the comparison with its baseline, its git history). Every
// figure comes from pkg/report, pkg/diff and pkg/history; this package only
// lays them out. Pages are html/template with the CSS and JS embedded, so a
// page needs nothing but itself.
package site

import (
	"cmp"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/cxmap/cxmap/pkg/diff"
	"github.com/cxmap/cxmap/pkg/finding"
	"github.com/cxmap/cxmap/pkg/gitrev"
	"github.com/cxmap/cxmap/pkg/history"
	"github.com/cxmap/cxmap/pkg/journey"
	"github.com/cxmap/cxmap/pkg/locale"
	"github.com/cxmap/cxmap/pkg/measure"
	"github.com/cxmap/cxmap/pkg/report"
	"github.com/cxmap/cxmap/pkg/theme"
)

// Input is one journey file: its journey when valid, else its findings.
type Input struct {
	Path     string
	Journey  *journey.Journey
	Findings []finding.Finding
	// Report is the journey's report when already built (serve keeps it
	// between updates); nil means build it.
	Report *report.JourneyReport
}

// Options choose what the pages show.
type Options struct {
	// History adds each journey's git history when its file is in a git
	// work tree (skipped quietly otherwise).
	History bool
	// Live marks pages served by `cxmap serve`: they listen for reloads.
	Live bool
	// Drivers are the steps ranked as drivers of each journey's score, by
	// journey id (cxmap site --drivers DATA): a section on its page.
	Drivers map[string]*measure.DriverReport
	// SourceLinks shows the team's own details: file paths, line numbers
	// and "· cxmap" in page titles (a client's site has none of them).
	SourceLinks bool
	// Theme is the client's brand: colours (as CSS variables), logo in the
	// header, font, footer and classification on every page. nil is
	// cxmap's own look (theme.Default()).
	Theme *theme.Theme
	// Locale is the language of every fixed word, number and date (nil is
	// English). The journeys' own text is never translated.
	Locale *locale.Locale
	// Layout lays out each journey's blueprint (nil: Options.LayOut);
	// cxmap site --cache passes one that keeps the grids between runs.
	Layout Layouts
}

// Site is a portfolio ready to be written as pages. It holds the journeys
// (for the diffs and the step details) and their reports.
type Site struct {
	opts     Options
	entries  []*entry // valid journeys, by path
	problems []*problem
	byPath   map[string]*entry
	report   *report.Report
	version  int
	// sources are the research files the pages link to (sources.go).
	sources *sourceFiles
	dups    []string // journeys refused for a duplicate id
	// words writes fixed words, numbers and dates in the site's language;
	// brand is the theme and language every page shows (brandErr when a
	// theme file could not be read: every page then fails with it).
	words    *words
	brand    brand
	brandErr error
}

// Duplicates are the messages of the journeys refused because another file
// has the same journey id (each names both files).
func (s *Site) Duplicates() []string { return s.dups }

// entry is one valid journey with its page.
type entry struct {
	J      *journey.Journey
	Report report.JourneyReport
	Slug   string // page name without .html
	// Baseline is the current-state journey a future one is compared to;
	// Future the future state of a current one.
	Baseline *entry
	Future   *entry
}

// problem is a file that does not validate.
type problem struct {
	Path     string
	Slug     string // the page it had when it last validated ("" if never)
	Findings []string
}

// Page names: the index, and journeys/<slug>.html.
const (
	IndexPage  = "index.html"
	JourneyDir = "journeys"
)

// New builds the site's data. slugs, when given, keeps a page name per path
// across rebuilds (serve: a page that stops validating keeps its address);
// it is updated with the names given now.
func New(inputs []Input, o Options, slugs map[string]string) *Site {
	s := &Site{opts: o, byPath: map[string]*entry{}, words: newWords(o.Locale, o.Theme)}
	s.brand, s.brandErr = newBrand(o.Theme, o.Locale)
	inputs = slices.Clone(inputs)
	slices.SortStableFunc(inputs, func(a, b Input) int { return cmp.Compare(a.Path, b.Path) })
	used := map[string]bool{}
	var jrs []report.JourneyReport
	idPath := map[string]string{}
	for _, in := range inputs {
		if in.Journey == nil {
			continue
		}
		// Two files with one journey id would be two pages with one
		// title and address: the later file is refused, naming both.
		if other, ok := idPath[in.Journey.ID]; ok {
			msg := fmt.Sprintf("%s: journey id %q is also the id of %s: give one of them another id (a site has one page per journey)", in.Path, in.Journey.ID, other)
			s.dups = append(s.dups, msg)
			p := &problem{Path: in.Path, Findings: []string{msg}}
			if slugs != nil && !used[slugs[in.Path]] {
				p.Slug = slugs[in.Path]
			}
			s.problems = append(s.problems, p)
			continue
		}
		idPath[in.Journey.ID] = in.Path
		e := &entry{J: in.Journey}
		if in.Report != nil {
			e.Report = *in.Report
		} else {
			e.Report = report.BuildJourney(in.Journey, report.Options{Workbook: true})
		}
		e.Slug = uniqueSlug(in.Journey.ID, used)
		s.entries = append(s.entries, e)
		s.byPath[in.Path] = e
		jrs = append(jrs, e.Report)
		if slugs != nil {
			slugs[in.Path] = e.Slug
		}
	}
	for _, in := range inputs {
		if in.Journey != nil {
			continue
		}
		p := &problem{Path: in.Path}
		if slugs != nil && !used[slugs[in.Path]] {
			p.Slug = slugs[in.Path]
		}
		fs := slices.Clone(in.Findings)
		finding.Sort(fs)
		for _, f := range finding.Dedup(fs) {
			p.Findings = append(p.Findings, f.String())
		}
		s.problems = append(s.problems, p)
	}
	s.report = report.Assemble(jrs, report.Options{Workbook: true})
	s.pair()
	s.resolveSources()
	return s
}

// uniqueSlug is the journey id, with -2, -3… when two files share an id.
func uniqueSlug(id string, used map[string]bool) string {
	if id == "" {
		id = "journey"
	}
	s := id
	for n := 2; used[s]; n++ {
		s = id + "-" + strconv.Itoa(n)
	}
	used[s] = true
	return s
}

// pair finds each future-state journey's baseline: the file its
// `baseline:` names when that file is in the site, else the current-state
// journey with the same id, or whose id plus "-future" is the future's id.
func (s *Site) pair() {
	current := map[string]*entry{}
	byPath := map[string]*entry{}
	for _, e := range s.entries {
		if state(e.J) == journey.Current {
			if _, dup := current[e.J.ID]; !dup {
				current[e.J.ID] = e
			}
			byPath[filepath.Clean(e.J.Path)] = e
		}
	}
	for _, e := range s.entries {
		if state(e.J) != journey.Future {
			continue
		}
		b := byPath[filepath.Clean(e.J.BaselinePath())]
		if e.J.BaselinePath() == "" || b == nil {
			b = baselineOf(e.J, current)
		}
		if b != nil && b.Future == nil {
			e.Baseline, b.Future = b, e
		}
	}
}

// baselineOf is the current-state journey a future-state one is compared with.
func baselineOf(j *journey.Journey, current map[string]*entry) *entry {
	if b := current[j.ID]; b != nil {
		return b
	}
	if id, ok := strings.CutSuffix(j.ID, "-future"); ok {
		return current[id]
	}
	return nil
}

func state(j *journey.Journey) string {
	if j.State == "" {
		return journey.Current
	}
	return j.State
}

// Pages lists every page name, index first, then journeys by path; pages of
// files that stopped validating keep their name (serve).
func (s *Site) Pages() []string {
	out := []string{IndexPage}
	for _, e := range s.entries {
		out = append(out, JourneyDir+"/"+e.Slug+".html")
	}
	return out
}

// Len is how many valid journeys the site has.
func (s *Site) Len() int { return len(s.entries) }

// Problems is how many files do not validate.
func (s *Site) Problems() int { return len(s.problems) }

// Diff compares a future-state journey with its baseline (nil when it has none).
func (e *entry) diff() *diff.Diff {
	if e.Baseline == nil {
		return nil
	}
	return diff.Compare(e.Baseline.J, e.J)
}

// gitHistory is the journey file's git history, nil when it is not in git.
// Building it reads every version of the file (about 1 s for 300 commits),
// so it is kept per file until HEAD moves or the file changes (histories).
func gitHistory(path string) *history.History {
	if path == "" || path == "-" {
		return nil
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil
	}
	fi, err := os.Stat(abs)
	if err != nil {
		return nil
	}
	repo := gitrev.Repo{Dir: filepath.Dir(abs)}
	head, err := repo.Commit("HEAD")
	if err != nil {
		return nil // not in git, or no commit yet
	}
	key := historyKey{head: head, size: fi.Size(), mtime: fi.ModTime().UnixNano()}
	histories.Lock()
	c, ok := histories.m[abs]
	histories.Unlock()
	if ok && c.key == key {
		return c.h
	}
	h, err := history.Build(repo, filepath.Base(abs))
	if err != nil {
		h = nil
	}
	histories.Lock()
	histories.m[abs] = cachedHistory{key: key, h: h}
	histories.Unlock()
	return h
}

// histories keeps each file's history (serve asks for it on every request
// of the page), with what it was built from.
var histories = struct {
	sync.Mutex
	m map[string]cachedHistory // by absolute path
}{m: map[string]cachedHistory{}}

type cachedHistory struct {
	key historyKey
	h   *history.History
}

// historyKey is what a history depends on: the commit HEAD names, and the
// file (its size and time of change).
type historyKey struct {
	head        string
	size, mtime int64
}

// Compact lets go of what a journey keeps only for messages and lint: the
// parsed YAML tree and the places of keys inside it (every Loc keeps its
// YAML node). Lines stay (Loc.Range), and the file's bytes (Raw) too. The
// tree is most of a loaded journey's memory, so a site of a large
// portfolio holds the models without it.
func Compact(j *journey.Journey) {
	j.Doc = nil
	loc := func(l *journey.Loc) { *l = journey.Loc{Range: l.Range} }
	loc(&j.Loc)
	if j.Persona != nil {
		loc(&j.Persona.Loc)
	}
	for i := range j.Sources {
		loc(&j.Sources[i].Loc)
	}
	for i := range j.Lanes {
		loc(&j.Lanes[i].Loc)
	}
	for si := range j.Stages {
		st := &j.Stages[si]
		loc(&st.Loc)
		for i := range st.Steps {
			s := &st.Steps[i]
			loc(&s.Loc)
			for k := range s.Touchpoints {
				loc(&s.Touchpoints[k].Loc)
			}
			for k := range s.Backstage {
				loc(&s.Backstage[k].Loc)
			}
			for k := range s.Opportunities {
				loc(&s.Opportunities[k].Loc)
			}
			for k := range s.Metrics {
				loc(&s.Metrics[k].Loc)
			}
		}
	}
}
