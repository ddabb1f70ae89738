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
// column col: what is typed on the line before the cursor, then the path
// of mappings and lists above it, then the keys its mapping already has
// below it. nil when the cursor is in a comment, past the text, or
// indented under nothing.
func cursorAt(lines []string, line, col int) *cursor {
	if line < 0 || line >= len(lines) {
		return nil
	}
	text := lines[line]
	if n := utf8.RuneCountInString(text); col > n {
		col = n
	}
	dashes, rest, keyCol := leadingDashes(string([]rune(text)[:col]))
	if strings.HasPrefix(rest, "#") {
		return nil
	}
	c := &cursor{line: line, keyCol: keyCol, siblings: map[string]bool{}}
	c.readTyped(rest, dashes)
	w := c.walkUp(lines, dashes)
	if w.parentLine < 0 && c.keyCol > 0 && len(dashes) == 0 && len(w.path) == 0 {
		// Indented, with no parent above: not inside anything known.
		return nil
	}
	c.siblingsBelow(lines, dashes)
	c.path = w.path
	return c
}

// leadingDashes reads the list dashes at the start of the text before the
// cursor ("    - - x" has dashes at 4 and 6); rest is what follows them,
// at column col.
func leadingDashes(before string) (dashes []int, rest string, col int) {
	rest = before
	for {
		t := strings.TrimLeft(rest, " ")
		col += len(rest) - len(t)
		rest = t
		if rest != "-" && !strings.HasPrefix(rest, "- ") {
			return dashes, rest, col
		}
		dashes = append(dashes, col)
		rest = rest[1:]
		col++
	}
}

// readTyped reads what is typed after the dashes: a value of a key
// ("lane: po"), or a key or list item ("ra", "- port").
func (c *cursor) readTyped(rest string, dashes []int) {
	if k, v, ok := splitKey(rest); ok {
		c.value = true
		c.key = k
		vcol := c.keyCol + utf8.RuneCountInString(rest) - utf8.RuneCountInString(v)
		c.prefix, c.start, c.item = valueWord(v, vcol)
		return
	}
	c.prefix, c.start = rest, c.keyCol
	c.onlySpace = rest == "" && len(dashes) == 0
	c.bareDash = rest == "" && len(dashes) > 0
	if len(dashes) > 0 && rest != "" && !strings.ContainsAny(rest, " :") {
		// "- port": a list item being typed, a scalar or a key.
		c.item = true
	}
}

// valueWord is the word being typed in the value v (starting at column
// vcol): the item after the last "[" or "," of a flow list (item), the
// text after an opening quote, or the last word of free text.
func valueWord(v string, vcol int) (word string, start int, item bool) {
	trimmed := strings.TrimLeft(v, " ")
	vcol += utf8.RuneCountInString(v) - utf8.RuneCountInString(trimmed)
	if strings.HasPrefix(trimmed, "[") {
		item = true
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
	if strings.ContainsAny(trimmed, " #") && !item {
		// Free text after the key: nothing to complete but a word.
		i := strings.LastIndex(trimmed, " ")
		vcol += utf8.RuneCountInString(trimmed[:i+1])
		trimmed = trimmed[i+1:]
	}
	return trimmed, vcol, item
}

// upWalk is the state of the walk up from the cursor's line: the path
// found so far (outermost first), the column of the element whose parent
// is looked for, whether that element is a list item (a dash), and the
// line of the nearest parent (-1 while none).
type upWalk struct {
	path       []string
	cur        int
	curDash    bool
	parentLine int
}

// walkUp finds the path from the root to the cursor's mapping, reading the
// lines above by indentation, and the keys the mapping has above the
// cursor (the cursor's own line is being typed and does not count).
func (c *cursor) walkUp(lines []string, dashes []int) *upWalk {
	w := &upWalk{cur: c.keyCol, parentLine: -1}
	if len(dashes) > 0 {
		for range dashes {
			w.path = append(w.path, "[]")
		}
		w.cur, w.curDash = dashes[0], true
	}
	for l := c.line - 1; l >= 0; l-- {
		es := lineElems(lines[l])
		if len(es) == 0 {
			continue
		}
		var found bool
		if w.curDash {
			found = w.itemParent(es)
		} else {
			found = w.mappingParent(es, c.siblings)
		}
		if found && w.parentLine < 0 {
			w.parentLine = l
		}
		if w.cur == 0 && !w.curDash && found {
			break
		}
	}
	return w
}

// itemParent looks on one line (its elements es) for the key holding the
// list the current item is in: a key without a value at or left of the
// dash (not the item's own first key).
func (w *upWalk) itemParent(es []elem) bool {
	for i := len(es) - 1; i >= 0; i-- {
		e := es[i]
		ownKey := e.col == w.cur && i > 0 && es[i-1].dash && es[i-1].col == w.cur
		if e.key != "" && !e.hasValue && e.col <= w.cur && !ownKey {
			w.path = append([]string{e.key}, w.path...)
			w.cur, w.curDash = e.col, i > 0 && es[i-1].dash
			if w.curDash {
				// An item's first key: its dashes lead the path too.
				w.prependDashes(es, i-1)
			}
			return true
		}
		if e.col < w.cur {
			return false
		}
	}
	return false
}

// mappingParent looks on one line for the parent of the current mapping:
// a list dash (the mapping is an item) or a key without a value, left of
// it. Keys at the mapping's own column, below its parent, are siblings.
func (w *upWalk) mappingParent(es []elem, siblings map[string]bool) bool {
	for i := len(es) - 1; i >= 0; i-- {
		e := es[i]
		if e.col == w.cur && e.key != "" && w.parentLine < 0 {
			siblings[e.key] = true
		}
		if e.col >= w.cur {
			continue
		}
		switch {
		case e.dash:
			w.curDash = true
			w.prependDashes(es, i)
			return true
		case e.key != "" && !e.hasValue:
			w.path = append([]string{e.key}, w.path...)
			w.cur = e.col
			return true
		}
		return false
	}
	return false
}

// prependDashes puts "[]" on the path for the dash at es[i] and each dash
// right before it on the line, and moves to the first of them.
func (w *upWalk) prependDashes(es []elem, i int) {
	for j := i; j >= 0 && es[j].dash; j-- {
		w.path = append([]string{"[]"}, w.path...)
		w.cur = es[j].col
	}
}

// siblingsBelow adds the keys the cursor's mapping has below it, up to
// the end of the mapping (a line less indented, or the next item of the
// same list).
func (c *cursor) siblingsBelow(lines []string, dashes []int) {
	for l := c.line + 1; l < len(lines); l++ {
		es := lineElems(lines[l])
		if len(es) == 0 {
			continue
		}
		if es[0].col < c.keyCol {
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
}
