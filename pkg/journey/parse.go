package journey

import (
	"bytes"
	"errors"
	"io"

	"github.com/cxmap/cxmap/pkg/finding"
	"go.yaml.in/yaml/v3"
)

// ParseOpts is Parse with options. notJourney is true when o.SkipNonJourney
// is set and the file's root mapping has no `cxmap` key.
func ParseOpts(path string, data []byte, o Options) (j *Journey, fs []finding.Finding, notJourney bool) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil && !errors.Is(err, io.EOF) {
		return nil, []finding.Finding{{Path: path, Line: 1, Column: 1, EndLine: 1, EndColumn: 2, Level: finding.Error, Rule: "yaml-syntax", Message: err.Error()}}, false
	}
	if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, []finding.Finding{{Path: path, Line: 1, Column: 1, EndLine: 1, EndColumn: 2, Level: finding.Error, Rule: "schema", Message: "not a journey"}}, false
	}
	return build(path, data, &doc), nil, false
}
