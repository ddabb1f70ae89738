package importer

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/cxmap/cxmap/pkg/finding"
	"github.com/cxmap/cxmap/pkg/journey"
	"github.com/cxmap/cxmap/pkg/report"
	"github.com/cxmap/cxmap/pkg/yamledit"
	"github.com/xuri/excelize/v2"
)

// UpdateOptions change how a returned workbook is applied.
type UpdateOptions struct {
	// Force applies the workbook to a journey edited since the export.
	Force bool
	// ApplyDeletes removes the opportunities whose rows were deleted.
	ApplyDeletes bool
}

// JourneyFile is a journey file to update: its path and bytes.
type JourneyFile struct {
	Path string
	Data []byte
}

// FileUpdate is what a workbook does to one journey file.
type FileUpdate struct {
	Path string
	// Changes are one line each, in sheet order.
	Changes []string
	// Out is the new file ("" changes: nil).
	Out []byte
	// Refused is why the file is left as it is (edited since the export,
	// or the result would not validate).
	Refused string
}

// UpdateResult is the whole update.
type UpdateResult struct {
	Files []FileUpdate
	// Notes: deleted rows not applied, journeys in the workbook not given.
	Notes []string
}

type bookRow struct {
	row   int
	cells map[string]string // by header
	cols  map[string]int    // the sheet's header: column (0-based) by name
}

// Update applies a returned `report -f xlsx` workbook to the journeys:
// opportunity owner, priority, impact, effort, status and idea; step rating
// and critical; metric and KPI current values. Rows added to the
// Opportunities sheet become new opportunities of their step with fresh
// ids; opportunities whose rows were deleted are listed, and removed only
// with ApplyDeletes. Edits go through pkg/yamledit (comments and layout
// kept). A journey whose file changed since the export (its hash on the
// hidden sheet) is refused unless Force.
func Update(bookPath string, book []byte, files []JourneyFile, o UpdateOptions) (*UpdateResult, error) {
	if len(book) > journey.MaxFileSize {
		return nil, &Error{File: bookPath, Msg: fmt.Sprintf("file is larger than the %d MiB limit", journey.MaxFileSize>>20)}
	}
	f, err := excelize.OpenReader(bytes.NewReader(book), excelize.Options{
		UnzipSizeLimit: 10 * journey.MaxFileSize, UnzipXMLSizeLimit: 10 * journey.MaxFileSize,
	})
	if err != nil {
		return nil, &Error{File: bookPath, Msg: "not a readable XLSX workbook: " + err.Error()}
	}
	defer f.Close()
	// The workbook may be in any language cxmap writes (report --locale):
	// sheets and headings are found by their English names.
	written := map[string]string{} // English sheet name -> the workbook's
	for _, name := range f.GetSheetList() {
		if en := report.WorkbookSheet(name); en != "" {
			if _, dup := written[en]; !dup {
				written[en] = name
			}
		}
	}
	read := func(sheet string) ([]bookRow, error) {
		name := sheet
		if w, ok := written[sheet]; ok {
			name = w
		}
		rows, err := f.GetRows(name)
		if err != nil {
			return nil, &Error{File: bookPath, Sheet: sheet, Grid: true, Msg: "sheet missing: is this a workbook from cxmap report -f xlsx?"}
		}
		if len(rows) > 100000 {
			return nil, &Error{File: bookPath, Sheet: sheet, Grid: true, Msg: "more than 100,000 rows"}
		}
		var out []bookRow
		cols := map[string]int{}
		if len(rows) > 0 {
			for c, h := range rows[0] {
				rows[0][c] = report.WorkbookHeading(sheet, h)
				if _, dup := cols[rows[0][c]]; !dup {
					cols[rows[0][c]] = c
				}
			}
		}
		for i, r := range rows[min(1, len(rows)):] {
			br := bookRow{row: i + 2, cells: map[string]string{}, cols: cols}
			empty := true
			for c, v := range r {
				if c < len(rows[0]) {
					br.cells[rows[0][c]] = undefuse(strings.TrimSpace(v))
					empty = empty && strings.TrimSpace(v) == ""
				}
			}
			if !empty {
				out = append(out, br)
			}
		}
		return out, nil
	}
	src, err := read(report.SourceSheet)
	if err != nil {
		return nil, err
	}
	exported := map[string]bookRow{} // journey id -> its source row
	for _, r := range src {
		exported[r.cells["Id"]] = r
	}
	res := &UpdateResult{}
	sheets := map[string][]bookRow{}
	for _, s := range []string{"Opportunities", "Steps", "Metrics", "KPIs"} {
		if sheets[s], err = read(s); err != nil {
			return nil, err
		}
	}
	given := map[string]bool{}
	for _, jf := range files {
		u := updateOne(bookPath, jf, exported, sheets, o, res)
		if u.id != "" {
			given[u.id] = true
		}
		res.Files = append(res.Files, u.FileUpdate)
	}
	for _, r := range src {
		if !given[r.cells["Id"]] {
			res.Notes = append(res.Notes, fmt.Sprintf("%s: journey %s (%s) is in the workbook but was not given: not updated", bookPath, r.cells["Id"], r.cells["Path"]))
		}
	}
	return res, nil
}

