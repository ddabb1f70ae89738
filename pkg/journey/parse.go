package journey

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"unicode/utf8"

	"github.com/cxmap/cxmap/pkg/finding"
	"go.yaml.in/yaml/v3"
)

// Rule ids of the validation findings (docs/rules).
const (
	RuleSyntax      = "yaml-syntax"
	RuleSchema      = "schema"
	RuleDuplicateID = "duplicate-id"
	RuleUnknownRef  = "unknown-reference"
	RuleWrongZone   = "wrong-zone"
	RuleVersion     = "unsupported-version"
)

// ValidationRules describes the validation rules (the ids above) for
// `cxmap rules`, SARIF and the docs. It is their only description: lint's
// registry lists these after its own rules.
var ValidationRules = []finding.Rule{
	{
		ID: RuleSyntax, Level: finding.Error,
		ShortDescription: "the file is not well-formed YAML",
		FullDescription:  "The file could not be read as YAML (bad indentation, a tab, an unclosed quote), holds more than one document, or breaks a size, nesting or alias limit.",
		Help:             "Fix the YAML at the line given; an editor with yaml-language-server and `cxmap schema` shows the problem as you type.",
	},
	{
		ID: RuleSchema, Level: finding.Error,
		ShortDescription: "a key, type or value does not match the journey format",
		FullDescription:  "A required key is missing, a key is unknown (a typo cannot hide a field), a value has the wrong type, or is outside its allowed values (for example rating must be green, yellow or red, emotion -2..2).",
		Help:             "Correct the key or value as the message says; `cxmap schema` prints the format as JSON Schema.",
	},
	{
		ID: RuleDuplicateID, Level: finding.Error,
		ShortDescription: "two entries of one kind share an id",
		FullDescription:  "Ids must be unique: steps, lanes, sources, personas and opportunities across the journey and the catalogs it uses, stages among stages. References by id would otherwise be ambiguous.",
		Help:             "Rename one of the entries (and the references meant for it).",
	},
	{
		ID: RuleUnknownRef, Level: finding.Error,
		ShortDescription: "an id, a catalog or a baseline is not found",
		FullDescription:  "A touchpoint or backstage `lane`, a step's `sources`, `personas` or `next`, a quote's `source` or `persona`, or a metric's `sources` names an id that neither the journey nor its catalogs define; or a `uses` catalog or the `baseline` file is missing or of the wrong kind.",
		Help:             "Correct the id or path, or define what it names.",
	},
	{
		ID: RuleWrongZone, Level: finding.Error,
		ShortDescription: "a touchpoint uses a backstage lane, or a backstage entry a frontstage lane",
		FullDescription:  "Touchpoints are what the customer meets, so their lane must be frontstage; backstage entries are what the customer never sees, so their lane must be backstage or support.",
		Help:             "Move the entry to the right list (touchpoints or backstage), or change the lane's zone.",
	},
	{
		ID: RuleVersion, Level: finding.Error,
		ShortDescription: "the file's format version is newer than this cxmap",
		FullDescription:  "The `cxmap:` key names a format version this build does not know.",
		Help:             "Upgrade cxmap, or set `cxmap: 1` if the version number is a mistake.",
	},
}

// problems collects the findings of one file.
type problems struct {
	path string
	list []finding.Finding
}

func (p *problems) add(rule string, r Range, format string, a ...any) {
	if r.Line == 0 {
		r = Range{Line: 1, Col: 1, EndLine: 1, EndCol: 2}
	}
	if r.EndLine < r.Line || (r.EndLine == r.Line && r.EndCol <= r.Col) {
		r.EndLine, r.EndCol = r.Line, r.Col+1
	}
	p.list = append(p.list, finding.Finding{
		Path: p.path, Line: r.Line, Column: r.Col, EndLine: r.EndLine, EndColumn: r.EndCol,
		Level: finding.Error, Rule: rule, Message: fmt.Sprintf(format, a...),
	})
}

