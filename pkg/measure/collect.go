package measure

import (
	"fmt"
	"github.com/cxmap/cxmap/internal/names"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/cxmap/cxmap/pkg/journey"
)

// Kind is the kind of a metric: the three standard ones, or a question of
// the client's own (answered on 0-10).
type Kind int

// Metric kinds.
const (
	KindQuestion Kind = iota
	KindNPS
	KindCSAT
	KindCES
)

// KindOf is the kind of a metric as the data names it.
func KindOf(metric string) Kind {
	switch strings.ToLower(metric) {
	case "nps":
		return KindNPS
	case "csat":
		return KindCSAT
	case "ces":
		return KindCES
	}
	return KindQuestion
}

// scale is the range of whole scores a kind is answered on.
type scale struct{ min, max int }

var scales = map[Kind]scale{KindNPS: {0, 10}, KindCSAT: {1, 5}, KindCES: {1, 7}, KindQuestion: {0, 10}}

// Limits bound what one run reads (docs/measure.md, "Limits").
const (
	MaxRowsPerFile = 10_000_000 // data rows in one file
	MaxFiles       = 64         // data files in one run
	MaxCells       = 200_000    // distinct journey/step/lane/segment/metric combinations
	MaxLineBytes   = 1 << 20    // one CSV line
	MaxXLSXBytes   = 64 << 20   // one XLSX file
	MaxProblems    = 20         // problems listed before the rest are counted
)

// Known is what measure needs of a journey: its id and the ids its data
// may name, in file order.
type Known struct {
	ID, Path string
	Steps    []string
	Lanes    []string
	Critical map[string]bool
	Actions  map[string]string // step id -> action
	// Ratings are the steps' ratings by id, and the touchpoints' by step
	// id + "\x00" + lane id.
	Ratings map[string]string
	stepSet map[string]bool
	laneSet map[string]bool
}

// FromJourney is what measure knows of a loaded journey.
func FromJourney(j *journey.Journey) *Known {
	k := &Known{ID: j.ID, Path: j.Path, Critical: map[string]bool{}, Actions: map[string]string{}, Ratings: map[string]string{},
		stepSet: map[string]bool{}, laneSet: map[string]bool{}}
	for _, st := range j.Stages {
		for _, s := range st.Steps {
			k.Steps = append(k.Steps, s.ID)
			k.stepSet[s.ID] = true
			k.Actions[s.ID] = s.Action
			k.Ratings[s.ID] = s.Rating
			for _, c := range s.Touchpoints {
				k.Ratings[s.ID+"\x00"+c.Lane.Value] = c.Rating
			}
			if s.Critical {
				k.Critical[s.ID] = true
			}
		}
	}
	for _, l := range j.Lanes {
		k.Lanes = append(k.Lanes, l.ID)
		k.laneSet[l.ID] = true
	}
	return k
}

// Row is one answer.
type Row struct {
	Line                                             int // the row's line (CSV) or row number (XLSX), 1-based
	Journey, Step, Lane, Metric, Respondent, Segment string
	Score                                            float64
	Day                                              int32 // days since 1970-01-01 plus one; 0 when undated
}

// acc accumulates the answers of one cell.
type acc struct {
	counts      [11]int // whole scores 0..10
	n           int
	sum, sumSq  float64
	first, last int32 // Day values; 0 when no answer was dated
	files       uint64
}

func (a *acc) add(score float64, day int32, file int) {
	a.n++
	a.sum += score
	a.sumSq += score * score
	if s := int(score); float64(s) == score && s >= 0 && s <= 10 {
		a.counts[s]++
	}
	if day != 0 {
		if a.first == 0 || day < a.first {
			a.first = day
		}
		if day > a.last {
			a.last = day
		}
	}
	a.files |= 1 << uint(file)
}

func (a *acc) merge(b *acc) {
	for i, c := range b.counts {
		a.counts[i] += c
	}
	a.n += b.n
	a.sum += b.sum
	a.sumSq += b.sumSq
	if b.first != 0 && (a.first == 0 || b.first < a.first) {
		a.first = b.first
	}
	if b.last > a.last {
		a.last = b.last
	}
	a.files |= b.files
}

type cellKey struct{ journey, step, lane, segment, metric string }

// File is one data file read.
type File struct {
	Path        string
	Answers     int // rows counted
	Respondents int // distinct respondents, 0 when there is no respondent column
	First, Last time.Time
	// Journeys are the same counts per journey id.
	Journeys map[string]*Sample
	// respondents holds each respondent id with a bit per journey they
	// answered about (the journey's Sample.bit; past 63 journeys in one
	// file, journeys share the last bit and their counts are not kept).
	respondents map[string]uint64
	first, last int32
	withIDs     bool
}

