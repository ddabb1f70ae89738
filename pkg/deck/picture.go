package deck

import (
	"bytes"
	"fmt"

	"github.com/cxmap/cxmap/pkg/render/draw"
	"github.com/cxmap/cxmap/pkg/render/layout"
)

// drawGrid turns a laid-out page into Graphviz json, which both writers
// draw from (PDF as vector, PPTX as PNG). It is the deck's one call into
// the drawing stage: re-point it when that stage moves.
var drawGrid = func(g *layout.Grid) ([]byte, error) {
	var b bytes.Buffer
	if err := draw.Render(draw.ForJSON(draw.DOT(g)), "json", &b); err != nil {
		return nil, fmt.Errorf("drawing a blueprint page: %w", err)
	}
	return b.Bytes(), nil
}
