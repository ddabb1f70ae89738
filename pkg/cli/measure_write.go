package cli

import (
	"bytes"
	"fmt"
	"io"

	"github.com/cxmap/cxmap/pkg/fsutil"
	"github.com/cxmap/cxmap/pkg/journey"
	"github.com/cxmap/cxmap/pkg/measure"
)

// writeMeasured records the figures in the journeys (--write) through the
// editing layer: every journey the data is about is edited, then all are
// written at once (fsutil.Batch), so a failure writes none. A written file
// is parsed again and must still be a valid journey.
func writeMeasured(streams *IOStreams, m *measured, figs []measure.Figure) error {
	about := map[string]bool{}
	for _, f := range figs {
		about[f.Journey] = true
	}
	var b fsutil.Batch
	var msgs []string
	for _, j := range m.journeys {
		if !about[j.ID] {
			continue
		}
		if j.Path == "-" {
			return usageErr("--write cannot record into standard input: name the journey file")
		}
		out, rec, err := m.c.Record(j.Path, j.Raw, j.ID, figs, m.thresholds())
		if err != nil {
			b.Abort()
			return &ExitError{Code: ExitUsage, Msg: fmt.Sprintf("--write: %v", err)}
		}
		if bytes.Equal(out, j.Raw) {
			msgs = append(msgs, fmt.Sprintf("%s: unchanged (%s up to date)", j.Path, rec))
			continue
		}
		if nj, fs := journey.Parse(j.Path, out); nj == nil {
			b.Abort()
			return &ExitError{Code: ExitUsage, Msg: fmt.Sprintf("--write: %s would not be a valid journey after recording, nothing written: %v", j.Path, fs)}
		}
		if err := b.Add(j.Path, 0o644, func(w io.Writer) error { _, err := w.Write(out); return err }); err != nil {
			return &ExitError{Code: ExitUsage, Msg: err.Error()}
		}
		msgs = append(msgs, fmt.Sprintf("%s: recorded %s", j.Path, rec))
	}
	if err := b.Commit(); err != nil {
		return &ExitError{Code: ExitUsage, Msg: err.Error()}
	}
	for _, s := range msgs {
		fmt.Fprintln(streams.ErrOut, s)
	}
	return nil
}
