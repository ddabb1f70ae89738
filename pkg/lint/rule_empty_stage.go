package lint

import "github.com/cxmap/cxmap/pkg/finding"

// emptyStage: the format lets a stage be sketched before its steps exist
// (`steps: []`), but a finished map has no empty header band.
var emptyStage = &Rule{
	ID: "empty-stage", Level: finding.Error,
	Short: "a stage has no steps",
	Full:  "A stage groups the steps of one phase of the journey. A stage with no steps draws an empty band and usually means the map is unfinished.",
	Fix:   "Add the stage's steps, or remove the stage.",
	Check: func(p *Pass) {
		for i := range p.J.Stages {
			st := &p.J.Stages[i]
			if len(st.Steps) > 0 {
				continue
			}
			r := at(st.Loc)
			if st.Loc.Has("steps") {
				r = st.Loc.Key("steps")
			}
			p.Report(r, "stage %q has no steps; add the steps the customer takes in it, or remove the stage", st.ID)
		}
	},
}
