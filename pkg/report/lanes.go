package report

import (
	"cmp"
	"slices"

	"github.com/cxmap/cxmap/pkg/journey"
)

// LaneRow is one lane of the touchpoint inventory (`report --by lane`):
// every journey's entries in that lane counted together. Lanes match by id
// across journeys (a lane shared through a catalog has one id everywhere).
type LaneRow struct {
	ID      string `json:"id"`
	Name    string `json:"name"` // the first journey's name for it, in path order
	Zone    string `json:"zone"`
	Channel string `json:"channel"`
	// Journeys are the ids of the journeys with an entry in the lane, in
	// the order given.
	Journeys []string `json:"journeys"`
	// Steps counts the steps the lane serves (a touchpoint or backstage
	// entry there).
	Steps int `json:"steps"`
	// Entries by rating: how the customer rated what happens in the lane.
	Green   int `json:"green"`
	Yellow  int `json:"yellow"`
	Red     int `json:"red"`
	Unrated int `json:"unrated"`
	// CriticalAtRisk counts critical steps the lane serves that are not
	// green.
	CriticalAtRisk int `json:"criticalAtRisk"`
	// Worst lists the red and yellow entries, red first, so the report says
	// what hurts, not only how much.
	Worst []LaneEntry `json:"worst"`
}

// LaneEntry is one red or yellow entry in a lane.
type LaneEntry struct {
	Journey string `json:"journey"`
	Step    string `json:"step"`
	Action  string `json:"action"`
	Does    string `json:"does"`
	Rating  string `json:"rating"`
}

// lanesOf counts one journey's entries per lane, in the order the lanes
// are first used.
func lanesOf(j *journey.Journey) []LaneRow {
	lanes := make(map[string]*journey.Lane, len(j.Lanes))
	for i := range j.Lanes {
		lanes[j.Lanes[i].ID] = &j.Lanes[i]
	}
	index := map[string]int{}
	var rows []LaneRow
	row := func(id string) *LaneRow {
		i, ok := index[id]
		if !ok {
			i = len(rows)
			index[id] = i
			r := LaneRow{ID: id, Name: id, Journeys: []string{j.ID}, Worst: []LaneEntry{}}
			if l := lanes[id]; l != nil {
				r.Name, r.Zone, r.Channel = l.Name, l.Zone, l.Channel
			}
			rows = append(rows, r)
		}
		return &rows[i]
	}
	for si := range j.Stages {
		for _, s := range j.Stages[si].Steps {
			served := map[string]bool{}
			for _, list := range [][]journey.Contact{s.Touchpoints, s.Backstage} {
				for _, c := range list {
					r := row(c.Lane.Value)
					switch c.Rating {
					case journey.Green:
						r.Green++
					case journey.Yellow:
						r.Yellow++
					case journey.Red:
						r.Red++
					default:
						r.Unrated++
					}
					if c.Rating == journey.Red || c.Rating == journey.Yellow {
						r.Worst = append(r.Worst, LaneEntry{Journey: j.ID, Step: s.ID, Action: s.Action, Does: c.Does, Rating: c.Rating})
					}
					if served[c.Lane.Value] {
						continue
					}
					served[c.Lane.Value] = true
					r.Steps++
					if s.Critical && s.Rating != journey.Green {
						r.CriticalAtRisk++
					}
				}
			}
		}
	}
	return rows
}

// LaneInventory adds up every journey's lanes (matched by id; the first
// journey's name, zone and channel win), worst first: most red entries,
// then most critical steps at risk, then most yellow, then by name and id.
// A lane's red entries come before its yellow ones.
func LaneInventory(jrs []JourneyReport) []LaneRow {
	index := map[string]int{}
	var rows []LaneRow
	for _, jr := range jrs {
		for _, l := range jr.Lanes {
			i, ok := index[l.ID]
			if !ok {
				index[l.ID] = len(rows)
				l.Journeys = append([]string{}, l.Journeys...)
				l.Worst = append([]LaneEntry{}, l.Worst...)
				rows = append(rows, l)
				continue
			}
			r := &rows[i]
			r.Journeys = append(r.Journeys, l.Journeys...)
			r.Steps += l.Steps
			r.Green += l.Green
			r.Yellow += l.Yellow
			r.Red += l.Red
			r.Unrated += l.Unrated
			r.CriticalAtRisk += l.CriticalAtRisk
			r.Worst = append(r.Worst, l.Worst...)
		}
	}
	for i := range rows {
		slices.SortStableFunc(rows[i].Worst, func(a, b LaneEntry) int {
			return cmp.Compare(Rank(a.Rating, false), Rank(b.Rating, false))
		})
	}
	slices.SortStableFunc(rows, func(a, b LaneRow) int {
		return cmp.Or(
			cmp.Compare(b.Red, a.Red),
			cmp.Compare(b.CriticalAtRisk, a.CriticalAtRisk),
			cmp.Compare(b.Yellow, a.Yellow),
			cmp.Compare(a.Name, b.Name),
			cmp.Compare(a.ID, b.ID),
		)
	})
	return rows
}
