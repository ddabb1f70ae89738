package journey

import (
	_ "embed"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

//go:embed starter.yaml
var starter string

// Starter returns a commented journey file that validates and shows every
// field of the format (`cxmap init`). id must be a valid slug.
func Starter(id, title string, today time.Time) []byte {
	r := strings.NewReplacer("{{ID}}", quoteIfNeeded(id), "{{TITLE}}", quoteIfNeeded(title), "{{DATE}}", today.Format("2006-01-02"))
	return []byte(r.Replace(starter))
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