// ParseOpts is Parse with options. notJourney is true when o.SkipNonJourney
// is set and the file is YAML that is not a journey (its root is not a
// mapping with a `cxmap` key). A catalog file gives no journey: its
// findings, or none when it is valid (see ParseFile to tell).
func ParseOpts(path string, data []byte, o Options) (j *Journey, fs []finding.Finding, notJourney bool) {
	r := parseInput(path, data, o)
	return r.Journey, r.Findings, r.NotJourney
}

// Parsed is one file read by ParseFile: a journey, a catalog, or neither.
type Parsed struct {
	// Journey is set for a valid journey, Catalog for a valid catalog.
	Journey *Journey
	Catalog *Catalog
	// Findings are the file's errors (none when it is valid).
	Findings []finding.Finding
	// NotJourney: skipped as not a journey (Options.SkipNonJourney).
	NotJourney bool
	// IsCatalog: the file is a catalog (valid or not).
	IsCatalog bool
	isJourney bool // the root is a journey's, valid or not
}

// ParseFile reads a journey or a catalog file.
func ParseFile(path string, data []byte, o Options) Parsed { return parseInput(path, data, o) }

func parseInput(path string, data []byte, o Options) Parsed {
	p := &problems{path: path}
	doc, ok := readDocument(p, data, o.SkipNonJourney)
	if doc == nil && ok {
		return Parsed{NotJourney: true} // not a journey, skipped
	}
	if !ok {
		return Parsed{Findings: p.list}
	}
	root := doc.Content[0]
	if isCatalogRoot(root) {
		c := parseCatalog(p, path, root)
		if c != nil {
			return Parsed{Catalog: c, IsCatalog: true}
		}
		return Parsed{Findings: p.list, IsCatalog: true}
	}
	if o.SkipNonJourney && !isJourneyRoot(root) {
		return Parsed{NotJourney: true}
	}
	if root.Kind != yaml.MappingNode {
		p.add(RuleSchema, rangeOf(root), "the file's root must be a mapping of keys (cxmap:, id:, title:, stages:), found %s", kindName(root))
		return Parsed{Findings: p.list}
	}
	isJ := isJourneyRoot(root)
	if !checkVersion(p, root) {
		return Parsed{Findings: p.list, isJourney: isJ}
	}
	if !checkStructure(p, root) {
		return Parsed{Findings: p.list, isJourney: isJ}
	}
	// References are checked even when the schema failed, so that one run
	// shows every problem; build is lenient about types it did not expect.
	j := build(path, data, doc)
	j.baseDir = o.Dir
	checkReferences(p, j, o.Catalogs)
	if len(p.list) > 0 {
		return Parsed{Findings: p.list, isJourney: isJ}
	}
	return Parsed{Journey: j, isJourney: true}
}

