// Package mermaid writes a journey as a Mermaid `journey` diagram
// (https://mermaid.js.org/syntax/userJourney.html), the text GitHub and
// GitLab draw inside markdown:
//
//	journey
//	  title Home insurance claim
//	  section Report the damage
//	    Call the hotline: 2: Phone, Web
//
// Sections are the stages, tasks the steps (their action), and each task's
// actors are the names of the frontstage lanes its touchpoints use, in
// touchpoint order. The score (Mermaid's 1 to 5, 5 best) comes from the
// step's emotion (-2..2) and rating (red, yellow, green):
//
//	emotion only:  emotion + 3              (-2→1, -1→2, 0→3, 1→4, 2→5)
//	rating only:   red 1, yellow 3, green 5
//	both:          their mean, rounded down (a map should not flatter)
//	neither:       3, Mermaid's neutral face
//
// Text is escaped for Mermaid's journey grammar, whose tokens end at '#',
// ';' and newlines (and task and section names at ':'): see Escape.
package mermaid

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode"

	"github.com/cxmap/cxmap/pkg/journey"
	"github.com/cxmap/cxmap/pkg/theme"
)

// Write writes j as a Mermaid journey diagram.
func Write(w io.Writer, j *journey.Journey) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintln(bw, "journey")
	title := j.Title
	if title == "" {
		title = j.ID
	}
	if t := escape(title, false); t != "" {
		fmt.Fprintf(bw, "  title %s\n", t)
	}
	for _, st := range j.Stages {
		name := st.Name
		if name == "" {
			name = st.ID
		}
		fmt.Fprintf(bw, "  section %s\n", orDash(escape(name, true)))
		for i := range st.Steps {
			s := &st.Steps[i]
			task := s.Action
			if strings.TrimSpace(task) == "" {
				task = s.ID
			}
			fmt.Fprintf(bw, "    %s: %d", orDash(escape(task, true)), Score(s))
			if actors := Actors(j, s); len(actors) > 0 {
				fmt.Fprintf(bw, ": %s", strings.Join(actors, ", "))
			}
			fmt.Fprintln(bw)
		}
	}
	return bw.Flush()
}

// Score is the step's Mermaid score, 1 to 5 (see the package comment).
func Score(s *journey.Step) int {
	rating := map[string]int{journey.Red: 1, journey.Yellow: 3, journey.Green: 5}[s.Rating]
	switch {
	case s.Emotion != nil && rating > 0:
		return (*s.Emotion + 3 + rating) / 2
	case s.Emotion != nil:
		return min(max(*s.Emotion+3, 1), 5)
	case rating > 0:
		return rating
	}
	return 3
}

// Actors lists the names of the frontstage lanes the step's touchpoints
// use, once each, escaped (a comma would split an actor in two).
func Actors(j *journey.Journey, s *journey.Step) []string {
	var out []string
	seen := map[string]bool{}
	for _, tp := range s.Touchpoints {
		name := tp.Lane.Value
		if l, ok := j.Lane(tp.Lane.Value); ok && l.Name != "" {
			name = l.Name
		}
		name = escape(strings.ReplaceAll(name, ",", " "), true)
		if name == "" || seen[name] {
			continue
		}
		seen[name] = true
		out = append(out, name)
	}
	return out
}

// The escapers replace what ends a token in Mermaid's journey grammar with
// look-alikes: '#' (which starts a comment), ';' (a statement separator),
// "%%" (a comment, anywhere on a line) and, in names, ':' (which separates
// task, score and actors). Look-alikes: ＃ U+FF03, ； U+FF1B, ∶ U+2236, and
// a zero-width space between the two %.
var (
	escTitle = strings.NewReplacer("#", "＃", ";", "；", "%%", "%\u200b%")
	escName  = strings.NewReplacer("#", "＃", ";", "；", "%%", "%\u200b%", ":", "∶")
)

// keywords are the grammar's words that, at the start of a line, would be
// read as a statement rather than as a task or section name (the lexer is
// case-insensitive), and "%%", which starts a comment.
var keywords = []string{"journey", "title", "section", "acctitle", "accdescr", "%%"}

// escape makes s one line of text Mermaid reads back as written: line
// breaks and runs of white space become one space, leading and trailing
// space goes, the delimiters above are replaced, and a leading keyword is
// guarded with a zero-width space. name is true for section, task and
// actor names, where ':' is a delimiter too.
func escape(s string, name bool) string {
	s = strings.Join(strings.FieldsFunc(s, unicode.IsSpace), " ")
	if name {
		s = escName.Replace(s)
	} else {
		s = escTitle.Replace(s)
	}
	if !name {
		return s // a title runs to the end of its line
	}
	lower := strings.ToLower(s)
	for _, k := range keywords {
		if strings.HasPrefix(lower, k) {
			return "\u200b" + s
		}
	}
	return s
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// WriteMarkdown writes j as a fenced ```mermaid block, which GitHub and
// GitLab draw in markdown (for `report -f markdown --mermaid`).
func WriteMarkdown(w io.Writer, j *journey.Journey) error {
	if _, err := io.WriteString(w, "```mermaid\n"); err != nil {
		return err
	}
	if err := Write(w, j); err != nil {
		return err
	}
	_, err := io.WriteString(w, "```\n")
	return err
}

// Init is the Mermaid init directive that draws a diagram in a theme's
// colours and font: Mermaid's "base" theme (the one meant to be
// customised) with themeVariables from the theme. Sections take the
// primary and accent colours in turn; the faces and the score scale keep
// Mermaid's own. "" for nil: the diagram as without themes.
func Init(t *theme.Theme, family string) string {
	if t == nil {
		return ""
	}
	c := t.Colors
	primary, accent := orDefault(c.Primary, "#1F3A5F"), orDefault(c.Accent, "#2C5282")
	text, bg := orDefault(c.Text, "#1F2937"), orDefault(c.Background, "#FFFFFF")
	vars := [][2]string{
		{"background", bg},
		{"primaryColor", primary},
		{"primaryTextColor", t.InkFor(primary)},
		{"primaryBorderColor", primary},
		{"secondaryColor", accent},
		{"tertiaryColor", bg},
		{"lineColor", text},
		{"textColor", text},
		{"titleColor", text},
	}
	for i := 0; i < 8; i++ {
		fill := primary
		if i%2 == 1 {
			fill = accent
		}
		vars = append(vars, [2]string{fmt.Sprintf("fillType%d", i), fill})
	}
	if family != "" {
		vars = append(vars, [2]string{"fontFamily", family})
	}
	var b strings.Builder
	b.WriteString("%%{init: {'theme': 'base', 'themeVariables': {")
	for i, v := range vars {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "'%s': '%s'", v[0], strings.NewReplacer("'", "", "}", "", "\n", " ").Replace(v[1]))
	}
	b.WriteString("}}}%%\n")
	return b.String()
}

func orDefault(s, d string) string {
	if s == "" {
		return d
	}
	return s
}