// undefuse takes back the quote the workbook put before a text a
// spreadsheet would run as a formula (pkg/report defuse).
func undefuse(s string) string {
	if len(s) > 1 && s[0] == '\'' && strings.ContainsRune("=+-@", rune(s[1])) {
		return s[1:]
	}
	return s
}

type fileUpdate struct {
	FileUpdate
	id string
}

// updater is one journey file's update from the workbook: the journey as
// parsed, its YAML being edited, and the problems and changes so far.
type updater struct {
	bookPath string
	jf       JourneyFile
	j        *journey.Journey
	d        *yamledit.Doc
	u        *fileUpdate
	stageOf  map[string]string        // step id -> stage id
	steps    map[string]*journey.Step // by id
	problems []string
}

// oppAt is where an opportunity is: its step and index.
type oppAt struct {
	step string
	idx  int
}

// updateOne applies the workbook's rows to one journey file: steps,
// metrics, KPIs, then opportunities; all its changes or, when any cell
// cannot be used, none.
func updateOne(bookPath string, jf JourneyFile, exported map[string]bookRow, sheets map[string][]bookRow, o UpdateOptions, res *UpdateResult) fileUpdate {
	u := fileUpdate{FileUpdate: FileUpdate{Path: jf.Path}}
	j, fs := journey.Parse(jf.Path, jf.Data)
	if j == nil {
		u.Refused = "not a valid journey: " + firstFinding(fs)
		return u
	}
	u.id = j.ID
	src, ok := exported[j.ID]
	if !ok {
		u.Refused = fmt.Sprintf("journey %s is not in the workbook", j.ID)
		return u
	}
	d, err := yamledit.Parse(jf.Path, jf.Data)
	if err != nil {
		u.Refused = err.Error()
		return u
	}
	up := &updater{bookPath: bookPath, jf: jf, j: j, d: d, u: &u, stageOf: map[string]string{}, steps: map[string]*journey.Step{}}
	for si := range j.Stages {
		for k := range j.Stages[si].Steps {
			s := &j.Stages[si].Steps[k]
			up.stageOf[s.ID] = j.Stages[si].ID
			up.steps[s.ID] = s
		}
	}
	up.updateSteps(sheets["Steps"])
	up.updateMetrics(sheets["Metrics"])
	up.updateKPIs(sheets["KPIs"])
	up.updateOpportunities(sheets["Opportunities"], o, res)
	up.finish(src, o)
	return u
}

// finish refuses the update when a cell could not be used, the file
// changed since the export (without --force), or the result would not
// validate; otherwise it keeps the edited bytes.
func (up *updater) finish(src bookRow, o UpdateOptions) {
	u := up.u
	switch {
	case len(up.problems) > 0:
		u.Changes = nil
		u.Refused = "the workbook has values that cannot go into the journey:\n  " + strings.Join(up.problems, "\n  ")
		return
	case len(u.Changes) == 0:
		return
	}
	if h := fmt.Sprintf("%x", sha256.Sum256(up.jf.Data)); h != src.cells["SHA-256"] && !o.Force {
		u.Refused = fmt.Sprintf("the file changed since the workbook was exported (it no longer has the hash the workbook recorded); the workbook would make these changes to the file as it is now:\n  %s\ncheck them against the file's own edits, then give --force to apply them", strings.Join(u.Changes, "\n  "))
		u.Changes = nil
		return
	}
	if _, fs := journey.Parse(up.jf.Path, up.d.Bytes()); len(fs) > 0 {
		u.Refused = "the updated journey would not validate: " + firstFinding(fs)
		u.Changes = nil
		return
	}
	u.Out = up.d.Bytes()
}

func (up *updater) stepPath(id string) yamledit.Path {
	return yamledit.P("stages", "id="+up.stageOf[id], "steps", "id="+id)
}

