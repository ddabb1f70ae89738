package deck

import (
	"bytes"
	"fmt"

	"github.com/cxmap/cxmap/pkg/render/draw"
	"github.com/cxmap/cxmap/pkg/render/layout"
)

// DrawGrid turns a laid-out page into Graphviz json, which both writers
// draw from (PDF as vector, PPTX as PNG when a page has no native
// shapes). It is the deck's one call into the drawing stage, and the
// default of Options.DrawGrid.
func DrawGrid(g *layout.Grid) ([]byte, error) {
	var b bytes.Buffer
	if err := draw.Render(draw.ForJSON(draw.DOT(g)), "json", &b); err != nil {
		return nil, fmt.Errorf("drawing a blueprint page: %w", err)
	}
	return b.Bytes(), nil
}
