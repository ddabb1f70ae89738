package report

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/cxmap/cxmap/internal/registry"
	"github.com/cxmap/cxmap/internal/textsafe"
)

// The views of the report (`report --by`).
const (
	ByStep  = "step"  // the gap report: steps worst first (the default)
	ByLane  = "lane"  // the touchpoint inventory across journeys
	ByOwner = "owner" // the opportunity backlog grouped by owner
)

// View is one way to look at the journeys (--by); its writer in each
// format is the format's (Formats).
type View struct {
	registry.Meta
	pick func(Writers) Formatter
}

// Writer is the view's writer in format f.
func (v View) Writer(f registry.Format[Writers]) Formatter { return v.pick(f.Write) }

// Views is the only list of the --by values.
var Views = registry.New("--by",
	View{registry.Meta{Name: ByLane, Help: "touchpoint inventory: every lane across journeys, worst first"}, func(w Writers) Formatter { return w.Lane }},
	View{registry.Meta{Name: ByOwner, Help: "opportunity backlog: one row per opportunity, grouped by owner"}, func(w Writers) Formatter { return w.Owner }},
	View{registry.Meta{Name: ByStep, Help: "steps worst first, with pains, owners and metric gaps"}, func(w Writers) Formatter { return w.Step }},
)

// Writer is the writer of a view (--by) in a format (-f).
func Writer(by, format string) (Formatter, error) {
	v, err := Views.Lookup(by)
	if err != nil {
		return nil, err
	}
	f, err := Formats.Lookup(format)
	if err != nil {
		return nil, err
	}
	return v.Writer(f), nil
}

// viewTable is the data of a view as header and rows of plain text; columns
// from num on are right-aligned numbers. A table for people (table,
// markdown) has the words of the report's locale; one for programs (CSV)
// has the keys and values that never change (docs/report.md, "Locales").
type viewTable struct {
	header []string
	rows   [][]string
	num    int
}

// laneKeys name the lane view's CSV columns.
var laneKeys = []string{"lane", "zone", "channel", "journeys", "steps", "red", "yellow", "green", "unrated", "critical_at_risk"}

func laneRows(r *Report, t words, people bool) viewTable {
	v := viewTable{header: laneKeys, num: 3}
	if people {
		v.header = append(append(t.all("Lane", "Zone", "Channel", "Journeys", "Steps"), t.ratingHeaders()...), t.T("Critical at risk"))
	} else {
		t = words{}
	}
	for _, l := range r.Lanes {
		v.rows = append(v.rows, []string{l.Name, l.Zone, l.Channel, t.Int(len(l.Journeys)), t.Int(l.Steps),
			t.Int(l.Red), t.Int(l.Yellow), t.Int(l.Green), t.Int(l.Unrated), t.Int(l.CriticalAtRisk)})
	}
	return v
}

// ownerKeys name the owner view's CSV columns.
var ownerKeys = []string{"owner", "id", "idea", "priority", "impact", "effort", "status", "journey", "step", "rating", "critical"}

func ownerRows(r *Report, t words, people bool) viewTable {
	v := viewTable{header: ownerKeys}
	if people {
		v.header = t.all("Owner", "Id", "Idea", "Priority", "Impact", "Effort", "Status", "Journey", "Step", "Rating", "Critical")
	}
	for _, g := range r.Backlog {
		for _, o := range g.Rows {
			rating, crit, owner, status := o.Rating, yesNo(o.Critical), o.Owner, o.StatusText()
			if people {
				rating, crit, status = t.Rating(o.Rating), "", t.statusText(o)
				if o.Critical {
					crit = t.T("yes")
				}
				if owner == NoOwner {
					owner = t.T(NoOwner)
				}
			}
			v.rows = append(v.rows, []string{owner, o.ID, o.Idea, o.Priority, scale(o.Impact), scale(o.Effort), status,
				o.Journey, o.Step, rating, crit})
		}
	}
	return v
}

// statusText is BacklogRow.StatusText in the report's words.
func (t words) statusText(r BacklogRow) string {
	if t.loc == nil {
		return r.StatusText()
	}
	s := r.Status
	if r.Was != "" && r.Was != r.Status {
		if s == "" {
			s = t.T("none")
		}
		s += " (" + t.T("was: {x}", r.Was) + ")"
	}
	return s
}

// scale shows a 1..5 value ("" when not given).
func scale(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return ""
}

// viewTitle heads the table and markdown of a view.
func (t words) viewTitle(r *Report) string {
	n := len(r.Journeys)
	switch r.Options.By {
	case ByLane:
		return t.T("Touchpoint inventory: {x} across {y}", t.N("{n} lanes", len(r.Lanes)), t.N("{n} journeys", n))
	default:
		ops := 0
		for _, g := range r.Backlog {
			ops += len(g.Rows)
		}
		return t.T("Opportunity backlog: {x}, {y}, across {z}", t.N("{n} opportunities", ops), t.N("{n} owners", len(r.Backlog)), t.N("{n} journeys", n))
	}
}

