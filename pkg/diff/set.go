package diff

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/cxmap/cxmap/internal/textsafe"
	"github.com/cxmap/cxmap/pkg/finding"
)

// Status words of a journey file in a Set.
const (
	FileAdded   = "added"
	FileRemoved = "removed"
	FileChanged = "changed"
	FileRenamed = "renamed"
	// FileInvalid: one side is not a valid journey (or cannot be read), so
	// the two were not compared; Findings or Problem say why.
	FileInvalid = "invalid"
)

// Set is what changed in every journey under some paths between two
// revisions: the document `cxmap diff REV1 REV2 [PATH...]` prints.
type Set struct {
	From  string     `json:"from"` // revisions as the user typed them
	To    string     `json:"to"`
	Files []FileDiff `json:"files"`
	// Summary counts the files by status and the regressions.
	Summary SetSummary `json:"summary"`
	// Catalogs are the catalog files that differ (catalog.go).
	Catalogs []CatalogDiff `json:"catalogs,omitempty"`
}

// FileDiff is one journey file that differs between the revisions.
type FileDiff struct {
	Status  string `json:"status"`
	OldPath string `json:"oldPath,omitempty"`
	NewPath string `json:"newPath,omitempty"`
	ID      string `json:"id"`
	Title   string `json:"title"`
	// Diff is set for changed and renamed journeys.
	Diff *Diff `json:"diff,omitempty"`
	// Problem says why an invalid file was not compared; Findings are its
	// validation errors, when that is why.
	Problem  string            `json:"problem,omitempty"`
	Findings []finding.Finding `json:"findings,omitempty"`
}

// SetSummary counts the journey files of a Set.
type SetSummary struct {
	Added       int `json:"added"`
	Removed     int `json:"removed"`
	Changed     int `json:"changed"`
	Renamed     int `json:"renamed"`
	Invalid     int `json:"invalid"`
	Regressions int `json:"regressions"` // files whose diff is a regression
}

// Add appends a file and counts it.
func (s *Set) Add(f FileDiff) {
	s.Files = append(s.Files, f)
	switch f.Status {
	case FileAdded:
		s.Summary.Added++
	case FileRemoved:
		s.Summary.Removed++
	case FileChanged:
		s.Summary.Changed++
	case FileRenamed:
		s.Summary.Renamed++
	case FileInvalid:
		s.Summary.Invalid++
	}
	if f.Diff != nil && f.Diff.Regression() {
		s.Summary.Regressions++
	}
}

// Regression reports whether any journey's diff is a regression.
func (s *Set) Regression() bool { return s.Summary.Regressions > 0 }

// Invalid reports whether a journey could not be compared.
func (s *Set) Invalid() bool { return s.Summary.Invalid > 0 }

// SummaryLine is the one line on top: how many journeys changed and how.
func (s *Set) SummaryLine() string {
	n := len(s.Files)
	if n == 0 {
		return fmt.Sprintf("no journey changed between %s and %s", s.From, s.To) + s.catalogsLine()
	}
	var parts []string
	for _, c := range []struct {
		n    int
		word string
	}{{s.Summary.Added, "added"}, {s.Summary.Removed, "removed"}, {s.Summary.Changed, "changed"},
		{s.Summary.Renamed, "renamed"}, {s.Summary.Invalid, "invalid"}} {
		if c.n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", c.n, c.word))
		}
	}
	line := fmt.Sprintf("%s between %s and %s: %s", textsafe.Plural(n, "journey", "journeys"), s.From, s.To, strings.Join(parts, ", "))
	if r := s.Summary.Regressions; r > 0 {
		line += fmt.Sprintf("; %d with regressions", r)
	}
	return line + s.catalogsLine()
}

// catalogsLine is the summary line's catalog part: "; 1 catalog changed".
func (s *Set) catalogsLine() string {
	if len(s.Catalogs) == 0 {
		return ""
	}
	return fmt.Sprintf("; %s changed", textsafe.Plural(len(s.Catalogs), "catalog", "catalogs"))
}

// fileSummary is a file's one-line verdict.
func (f *FileDiff) fileSummary() string {
	switch f.Status {
	case FileAdded:
		return "new journey"
	case FileRemoved:
		return "journey removed"
	case FileInvalid:
		return f.Problem
	}
	return summaryText(f.Diff)
}

// path is the file's path to show: the new one, or the old for a removal,
// "old → new" for a rename.
func (f *FileDiff) path() string {
	switch {
	case f.Status == FileRenamed:
		return f.OldPath + " → " + f.NewPath
	case f.NewPath != "":
		return f.NewPath
	}
	return f.OldPath
}

// SetFormatter writes a Set in one format.
type SetFormatter func(w io.Writer, s *Set, o FormatOptions) error

// SetText writes the summary line, one line per journey file, then each
// changed journey's diff as Text writes it.
func SetText(w io.Writer, s *Set, o FormatOptions) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "%s\n", textsafe.Line(s.SummaryLine()))
	for i := range s.Files {
		f := &s.Files[i]
		fmt.Fprintf(bw, "  %-8s %s  %s\n", f.Status, textsafe.Line(f.path()), textsafe.Line(f.fileSummary()))
	}
	catalogsText(bw, s)
	for i := range s.Files {
		f := &s.Files[i]
		if f.Diff == nil || f.Diff.Empty() {
			continue
		}
		bw.WriteString("\n")
		if err := Text(bw, f.Diff, o); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// SetMarkdown writes a pull-request comment: the summary line, a table of
// the journey files, then each changed journey's diff folded in a
// <details> block so a large PR stays readable.
func SetMarkdown(w io.Writer, s *Set, o FormatOptions) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "## Journey changes: `%s` → `%s`\n\n**%s**\n", textsafe.Code(s.From), textsafe.Code(s.To), textsafe.Markdown(s.SummaryLine()))
	if s.Regression() {
		fmt.Fprintf(bw, "\n> [!WARNING]\n> %s got worse for the customer.\n", textsafe.Plural(s.Summary.Regressions, "journey", "journeys"))
	}
	if len(s.Files) > 0 {
		bw.WriteString("\n| Journey | File | Change | Summary |\n|---|---|---|---|\n")
		for i := range s.Files {
			f := &s.Files[i]
			fmt.Fprintf(bw, "| %s | `%s` | %s | %s |\n", textsafe.Markdown(f.Title), textsafe.Code(f.path()), f.Status, textsafe.Markdown(f.fileSummary()))
		}
	}
	catalogsMarkdown(bw, s)
	for i := range s.Files {
		f := &s.Files[i]
		if f.Diff == nil || f.Diff.Empty() {
			continue
		}
		fmt.Fprintf(bw, "\n<details><summary>%s</summary>\n\n", htmlEscape(f.Title+": "+f.fileSummary()))
		if err := Markdown(bw, f.Diff, o); err != nil {
			return err
		}
		bw.WriteString("\n</details>\n")
	}
	return bw.Flush()
}

// htmlEscape makes text safe inside an HTML element of a markdown comment.
var htmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", "\n", " ", "\r", " ", "@", "@\u200b")

func htmlEscape(s string) string { return htmlEscaper.Replace(s) }

// SetJSON writes the Set as one JSON document (lists never null).
func SetJSON(w io.Writer, s *Set, _ FormatOptions) error {
	out := *s
	if out.Files == nil {
		out.Files = []FileDiff{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