// cellErr names the cell by its column's header, wherever the workbook's
// columns are.
func (up *updater) cellErr(sheet string, r bookRow, header, format string, a ...any) {
	col := header
	if c, ok := r.cols[header]; ok {
		if name, err := excelize.ColumnNumberToName(c + 1); err == nil {
			col = name
		}
	}
	up.problems = append(up.problems, (&Error{File: up.bookPath, Sheet: sheet, Row: r.row, Col: col, Grid: true, Msg: fmt.Sprintf(format, a...)}).Error())
}

// change applies one edit and records it, or records why it failed.
func (up *updater) change(what string, old, new any, apply func() error) {
	if err := apply(); err != nil {
		up.problems = append(up.problems, err.Error())
		return
	}
	up.u.Changes = append(up.u.Changes, fmt.Sprintf("%s: %s: %v -> %v", up.jf.Path, what, show(old), show(new)))
}

// setOrRemove sets p to v, or removes it when empty.
func (up *updater) setOrRemove(p yamledit.Path, v any, empty bool) func() error {
	return func() error {
		if empty {
			if _, ok := up.d.Get(p); !ok {
				return nil
			}
			return up.d.Remove(p)
		}
		return up.d.Set(p, v)
	}
}

// rowStep is the step a sheet's row names, nil when the row is another
// journey's or names no step of this one (reported at its cell).
func (up *updater) rowStep(sheet string, r bookRow) *journey.Step {
	if r.cells["Journey"] != up.j.ID {
		return nil
	}
	s := up.steps[r.cells["Step"]]
	if s == nil {
		up.cellErr(sheet, r, "Step", "step %q is not in %s", r.cells["Step"], up.jf.Path)
	}
	return s
}

// updateSteps takes each step's rating and critical from the Steps sheet.
func (up *updater) updateSteps(rows []bookRow) {
	for _, r := range rows {
		s := up.rowStep("Steps", r)
		if s == nil {
			continue
		}
		rating, ok := report.WorkbookRating(r.cells["Rating"])
		if rating == report.Unrated || strings.TrimSpace(r.cells["Rating"]) == "" {
			rating, ok = "", true
		}
		if !ok {
			up.cellErr("Steps", r, "Rating", "rating %q is not Working well, Unhappy, Very unhappy or Not rated (or green, yellow, red, unrated)", r.cells["Rating"])
		} else if rating != s.Rating {
			up.change(fmt.Sprintf("step %s rating", s.ID), s.Rating, rating, up.setOrRemove(append(up.stepPath(s.ID), "rating"), rating, rating == ""))
		}
		if crit, ok := parseBool(r.cells["Critical"]); !ok {
			up.cellErr("Steps", r, "Critical", "critical %q is not TRUE or FALSE", r.cells["Critical"])
		} else if crit != s.Critical {
			up.change(fmt.Sprintf("step %s critical", s.ID), s.Critical, crit, up.setOrRemove(append(up.stepPath(s.ID), "critical"), true, !crit))
		}
	}
}

// updateMetrics takes each step metric's current value from the Metrics
// sheet.
func (up *updater) updateMetrics(rows []bookRow) {
	for _, r := range rows {
		s := up.rowStep("Metrics", r)
		if s == nil {
			continue
		}
		i := slices.IndexFunc(s.Metrics, func(m journey.Metric) bool { return m.Name == r.cells["Metric"] })
		if i < 0 {
			up.cellErr("Metrics", r, "Metric", "metric %q is not in step %s", r.cells["Metric"], s.ID)
			continue
		}
		p := append(up.stepPath(s.ID), "metrics", strconv.Itoa(i), "current")
		updateNumber(r, "Metrics", s.Metrics[i].Current, fmt.Sprintf("step %s metric %q current", s.ID, s.Metrics[i].Name), p, up.cellErr, up.change, up.setOrRemove)
	}
}

// updateKPIs takes each KPI's current value from the KPIs sheet.
func (up *updater) updateKPIs(rows []bookRow) {
	j := up.j
	for _, r := range rows {
		if r.cells["Journey"] != j.ID {
			continue
		}
		i := slices.IndexFunc(j.KPIs, func(m journey.Metric) bool { return m.Name == r.cells["KPI"] })
		if i < 0 {
			up.cellErr("KPIs", r, "KPI", "KPI %q is not in %s", r.cells["KPI"], up.jf.Path)
			continue
		}
		updateNumber(r, "KPIs", j.KPIs[i].Current, fmt.Sprintf("KPI %q current", j.KPIs[i].Name), yamledit.P("kpis", strconv.Itoa(i), "current"), up.cellErr, up.change, up.setOrRemove)
	}
}

