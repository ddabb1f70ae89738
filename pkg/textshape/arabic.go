package textshape

// The shaping tables: the fallback when no font given to Visual has a run's
// letters (and the joining forms textmetrics measures). Arabic letters take
// their joined form (isolated, final, initial or medial) from the Arabic
// Presentation Forms-B block; lam-alef becomes its ligature.

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
		if form == 0 || f[form] == 0 {
			out = append(out, r) // isolated: the letter itself, as HarfBuzz gives it
			continue
		}
		out = append(out, f[form])
	}
	return out
}

var mirror = map[rune]rune{'(': ')', ')': '(', '[': ']', ']': '[', '{': '}', '}': '{', '<': '>', '>': '<', '«': '»', '»': '«'}

// reverse reverses a right-to-left run shaped by the tables, swapping
// mirrored brackets (digits are runs of their own, left to right).
func reverse(seg []rune) []rune {
	out := make([]rune, 0, len(seg))
	for i := len(seg) - 1; i >= 0; i-- {
		r := seg[i]
		if m, ok := mirror[r]; ok {
			r = m
		}
		out = append(out, r)
	}
	return out
}
