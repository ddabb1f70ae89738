package journey

import "fmt"

// checkReferences enforces what the schema cannot: unique ids, references
// that resolve, and lanes used in the right zone.
func checkReferences(p *problems, j *Journey) {
	type seen struct {
		what string
		at   Range
	}
	unique := func(kind string, ids map[string]seen, id string, at Range) {
		if id == "" {
			return // missing or not a string: the schema said so
		}
		if prev, dup := ids[id]; dup {
			p.add(RuleDuplicateID, at, "%s id %q is already used by the %s at line %d", kind, id, prev.what, prev.at.Line)
			return
		}
		ids[id] = seen{kind, at}
	}

	lanes := map[string]seen{}
	laneIDs := []string{}
	for _, l := range j.Lanes {
		unique("lane", lanes, l.ID, l.Loc.Value("id"))
		laneIDs = append(laneIDs, l.ID)
	}
	sources := map[string]seen{}
	sourceIDs := []string{}
	for _, s := range j.Sources {
		unique("source", sources, s.ID, s.Loc.Value("id"))
		sourceIDs = append(sourceIDs, s.ID)
	}
	stages := map[string]seen{}
	steps := map[string]seen{}
	stepIDs := []string{}
	for _, st := range j.Stages {
		unique("stage", stages, st.ID, st.Loc.Value("id"))
		for _, s := range st.Steps {
			unique("step", steps, s.ID, s.Loc.Value("id"))
			stepIDs = append(stepIDs, s.ID)
		}
	}

	byID := map[string]*Lane{}
	for i := range j.Lanes {
		if _, ok := byID[j.Lanes[i].ID]; !ok {
			byID[j.Lanes[i].ID] = &j.Lanes[i]
		}
	}
	checkLane := func(c Contact, touchpoint bool) {
		if c.Lane.Value == "" {
			return // missing or not a string: the schema said so
		}
		l, ok := byID[c.Lane.Value]
		if !ok {
			p.add(RuleUnknownRef, c.Lane.At, "lane %q is not defined%s", c.Lane.Value, didYouMean(c.Lane.Value, laneIDs))
			return
		}
		if l.Zone != Frontstage && l.Zone != Backstage && l.Zone != Support {
			return // no zone, or not one of the three: the schema said so
		}
		if touchpoint && l.Zone != Frontstage {
			p.add(RuleWrongZone, c.Lane.At, "touchpoint lane %q is %s: touchpoints are what the customer meets, so their lane must be frontstage (move this entry to backstage:, or change the lane's zone)", l.ID, l.Zone)
		}
		if !touchpoint && l.Zone == Frontstage {
			p.add(RuleWrongZone, c.Lane.At, "backstage lane %q is frontstage: backstage entries happen out of the customer's sight, so their lane must be backstage or support (move this entry to touchpoints:, or change the lane's zone)", l.ID)
		}
	}
	for _, st := range j.Stages {
		for _, s := range st.Steps {
			for _, c := range s.Touchpoints {
				checkLane(c, true)
			}
			for _, c := range s.Backstage {
				checkLane(c, false)
			}
			for _, src := range s.Sources {
				if _, ok := sources[src.Value]; !ok {
					p.add(RuleUnknownRef, src.At, "source %q is not defined under sources:%s", src.Value, didYouMean(src.Value, sourceIDs))
				}
			}
			for _, n := range s.Next {
				if _, ok := steps[n.Value]; !ok {
					p.add(RuleUnknownRef, n.At, "next step %q is not defined%s", n.Value, didYouMean(n.Value, stepIDs))
				}
			}
		}
	}
}

func didYouMean(s string, candidates []string) string {
	if m := suggest(s, candidates); m != "" {
		return fmt.Sprintf("; did you mean %q?", m)
	}
	if len(candidates) == 0 {
		return " (none are defined)"
	}
	return ""
}