// updateOpportunities matches the Opportunities sheet's rows with the
// journey's opportunities (by id, or in step order for those without):
// a matched row updates its opportunity, a new row adds one with a fresh
// id, and an opportunity no row names is removed (with --apply-deletes)
// or noted.
func (up *updater) updateOpportunities(rows []bookRow, o UpdateOptions, res *UpdateResult) {
	opps := map[string]oppAt{} // id -> where
	usedIDs := map[string]bool{}
	for _, st := range up.j.Stages {
		for _, s := range st.Steps {
			usedIDs[s.ID] = true
			for k, op := range s.Opportunities {
				if op.ID != "" {
					opps[op.ID] = oppAt{s.ID, k}
					usedIDs[op.ID] = true
				}
			}
		}
	}
	seen := map[string]bool{}
	seenPos := map[oppAt]bool{}
	idless := map[string]int{} // step -> next id-less opportunity to match
	var added []bookRow
	for _, r := range rows {
		if r.cells["Journey"] != up.j.ID {
			continue
		}
		at, ok := opps[r.cells["Id"]]
		if !ok && r.cells["Id"] == "" && up.steps[r.cells["Step"]] != nil {
			// An opportunity without id: matched in step order.
			s := up.steps[r.cells["Step"]]
			for k := idless[s.ID]; k < len(s.Opportunities); k++ {
				if s.Opportunities[k].ID == "" {
					at, ok = oppAt{s.ID, k}, true
					idless[s.ID] = k + 1
					break
				}
			}
		}
		if !ok {
			added = append(added, r)
			continue
		}
		seen[r.cells["Id"]] = true
		seenPos[at] = true
		up.updateOpportunity(r, at)
	}
	// Deleted rows: opportunities of this journey no row names (removed
	// last, from the end, so the indexes above stay right).
	var deletes []oppAt
	for _, st := range up.j.Stages {
		for _, s := range st.Steps {
			for k, op := range s.Opportunities {
				if !seenPos[oppAt{s.ID, k}] && (op.ID == "" || !seen[op.ID]) {
					deletes = append(deletes, oppAt{s.ID, k})
				}
			}
		}
	}
	for _, r := range added {
		up.addOpportunity(r, usedIDs)
	}
	slices.Reverse(deletes)
	for _, at := range deletes {
		up.deleteOpportunity(at, o, res)
	}
}

// updateOpportunity updates the opportunity at at from its row.
func (up *updater) updateOpportunity(r bookRow, at oppAt) {
	op := up.steps[at.step].Opportunities[at.idx]
	p := append(up.stepPath(at.step), "opportunities", strconv.Itoa(at.idx))
	name := fmt.Sprintf("opportunity %s", orText(op.ID, "of step "+at.step))
	for _, fld := range []struct{ key, cur string }{{"Owner", op.Owner}, {"Idea", op.Idea}} {
		if v := r.cells[fld.key]; v != fld.cur {
			if fld.key == "Idea" && v == "" {
				up.cellErr("Opportunities", r, fld.key, "an opportunity needs an idea")
				continue
			}
			up.change(name+" "+strings.ToLower(fld.key), fld.cur, v, up.setOrRemove(append(slices.Clone(p), strings.ToLower(fld.key)), v, v == ""))
		}
	}
	for _, fld := range []struct {
		key, cur string
		allowed  []string
	}{{"Priority", op.Priority, []string{"high", "medium", "low"}}, {"Status", op.Status, []string{"idea", "planned", "in-progress", "done", "dropped"}}} {
		v := strings.ToLower(r.cells[fld.key])
		if v != "" && !slices.Contains(fld.allowed, v) {
			up.cellErr("Opportunities", r, fld.key, "%s %q is not one of %s", strings.ToLower(fld.key), r.cells[fld.key], strings.Join(fld.allowed, ", "))
		} else if v != fld.cur {
			up.change(name+" "+strings.ToLower(fld.key), fld.cur, v, up.setOrRemove(append(slices.Clone(p), strings.ToLower(fld.key)), v, v == ""))
		}
	}
	for _, fld := range []struct {
		key string
		cur int
	}{{"Impact", op.Impact}, {"Effort", op.Effort}} {
		n, ok := parseScale(r.cells[fld.key])
		if !ok {
			up.cellErr("Opportunities", r, fld.key, "%s %q is not a whole number from 1 to 5", strings.ToLower(fld.key), r.cells[fld.key])
		} else if n != fld.cur {
			up.change(name+" "+strings.ToLower(fld.key), fld.cur, n, up.setOrRemove(append(slices.Clone(p), strings.ToLower(fld.key)), n, n == 0))
		}
	}
}

