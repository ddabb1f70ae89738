package journey

import "testing"

func TestStepMatchesSteps(t *testing.T) {
	j, fs := Parse("v.yaml", []byte("cxmap: 1\nid: v\ntitle: V\nstages:\n  - {id: a, name: A, steps: [{id: x, action: X}, {id: y, action: Y}]}\n  - {id: b, name: B}\n  - {id: c, name: C, steps: [{id: z, action: Z}]}\n"))
	if j == nil {
		t.Fatal(fs)
	}
	for _, want := range j.Steps() {
		got, ok := j.Step(want.ID)
		if !ok || got.Step != want.Step || got.Stage != want.Stage || got.StageIndex != want.StageIndex || got.Index != want.Index {
			t.Errorf("Step(%q) = %+v, want %+v", want.ID, got, want)
		}
	}
	if _, ok := j.Step("nope"); ok {
		t.Error("Step found a step that does not exist")
	}
}
