package journey

import "time"

// Helpers for the outputs (diagram, report, diff, decks) that read the model
// additions: who takes a step, and how long the journey and its stages take.

// PersonaByID finds a persona of the cast by id.
func (j *Journey) PersonaByID(id string) (Persona, bool) {
	for _, p := range j.Cast() {
		if p.ID == id {
			return p, true
		}
	}
	return Persona{}, false
}

// StepPersonas is who takes step s: the personas its `personas` names, in
// that order, or the whole cast when it names none.
func (j *Journey) StepPersonas(s *Step) []Persona {
	if len(s.Personas) == 0 {
		return j.Cast()
	}
	var out []Persona
	for _, t := range s.Personas {
		if p, ok := j.PersonaByID(t.Value); ok {
			out = append(out, p)
		}
	}
	return out
}

// Duration is the sum of the durations of a stage's steps, and whether
// any step of it has one.
func (st *Stage) Duration() (time.Duration, bool) {
	var d time.Duration
	any := false
	for _, s := range st.Steps {
		if !s.Duration.IsZero() {
			d += s.Duration.D
			any = true
		}
	}
	return d, any
}

// Duration is the sum of every step's duration, and whether any step has
// one: the customer's elapsed time along the journey in file order.
func (j *Journey) Duration() (time.Duration, bool) {
	var d time.Duration
	any := false
	for i := range j.Stages {
		if sd, ok := j.Stages[i].Duration(); ok {
			d += sd
			any = true
		}
	}
	return d, any
}

// RunningDurations is, for each step in file order, the total time from the
// start of the journey to the end of that step (steps without a duration
// add nothing): the running total a time row shows.
func (j *Journey) RunningDurations() []time.Duration {
	var out []time.Duration
	var total time.Duration
	for _, st := range j.Stages {
		for _, s := range st.Steps {
			total += s.Duration.D
			out = append(out, total)
		}
	}
	return out
}
