package lint

import (
	"github.com/cxmap/cxmap/pkg/finding"
	"github.com/cxmap/cxmap/pkg/journey"
)

// emotionRange is the emotion each rating agrees with: green (working well)
// is not negative, yellow (unhappy) is at most mildly positive, red (very
// unhappy) is not positive.
var emotionRange = map[string][2]int{
	journey.Green:  {0, 2},
	journey.Yellow: {-2, 1},
	journey.Red:    {-2, 0},
}

// ratingEmotionMismatch: rating and emotion are two views of the same
// moment; when they disagree one of them is a typo or stale.
var ratingEmotionMismatch = &Rule{
	ID: "rating-emotion-mismatch", Level: finding.Warning,
	Short: "a step's rating and emotion disagree",
	Full: "A step rated green should not have a negative emotion, red not a positive one, and yellow not +2. " +
		"Accepted ranges: green 0..2, yellow -2..1, red -2..0.",
	Fix: "Change the rating or the emotion so they tell the same story.",
	Check: func(p *Pass) {
		for _, s := range p.Steps() {
			rg, ok := emotionRange[s.Rating]
			if !ok || s.Emotion == nil {
				continue
			}
			if e := *s.Emotion; e < rg[0] || e > rg[1] {
				p.Report(s.Loc.Value("emotion"), "step %q is rated %s but its emotion is %+d; change the rating or the emotion so they agree (%s: %d..%d)",
					s.ID, s.Rating, e, s.Rating, rg[0], rg[1])
			}
		}
	},
}