// Sample is how many answers and respondents a file has for one journey,
// and the date of its newest answer.
type Sample struct {
	Answers, Respondents int
	Last                 time.Time
	bit                  uint64
	last                 int32
}

// Collector gathers answers from data files, checks them against the
// journeys, and computes the figures.
type Collector struct {
	known    map[string]*Known
	order    []string // journey ids in the order given
	cells    map[cellKey]*acc
	files    []*File
	problems []string
	more     int // problems not listed
	unknown  map[string]*unknownID
	unkOrder []string
	warnings []string
	drivers  *driverData // nil unless Options.Drivers
}

type unknownID struct {
	what, id, journey, file string
	line, count             int
	hint                    string
}

// Options change what a Collector keeps.
type Options struct {
	// Drivers keeps every respondent's answers for Drivers.
	Drivers bool
}

// NewCollector checks data against the journeys given (none: ids are not
// checked).
func NewCollector(journeys []*Known, o Options) *Collector {
	c := &Collector{known: map[string]*Known{}, cells: map[cellKey]*acc{}, unknown: map[string]*unknownID{}}
	for _, k := range journeys {
		if _, dup := c.known[k.ID]; !dup {
			c.order = append(c.order, k.ID)
		}
		c.known[k.ID] = k
	}
	if o.Drivers {
		c.drivers = &driverData{people: map[string]map[string]*respondent{}, index: map[string]uint16{}}
	}
	return c
}

func (c *Collector) problem(file string, line int, format string, a ...any) {
	if len(c.problems) >= MaxProblems {
		c.more++
		return
	}
	c.problems = append(c.problems, fmt.Sprintf("%s:%d: ", file, line)+fmt.Sprintf(format, a...))
}

func (c *Collector) warn(format string, a ...any) {
	if len(c.warnings) < MaxProblems {
		c.warnings = append(c.warnings, fmt.Sprintf(format, a...))
	}
}

func (c *Collector) unknownRef(what, id, jid, file string, line int, candidates []string) {
	key := what + "\x00" + jid + "\x00" + id + "\x00" + file
	u := c.unknown[key]
	if u == nil {
		u = &unknownID{what: what, id: id, journey: jid, file: file, line: line}
		if s := names.Suggest(id, candidates); s != "" {
			u.hint = fmt.Sprintf("; did you mean %q?", s)
		}
		c.unknown[key] = u
		c.unkOrder = append(c.unkOrder, key)
	}
	u.count++
}

// Err is every problem found in the data, one per line, or nil.
func (c *Collector) Err() error {
	var lines []string
	for _, key := range c.unkOrder {
		u := c.unknown[key]
		s := fmt.Sprintf("%s:%d: unknown %s %q", u.file, u.line, u.what, u.id)
		if u.journey != "" && u.what != "journey" {
			s += fmt.Sprintf(" in journey %q", u.journey)
		}
		if u.count > 1 {
			s += fmt.Sprintf(" (%d rows)", u.count)
		}
		lines = append(lines, s+u.hint)
	}
	lines = append(lines, c.problems...)
	if c.more > 0 {
		lines = append(lines, fmt.Sprintf("... and %d more problems", c.more))
	}
	if len(lines) == 0 {
		return nil
	}
	return fmt.Errorf("%s", strings.Join(lines, "\n"))
}

// Warnings are things worth saying that do not stop the run (formulas
// read as their cached values, rows without a score).
func (c *Collector) Warnings() []string { return c.warnings }

// Files are the data files read, in the order given.
func (c *Collector) Files() []*File { return c.files }

// begin starts a file; its index goes with every answer from it.
func (c *Collector) begin(path string, respondents bool) (int, error) {
	if len(c.files) >= MaxFiles {
		return 0, fmt.Errorf("%s: more than %d data files in one run", path, MaxFiles)
	}
	f := &File{Path: path, Journeys: map[string]*Sample{}, withIDs: respondents}
	if respondents {
		f.respondents = map[string]uint64{}
	}
	c.files = append(c.files, f)
	return len(c.files) - 1, nil
}

func (c *Collector) end(fi int) {
	f := c.files[fi]
	f.Respondents = len(f.respondents)
	for _, s := range f.Journeys {
		if s.bit != 1<<63 {
			for _, bits := range f.respondents {
				if bits&s.bit != 0 {
					s.Respondents++
				}
			}
		}
		s.Last = dayTime(s.last)
	}
	f.respondents = nil
	f.First, f.Last = dayTime(f.first), dayTime(f.last)
}

