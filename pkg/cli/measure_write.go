package cli

import (
	"github.com/cxmap/cxmap/pkg/measure"
)

// writeMeasured records the figures in the journeys (--write).
func writeMeasured(streams *IOStreams, m *measured, figs []measure.Figure) error {
	return usageErr("--write is not built yet")
}
