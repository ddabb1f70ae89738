package render

import (
	"github.com/cxmap/cxmap/internal/registry"
	"io"

	"github.com/cxmap/cxmap/pkg/journey"
	"github.com/cxmap/cxmap/pkg/render/mermaid"
)

// mermaidFormat is the journey as Mermaid `journey` text (pkg/render/mermaid),
// made from the journey itself: no layout, no Graphviz. A --split stage page
// holds that stage's section only.
var mermaidFormat = Format{
	Meta:        registry.Meta{Name: "mermaid", Ext: "mmd", Help: "Mermaid journey diagram text, drawn by GitHub and GitLab markdown"},
	FromJourney: true,
	Work:        perBox(0.001),
	Write: func(p *Page, _ *Options, w io.Writer) error {
		j := p.Journey
		if p.Stage != "" {
			one := *j
			one.Stages = nil
			for _, st := range j.Stages {
				if st.ID == p.Stage {
					one.Stages = []journey.Stage{st}
				}
			}
			j = &one
		}
		return mermaid.Write(w, j)
	},
}
