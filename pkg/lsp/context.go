package lsp

import (
	"strings"
	"unicode/utf8"
)

// The cursor's place in the YAML, worked out from the text's indentation
// alone: while typing, the file is usually not valid YAML, so completion
// cannot wait for a parse.

// elem is one structural element of a line: a list dash, a key, or a
// scalar; col is its 0-based column in code points.
type elem struct {
	col      int
	dash     bool
	key      string
	hasValue bool // a key with something after the colon
	scalar   bool
}

// lineElems splits a line into its elements ("  - id: x" is a dash at 2
// and the key id at 4 with a value). A comment or blank line has none.
func lineElems(line string) []elem {
	var out []elem
	col := 0
	rest := line
	for {
		trimmed := strings.TrimLeft(rest, " ")
		col += len(rest) - len(trimmed)
		rest = trimmed
		if rest == "" || rest[0] == '#' {
			return out
		}
		if rest == "-" || strings.HasPrefix(rest, "- ") {
			out = append(out, elem{col: col, dash: true})
			rest = rest[1:]
			col++
			continue
		}
		if k, v, ok := splitKey(rest); ok {
			v = strings.TrimSpace(v)
			out = append(out, elem{col: col, key: k, hasValue: v != "" && v[0] != '#'})
			return out
		}
		out = append(out, elem{col: col, scalar: true})
		return out
	}
}

// splitKey reads "key: value" or "key:" at the start of s.
func splitKey(s string) (key, value string, ok bool) {
	if s == "" || strings.ContainsRune("[{\"'&*!|>%@`", rune(s[0])) {
		if s == "" || (s[0] != '"' && s[0] != '\'') {
			return "", "", false
		}
	}
	for i := 0; i < len(s); i++ {
		if s[i] == ':' && (i+1 == len(s) || s[i+1] == ' ' || s[i+1] == '\t') {
			return trimQuotes(s[:i]), s[i+1:], true
		}
		if s[i] == ' ' && i+1 < len(s) && s[i+1] == '#' {
			return "", "", false
		}
	}
	return "", "", false
}

// cursor is what is being typed at the cursor.
type cursor struct {
	// path leads from the root to the mapping being written ("[]" for a
	// list item): a key is typed in it, or a value of key in it.
	path []string
	// value: a value of key is typed (else a key).
	value bool
	key   string
	// item: the value is an item of a list (`- x` or `[a, x`).
	item bool
	// bareDash: the line holds only "- " before the cursor (an item whose
	// content is not typed yet: a key or a scalar).
	bareDash bool
	// onlySpace: the line holds only blanks before the cursor.
	onlySpace bool
	prefix    string // the word typed so far
	start     int    // its 0-based column (code points)
	keyCol    int    // the column keys of the mapping start at
	line      int    // 0-based
	// siblings are the keys the mapping already has.
	siblings map[string]bool
}

