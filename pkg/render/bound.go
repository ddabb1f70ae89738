package render

import (
	"github.com/cxmap/cxmap/pkg/journey"
)

// CheckWork refuses a journey too large to draw in the formats named (see
// Formats), with the message and advice `cxmap render` gives for it. The
// site draws the same picture, and is held to the same bound (issue 17).
func CheckWork(j *journey.Journey, formats ...string) error {
	o := &Options{}
	for _, name := range formats {
		f, err := Lookup(name)
		if err != nil {
			return err
		}
		o.Formats = append(o.Formats, f)
	}
	return o.checkCost(j)
}
