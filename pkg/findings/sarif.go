package findings

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/url"
	"path/filepath"
	"strings"

	"github.com/cxmap/cxmap/pkg/finding"
)

// SARIF writes the report as a SARIF 2.1.0 log that GitHub code scanning
// accepts (docs/ci/README.md): one run, the driver's rules with help links,
// one result per finding with a full region, and partialFingerprints that
// survive lines moving, so a finding keeps its alert across commits.
func SARIF(w io.Writer, r Report) error {
	rules, index := sarifRules(r)
	results := make([]sarifResult, 0, len(r.Findings))
	seen := map[string]int{}
	for _, f := range r.Findings {
		res := sarifResult{
			RuleID:    f.Rule,
			RuleIndex: index[f.Rule],
			Level:     sarifLevel(f.Level),
			Message:   sarifText{Text: f.Message},
			Locations: []sarifLocation{{PhysicalLocation: sarifPhysical{
				ArtifactLocation: sarifArtifact{URI: sarifURI(f.Path)},
				Region:           sarifRegionOf(f),
			}}},
		}
		key := f.Rule + "\x00" + f.Path + "\x00" + f.Message
		res.PartialFingerprints = map[string]string{"cxmap/v1": fingerprint(key, seen[key])}
		seen[key]++
		results = append(results, res)
	}
	log := sarifLog{
		Schema:  "https://json.schemastore.org/sarif-2.1.0.json",
		Version: "2.1.0",
		Runs: []sarifRun{{
			Tool: sarifTool{Driver: sarifDriver{
				Name:           "cxmap",
				Version:        r.Version,
				InformationURI: "https://github.com/cxmap/cxmap",
				Rules:          rules,
			}},
			Results:     results,
			ColumnKind:  "unicodeCodePoints",
			Invocations: []sarifInvocation{invocation(r.Errors)},
		}},
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(log)
}

// The structs below mirror the parts of the SARIF 2.1.0 object model
// (https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html) that
// cxmap fills in, in the spec's property names.
type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool        sarifTool         `json:"tool"`
	Results     []sarifResult     `json:"results"`
	ColumnKind  string            `json:"columnKind"`
	Invocations []sarifInvocation `json:"invocations"`
}

// sarifInvocation says whether the run checked everything it was given.
type sarifInvocation struct {
	ExecutionSuccessful        bool                `json:"executionSuccessful"`
	ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications,omitempty"`
}

type sarifNotification struct {
	Level   string    `json:"level"`
	Message sarifText `json:"message"`
}

func invocation(errs []string) sarifInvocation {
	inv := sarifInvocation{ExecutionSuccessful: len(errs) == 0}
	for _, e := range errs {
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, sarifNotification{Level: "error", Message: sarifText{Text: e}})
	}
	return inv
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string           `json:"id"`
	ShortDescription     sarifText        `json:"shortDescription"`
	FullDescription      sarifText        `json:"fullDescription"`
	Help                 sarifHelp        `json:"help"`
	HelpURI              string           `json:"helpUri,omitempty"`
	DefaultConfiguration sarifRuleConfig  `json:"defaultConfiguration"`
	Properties           *sarifProperties `json:"properties,omitempty"`
}

type sarifProperties struct {
	Tags []string `json:"tags"`
}

type sarifHelp struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

type sarifRuleConfig struct {
	Level string `json:"level"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifResult struct {
	RuleID              string            `json:"ruleId"`
	RuleIndex           int               `json:"ruleIndex"`
	Level               string            `json:"level"`
	Message             sarifText         `json:"message"`
	Locations           []sarifLocation   `json:"locations"`
	PartialFingerprints map[string]string `json:"partialFingerprints"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           *sarifRegion  `json:"region,omitempty"`
}

type sarifArtifact struct {
	URI string `json:"uri"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn"`
	EndLine     int `json:"endLine"`
	EndColumn   int `json:"endColumn"`
}

// sarifLevel maps cxmap's levels onto SARIF's error, warning and note.
func sarifLevel(l finding.Level) string {
	switch l {
	case finding.Error:
		return "error"
	case finding.Warning:
		return "warning"
	}
	return "note"
}

// sarifRules lists the report's rules, plus a bare entry for any rule id a
// finding uses that the report does not describe (validate passes none), so
// every result has a ruleIndex.
func sarifRules(r Report) ([]sarifRule, map[string]int) {
	out := make([]sarifRule, 0, len(r.Rules))
	index := map[string]int{}
	add := func(ru finding.Rule) {
		if _, ok := index[ru.ID]; ok {
			return
		}
		index[ru.ID] = len(out)
		sr := sarifRule{
			ID:                   ru.ID,
			ShortDescription:     sarifText{Text: orDefault(ru.ShortDescription, ru.ID)},
			FullDescription:      sarifText{Text: orDefault(ru.FullDescription, orDefault(ru.ShortDescription, ru.ID))},
			Help:                 sarifHelp{Text: orDefault(ru.Help, "See the rule's documentation.")},
			HelpURI:              ru.HelpURI,
			DefaultConfiguration: sarifRuleConfig{Level: sarifLevel(ru.Level)},
		}
		if ru.HelpURI != "" {
			sr.Help.Markdown = sr.Help.Text + "\n\n[Rule documentation](" + ru.HelpURI + ")"
		}
		out = append(out, sr)
	}
	for _, ru := range r.Rules {
		add(ru)
	}
	for _, f := range r.Findings {
		add(finding.Rule{ID: f.Rule, Level: finding.Error})
	}
	return out, index
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// sarifRegionOf is the finding's range; nil when the finding has no line.
func sarifRegionOf(f finding.Finding) *sarifRegion {
	if f.Line < 1 {
		return nil
	}
	reg := &sarifRegion{StartLine: f.Line, StartColumn: max(f.Column, 1), EndLine: f.EndLine, EndColumn: f.EndColumn}
	if reg.EndLine < reg.StartLine {
		reg.EndLine = reg.StartLine
	}
	if reg.EndLine == reg.StartLine && reg.EndColumn <= reg.StartColumn {
		reg.EndColumn = reg.StartColumn + 1
	}
	return reg
}

// sarifURI turns a path as the user gave it into a URI reference: relative
// paths stay relative (GitHub resolves them against the checkout), with
// forward slashes and percent-escapes.
func sarifURI(path string) string {
	p := filepath.ToSlash(path)
	if filepath.IsAbs(path) {
		return (&url.URL{Scheme: "file", Path: p}).String()
	}
	return (&url.URL{Path: strings.TrimPrefix(p, "./")}).String()
}

// fingerprint identifies a finding without its line number: rule, path and
// message (which names the step or entry), plus which repeat of that triple
// it is. Moving a step leaves it unchanged; editing what it is about does not.
func fingerprint(key string, n int) string {
	h := sha256.New()
	io.WriteString(h, key)
	h.Write([]byte{0, byte(n), byte(n >> 8), byte(n >> 16)})
	return hex.EncodeToString(h.Sum(nil)[:16])
}
