package textsafe

import "strconv"

// Plural writes a count and the word for it: "1 step", "3 steps". many is
// the plural form; "" means one+"s".
func Plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	if many == "" {
		many = one + "s"
	}
	return strconv.Itoa(n) + " " + many
}
