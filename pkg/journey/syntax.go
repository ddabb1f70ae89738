package journey

import (
	"bytes"
	"errors"
	"io"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// quotedThenMore finds, in a flow list, a quoted item followed by more text
// before the next separator.
var quotedThenMore = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`[\[,]\s*("[^"]*"|'[^']*')[ \t]*[^,\]\}\s#]`) })

// quotedValueThenMore finds a block value that starts quoted and goes on
// after the closing quote: `does: "Clinic is late" SMS, and more`.
var quotedValueThenMore = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(\s*(?:-\s+)?(?:[^\s"'#][^:#]*:\s+)?)("(?:[^"\\]|\\.)*"|'(?:[^']|'')*')[ \t]*([^\s#:,\]\}][^#]*?)\s*$`)
})

var yamlLineRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^yaml: line (\d+): (.*)$`) })

// syntaxError reports a YAML parse error at the line that really causes it.
//
// yaml.v3 names the line where the enclosing block *began* (its "context
// mark") rather than the offending line for many errors. The real place is
// recovered by parsing prefixes of the file: the shortest prefix of whole
// lines that fails with the same problem ends at the offending line. This
// costs O(log n) parses and runs only for files that are already broken.
func syntaxError(p *problems, data []byte, err error) {
	msg := err.Error()
	line := 0
	if m := yamlLineRe().FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = m[2]
	} else {
		msg = strings.TrimPrefix(msg, "yaml: ")
	}
	if strings.Contains(msg, "exceeded max depth") {
		p.add(RuleSyntax, Range{Line: max(line, 1), Col: 1}, "nesting is deeper than the limit of %d levels", MaxDepth)
		return
	}
	lines := splitLines(data)
	if real := offendingLine(lines, msg); real > 0 {
		line = real
	}
	if line < 1 {
		line = 1
	}
	if line > len(lines) && len(lines) > 0 {
		line = len(lines)
	}
	col := 1
	if line <= len(lines) {
		col = problemColumn(lines[line-1], msg)
		// A common slip in flow lists: ["Application received" email]. The
		// parser only sees an unclosed list; say what to do instead.
		if strings.Contains(msg, "did not find expected ',' or") {
			if m := quotedThenMore().FindStringSubmatchIndex(string(lines[line-1])); m != nil {
				col = 1 + utf8.RuneCount(lines[line-1][:m[2]])
				p.add(RuleSyntax, Range{Line: line, Col: col}, "an item of a flow list starts with a quote and goes on after it: quote the whole item, e.g. '\"Application received\" email', or write the list one item per line")
				return
			}
		}
	}
	if strings.Contains(msg, "did not find expected key") || strings.Contains(msg, "could not find expected ':'") {
		if quotedThenMoreError(p, lines, line) {
			return
		}
	}
	p.add(RuleSyntax, Range{Line: line, Col: col}, "%s", plainSyntaxMessage(msg))
}

// quotedThenMoreError reports a value that starts with a quote and goes on
// after it, on the reported line or the few after it, at the text after the
// closing quote. The parser only sees a key missing there.
func quotedThenMoreError(p *problems, lines [][]byte, line int) bool {
	for l := line; l <= len(lines) && l < line+3; l++ {
		s := strings.TrimRight(string(lines[l-1]), "\r\n")
		m := quotedValueThenMore().FindStringSubmatchIndex(s)
		if m == nil {
			continue
		}
		value := s[m[4]:m[7]]
		col := 1 + utf8.RuneCountInString(s[:m[6]])
		whole := "'" + strings.ReplaceAll(value, "'", "''") + "'"
		p.add(RuleSyntax, Range{Line: l, Col: col, EndLine: l, EndCol: col + utf8.RuneCountInString(s[m[6]:m[7]])},
			"the value starts with a quote and goes on after the closing quote (%q): quote the whole value, e.g. %s, or drop the quotes", s[m[6]:m[7]], whole)
		return true
	}
	return false
}

func splitLines(data []byte) [][]byte {
	return Lines(data) // "\r" alone ends a line too, as for the parser
}

// offendingLine finds the smallest n such that the first n lines fail to
// parse with the same message; 0 when no prefix does.
func offendingLine(lines [][]byte, msg string) int {
	fails := func(n int) bool {
		var doc yaml.Node
		dec := yaml.NewDecoder(bytes.NewReader(bytes.Join(lines[:n], nil)))
		for {
			err := dec.Decode(&doc)
			if err == nil {
				continue
			}
			if errors.Is(err, io.EOF) {
				return false
			}
			e := err.Error()
			if m := yamlLineRe().FindStringSubmatch(e); m != nil {
				e = m[2]
			} else {
				e = strings.TrimPrefix(e, "yaml: ")
			}
			return e == msg
		}
	}
	lo, hi := 1, len(lines)
	if hi == 0 || !fails(hi) {
		return 0
	}
	for lo < hi {
		mid := (lo + hi) / 2
		if fails(mid) {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo
}

// problemColumn points at the likely culprit on the offending line.
func problemColumn(line []byte, msg string) int {
	s := strings.TrimRight(string(line), "\r\n")
	at := func(i int) int { return 1 + utf8.RuneCountInString(s[:i]) }
	if i := strings.IndexByte(s, '\t'); i >= 0 && strings.TrimLeft(s[:i], " ") == "" {
		return at(i) // a tab in the indentation is the usual culprit
	}
	switch {
	case strings.Contains(msg, "unknown anchor"):
		if i := strings.IndexByte(s, '*'); i >= 0 {
			return at(i)
		}
	case strings.Contains(msg, "end of stream"):
		if i := strings.IndexAny(s, "\"'"); i >= 0 {
			return at(i) // the quote that is never closed
		}
	case strings.Contains(msg, "tab"):
		if i := strings.IndexByte(s, '\t'); i >= 0 {
			return at(i)
		}
	case strings.Contains(msg, "mapping values are not allowed"):
		// The first ": " is the key's; the culprit is the next one.
		if i := strings.Index(s, ": "); i >= 0 {
			if k := strings.Index(s[i+2:], ": "); k >= 0 {
				return at(i + 2 + k)
			}
			return at(i)
		}
	case strings.Contains(msg, "cannot start any token"):
		trimmed := strings.TrimLeft(s, " ")
		if i := strings.Index(trimmed, ": "); i >= 0 {
			return at(len(s) - len(trimmed) + i + 2)
		}
	}
	trimmed := strings.TrimLeft(s, " -")
	return at(len(s) - len(trimmed))
}

// plainSyntaxMessage rephrases yaml.v3's parser messages in plain words.
func plainSyntaxMessage(msg string) string {
	rephrase := []struct{ has, say string }{
		{"mapping values are not allowed", "unexpected \":\": a value that contains \": \" must be quoted, or the indentation is off"},
		{"did not find expected key", "expected a key here: check the indentation, or quote a value that starts with a special character"},
		{"could not find expected ':'", "expected \":\" after a key"},
		{"found a tab character", "a tab is used for indentation: YAML indents with spaces"},
		{"found character that cannot start any token", "a character that cannot start a value here (tabs cannot indent YAML; quote values that start with @ or `)"},
		{"did not find expected ',' or ']'", "a flow list [...] is not closed, or an item in it needs quotes"},
		{"did not find expected ',' or '}'", "a flow mapping {...} is not closed, or an item in it needs quotes"},
		{"did not find expected '-' indicator", "expected a list item \"- \" at this indentation"},
		{"block sequence entries are not allowed", "a list item \"- \" where a value was expected: start the list on its own line"},
		{"found unexpected end of stream", "the file ends inside a quoted string or an unclosed [ or {"},
		{"did not find expected node content", "expected a value here"},
		{"found undefined alias", "an alias (*name) refers to an anchor (&name) that is not defined before it"},
		{"did not find expected alphabetic or numeric character", "an anchor or alias name (&name, *name) is missing or malformed"},
		{"found unknown escape character", "unknown escape sequence in a double-quoted string: write a backslash as \\\\ or use single quotes"},
	}
	for _, r := range rephrase {
		if strings.Contains(msg, r.has) {
			return r.say
		}
	}
	return msg
}
