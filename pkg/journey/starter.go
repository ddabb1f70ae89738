package journey

import (
	_ "embed"
	"strings"
	"time"
)

//go:embed starter.yaml
var starter string

// Starter returns a commented journey file that validates and shows every
// field of the format (`cxmap init`). id must be a valid slug.
func Starter(id, title string, today time.Time) []byte {
	r := strings.NewReplacer("{{ID}}", id, "{{TITLE}}", quoteIfNeeded(title), "{{DATE}}", today.Format("2006-01-02"))
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

func quoteIfNeeded(s string) string {
	if strings.ContainsAny(s, ":#{}[]&*!|>'\"%@`,?") || strings.TrimSpace(s) != s {
		return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
	}
	return s
}