// add checks one answer and counts it.
func (c *Collector) add(fi int, r *Row) {
	f := c.files[fi]
	kind := KindOf(r.Metric)
	sc := scales[kind]
	switch {
	case r.Metric == "":
		c.problem(f.Path, r.Line, "no metric (write nps, csat, ces or a question id)")
		return
	case math.IsNaN(r.Score) || math.IsInf(r.Score, 0):
		c.problem(f.Path, r.Line, "score is not a number")
		return
	case r.Score < float64(sc.min) || r.Score > float64(sc.max):
		msg := fmt.Sprintf("%s score %s is out of range %d-%d", r.Metric, strconv.FormatFloat(r.Score, 'f', -1, 64), sc.min, sc.max)
		if hint := mixedHint(kind, r.Score); hint != "" {
			msg += " (" + hint + ")"
		}
		c.problem(f.Path, r.Line, "%s", msg)
		return
	case kind != KindQuestion && r.Score != math.Trunc(r.Score):
		c.problem(f.Path, r.Line, "%s score %s is not a whole number on %d-%d", r.Metric, strconv.FormatFloat(r.Score, 'f', -1, 64), sc.min, sc.max)
		return
	}
	if kind != KindQuestion {
		r.Metric = strings.ToLower(r.Metric)
	}
	jid := r.Journey
	if len(c.known) > 0 {
		k := c.known[jid]
		if k == nil && jid == "" && len(c.order) == 1 {
			k = c.known[c.order[0]]
			jid = k.ID
		}
		switch {
		case k == nil && jid == "":
			c.problem(f.Path, r.Line, "no journey id, and %d journeys are given: add a journey column", len(c.order))
			return
		case k == nil:
			c.unknownRef("journey", jid, "", f.Path, r.Line, c.order)
			return
		}
		if r.Step != "" && !k.stepSet[r.Step] {
			c.unknownRef("step", r.Step, jid, f.Path, r.Line, k.Steps)
			return
		}
		if r.Lane != "" && !k.laneSet[r.Lane] {
			c.unknownRef("lane", r.Lane, jid, f.Path, r.Line, k.Lanes)
			return
		}
	}
	key := cellKey{jid, r.Step, r.Lane, r.Segment, r.Metric}
	a := c.cells[key]
	if a == nil {
		if len(c.cells) >= MaxCells {
			c.problem(f.Path, r.Line, "more than %d distinct journey, step, lane, segment and metric combinations", MaxCells)
			return
		}
		a = &acc{}
		c.cells[key] = a
	}
	a.add(r.Score, r.Day, fi)
	f.Answers++
	if r.Day != 0 {
		if f.first == 0 || r.Day < f.first {
			f.first = r.Day
		}
		if r.Day > f.last {
			f.last = r.Day
		}
	}
	sm := f.Journeys[jid]
	if sm == nil {
		sm = &Sample{bit: 1 << min(len(f.Journeys), 63)}
		f.Journeys[jid] = sm
	}
	sm.Answers++
	if r.Day > sm.last {
		sm.last = r.Day
	}
	if f.withIDs && r.Respondent != "" {
		if bits, ok := f.respondents[r.Respondent]; !ok || bits&sm.bit == 0 {
			f.respondents[r.Respondent] = bits | sm.bit
		}
	}
	if c.drivers != nil && r.Respondent != "" && (r.Step != "" || r.Lane == "") {
		c.keep(jid, r)
	}
}

// mixedHint says which other scale a score out of range looks like.
func mixedHint(k Kind, v float64) string {
	switch {
	case k == KindCSAT && v >= 0 && v <= 10:
		return "csat is answered on 1-5; this looks like a 0-10 answer: mixed scales in one metric?"
	case k == KindCES && v >= 0 && v <= 10:
		return "ces is answered on 1-7; this looks like a 0-10 answer: mixed scales in one metric?"
	case v >= 15 && v <= 100:
		return "this looks like a percentage: give each answer, not a computed figure"
	}
	return ""
}

// parseDay reads a date written YYYY-MM-DD (anything after the tenth
// character, such as a time, is ignored) as a Day value.
func parseDay(s string) (int32, bool) {
	s = strings.TrimSpace(s)
	if len(s) < 10 || s[4] != '-' || s[7] != '-' {
		return 0, false
	}
	y, ok1 := digits(s[0:4])
	m, ok2 := digits(s[5:7])
	d, ok3 := digits(s[8:10])
	if !ok1 || !ok2 || !ok3 || m < 1 || m > 12 || d < 1 || d > 31 {
		return 0, false
	}
	if len(s) > 10 && s[10] != 'T' && s[10] != ' ' {
		return 0, false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return 0, false
	}
	return int32(t.Unix()/86400) + 1, true
}

func digits(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, true
}

func dayTime(d int32) time.Time {
	if d == 0 {
		return time.Time{}
	}
	return time.Unix(int64(d-1)*86400, 0).UTC()
}
