package report

import (
	"cmp"
	"slices"

	"github.com/cxmap/cxmap/pkg/journey"
)

// NoOwner names the group of opportunities nobody owns; it sorts last.
const NoOwner = "(no owner)"

// BacklogRow is one opportunity of the backlog (`report --by owner`), with
// the step it would improve.
type BacklogRow struct {
	Owner    string `json:"owner"`
	ID       string `json:"id"`
	Idea     string `json:"idea"`
	Priority string `json:"priority"` // high, medium, low or ""
	Impact   int    `json:"impact"`   // 1..5, 0 when not given
	Effort   int    `json:"effort"`   // 1..5, 0 when not given
	Status   string `json:"status"`
	Journey  string `json:"journey"` // journey id
	Path     string `json:"path"`
	Stage    string `json:"stage"`
	// StageName is the stage's name (Stage is its id).
	StageName string `json:"-"`
	Step      string `json:"step"`
	Action    string `json:"action"`
	Rating    string `json:"rating"` // the step's, Unrated when none
	Critical  bool   `json:"critical"`
	// Was is the status the same opportunity id had in the baseline of a
	// future state ("none" when it had none): the pair's two rows are one
	// ("" when the opportunity is not in a pair).
	Was string `json:"was,omitempty"`
}

// StatusText is the status with what it was in the baseline: "done (was:
// idea)".
func (r BacklogRow) StatusText() string {
	s := r.Status
	if r.Was != "" && r.Was != r.Status {
		if s == "" {
			s = "none"
		}
		s += " (was: " + r.Was + ")"
	}
	return s
}

// OwnerGroup is one owner's opportunities, in backlog order.
type OwnerGroup struct {
	Owner string       `json:"owner"`
	Rows  []BacklogRow `json:"opportunities"`
}

// backlogOf lists one journey's opportunities in file order.
func backlogOf(j *journey.Journey) []BacklogRow {
	var rows []BacklogRow
	for si := range j.Stages {
		st := &j.Stages[si]
		for _, s := range st.Steps {
			rating := s.Rating
			if rating == "" {
				rating = Unrated
			}
			for _, op := range s.Opportunities {
				r := opportunityRow(op)
				r.Journey, r.Path, r.Stage, r.StageName, r.Step, r.Action = j.ID, j.Path, st.ID, st.Name, s.ID, s.Action
				r.Rating, r.Critical = rating, s.Critical
				if r.Owner == "" {
					r.Owner = NoOwner
				}
				rows = append(rows, r)
			}
		}
	}
	return rows
}

// Backlog groups every journey's opportunities by owner (owners sorted by
// name, no owner last). Within an owner: by priority, then by impact over
// effort (more value for the work first; a missing impact or effort counts
// as 3, the middle of the scale), then the worse step first, then in the
// order given.
//
// An opportunity id in both a future state and its baseline (both in jrs)
// is one row: the future's, with the baseline's status in Was.
func Backlog(jrs []JourneyReport) []OwnerGroup {
	var rows []BacklogRow
	paths := map[string]bool{}
	for _, jr := range jrs {
		paths[jr.Path] = true
	}
	// carried[baseline path][id]: the future state has the same id.
	carried := map[string]map[string]bool{}
	for _, jr := range jrs {
		if jr.State != journey.Future || jr.Baseline == "" || !paths[jr.Baseline] {
			continue
		}
		if carried[jr.Baseline] == nil {
			carried[jr.Baseline] = map[string]bool{}
		}
		for _, r := range jr.Backlog {
			if r.ID != "" {
				carried[jr.Baseline][r.ID] = true
			}
		}
	}
	was := map[[2]string]string{}
	for _, jr := range jrs {
		for _, r := range jr.Backlog {
			if r.ID != "" && carried[jr.Path][r.ID] {
				s := r.Status
				if s == "" {
					s = "none"
				}
				was[[2]string{jr.Path, r.ID}] = s
				continue
			}
			rows = append(rows, r)
		}
	}
	if len(was) > 0 {
		baseline := map[string]string{}
		for _, jr := range jrs {
			baseline[jr.Path] = jr.Baseline
		}
		for i := range rows {
			if b := baseline[rows[i].Path]; b != "" && rows[i].ID != "" {
				rows[i].Was = was[[2]string{b, rows[i].ID}]
			}
		}
	}
	value := func(r BacklogRow) float64 {
		imp, eff := r.Impact, r.Effort
		if imp == 0 {
			imp = 3
		}
		if eff == 0 {
			eff = 3
		}
		return float64(imp) / float64(eff)
	}
	slices.SortStableFunc(rows, func(a, b BacklogRow) int {
		return cmp.Or(
			cmpBool(a.Owner == NoOwner, b.Owner == NoOwner),
			cmp.Compare(a.Owner, b.Owner),
			cmp.Compare(journey.PriorityRank(a.Priority), journey.PriorityRank(b.Priority)),
			cmp.Compare(value(b), value(a)),
			cmp.Compare(Rank(a.Rating, a.Critical), Rank(b.Rating, b.Critical)),
		)
	})
	groups := []OwnerGroup{}
	for _, r := range rows {
		if n := len(groups); n == 0 || groups[n-1].Owner != r.Owner {
			groups = append(groups, OwnerGroup{Owner: r.Owner})
		}
		g := &groups[len(groups)-1]
		g.Rows = append(g.Rows, r)
	}
	return groups
}

func cmpBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case !a:
		return -1
	}
	return 1
}

// opportunityRow copies an opportunity's own fields.
func opportunityRow(op journey.Opportunity) BacklogRow {
	return BacklogRow{Owner: op.Owner, ID: op.ID, Idea: op.Idea, Priority: op.Priority, Impact: op.Impact, Effort: op.Effort, Status: op.Status}
}
