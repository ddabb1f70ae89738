package lint

import (
	"github.com/cxmap/cxmap/pkg/finding"
	"github.com/cxmap/cxmap/pkg/journey"
)

// UnusedIgnore is the id of the finding for a `# cxmap:ignore` comment that
// silenced nothing.
const UnusedIgnore = "unused-ignore"

// registry lists every rule id cxmap reports, in the order `cxmap rules`
// shows them: the lint rules in the order of docs/rules, unused-ignore,
// then the validation rules (journey.ValidationRules, metadata only, so
// SARIF describes every id). Ids are stable and never reused. A new lint
// rule is one file, rule_<id>.go, and one line here.
var registry = append([]*Rule{
	missingTouchpoint,
	unratedStep,
	unsupportedTouchpoint,
	redWithoutOpportunity,
	painWithoutOpportunity,
	opportunityWithoutOwner,
	unsourcedRating,
	ratingEmotionMismatch,
	metricWithoutTarget,
	emptyStage,
	unusedLane,
	unusedSource,
	missingPersona,
	missingOwner,
	staleJourney,
	unsourcedQuote,
	criticalAssumption,
	ratingTouchpointMismatch,
	placeholderText,
	labelTruncated,
	ratingContradictsData, smallSample, staleEvidence,
	{
		ID: UnusedIgnore, Level: finding.Info,
		Short: "a cxmap:ignore comment silences nothing",
		Full: "An inline `# cxmap:ignore RULE-ID` comment did not silence any finding: the rule does not fire " +
			"there (any more), the rule id is misspelled, or the comment is not on the line of the step, " +
			"touchpoint or other entry it is meant for. Stale ignores hide future problems.",
		Fix: "Remove the comment, or correct the rule id or move it to the line of the entry the finding is about.",
	},
}, validationRules()...)

// validationRules wraps journey's validation rules as registry entries.
func validationRules() []*Rule {
	out := make([]*Rule, len(journey.ValidationRules))
	for i, v := range journey.ValidationRules {
		out[i] = &Rule{ID: v.ID, Level: v.Level, Short: v.ShortDescription, Full: v.FullDescription, Fix: v.Help, validation: true}
	}
	return out
}

// Rules lists every rule in registry order.
func Rules() []*Rule { return registry }

// Lookup finds a rule by id.
func Lookup(id string) (*Rule, bool) {
	for _, r := range registry {
		if r.ID == id {
			return r, true
		}
	}
	return nil, false
}

// Metadata is the registry as rule descriptions (SARIF driver rules).
// Levels are the defaults: a result carries its configured level.
func Metadata() []finding.Rule {
	out := make([]finding.Rule, 0, len(registry))
	for _, r := range registry {
		out = append(out, finding.Rule{
			ID: r.ID, Level: r.Level, ShortDescription: r.Short, FullDescription: r.Full,
			Help: r.Fix, HelpURI: r.HelpURI(),
		})
	}
	return out
}
