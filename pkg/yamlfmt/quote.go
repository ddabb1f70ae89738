package yamlfmt

import (
	"strconv"
	"strings"
	"unicode"
)

// needsQuotes reports whether a string must be quoted to read back as the
// same string: fmt then writes it in double quotes, and otherwise plain.
// It errs towards quoting (a quoted string is always right); when it says
// plain and yaml.v3's emitter disagrees, the emitter's single quotes win.
func needsQuotes(s string, inFlow bool) bool { return quoteNeeded(s, inFlow, false) }

// keyNeedsQuotes is needsQuotes for a mapping key: YAML 1.1's booleans
// (y, n, yes, on, ...) stay plain there, so that the format's key `n`
// (a source's sample size) is written n, as yaml.v3 reads it (a string).
func keyNeedsQuotes(s string) bool { return quoteNeeded(s, false, true) }

func quoteNeeded(s string, inFlow, key bool) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return true
	}
	for _, r := range s {
		if r == '\t' || r == '\n' || r == '\r' || r == '\ufeff' || r == '\u2028' || r == '\u2029' || !unicode.IsPrint(r) && r != ' ' {
			return true
		}
	}
	if strings.IndexByte("#,[]{}&*!|>'\"%@`", s[0]) >= 0 {
		return true
	}
	if strings.IndexByte("-?:", s[0]) >= 0 && (len(s) == 1 || s[1] == ' ') {
		return true
	}
	if strings.HasPrefix(s, "---") || strings.HasPrefix(s, "...") || strings.HasPrefix(s, "<<") {
		return true
	}
	if strings.Contains(s, ": ") || strings.HasSuffix(s, ":") || strings.Contains(s, " #") {
		return true
	}
	if inFlow && strings.ContainsAny(s, ",?[]{}:") {
		return true
	}
	if key && old11[strings.ToLower(s)] {
		return false
	}
	return resolvesOtherwise(s)
}

// old11 are YAML 1.1's booleans, which YAML 1.2 (and yaml.v3) read as text.
var old11 = map[string]bool{"y": true, "yes": true, "n": true, "no": true, "on": true, "off": true}

// special are the plain words YAML (1.1 or 1.2) reads as something other
// than a string.
var special = map[string]bool{}

func init() {
	for _, w := range []string{"y", "yes", "n", "no", "true", "false", "on", "off", "null", "~", ".inf", "-.inf", "+.inf", ".nan"} {
		special[w] = true
	}
}

// resolvesOtherwise: s written plain would be a null, boolean, number or
// date.
func resolvesOtherwise(s string) bool {
	if special[strings.ToLower(s)] {
		return true
	}
	c := s[0]
	if !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.' {
		return false
	}
	t := strings.ReplaceAll(s, "_", "")
	if _, err := strconv.ParseFloat(t, 64); err == nil {
		return true
	}
	if _, err := strconv.ParseInt(t, 0, 64); err == nil {
		return true
	}
	if _, err := strconv.ParseUint(t, 0, 64); err == nil {
		return true
	}
	// Dates and times (2026-11-10, 2026-11-10T10:00:00Z), base-60 numbers
	// (1:30): anything starting with a digit and holding '-' or ':' among
	// digits is quoted to be safe.
	if len(s) >= 3 && strings.ContainsAny(s, "-:") && strings.Trim(s, "0123456789-:.TtZz+ ") == "" {
		return true
	}
	return false
}
