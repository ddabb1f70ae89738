package measure

import (
	"strings"

	"github.com/cxmap/cxmap/pkg/journey"
)

// Thresholds are where a measured score changes colour. Green is at or
// past Green; red is past Red (below for NPS and CSAT, above for CES);
// yellow is between.
type Thresholds struct {
	CSATGreen, CSATRed float64 // percent satisfied: >= green, < red
	NPSGreen, NPSRed   float64 // NPS: >= green, < red
	CESGreen, CESRed   float64 // mean effort: <= green, > red
}

// DefaultThresholds are the bands of docs/measure.md: CSAT >= 80% green,
// 60-80% yellow, < 60% red; NPS >= 30 green, 0-30 yellow, < 0 red; CES
// <= 3 green, 3-5 yellow, > 5 red.
var DefaultThresholds = Thresholds{CSATGreen: 80, CSATRed: 60, NPSGreen: 30, NPSRed: 0, CESGreen: 3, CESRed: 5}

// ThresholdOptions are the names of the thresholds as rule options of
// rating-contradicts-data (.cxmap.yaml), with their defaults.
var ThresholdOptions = map[string]int{
	"csat-green": 80, "csat-red": 60, "nps-green": 30, "nps-red": 0, "ces-green": 3, "ces-red": 5,
}

// ThresholdsFrom reads the thresholds from rule options by name
// (ThresholdOptions); opt returns an option's value.
func ThresholdsFrom(opt func(string) int) Thresholds {
	return Thresholds{
		CSATGreen: float64(opt("csat-green")), CSATRed: float64(opt("csat-red")),
		NPSGreen: float64(opt("nps-green")), NPSRed: float64(opt("nps-red")),
		CESGreen: float64(opt("ces-green")), CESRed: float64(opt("ces-red")),
	}
}

// Band is the rating a score of kind k earns, or "" for a question (no
// bands).
func (t Thresholds) Band(k Kind, v float64) string {
	switch k {
	case KindCSAT:
		return higher(v, t.CSATGreen, t.CSATRed)
	case KindNPS:
		return higher(v, t.NPSGreen, t.NPSRed)
	case KindCES:
		switch {
		case v <= t.CESGreen:
			return journey.Green
		case v > t.CESRed:
			return journey.Red
		}
		return journey.Yellow
	}
	return ""
}

func higher(v, green, red float64) string {
	switch {
	case v >= green:
		return journey.Green
	case v < red:
		return journey.Red
	}
	return journey.Yellow
}

// Green is where green starts for kind k: the target --write gives a new
// metric (0 for a question).
func (t Thresholds) Green(k Kind) float64 {
	switch k {
	case KindCSAT:
		return t.CSATGreen
	case KindNPS:
		return t.NPSGreen
	case KindCES:
		return t.CESGreen
	}
	return 0
}

// Verdicts of a rating against its measured score.
const (
	Agrees       = "agrees"
	Contradicts  = "contradicts"
	Inconclusive = "inconclusive"
)

// Judge compares a rating with a measured score: Agrees when the score's
// band is the rating, Contradicts when it is another, Inconclusive when the
// interval [low, high] straddles a threshold (the data cannot tell). The
// band is the score's; "" (and verdict "") for a question or no rating.
func (t Thresholds) Judge(k Kind, score, low, high float64, rating string) (verdict, band string) {
	band = t.Band(k, score)
	if band == "" || rating == "" {
		return "", band
	}
	if t.Band(k, low) != t.Band(k, high) {
		return Inconclusive, band
	}
	if band == rating {
		return Agrees, band
	}
	return Contradicts, band
}

// KindOfMetric is the kind of a journey metric by its name as --write
// records it (NPS, CSAT, CES; any case), or KindQuestion for any other.
func KindOfMetric(name string) Kind { return KindOf(strings.TrimSpace(name)) }

// JudgeFigures sets each step and touchpoint figure's Rating (from the
// journeys given to the collector), Band and Verdict. Segment figures are
// left alone: a rating is for every respondent.
func (c *Collector) JudgeFigures(figs []Figure, t Thresholds) {
	for i := range figs {
		f := &figs[i]
		k := c.known[f.Journey]
		if k == nil || f.Segment != "" {
			continue
		}
		switch f.Scope {
		case ScopeStep:
			f.Rating = k.Ratings[f.Step]
		case ScopeTouchpoint:
			f.Rating = k.Ratings[f.Step+"\x00"+f.Lane]
		default:
			continue
		}
		f.Verdict, f.Band = t.Judge(f.Kind, f.Score, f.Low, f.High, f.Rating)
		if f.Verdict == "" {
			f.Band = ""
		}
	}
}
