// Package surveygen makes anonymised survey responses for a journey, for
// the examples (examples/data), the tests and the benchmark: every
// respondent answers a CSAT question at each step (through one of its
// touchpoints) and the journey's NPS question. Scores follow each step's
// (and touchpoint's) rating, so the data mostly agrees with the map; one
// step can be made to drive the NPS and one to contradict its rating.
// The output is the same for the same options.
package surveygen

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"time"

	"github.com/cxmap/cxmap/pkg/journey"
)

// Options say what to make.
type Options struct {
	Respondents int
	Seed        uint64
	// Driver is the step whose experience moves the journey's NPS most.
	Driver string
	// Contradict is a step whose answers are at red level whatever its rating.
	Contradict string
	// Segments are the values of the segment column (default: the
	// journey's persona ids, or none).
	Segments []string
	// End is the date of the newest answer (default: the journey's updated
	// date, or 2026-11-01); answers spread over the 90 days before it.
	End time.Time
	// Journey writes the journey column (off: the data is for one journey).
	Journey bool
}

// mean latent experience per rating: P(CSAT 4-5) about 88% (green),
// 70% (yellow), 35% (red) with the spread below.
var level = map[string]float64{journey.Green: 1.8, journey.Yellow: 1.09, journey.Red: 0.07, "": 1.09}

// Write makes the responses for j as CSV: journey (with o.Journey), step,
// lane, metric, score, date, respondent, segment.
func Write(w io.Writer, j *journey.Journey, o Options) error {
	rng := rand.New(rand.NewPCG(o.Seed, 0x5eed))
	bw := bufio.NewWriterSize(w, 1<<16)
	end := o.End
	if end.IsZero() {
		end = j.Updated
	}
	if end.IsZero() {
		end = time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	}
	segs := o.Segments
	if segs == nil {
		for _, p := range j.Cast() {
			if p.ID != "" {
				segs = append(segs, p.ID)
			}
		}
	}
	steps := j.Steps()
	head := "step,lane,metric,score,date,respondent,segment\n"
	if o.Journey {
		head = "journey," + head
	}
	bw.WriteString(head)
	prefix := ""
	if o.Journey {
		prefix = j.ID + ","
	}
	xs := make([]float64, len(steps))
	for r := 0; r < o.Respondents; r++ {
		id := fmt.Sprintf("R%06d", r+1)
		seg := ""
		if len(segs) > 0 {
			seg = segs[rng.IntN(len(segs))]
		}
		day := end.AddDate(0, 0, -rng.IntN(90)).Format("2006-01-02")
		mood := rng.NormFloat64()
		var others float64
		driver := 0.0
		for i, s := range steps {
			lane := ""
			rating := s.Rating
			if len(s.Touchpoints) > 0 {
				c := s.Touchpoints[rng.IntN(len(s.Touchpoints))]
				lane = c.Lane.Value
				if c.Rating != "" {
					rating = c.Rating
				}
			}
			mu := level[rating]
			if s.ID == o.Contradict {
				mu = level[journey.Red]
			}
			xs[i] = mu + 0.5*mood + rng.NormFloat64()
			if s.ID == o.Driver {
				driver = xs[i] - mu
			} else {
				others += xs[i] - mu
			}
			csat := clamp(math.Round(3+xs[i]), 1, 5)
			fmt.Fprintf(bw, "%s%s,%s,csat,%d,%s,%s,%s\n", prefix, s.ID, lane, int(csat), day, id, seg)
		}
		if len(steps) > 1 {
			others /= float64(len(steps) - 1)
		}
		y := 1.4*driver + 0.3*others + 0.2*mood + 0.6*rng.NormFloat64()
		nps := clamp(math.Round(6.6+1.6*y), 0, 10)
		fmt.Fprintf(bw, "%s,,nps,%d,%s,%s,%s\n", prefix, int(nps), day, id, seg)
	}
	return bw.Flush()
}

func clamp(v, lo, hi float64) float64 { return math.Max(lo, math.Min(hi, v)) }
