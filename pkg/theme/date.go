package theme

import (
	"fmt"
	"strings"
	"time"
)

// Date patterns use the letters of Unicode's date patterns (CLDR, as in
// Excel and most design tools), a subset: d dd (day), M MM (month number),
// MMM MMMM (month name, short and long, in the output's language), yy yyyy
// (year). Other letters are refused; anything else is written as it is, and
// text between single quotes is literal ('' is a quote).

// token is one run of a pattern: a field ("dd") or literal text.
type token struct {
	field string
	lit   string
}

func tokenize(p string) ([]token, error) {
	var out []token
	rs := []rune(p)
	for i := 0; i < len(rs); {
		r := rs[i]
		switch {
		case r == '\'':
			j := i + 1
			var lit strings.Builder
			for ; j < len(rs); j++ {
				if rs[j] == '\'' {
					if j+1 < len(rs) && rs[j+1] == '\'' {
						lit.WriteRune('\'')
						j++
						continue
					}
					break
				}
				lit.WriteRune(rs[j])
			}
			if j >= len(rs) {
				return nil, fmt.Errorf("pattern %q has an unclosed quote", p)
			}
			if lit.Len() == 0 {
				lit.WriteRune('\'')
			}
			out = append(out, token{lit: lit.String()})
			i = j + 1
		case (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z'):
			j := i
			for j < len(rs) && rs[j] == r {
				j++
			}
			f := string(rs[i:j])
			switch f {
			case "d", "dd", "M", "MM", "MMM", "MMMM", "yy", "yyyy":
			default:
				return nil, fmt.Errorf("pattern %q: %q is not a date field (use d, dd, M, MM, MMM, MMMM, yy, yyyy; quote literal letters: 'at')", p, f)
			}
			out = append(out, token{field: f})
			i = j
		default:
			out = append(out, token{lit: string(r)})
			i++
		}
	}
	return out, nil
}

func checkDatePattern(p string) error {
	toks, err := tokenize(p)
	if err != nil {
		return err
	}
	for _, t := range toks {
		if t.field != "" {
			return nil
		}
	}
	return fmt.Errorf("pattern %q has no date field (d, M or y)", p)
}

// Months are a language's month names, long and short, January first.
type Months struct{ Long, Short [12]string }

// English month names, the fallback of every language.
var English = Months{
	Long:  [12]string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
	Short: [12]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"},
}

// FormatDate writes d with the pattern and month names. A pattern that does
// not parse (Load refuses those) falls back to ISO 8601.
func FormatDate(pattern string, d time.Time, m Months) string {
	toks, err := tokenize(pattern)
	if err != nil {
		return d.Format("2006-01-02")
	}
	var b strings.Builder
	for _, t := range toks {
		switch t.field {
		case "":
			b.WriteString(t.lit)
		case "d":
			fmt.Fprintf(&b, "%d", d.Day())
		case "dd":
			fmt.Fprintf(&b, "%02d", d.Day())
		case "M":
			fmt.Fprintf(&b, "%d", int(d.Month()))
		case "MM":
			fmt.Fprintf(&b, "%02d", int(d.Month()))
		case "MMM":
			b.WriteString(m.Short[d.Month()-1])
		case "MMMM":
			b.WriteString(m.Long[d.Month()-1])
		case "yy":
			fmt.Fprintf(&b, "%02d", d.Year()%100)
		case "yyyy":
			fmt.Fprintf(&b, "%04d", d.Year())
		}
	}
	return b.String()
}