// cursorAt works out the cursor's place at 0-based line and code-point
// column col.
func cursorAt(lines []string, line, col int) *cursor {
	if line < 0 || line >= len(lines) {
		return nil
	}
	text := lines[line]
	if n := utf8.RuneCountInString(text); col > n {
		col = n
	}
	before := string([]rune(text)[:col])
	c := &cursor{line: line}
	// The structure of what is before the cursor.
	colNow := 0
	rest := before
	var dashes []int
	for {
		t := strings.TrimLeft(rest, " ")
		colNow += len(rest) - len(t)
		rest = t
		if rest == "-" || strings.HasPrefix(rest, "- ") {
			dashes = append(dashes, colNow)
			rest = rest[1:]
			colNow++
			continue
		}
		break
	}
	if strings.HasPrefix(rest, "#") {
		return nil
	}
	c.keyCol = colNow
	if k, v, ok := splitKey(rest); ok {
		c.value = true
		c.key = k
		vcol := colNow + utf8.RuneCountInString(rest) - utf8.RuneCountInString(v)
		trimmed := strings.TrimLeft(v, " ")
		vcol += utf8.RuneCountInString(v) - utf8.RuneCountInString(trimmed)
		if strings.HasPrefix(trimmed, "[") {
			c.item = true
			i := strings.LastIndexAny(trimmed, "[,")
			part := trimmed[i+1:]
			p2 := strings.TrimLeft(part, " ")
			vcol += utf8.RuneCountInString(trimmed[:i+1]) + utf8.RuneCountInString(part) - utf8.RuneCountInString(p2)
			trimmed = p2
		}
		if strings.HasPrefix(trimmed, "\"") || strings.HasPrefix(trimmed, "'") {
			trimmed = trimmed[1:]
			vcol++
		}
		if strings.ContainsAny(trimmed, " #") && !c.item {
			// Free text after the key: nothing to complete but a word.
			i := strings.LastIndex(trimmed, " ")
			vcol += utf8.RuneCountInString(trimmed[:i+1])
			trimmed = trimmed[i+1:]
		}
		c.prefix, c.start = trimmed, vcol
	} else {
		c.prefix, c.start = rest, colNow
		c.onlySpace = rest == "" && len(dashes) == 0
		c.bareDash = rest == "" && len(dashes) > 0
		if len(dashes) > 0 && rest != "" && !strings.ContainsAny(rest, " :") {
			// "- port": a list item being typed, a scalar or a key.
			c.item = true
		}
	}
	// The path: the cursor's own dashes, then the parents above.
	var path []string
	cur, curDash := c.keyCol, false
	if len(dashes) > 0 {
		for range dashes {
			path = append(path, "[]")
		}
		cur, curDash = dashes[0], true
	}
	c.siblings = map[string]bool{}
	// Siblings on the cursor's own line are not counted (it is being typed).
	parentLine := -1
	for l := line - 1; l >= 0; l-- {
		es := lineElems(lines[l])
		if len(es) == 0 {
			continue
		}
		found := false
		for i := len(es) - 1; i >= 0; i-- {
			e := es[i]
			if curDash {
				if e.key != "" && !e.hasValue && e.col <= cur && !(e.col == cur && i > 0 && es[i-1].dash && es[i-1].col == cur) {
					path = append([]string{e.key}, path...)
					cur, curDash = e.col, i > 0 && es[i-1].dash
					if curDash {
						path = append([]string{"[]"}, path...)
						cur = es[i-1].col
						// An item's first key: the dashes before it too.
						for j := i - 2; j >= 0 && es[j].dash; j-- {
							path = append([]string{"[]"}, path...)
							cur = es[j].col
						}
					}
					found = true
				}
				if found || e.col < cur {
					break
				}
				continue
			}
			if e.col == cur && e.key != "" && parentLine < 0 {
				c.siblings[e.key] = true
			}
			if e.col < cur {
				if e.dash {
					path = append([]string{"[]"}, path...)
					cur, curDash = e.col, true
					for j := i - 1; j >= 0 && es[j].dash; j-- {
						path = append([]string{"[]"}, path...)
						cur = es[j].col
					}
					found = true
				} else if e.key != "" && !e.hasValue {
					path = append([]string{e.key}, path...)
					cur = e.col
					found = true
				}
				break
			}
		}
		if found && parentLine < 0 {
			parentLine = l
		}
		if cur == 0 && !curDash && found {
			break
		}
	}
	if parentLine < 0 && c.keyCol > 0 && len(dashes) == 0 && len(path) == 0 {
		// Indented, with no parent above: not inside anything known.
		return nil
	}
	// Siblings below the cursor, in the same mapping.
	for l := line + 1; l < len(lines); l++ {
		es := lineElems(lines[l])
		if len(es) == 0 {
			continue
		}
		if es[0].col < c.keyCol && !(es[0].dash && len(dashes) == 0 && false) {
			break
		}
		if len(es) > 1 && es[0].dash && es[len(es)-1].col == c.keyCol && len(dashes) > 0 {
			break // the next item of the same list
		}
		for _, e := range es {
			if e.col == c.keyCol && e.key != "" {
				c.siblings[e.key] = true
			}
		}
	}
	c.path = path
	return c
}
