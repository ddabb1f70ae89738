package journey

import (
	_ "embed"
	"regexp"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

//go:embed starter.yaml
var starter string

// Starter returns a commented journey file that validates and shows every
// field of the format (`cxmap init`), its texts built from the title's words.
// id must be a valid slug.
func Starter(id, title string, today time.Time) []byte {
	r := strings.NewReplacer("{{ID}}", quoteIfNeeded(id), "{{TITLE}}", quoteIfNeeded(title), "{{DATE}}", today.Format("2006-01-02"))
	lines := strings.SplitAfter(r.Replace(starter), "\n")
	for i, l := range lines {
		lines[i] = withTitle(l, inSentence(title))
	}
	return []byte(strings.Join(lines, ""))
}

// starterKey matches a template line that holds a key and its value:
// indentation, an optional "- ", the key, ": ".
var starterKey = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\s*(- )?[a-z-]+: `) })

// withTitle puts the title into one template line. In a `key: value` line
// the value is quoted when the title would change how YAML reads it (a
// title "a: b" or "#1"); a line of block text (the description) takes it
// as it is.
func withTitle(line, title string) string {
	if !strings.Contains(line, "{{title}}") {
		return line
	}
	m := starterKey().FindString(line)
	if m == "" {
		return strings.ReplaceAll(line, "{{title}}", title)
	}
	value, comment, _ := strings.Cut(strings.TrimSuffix(line[len(m):], "\n"), "    #")
	if comment != "" {
		comment = "    #" + comment
	}
	value = strings.ReplaceAll(strings.TrimRight(value, " "), "{{title}}", title)
	return m + quoteIfNeeded(value) + comment + "\n"
}

// inSentence writes a title for the middle of a sentence: "Home insurance
// claim" becomes "home insurance claim"; "NHS referral" stays as it is.
func inSentence(title string) string {
	r, n := utf8.DecodeRuneInString(title)
	if n == 0 {
		return title
	}
	if r2, _ := utf8.DecodeRuneInString(title[n:]); unicode.IsUpper(r2) {
		return title
	}
	return string(unicode.ToLower(r)) + title[n:]
}

// placeholderKeys are the keys whose starter texts are placeholders; name
// and title are placeholders only in personas, KPIs and sources (a lane or
// stage name like "Website" may well be right).
var placeholderKeys = map[string]bool{
	"description": true, "client": true, "goal": true, "expectations": true, "action": true,
	"does": true, "text": true, "idea": true, "pains": true,
}

var (
	starterTextsOnce sync.Once
	starterTexts     []string // with {{title}} left in
)

// StarterPlaceholders is the set of texts `cxmap init` writes for a journey
// with this id and title that a person must replace (lint:
// placeholder-text).
func StarterPlaceholders(id, title string) map[string]bool {
	starterTextsOnce.Do(func() {
		var doc yaml.Node
		src := strings.NewReplacer("{{ID}}", "x", "{{TITLE}}", "X", "{{DATE}}", "2026-01-01").Replace(starter)
		if err := yaml.Unmarshal([]byte(src), &doc); err != nil {
			panic("journey: starter.yaml: " + err.Error())
		}
		var walk func(n *yaml.Node, key, parent string)
		walk = func(n *yaml.Node, key, parent string) {
			switch n.Kind {
			case yaml.DocumentNode, yaml.SequenceNode:
				for _, c := range n.Content {
					walk(c, key, parent)
				}
			case yaml.MappingNode:
				for i := 0; i+1 < len(n.Content); i += 2 {
					walk(n.Content[i+1], n.Content[i].Value, key)
				}
			case yaml.ScalarNode:
				if placeholderKeys[key] || (key == "name" && (parent == "personas" || parent == "kpis")) || (key == "title" && parent == "sources") {
					starterTexts = append(starterTexts, n.Value)
				}
			}
		}
		walk(&doc, "", "")
	})
	r := strings.NewReplacer("{{title}}", inSentence(title))
	out := make(map[string]bool, len(starterTexts))
	for _, s := range starterTexts {
		out[strings.TrimSpace(r.Replace(s))] = true
	}
	return out
}

// Slug turns free text into a valid id.
func Slug(s string) string { return slugify(s) }

// IsSlug reports whether s is a valid id.
func IsSlug(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' && i > 0) {
			return false
		}
	}
	return true
}

// quoteIfNeeded double-quotes s unless YAML reads it, unquoted, as exactly
// the string s: "true", "123", "~" and "-" are quoted too.
func quoteIfNeeded(s string) string {
	if strings.ContainsAny(s, ":#{}[]&*!|>'\"%@`,?") || strings.TrimSpace(s) != s || !readsAsString(s) {
		return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
	}
	return s
}

// readsAsString reports whether s, written unquoted as a mapping value,
// reads back as the string s.
func readsAsString(s string) bool {
	var doc yaml.Node
	if yaml.Unmarshal([]byte("k: "+s+"\n"), &doc) != nil || len(doc.Content) == 0 || len(doc.Content[0].Content) != 2 {
		return false
	}
	v := doc.Content[0].Content[1]
	return v.Kind == yaml.ScalarNode && v.ShortTag() == "!!str" && v.Value == s
}
