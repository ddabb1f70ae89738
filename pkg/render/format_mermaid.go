package render

import (
	"io"

	"github.com/cxmap/cxmap/internal/registry"
	"github.com/cxmap/cxmap/pkg/journey"
	"github.com/cxmap/cxmap/pkg/render/mermaid"
	"github.com/cxmap/cxmap/pkg/textmetrics"
	"github.com/cxmap/cxmap/pkg/theme"
)

// mermaidFormat is the journey as Mermaid `journey` text (pkg/render/mermaid),
// made from the journey itself: no layout, no Graphviz. A --split stage page
// holds that stage's section only.
var mermaidFormat = Format{
	Meta:        registry.Meta{Name: "mermaid", Ext: "mmd", Help: "Mermaid journey diagram text, drawn by GitHub and GitLab markdown"},
	FromJourney: true,
	Work:        perBox(0.001),
	Write: func(p *Page, o *Options, w io.Writer) error {
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
		if init := mermaid.Init(o.Theme, fontFamily(o.Theme)); init != "" {
			if _, err := io.WriteString(w, init); err != nil {
				return err
			}
		}
		return mermaid.Write(w, j)
	},
}

// fontFamily is the family name of the theme's font, "" for none (or one
// that cannot be read: the layout reports it).
func fontFamily(t *theme.Theme) string {
	if t == nil || t.Font.Regular == "" {
		return ""
	}
	tm, err := textmetrics.Load(t.Font.Regular, t.Font.Bold)
	if err != nil {
		return ""
	}
	return tm.Family
}
