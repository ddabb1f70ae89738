package diff

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
)

const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiRed    = "\x1b[31m"
	ansiGreen  = "\x1b[32m"
	ansiYellow = "\x1b[33m"
	ansiDim    = "\x1b[2m"
)

// Text writes the diff for a terminal or a log: a header naming both
// versions, a summary line, then sections with one change per line, each
// marked + (added), - (removed) or ~ (changed) and followed by its verdict
// word. With o.Color the verdict is green when better for the customer,
// red when worse.
func Text(w io.Writer, d *Diff, o FormatOptions) error {
	bw := bufio.NewWriter(w)
	paint := func(code, s string) string {
		if !o.Color || s == "" {
			return s
		}
		return code + s + ansiReset
	}
	fmt.Fprintf(bw, "%s → %s\n", paint(ansiBold, oneLine(sideTitle(d.Old))), paint(ansiBold, oneLine(sideTitle(d.New))))
	fmt.Fprintf(bw, "  old: %s (id %s)\n  new: %s (id %s)\n", oneLine(d.Old.Path), d.Old.ID, oneLine(d.New.Path), d.New.ID)
	fmt.Fprintf(bw, "\nSummary: %s\n", summaryText(d))
	if d.Regression() {
		fmt.Fprintf(bw, "%s\n", paint(ansiRed, regressionText(d)))
	}
	put := func(indent string, l line) {
		mark := string(l.mark)
		word := l.word
		l.text = oneLine(l.text)
		switch l.tone {
		case good:
			mark, word = paint(ansiGreen, mark), paint(ansiGreen, word)
		case bad:
			mark, word = paint(ansiRed, mark), paint(ansiRed, word)
		default:
			mark, word = paint(ansiYellow, mark), paint(ansiDim, word)
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
		fmt.Fprintf(bw, "\n%s\n", paint(ansiBold, title))
		for _, l := range ls {
			put("  ", l)
		}
	}
	if rows := ratingRows(d); len(rows) > 0 {
		fmt.Fprintf(bw, "\n%s\n", paint(ansiBold, "Ratings"))
		wide := 0
		for _, r := range rows {
			wide = max(wide, len(rating(r.from))+len(" → ")+len(rating(r.to)))
		}
		for _, r := range rows {
			change := rating(r.from) + " → " + rating(r.to)
			word := fmt.Sprintf("%-15s", r.direction)
			switch r.tone {
			case good:
				word = paint(ansiGreen, word)
			case bad:
				word = paint(ansiRed, word)
			}
			fmt.Fprintf(bw, "  %s%*s  %s  %s (%s)\n", change, wide-len(change), "", word, r.c.ID, oneLine(r.c.StageName))
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
		fmt.Fprintf(bw, "\n%s\n", paint(ansiBold, "Steps"))
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
	if s.RatingsRegressed > 0 {
		parts = append(parts, plural(s.RatingsRegressed, "rating", "ratings")+" got worse")
	}
	if s.EntryRatingsRegressed > 0 {
		parts = append(parts, plural(s.EntryRatingsRegressed, "touchpoint/backstage rating", "touchpoint/backstage ratings")+" got worse")
	}
	if s.TargetsLost > 0 {
		parts = append(parts, plural(s.TargetsLost, "met target was", "met targets were")+" lost")
	}
	return "Regression: " + strings.Join(parts, "; ") + "."
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// oneLine keeps a text on its line: a line break becomes ⏎ and any other
// control character (a tab, an escape sequence that would drive the
// terminal) a space.
func oneLine(s string) string {
	if !strings.ContainsFunc(s, isControl) {
		return s
	}
	s = strings.NewReplacer("\r\n", "⏎", "\n", "⏎", "\r", "⏎").Replace(s)
	return strings.Map(func(r rune) rune {
		if isControl(r) {
			return ' '
		}
		return r
	}, s)
}

func isControl(r rune) bool { return r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) }
