package journey

import (
	"strings"
	"unicode"

	"github.com/cxmap/cxmap/internal/names"
	"golang.org/x/text/unicode/norm"
)

// suggest returns the candidate closest to s when it is a likely typo, or
// "" (names.Suggest, shared with the format registries).
func suggest(s string, candidates []string) string { return names.Suggest(s, candidates) }

// slugify suggests a valid id for s: accents are dropped (é → e, ß → ss),
// anything else becomes a hyphen, and the result is at most 60 characters.
func slugify(s string) string {
	var b strings.Builder
	dash := false
	s = strings.NewReplacer("ß", "ss", "æ", "ae", "ø", "o", "œ", "oe", "ł", "l", "đ", "d", "þ", "th").Replace(strings.ToLower(s))
	for _, r := range norm.NFD.String(s) {
		if unicode.Is(unicode.Mn, r) {
			continue // a combining accent
		}
		switch {
		case r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			b.WriteRune(r)
			dash = false
		case b.Len() > 0 && !dash:
			b.WriteByte('-')
			dash = true
		}
	}
	out := b.String()
	if len(out) > 60 {
		out = out[:60]
	}
	out = strings.TrimRight(out, "-")
	if out == "" {
		return "my-id"
	}
	return out
}
