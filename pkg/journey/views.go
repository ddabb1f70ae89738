package journey

// StepRef is a step with where it stands in the journey.
type StepRef struct {
	*Step
	Stage *Stage
	// StageIndex and Index are 0-based; Index counts steps across stages.
	StageIndex int
	Index      int
}

// Steps lists every step in file order with its stage.
func (j *Journey) Steps() []StepRef {
	var out []StepRef
	for si := range j.Stages {
		st := &j.Stages[si]
		for i := range st.Steps {
			out = append(out, StepRef{Step: &st.Steps[i], Stage: st, StageIndex: si, Index: len(out)})
		}
	}
	return out
}

// Step finds a step by id, without building the Steps list.
func (j *Journey) Step(id string) (StepRef, bool) {
	n := 0
	for si := range j.Stages {
		st := &j.Stages[si]
		for i := range st.Steps {
			if st.Steps[i].ID == id {
				return StepRef{Step: &st.Steps[i], Stage: st, StageIndex: si, Index: n}, true
			}
			n++
		}
	}
	return StepRef{}, false
}

// Lane finds a lane by id.
func (j *Journey) Lane(id string) (*Lane, bool) {
	for i := range j.Lanes {
		if j.Lanes[i].ID == id {
			return &j.Lanes[i], true
		}
	}
	return nil, false
}

// LanesIn lists the lanes of one zone in file order.
func (j *Journey) LanesIn(zone string) []*Lane {
	var out []*Lane
	for i := range j.Lanes {
		if j.Lanes[i].Zone == zone {
			out = append(out, &j.Lanes[i])
		}
	}
	return out
}

// Edge is one arrow of the customer flow.
type Edge struct {
	From, To string // step ids
	// Explicit is true when the edge comes from a `next` list rather than
	// file order.
	Explicit bool
}

// Flow lists the customer flow: each step's `next` when given, otherwise the
// next step in file order (the last step has no default successor). An
// explicit empty list (`next: []`) ends the flow at that step.
func (j *Journey) Flow() []Edge {
	steps := j.Steps()
	var out []Edge
	for i, s := range steps {
		if s.Next != nil {
			for _, n := range s.Next {
				out = append(out, Edge{From: s.ID, To: n.Value, Explicit: true})
			}
			continue
		}
		if i+1 < len(steps) {
			out = append(out, Edge{From: s.ID, To: steps[i+1].ID})
		}
	}
	return out
}
