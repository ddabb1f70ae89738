package raster

// PNG and PDF draw text glyph by glyph, one glyph per character, left to
// right. Arabic and Hebrew need two more steps, done here before drawing
// (the SVG leaves them to the viewer, which shapes them itself):
//   - Arabic letters take their joined form (isolated, final, initial or
//     medial) from the Arabic Presentation Forms-B block, which DejaVu Sans
//     (the fallback face) draws; lam-alef becomes its ligature;
//   - each line is put in visual order: runs of right-to-left characters
//     are reversed, and in a line that starts right-to-left the runs
//     themselves too (a simplified Unicode bidi algorithm: digits keep their
//     order, neutrals between two runs of one direction take it, others the
//     line's; mirrored brackets swap).
// Limits (docs/rendering.md): no OpenType shaping (marks are not
// positioned, no ligatures beyond lam-alef, scripts such as Devanagari or
// Thai stay unshaped), and text stays aligned as Graphviz placed it.

// Joining forms: isolated, final, initial, medial (0 when none).
type forms [4]rune

// arabicForms maps each Arabic letter to its presentation forms;
// right-joining letters have no initial or medial form.
var arabicForms = map[rune]forms{
	0x0621: {0xFE80, 0, 0, 0},
	0x0622: {0xFE81, 0xFE82, 0, 0},
	0x0623: {0xFE83, 0xFE84, 0, 0},
	0x0624: {0xFE85, 0xFE86, 0, 0},
	0x0625: {0xFE87, 0xFE88, 0, 0},
	0x0626: {0xFE89, 0xFE8A, 0xFE8B, 0xFE8C},
	0x0627: {0xFE8D, 0xFE8E, 0, 0},
	0x0628: {0xFE8F, 0xFE90, 0xFE91, 0xFE92},
	0x0629: {0xFE93, 0xFE94, 0, 0},
	0x062A: {0xFE95, 0xFE96, 0xFE97, 0xFE98},
	0x062B: {0xFE99, 0xFE9A, 0xFE9B, 0xFE9C},
	0x062C: {0xFE9D, 0xFE9E, 0xFE9F, 0xFEA0},
	0x062D: {0xFEA1, 0xFEA2, 0xFEA3, 0xFEA4},
	0x062E: {0xFEA5, 0xFEA6, 0xFEA7, 0xFEA8},
	0x062F: {0xFEA9, 0xFEAA, 0, 0},
	0x0630: {0xFEAB, 0xFEAC, 0, 0},
	0x0631: {0xFEAD, 0xFEAE, 0, 0},
	0x0632: {0xFEAF, 0xFEB0, 0, 0},
	0x0633: {0xFEB1, 0xFEB2, 0xFEB3, 0xFEB4},
	0x0634: {0xFEB5, 0xFEB6, 0xFEB7, 0xFEB8},
	0x0635: {0xFEB9, 0xFEBA, 0xFEBB, 0xFEBC},
	0x0636: {0xFEBD, 0xFEBE, 0xFEBF, 0xFEC0},
	0x0637: {0xFEC1, 0xFEC2, 0xFEC3, 0xFEC4},
	0x0638: {0xFEC5, 0xFEC6, 0xFEC7, 0xFEC8},
	0x0639: {0xFEC9, 0xFECA, 0xFECB, 0xFECC},
	0x063A: {0xFECD, 0xFECE, 0xFECF, 0xFED0},
	0x0641: {0xFED1, 0xFED2, 0xFED3, 0xFED4},
	0x0642: {0xFED5, 0xFED6, 0xFED7, 0xFED8},
	0x0643: {0xFED9, 0xFEDA, 0xFEDB, 0xFEDC},
	0x0644: {0xFEDD, 0xFEDE, 0xFEDF, 0xFEE0},
	0x0645: {0xFEE1, 0xFEE2, 0xFEE3, 0xFEE4},
	0x0646: {0xFEE5, 0xFEE6, 0xFEE7, 0xFEE8},
	0x0647: {0xFEE9, 0xFEEA, 0xFEEB, 0xFEEC},
	0x0648: {0xFEED, 0xFEEE, 0, 0},
	0x0649: {0xFEEF, 0xFEF0, 0, 0},
	0x064A: {0xFEF1, 0xFEF2, 0xFEF3, 0xFEF4},
}

// lamAlef maps an alef that follows lam to the ligature's isolated form
// (its final form is the next code point).
var lamAlef = map[rune]rune{0x0622: 0xFEF5, 0x0623: 0xFEF7, 0x0625: 0xFEF9, 0x0627: 0xFEFB}

const tatweel = 0x0640

// transparent marks (harakat) do not break joining.
func transparent(r rune) bool { return r >= 0x064B && r <= 0x065F || r == 0x0670 }

// joinsBefore: r connects to the letter before it (any Arabic letter or tatweel).
func joinsBefore(r rune) bool {
	f, ok := arabicForms[r]
	return r == tatweel || ok && f[1] != 0
}

// joinsAfter: r connects to the letter after it (dual-joining or tatweel).
func joinsAfter(r rune) bool {
	f, ok := arabicForms[r]
	return r == tatweel || ok && f[2] != 0
}