func writeViewTable(w io.Writer, r *Report, t viewTable, o FormatOptions) error {
	if _, err := fmt.Fprintln(w, textsafe.Line(wordsOf(r).viewTitle(r))); err != nil {
		return err
	}
	rows := make([][]string, len(t.rows))
	for i, row := range t.rows {
		rows[i] = make([]string, len(row))
		for k, c := range row {
			rows[i][k] = textsafe.Line(c)
		}
	}
	// Text columns wrap to fit the terminal, as in the step report.
	wrap := make([]bool, len(t.header))
	for i := range wrap {
		wrap[i] = t.num == 0 || i < t.num
	}
	header := append([]string(nil), t.header...)
	width := o.Width
	if width <= 0 {
		width = 1 << 20
	}
	widths, _ := fitWidthsOK(header, rows, wrap, width)
	bw := bufio.NewWriter(w)
	wrapCells(header, rows, wrap, widths)
	drawBox(bw, header, rows, widths, t.num, nil)
	return bw.Flush()
}

func writeViewMarkdown(w io.Writer, r *Report, t viewTable) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "## %s\n\n| %s |\n|", textsafe.Markdown(wordsOf(r).viewTitle(r)), strings.Join(t.header, " | "))
	for i := range t.header {
		if t.num > 0 && i >= t.num {
			bw.WriteString("--:|")
		} else {
			bw.WriteString("---|")
		}
	}
	bw.WriteString("\n")
	for _, row := range t.rows {
		bw.WriteString("|")
		for _, c := range row {
			bw.WriteString(" " + textsafe.Markdown(c) + " |")
		}
		bw.WriteString("\n")
	}
	return bw.Flush()
}

// writeViewCSV writes the rows as RFC 4180 with snake_case column names;
// text cells are defused, numbers written as numbers.
func writeViewCSV(w io.Writer, t viewTable) error {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if err := cw.Write(t.header); err != nil {
		return err
	}
	for _, row := range t.rows {
		out := make([]string, len(row))
		for i, c := range row {
			if _, err := strconv.Atoi(c); err == nil {
				out[i] = c
			} else {
				out[i] = defuse(c)
			}
		}
		if err := cw.Write(out); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func writeViewJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

func laneTable(w io.Writer, r *Report, o FormatOptions) error {
	return writeViewTable(w, r, laneRows(r, wordsOf(r), true), o)
}
func laneMarkdown(w io.Writer, r *Report, _ FormatOptions) error {
	t := wordsOf(r)
	if err := writeViewMarkdown(w, r, laneRows(r, t, true)); err != nil {
		return err
	}
	// What hurts in each lane, red first, so the inventory says why.
	bw := bufio.NewWriter(w)
	for _, l := range r.Lanes {
		if len(l.Worst) == 0 {
			continue
		}
		fmt.Fprintf(bw, "\n### %s\n\n", textsafe.Markdown(l.Name))
		for _, e := range l.Worst {
			fmt.Fprintf(bw, "- %s %s · %s: %s — %s\n", mdRatingMark(e.Rating), textsafe.Markdown(e.Journey), textsafe.Markdown(e.Action), textsafe.Markdown(e.Does), t.Rating(e.Rating))
		}
	}
	return bw.Flush()
}
func laneCSV(w io.Writer, r *Report, _ FormatOptions) error {
	return writeViewCSV(w, laneRows(r, words{}, false))
}
func laneJSON(w io.Writer, r *Report, _ FormatOptions) error {
	lanes := r.Lanes
	if lanes == nil {
		lanes = []LaneRow{}
	}
	return writeViewJSON(w, struct {
		Journeys int       `json:"journeys"`
		Lanes    []LaneRow `json:"lanes"`
	}{len(r.Journeys), lanes})
}

func ownerTable(w io.Writer, r *Report, o FormatOptions) error {
	return writeViewTable(w, r, ownerRows(r, wordsOf(r), true), o)
}
func ownerMarkdown(w io.Writer, r *Report, _ FormatOptions) error {
	bw := bufio.NewWriter(w)
	t := wordsOf(r)
	fmt.Fprintf(bw, "## %s\n", textsafe.Markdown(t.viewTitle(r)))
	for _, g := range r.Backlog {
		owner := g.Owner
		if owner == NoOwner {
			owner = t.T(NoOwner)
		}
		fmt.Fprintf(bw, "\n### %s\n\n| %s |\n|---|---|---|--:|--:|---|---|---|---|\n", textsafe.Markdown(owner),
			strings.Join(t.all("Id", "Idea", "Priority", "Impact", "Effort", "Status", "Journey", "Step", "Rating"), " | "))
		for _, o := range g.Rows {
			crit := ""
			if o.Critical {
				crit = " (" + t.T("critical") + ")"
			}
			fmt.Fprintf(bw, "| %s | %s | %s | %s | %s | %s | %s | %s | %s %s%s |\n", textsafe.Markdown(o.ID), textsafe.Markdown(o.Idea), o.Priority,
				scale(o.Impact), scale(o.Effort), o.Status, textsafe.Markdown(o.Journey), textsafe.Markdown(o.Step), mdRatingMark(o.Rating), t.Rating(o.Rating), crit)
		}
	}
	return bw.Flush()
}
func ownerCSV(w io.Writer, r *Report, _ FormatOptions) error {
	return writeViewCSV(w, ownerRows(r, words{}, false))
}
func ownerJSON(w io.Writer, r *Report, _ FormatOptions) error {
	groups := r.Backlog
	if groups == nil {
		groups = []OwnerGroup{}
	}
	return writeViewJSON(w, struct {
		Journeys int          `json:"journeys"`
		Owners   []OwnerGroup `json:"owners"`
	}{len(r.Journeys), groups})
}

// mdRatingMark is a rating's coloured circle for markdown.
func mdRatingMark(rating string) string {
	switch rating {
	case "red":
		return "🔴"
	case "yellow":
		return "🟡"
	case "green":
		return "🟢"
	}
	return "⚪"
}
