package lint

import (
	"github.com/cxmap/cxmap/pkg/finding"
	"github.com/cxmap/cxmap/pkg/printer"
)

// UnusedIgnore is the id of the finding for a `# cxmap:ignore` comment that
// silenced nothing.
const UnusedIgnore = "unused-ignore"

// registry lists every rule id cxmap reports, in the order `cxmap rules`
// shows them: the lint rules in SPEC order, unused-ignore, then the
// validation rules (metadata only, so SARIF describes every id). Ids are
// stable and never reused.
var registry = []*Rule{
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
	{
		ID: UnusedIgnore, Level: finding.Info,
		Short: "a cxmap:ignore comment silences nothing",
		Full: "An inline `# cxmap:ignore RULE-ID` comment did not silence any finding: the rule does not fire " +
			"there (any more), the rule id is misspelled, or the comment is not on the line of the step, " +
			"touchpoint or other entry it is meant for. Stale ignores hide future problems.",
		Fix: "Remove the comment, or correct the rule id or move it to the line of the entry the finding is about.",
	},
	{
		ID: "yaml-syntax", Level: finding.Error, validation: true,
		Short: "the file is not well-formed YAML",
		Full:  "The file could not be read as YAML (bad indentation, a tab, an unclosed quote), holds more than one document, or breaks a size, nesting or alias limit.",
		Fix:   "Fix the YAML at the line given; an editor with yaml-language-server and `cxmap schema` shows the problem as you type.",
	},
	{
		ID: "schema", Level: finding.Error, validation: true,
		Short: "a key, type or value does not match the journey format",
		Full:  "A required key is missing, a key is unknown (a typo cannot hide a field), a value has the wrong type, or is outside its allowed values (for example rating must be green, yellow or red, emotion -2..2).",
		Fix:   "Correct the key or value as the message says; `cxmap schema` prints the format as JSON Schema.",
	},
	{
		ID: "duplicate-id", Level: finding.Error, validation: true,
		Short: "two entries of one kind share an id",
		Full:  "Ids must be unique: steps, lanes, sources, personas and opportunities across the journey and the catalogs it uses, stages among stages. References by id would otherwise be ambiguous.",
		Fix:   "Rename one of the entries (and the references meant for it).",
	},
	{
		ID: "unknown-reference", Level: finding.Error, validation: true,
		Short: "an id, a catalog or a baseline is not found",
		Full:  "A touchpoint or backstage `lane`, a step's `sources`, `personas` or `next`, a quote's `source` or `persona`, or a metric's `sources` names an id that neither the journey nor its catalogs define; or a `uses` catalog or the `baseline` file is missing or of the wrong kind.",
		Fix:   "Correct the id or path, or define what it names.",
	},
	{
		ID: "wrong-zone", Level: finding.Error, validation: true,
		Short: "a touchpoint uses a backstage lane, or a backstage entry a frontstage lane",
		Full:  "Touchpoints are what the customer meets, so their lane must be frontstage; backstage entries are what the customer never sees, so their lane must be backstage or support.",
		Fix:   "Move the entry to the right list (touchpoints or backstage), or change the lane's zone.",
	},
	{
		ID: "unsupported-version", Level: finding.Error, validation: true,
		Short: "the file's format version is newer than this cxmap",
		Full:  "The `cxmap:` key names a format version this build does not know.",
		Fix:   "Upgrade cxmap, or set `cxmap: 1` if the version number is a mistake.",
	},
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

// PrinterRules is the registry as the metadata printers carry (SARIF driver
// rules). Levels are the defaults: a result carries its configured level.
func PrinterRules() []printer.Rule {
	out := make([]printer.Rule, 0, len(registry))
	for _, r := range registry {
		out = append(out, printer.Rule{
			ID: r.ID, Level: r.Level, ShortDescription: r.Short, FullDescription: r.Full,
			Help: r.Fix, HelpURI: r.HelpURI(),
		})
	}
	return out
}
