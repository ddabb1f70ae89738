package diff

import (
	"bufio"
	"fmt"
	"io"

	"github.com/cxmap/cxmap/internal/textsafe"
)

var mdMark = map[byte]string{'+': "➕", '-': "➖", '~': "✏️"}

// Markdown writes the diff for a pull-request comment: a heading with both
// titles and states, a table naming the two versions, the summary, then a
// list per section. Verdicts are words with a ✅ or ❌ so they read without
// colour.
func Markdown(w io.Writer, d *Diff, _ FormatOptions) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "## Journey diff: %s → %s\n\n", textsafe.Markdown(sideTitle(d.Old)), textsafe.Markdown(sideTitle(d.New)))
	bw.WriteString("| | Old | New |\n|---|---|---|\n")
	fmt.Fprintf(bw, "| File | `%s` | `%s` |\n", textsafe.Code(d.Old.Path), textsafe.Code(d.New.Path))
	fmt.Fprintf(bw, "| Journey | `%s` | `%s` |\n", textsafe.Code(d.Old.ID), textsafe.Code(d.New.ID))
	fmt.Fprintf(bw, "| State | %s | %s |\n\n", d.Old.State, d.New.State)
	fmt.Fprintf(bw, "**Summary:** %s\n", textsafe.Markdown(summaryText(d)))
	if d.Regression() {
		fmt.Fprintf(bw, "\n> [!WARNING]\n> %s\n", regressionText(d))
	}
	put := func(indent string, l line) {
		fmt.Fprintf(bw, "%s- %s %s", indent, mdMark[l.mark], textsafe.Markdown(l.text))
		if l.word != "" {
			icon := ""
			switch l.tone {
			case good:
				icon = "✅ "
			case bad:
				icon = "❌ "
			}
			fmt.Fprintf(bw, " — %s**%s**", icon, textsafe.Markdown(l.word))
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
		bw.WriteString("\n### Better or worse\n\n| Step | Stage | | Why |\n|---|---|---|---|\n")
		for _, r := range rows {
			icon := ""
			switch r.tone {
			case good:
				icon = "✅ "
			case bad:
				icon = "❌ "
			}
			fmt.Fprintf(bw, "| %s | %s | %s**%s** | %s |\n", textsafe.Markdown(r.c.ID), textsafe.Markdown(r.c.StageName),
				icon, r.direction, textsafe.Markdown(r.why))
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
