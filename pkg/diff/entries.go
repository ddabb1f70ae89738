package diff

import (
	"strings"

	"github.com/cxmap/cxmap/pkg/journey"
)

// Sides of a step an entry belongs to.
const (
	Touchpoint = "touchpoint"
	Backstage  = "backstage"
)

// EntryChange is a change to one touchpoint or backstage entry of a step,
// in a lane the step has in both versions (a lane the step gained or lost
// is in Touchpoints or Backstage instead). Entries are matched by lane id;
// several entries in one lane are paired in order, and the ones left over
// are added or removed.
type EntryChange struct {
	Kind     string `json:"kind"`
	Side     string `json:"side"` // Touchpoint or Backstage
	Lane     string `json:"lane"`
	LaneName string `json:"laneName"`
	// Does and Rating hold OLD's and NEW's values ("" when absent, or
	// when the entry was added or removed on that side).
	DoesFrom   string `json:"doesFrom"`
	DoesTo     string `json:"doesTo"`
	RatingFrom string `json:"ratingFrom"`
	RatingTo   string `json:"ratingTo"`
	// Direction of the rating change: Improved, Regressed, NowRated,
	// NowUnrated, or "" when the rating did not change.
	Direction string `json:"direction"`
}

// entryChanges compares a step's touchpoint and backstage entries: the
// touchpoints first, then backstage, each in NEW's order with the entries
// OLD had over after them.
func entryChanges(o, n journey.StepRef, oldLanes, newLanes map[string]string) []EntryChange {
	out := []EntryChange{}
	out = appendEntries(out, Touchpoint, o.Touchpoints, n.Touchpoints, oldLanes, newLanes)
	return appendEntries(out, Backstage, o.Backstage, n.Backstage, oldLanes, newLanes)
}

func appendEntries(out []EntryChange, side string, old, new []journey.Contact, oldLanes, newLanes map[string]string) []EntryChange {
	byLane := map[string][]journey.Contact{}
	for _, c := range old {
		byLane[c.Lane.Value] = append(byLane[c.Lane.Value], c)
	}
	inNew := map[string]bool{}
	used := map[string]int{}
	for _, c := range new {
		id := c.Lane.Value
		inNew[id] = true
		olds, shared := byLane[id]
		if !shared {
			continue // the whole lane is new to the step: in Touchpoints/Backstage
		}
		e := EntryChange{Side: side, Lane: id, LaneName: laneName(newLanes, id), DoesTo: c.Does, RatingTo: c.Rating}
		k := used[id]
		if k >= len(olds) {
			e.Kind = Added
			out = append(out, e)
			continue
		}
		used[id] = k + 1
		oc := olds[k]
		if oc.Does == c.Does && oc.Rating == c.Rating {
			continue
		}
		e.Kind, e.DoesFrom, e.RatingFrom = Changed, oc.Does, oc.Rating
		if oc.Rating != c.Rating {
			e.Direction = ratingDirection(oc.Rating, c.Rating)
		}
		out = append(out, e)
	}
	// Entries left over in lanes NEW still has were removed.
	for _, c := range old {
		id := c.Lane.Value
		if !inNew[id] {
			continue // the whole lane left the step
		}
		if used[id] > 0 {
			used[id]--
			continue
		}
		out = append(out, EntryChange{Kind: Removed, Side: side, Lane: id, LaneName: laneName(oldLanes, id),
			DoesFrom: c.Does, RatingFrom: c.Rating})
	}
	return out
}

func laneName(names map[string]string, id string) string {
	if n := names[id]; n != "" {
		return n
	}
	return id
}

// nextText writes a step's explicit flow ("" when it follows file order).
func nextText(s journey.StepRef) string {
	ids := make([]string, len(s.Next))
	for i, t := range s.Next {
		ids[i] = t.Value
	}
	return strings.Join(ids, ", ")
}

// entryLines lists a step's entry changes in words.
func entryLines(es []EntryChange) []line {
	var ls []line
	for _, e := range es {
		head := e.Side + " " + e.LaneName
		switch e.Kind {
		case Added:
			ls = append(ls, line{mark: '+', text: head + " " + quote(e.DoesTo) + ratedAs(e.RatingTo)})
		case Removed:
			ls = append(ls, line{mark: '-', text: head + " " + quote(e.DoesFrom) + ratedAs(e.RatingFrom)})
		default:
			if e.DoesFrom != e.DoesTo {
				ls = append(ls, line{mark: '~', text: head + ": does " + quote(e.DoesFrom) + " → " + quote(e.DoesTo)})
			}
			if e.Direction != "" {
				l := line{mark: '~', text: head + ": rating " + rating(e.RatingFrom) + " → " + rating(e.RatingTo)}
				l.word, l.tone = directionWord(e.Direction)
				ls = append(ls, l)
			}
		}
	}
	return ls
}

func ratedAs(r string) string {
	if r == "" {
		return ""
	}
	return " (" + rating(r) + ")"
}

// directionWord is the verdict and tone of a rating direction.
func directionWord(dir string) (string, int) {
	switch dir {
	case Improved:
		return "improved", good
	case Regressed:
		return "regressed", bad
	case NowRated:
		return "now rated", neutral
	case NowUnrated:
		return "no longer rated", neutral
	}
	return "", neutral
}
