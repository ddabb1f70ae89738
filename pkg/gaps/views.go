package gaps

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
// from num on are right-aligned numbers.
type viewTable struct {
	header []string
	rows   [][]string
	num    int
}

var laneHeader = []string{"Lane", "Zone", "Channel", "Journeys", "Steps", "Red", "Yellow", "Green", "Unrated", "Critical at risk"}

func laneRows(r *Report) viewTable {
	t := viewTable{header: laneHeader, num: 3}
	for _, l := range r.Lanes {
		t.rows = append(t.rows, []string{l.Name, l.Zone, l.Channel, strconv.Itoa(len(l.Journeys)), strconv.Itoa(l.Steps),
			strconv.Itoa(l.Red), strconv.Itoa(l.Yellow), strconv.Itoa(l.Green), strconv.Itoa(l.Unrated), strconv.Itoa(l.CriticalAtRisk)})
	}
	return t
}

var ownerHeader = []string{"Owner", "Id", "Idea", "Priority", "Impact", "Effort", "Status", "Journey", "Step", "Rating", "Critical"}

func ownerRows(r *Report) viewTable {
	t := viewTable{header: ownerHeader}
	for _, g := range r.Backlog {
		for _, o := range g.Rows {
			t.rows = append(t.rows, []string{o.Owner, o.ID, o.Idea, o.Priority, scale(o.Impact), scale(o.Effort), o.StatusText(),
				o.Journey, o.Step, o.Rating, yesNo(o.Critical)})
		}
	}
	return t
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
func viewTitle(r *Report) string {
	n := len(r.Journeys)
	switch r.Options.By {
	case ByLane:
		return fmt.Sprintf("Touchpoint inventory: %s across %s", plural(len(r.Lanes), "lane"), plural(n, "journey"))
	default:
		ops := 0
		for _, g := range r.Backlog {
			ops += len(g.Rows)
		}
		return fmt.Sprintf("Opportunity backlog: %s, %s, across %s", plural(ops, "opportunity"), plural(len(r.Backlog), "owner"), plural(n, "journey"))
	}
}

func writeViewTable(w io.Writer, r *Report, t viewTable, o FormatOptions) error {
	if _, err := fmt.Fprintln(w, textsafe.Line(viewTitle(r))); err != nil {
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
	fmt.Fprintf(bw, "## %s\n\n| %s |\n|", textsafe.Markdown(viewTitle(r)), strings.Join(t.header, " | "))
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
	head := make([]string, len(t.header))
	for i, h := range t.header {
		head[i] = strings.ReplaceAll(strings.ToLower(h), " ", "_")
	}
	if err := cw.Write(head); err != nil {
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
	return writeViewTable(w, r, laneRows(r), o)
}
func laneMarkdown(w io.Writer, r *Report, _ FormatOptions) error {
	if err := writeViewMarkdown(w, r, laneRows(r)); err != nil {
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
			fmt.Fprintf(bw, "- %s %s · %s: %s — %s\n", mdRatingMark(e.Rating), textsafe.Markdown(e.Journey), textsafe.Markdown(e.Action), textsafe.Markdown(e.Does), e.Rating)
		}
	}
	return bw.Flush()
}
func laneCSV(w io.Writer, r *Report, _ FormatOptions) error { return writeViewCSV(w, laneRows(r)) }
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
	return writeViewTable(w, r, ownerRows(r), o)
}
func ownerMarkdown(w io.Writer, r *Report, _ FormatOptions) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "## %s\n", textsafe.Markdown(viewTitle(r)))
	for _, g := range r.Backlog {
		fmt.Fprintf(bw, "\n### %s\n\n| Id | Idea | Priority | Impact | Effort | Status | Journey | Step | Rating |\n|---|---|---|--:|--:|---|---|---|---|\n", textsafe.Markdown(g.Owner))
		for _, o := range g.Rows {
			crit := ""
			if o.Critical {
				crit = " (critical)"
			}
			fmt.Fprintf(bw, "| %s | %s | %s | %s | %s | %s | %s | %s | %s %s%s |\n", textsafe.Markdown(o.ID), textsafe.Markdown(o.Idea), o.Priority,
				scale(o.Impact), scale(o.Effort), o.Status, textsafe.Markdown(o.Journey), textsafe.Markdown(o.Step), mdRatingMark(o.Rating), o.Rating, crit)
		}
	}
	return bw.Flush()
}
func ownerCSV(w io.Writer, r *Report, _ FormatOptions) error { return writeViewCSV(w, ownerRows(r)) }
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