// readDocument applies the limits on input and parses exactly one YAML
// document. It returns (nil, true) for a file to skip as not a journey.
func readDocument(p *problems, data []byte, skipNonJourney bool) (*yaml.Node, bool) {
	// A walked file that is too large, not UTF-8 or not YAML at all is
	// someone else's unless it says it is a journey.
	if skipNonJourney && (len(data) > MaxFileSize || !utf8.Valid(data)) && !looksLikeJourney(data) {
		return nil, true
	}
	if len(data) > MaxFileSize {
		p.tooLarge()
		return nil, false
	}
	if !utf8.Valid(data) {
		off := invalidUTF8Offset(data)
		line, col := lineCol(data, off)
		msg := "file is not valid UTF-8 (byte 0x%02x)"
		if bytes.HasPrefix(data, []byte{0xff, 0xfe}) || bytes.HasPrefix(data, []byte{0xfe, 0xff}) {
			msg += "; it looks like UTF-16: save it as UTF-8"
		}
		p.add(RuleSyntax, Range{Line: line, Col: col}, msg, data[off])
		return nil, false
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			if skipNonJourney {
				return nil, true
			}
			p.add(RuleSchema, Range{}, "file is empty: a journey needs at least cxmap:, id:, title: and stages: (run `cxmap init` for a starter)")
			return nil, false
		}
		if skipNonJourney && !looksLikeJourney(data) {
			return nil, true
		}
		syntaxError(p, data, err)
		return nil, false
	}
	if len(doc.Content) == 0 || (doc.Content[0].Kind == yaml.ScalarNode && doc.Content[0].Tag == "!!null") {
		if skipNonJourney {
			return nil, true
		}
		p.add(RuleSchema, Range{}, "file is empty: a journey needs at least cxmap:, id:, title: and stages: (run `cxmap init` for a starter)")
		return nil, false
	}
	// A walked multi-document file whose first document is not a journey
	// (Kubernetes manifests, say) is skipped before its other documents.
	if skipNonJourney && !isCheckedRoot(doc.Content[0]) {
		return nil, true
	}
	var second yaml.Node
	err := dec.Decode(&second)
	// Trailing empty documents ("---" at the end) are harmless.
	for err == nil && isEmptyDocument(&second) {
		second = yaml.Node{}
		err = dec.Decode(&second)
	}
	switch {
	case errors.Is(err, io.EOF):
	case err != nil:
		syntaxError(p, data, err)
		return nil, false
	default:
		line := second.Line
		if len(second.Content) > 0 {
			line = second.Content[0].Line
		}
		p.add(RuleSyntax, Range{Line: line, Col: 1}, "file holds several YAML documents; a journey file holds exactly one (remove the \"---\" and what follows, or split it into files)")
		return nil, false
	}
	return &doc, true
}

// checkVersion refuses a format version newer than this build.
func checkVersion(p *problems, root *yaml.Node) bool {
	v := valueOf(root, "cxmap")
	if v == nil || v.Kind != yaml.ScalarNode {
		return true // the schema explains what is wrong
	}
	var n float64
	switch x := scalar(v).(type) {
	case int64:
		n = float64(x)
	case float64:
		n = x
	default:
		return true
	}
	if n > FormatVersion && n == math.Trunc(n) && !math.IsInf(n, 0) {
		p.add(RuleVersion, rangeOf(v), "this file needs a newer cxmap: it is format version %s and this cxmap reads up to version %d (upgrade cxmap)", strconv.FormatFloat(n, 'f', -1, 64), FormatVersion)
		return false
	}
	return true
}

func hasKey(m *yaml.Node, key string) bool { return valueOf(m, key) != nil }

func isJourneyRoot(n *yaml.Node) bool { return n.Kind == yaml.MappingNode && hasKey(n, "cxmap") }

// isCheckedRoot: a walked file with this root is checked, not skipped (a
// journey or a catalog).
func isCheckedRoot(n *yaml.Node) bool { return isJourneyRoot(n) || isCatalogRoot(n) }

func isEmptyDocument(d *yaml.Node) bool {
	return len(d.Content) == 0 || (d.Content[0].Kind == yaml.ScalarNode && d.Content[0].ShortTag() == "!!null" && d.Content[0].Value == "")
}

func valueOf(m *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "a list"
	case yaml.MappingNode:
		return "a mapping"
	case yaml.AliasNode:
		return "an alias"
	}
	switch n.Tag {
	case "!!str":
		return "a string"
	case "!!int":
		return "an integer"
	case "!!float":
		return "a number"
	case "!!bool":
		return "a boolean"
	case "!!null":
		return "nothing (null)"
	}
	return "a scalar"
}

func invalidUTF8Offset(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return 0
}

// looksLikeJourney is a cheap guess, for a walked file that is not even valid
// YAML, at whether it was meant to be a journey: a top-level `cxmap:` line.
func looksLikeJourney(data []byte) bool {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	return bytes.HasPrefix(data, []byte("cxmap:")) || bytes.Contains(data, []byte("\ncxmap:")) ||
		bytes.HasPrefix(data, []byte("cxmap-catalog:")) || bytes.Contains(data, []byte("\ncxmap-catalog:"))
}
