package diff

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

var mdMark = map[byte]string{'+': "➕", '-': "➖", '~': "✏️"}

// mdRating shows a rating as a coloured circle and the word.
var mdRating = map[string]string{"red": "🔴 red", "yellow": "🟡 yellow", "green": "🟢 green", "unrated": "⚪ unrated"}

// Markdown writes the diff for a pull-request comment: a heading with both
// titles and states, a table naming the two versions, the summary, then a
// list per section. Verdicts are words with a ✅ or ❌ so they read without
// colour.
func Markdown(w io.Writer, d *Diff, _ FormatOptions) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "## Journey diff: %s → %s\n\n", mdEscape(sideTitle(d.Old)), mdEscape(sideTitle(d.New)))
	bw.WriteString("| | Old | New |\n|---|---|---|\n")
	fmt.Fprintf(bw, "| File | `%s` | `%s` |\n", code(d.Old.Path), code(d.New.Path))
	fmt.Fprintf(bw, "| Journey | `%s` | `%s` |\n", code(d.Old.ID), code(d.New.ID))
	fmt.Fprintf(bw, "| State | %s | %s |\n\n", d.Old.State, d.New.State)
	fmt.Fprintf(bw, "**Summary:** %s\n", mdEscape(summaryText(d)))
	if d.Regression() {
		fmt.Fprintf(bw, "\n> [!WARNING]\n> %s\n", regressionText(d))
	}
	put := func(indent string, l line) {
		fmt.Fprintf(bw, "%s- %s %s", indent, mdMark[l.mark], mdEscape(l.text))
		if l.word != "" {
			icon := ""
			switch l.tone {
			case good:
				icon = "✅ "
			case bad:
				icon = "❌ "
			}
			fmt.Fprintf(bw, " — %s**%s**", icon, mdEscape(l.word))
		}
		bw.WriteString("\n")
	}
	section := func(title string, ls []line) {
		if len(ls) == 0 {
			return
		}
		fmt.Fprintf(bw, "\n### %s\n\n", title)
		for _, l := range ls {
			put("", l)
		}
	}
	if rows := ratingRows(d); len(rows) > 0 {
		bw.WriteString("\n### Ratings\n\n| Step | Stage | Before | After | |\n|---|---|---|---|---|\n")
		for _, r := range rows {
			icon := ""
			switch r.tone {
			case good:
				icon = "✅ "
			case bad:
				icon = "❌ "
			}
			fmt.Fprintf(bw, "| %s | %s | %s | %s | %s**%s** |\n", mdEscape(r.c.ID), mdEscape(r.c.StageName),
				mdRating[rating(r.from)], mdRating[rating(r.to)], icon, r.direction)
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
		bw.WriteString("\n### Steps\n\n")
		for i := range d.Steps {
			c := &d.Steps[i]
			put("", headLine(c))
			for _, l := range stepLines(c) {
				put("  ", l)
			}
		}
	}
	return bw.Flush()
}

var mdEscaper = strings.NewReplacer(
	`\`, `\\`, "|", `\|`, "*", `\*`, "_", `\_`, "`", "\\`", "[", `\[`, "]", `\]`,
	"<", "&lt;", ">", "&gt;", "#", `\#`,
	"\r\n", "<br>", "\n", "<br>", "\r", "<br>",
)

// mdEscape shows text as written in GitHub Markdown: markup characters are
// escaped, a pipe cannot end a table cell, a newline becomes <br>.
func mdEscape(s string) string { return mdEscaper.Replace(s) }

func code(s string) string {
	return strings.NewReplacer("`", "'", "|", `\|`, "\n", " ").Replace(s)
}