// addOpportunity adds a new row's opportunity, with a fresh id unless the
// row gives an unused one.
func (up *updater) addOpportunity(r bookRow, usedIDs map[string]bool) {
	s := up.steps[r.cells["Step"]]
	if s == nil {
		up.cellErr("Opportunities", r, "Step", "a new opportunity's step %q is not in %s", r.cells["Step"], up.jf.Path)
		return
	}
	idea := r.cells["Idea"]
	if idea == "" {
		up.cellErr("Opportunities", r, "Idea", "a new opportunity needs an idea")
		return
	}
	id := r.cells["Id"]
	if id == "" || usedIDs[id] || !journey.IsSlug(id) {
		id = ids(usedIDs).make(idea, "opportunity")
	}
	usedIDs[id] = true
	m := map[string]any{"id": id, "idea": idea}
	for _, k := range []string{"Owner", "Priority", "Status"} {
		if v := r.cells[k]; v != "" {
			m[strings.ToLower(k)] = strings.ToLower(v)
			if k == "Owner" {
				m["owner"] = v
			}
		}
	}
	for _, k := range []string{"Impact", "Effort"} {
		if n, ok := parseScale(r.cells[k]); ok && n > 0 {
			m[strings.ToLower(k)] = n
		}
	}
	up.change(fmt.Sprintf("step %s new opportunity %s", s.ID, id), "", idea, func() error {
		return up.d.Append(append(up.stepPath(s.ID), "opportunities"), m)
	})
}

// deleteOpportunity removes an opportunity whose row was deleted, with
// --apply-deletes; without it, says so and keeps it.
func (up *updater) deleteOpportunity(at oppAt, o UpdateOptions, res *UpdateResult) {
	op := up.steps[at.step].Opportunities[at.idx]
	what := fmt.Sprintf("opportunity %s of step %s (%q)", orText(op.ID, "#"+strconv.Itoa(at.idx+1)), at.step, op.Idea)
	if !o.ApplyDeletes {
		res.Notes = append(res.Notes, fmt.Sprintf("%s: %s: its row was deleted in the workbook; kept (give --apply-deletes to remove it)", up.jf.Path, what))
		return
	}
	up.change(what, "present", "deleted", func() error {
		return up.d.Remove(append(up.stepPath(at.step), "opportunities", strconv.Itoa(at.idx)))
	})
}

func updateNumber(r bookRow, sheet string, cur *float64, what string, p yamledit.Path,
	cellErr func(string, bookRow, string, string, ...any), change func(string, any, any, func() error),
	setOrRemove func(yamledit.Path, any, bool) func() error) {
	v := r.cells["Current"]
	if v == "" {
		if cur != nil {
			change(what, *cur, "", setOrRemove(p, nil, true))
		}
		return
	}
	n, err := strconv.ParseFloat(v, 64)
	if err != nil || math.IsInf(n, 0) || math.IsNaN(n) {
		cellErr(sheet, r, "Current", "current %q is not a number", v)
		return
	}
	if cur == nil || *cur != n {
		var old any = ""
		if cur != nil {
			old = *cur
		}
		var val any = n
		if n == math.Trunc(n) && math.Abs(n) < 1e15 {
			val = int64(n)
		}
		change(what, old, n, setOrRemove(p, val, false))
	}
}

func parseBool(s string) (bool, bool) {
	switch strings.ToLower(s) {
	case "true", "1", "yes":
		return true, true
	case "false", "0", "no", "":
		return false, true
	}
	return false, false
}

func parseScale(s string) (int, bool) {
	if s == "" {
		return 0, true
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f != math.Trunc(f) || f < 1 || f > 5 {
		return 0, false
	}
	return int(f), true
}

func show(v any) string {
	switch v := v.(type) {
	case string:
		if v == "" {
			return "(none)"
		}
		return strconv.Quote(v)
	case int:
		if v == 0 {
			return "(none)"
		}
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	return fmt.Sprint(v)
}

func orText(s, alt string) string {
	if s == "" {
		return alt
	}
	return s
}

func firstFinding(fs []finding.Finding) string {
	if len(fs) == 0 {
		return ""
	}
	finding.Sort(fs)
	return fs[0].String()
}