// shapeArabic replaces Arabic letters by their joined presentation forms.
func shapeArabic(in []rune) []rune {
	out := make([]rune, 0, len(in))
	// neighbour finds the closest non-transparent rune from i in step dir.
	neighbour := func(i, dir int) rune {
		for i += dir; i >= 0 && i < len(in); i += dir {
			if !transparent(in[i]) {
				return in[i]
			}
		}
		return 0
	}
	for i := 0; i < len(in); i++ {
		r := in[i]
		f, ok := arabicForms[r]
		if !ok {
			out = append(out, r)
			continue
		}
		prev := neighbour(i, -1)
		before := joinsAfter(prev)
		if r == 0x0644 { // lam + alef: one ligature
			j := i + 1
			for j < len(in) && transparent(in[j]) {
				j++
			}
			if j < len(in) {
				if lig, ok := lamAlef[in[j]]; ok {
					if before {
						lig++
					}
					out = append(out, lig)
					out = append(out, in[i+1:j]...)
					i = j
					continue
				}
			}
		}
		after := joinsBefore(neighbour(i, 1)) && f[2] != 0
		form := 0
		switch {
		case before && after:
			form = 3
		case before && f[1] != 0:
			form = 1
		case after:
			form = 2
		}
		if f[form] == 0 {
			form = 0
		}
		out = append(out, f[form])
	}
	return out
}

type dir int

const (
	neutral dir = iota
	ltr
	rtl
	number
)

func direction(r rune) dir {
	switch {
	case r >= 0x0590 && r <= 0x08FF, r >= 0xFB1D && r <= 0xFDFF, r >= 0xFE70 && r <= 0xFEFF:
		if r >= 0x0660 && r <= 0x0669 || r >= 0x06F0 && r <= 0x06F9 {
			return number
		}
		if transparent(r) {
			return neutral
		}
		return rtl
	case r >= '0' && r <= '9':
		return number
	case r < 0x80 && (r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z'), r >= 0xC0 && r < 0x0590 && r != 0xD7 && r != 0xF7, r >= 0x0900 && r < 0x2000, r >= 0x2C00 && r < 0xFB1D:
		return ltr
	}
	return neutral
}

var mirror = map[rune]rune{'(': ')', ')': '(', '[': ']', ']': '[', '{': '}', '}': '{', '<': '>', '>': '<', '«': '»', '»': '«'}

// hasRTL reports whether s holds any right-to-left character.
func hasRTL(s string) bool {
	for _, r := range s {
		if direction(r) == rtl {
			return true
		}
	}
	return false
}

// visual is a line of text shaped and in the order its glyphs are drawn,
// left to right. Text with no right-to-left character comes back as is.
func visual(s string) string {
	if !hasRTL(s) {
		return s
	}
	rs := shapeArabic([]rune(s))
	dirs := make([]dir, len(rs))
	base := ltr
	seen := false
	for i, r := range rs {
		dirs[i] = direction(r)
		if !seen && (dirs[i] == ltr || dirs[i] == rtl) {
			base, seen = dirs[i], true
		}
	}
	// Numbers read left to right but sit in the run around them.
	for i, d := range dirs {
		if d == number {
			dirs[i] = rtl
			if base == ltr {
				dirs[i] = ltr
			}
		}
	}
	// Neutrals take the direction of the strong characters on both sides
	// when they agree, else the line's.
	for i := 0; i < len(rs); {
		if dirs[i] != neutral {
			i++
			continue
		}
		j := i
		for j < len(rs) && dirs[j] == neutral {
			j++
		}
		d := base
		if i > 0 && j < len(rs) && dirs[i-1] == dirs[j] {
			d = dirs[j]
		}
		for k := i; k < j; k++ {
			dirs[k] = d
		}
		i = j
	}
	// Runs of one direction, each reversed when right-to-left (digits
	// inside kept in order); the runs reversed when the line is.
	type run struct{ rs []rune }
	var runs []run
	for i := 0; i < len(rs); {
		j := i
		for j < len(rs) && dirs[j] == dirs[i] {
			j++
		}
		seg := append([]rune(nil), rs[i:j]...)
		if dirs[i] == rtl {
			seg = reverseRTL(seg)
		}
		runs = append(runs, run{seg})
		i = j
	}
	if base == rtl {
		for a, b := 0, len(runs)-1; a < b; a, b = a+1, b-1 {
			runs[a], runs[b] = runs[b], runs[a]
		}
	}
	out := make([]rune, 0, len(rs))
	for _, r := range runs {
		out = append(out, r.rs...)
	}
	return string(out)
}

// reverseRTL reverses a right-to-left run, keeping digit sequences in
// their order and swapping mirrored brackets.
func reverseRTL(seg []rune) []rune {
	out := make([]rune, 0, len(seg))
	for i := len(seg) - 1; i >= 0; {
		if direction(seg[i]) == number {
			j := i
			for j >= 0 && direction(seg[j]) == number {
				j--
			}
			out = append(out, seg[j+1:i+1]...)
			i = j
			continue
		}
		r := seg[i]
		if m, ok := mirror[r]; ok {
			r = m
		}
		out = append(out, r)
		i--
	}
	return out
}
