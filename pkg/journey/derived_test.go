package journey

import (
	"testing"
	"time"
)

func TestDerived(t *testing.T) {
	src := `cxmap: 1
id: x
title: X
personas:
  - {id: dev, name: Dev}
  - {id: margaret, name: Margaret}
stages:
  - id: a
    name: A
    steps:
      - {id: one, action: One, duration: 2d}
      - {id: two, action: Two, personas: [margaret]}
  - id: b
    name: B
    steps:
      - {id: three, action: Three, duration: 1.5h, personas: [margaret, dev]}
`
	j, fs := Parse("x.yaml", []byte(src))
	if j == nil {
		t.Fatal(fs)
	}
	names := func(ps []Persona) (out []string) {
		for _, p := range ps {
			out = append(out, p.Name)
		}
		return out
	}
	steps := j.Steps()
	if got := names(j.StepPersonas(steps[0].Step)); len(got) != 2 {
		t.Errorf("default personas = %v, want the whole cast", got)
	}
	if got := names(j.StepPersonas(steps[2].Step)); len(got) != 2 || got[0] != "Margaret" {
		t.Errorf("step personas = %v, want [Margaret Dev]", got)
	}
	if d, ok := j.Duration(); !ok || d != 49*time.Hour+30*time.Minute {
		t.Errorf("journey duration = %v %v", d, ok)
	}
	if d, ok := j.Stages[1].Duration(); !ok || d != 90*time.Minute {
		t.Errorf("stage b duration = %v %v", d, ok)
	}
	run := j.RunningDurations()
	if len(run) != 3 || run[1] != 48*time.Hour || run[2] != 49*time.Hour+30*time.Minute {
		t.Errorf("running = %v", run)
	}
}
