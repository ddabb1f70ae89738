package diff

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/cxmap/cxmap/internal/textsafe"
)

// Text writes the diff for a terminal or a log: a header naming both
// versions, a summary line, then sections with one change per line, each
// marked + (added), - (removed) or ~ (changed) and followed by its verdict
// word. With o.Color the verdict is green when better for the customer,
// red when worse.
func Text(w io.Writer, d *Diff, o FormatOptions) error {
	bw := bufio.NewWriter(w)
	paint := func(code, s string) string { return textsafe.Paint(o.Color, code, s) }
	fmt.Fprintf(bw, "%s → %s\n", paint(textsafe.ANSIBold, textsafe.Line(sideTitle(d.Old))), paint(textsafe.ANSIBold, textsafe.Line(sideTitle(d.New))))
	fmt.Fprintf(bw, "  old: %s (id %s)\n  new: %s (id %s)\n", textsafe.Line(d.Old.Path), d.Old.ID, textsafe.Line(d.New.Path), d.New.ID)
	fmt.Fprintf(bw, "\nSummary: %s\n", summaryText(d))
	if d.Regression() {
		fmt.Fprintf(bw, "%s\n", paint(textsafe.ANSIRed, regressionText(d)))
	}
	put := func(indent string, l line) {
		mark := string(l.mark)
		word := l.word
		l.text = textsafe.Line(l.text)
		switch l.tone {
		case good:
			mark, word = paint(textsafe.ANSIGreen, mark), paint(textsafe.ANSIGreen, word)
		case bad:
			mark, word = paint(textsafe.ANSIRed, mark), paint(textsafe.ANSIRed, word)
		default:
			mark, word = paint(textsafe.ANSIYellow, mark), paint(textsafe.ANSIDim, word)
		}
		if word != "" {
			fmt.Fprintf(bw, "%s%s %s  %s\n", indent, mark, l.text, word)
		} else {
			fmt.Fprintf(bw, "%s%s %s\n", indent, mark, l.text)
		}
	}
	section := func(title string, ls []line) {
		if len(ls) == 0 {
			return
		}
		fmt.Fprintf(bw, "\n%s\n", paint(textsafe.ANSIBold, title))
		for _, l := range ls {
			put("  ", l)
		}
	}
	if rows := ratingRows(d); len(rows) > 0 {
		fmt.Fprintf(bw, "\n%s\n", paint(textsafe.ANSIBold, "Better or worse"))
		wide := 0
		for _, r := range rows {
			wide = max(wide, len(r.direction))
		}
		for _, r := range rows {
			word := fmt.Sprintf("%-*s", wide, r.direction)
			switch r.tone {
			case good:
				word = paint(textsafe.ANSIGreen, word)
			case bad:
				word = paint(textsafe.ANSIRed, word)
			}
			fmt.Fprintf(bw, "  %s  %s (%s): %s\n", word, r.c.ID, textsafe.Line(r.c.StageName), r.why)
		}
	}
	section("Journey", journeyLines(d.Journey))
	section("Stages", entityLines("stage", d.Stages))
	section("Lanes", entityLines("lane", d.Lanes))
	section("Sources", entityLines("source", d.Sources))
	for _, s := range modelSections(d) {
		section(s.title, s.lines)
	}
	if len(d.Steps) > 0 {
		fmt.Fprintf(bw, "\n%s\n", paint(textsafe.ANSIBold, "Steps"))
		for i := range d.Steps {
			c := &d.Steps[i]
			put("  ", headLine(c))
			for _, l := range stepLines(c) {
				put("      ", l)
			}
		}
	}
	return bw.Flush()
}

// regressionText says what --fail-on-regression fails on.
func regressionText(d *Diff) string {
	s := d.Summary
	var parts []string
	if s.StepsRegressed > 0 {
		parts = append(parts, textsafe.Plural(s.StepsRegressed, "step", "steps")+" regressed")
	}
	if s.EntryRatingsRegressed > 0 {
		parts = append(parts, textsafe.Plural(s.EntryRatingsRegressed, "touchpoint/backstage rating", "touchpoint/backstage ratings")+" got worse")
	}
	if s.TargetsLost > 0 {
		parts = append(parts, textsafe.Plural(s.TargetsLost, "met target was", "met targets were")+" lost")
	}
	return "Regression: " + strings.Join(parts, "; ") + "."
}
