package journey

import (
	"math"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// scalar converts a scalar by its resolved YAML tag.
func scalar(n *yaml.Node) any {
	switch n.ShortTag() {
	case "!!null":
		return nil
	case "!!bool":
		b, err := strconv.ParseBool(strings.ToLower(n.Value))
		if err == nil {
			return b
		}
	case "!!int":
		v := strings.ReplaceAll(n.Value, "_", "")
		if i, err := strconv.ParseInt(v, 0, 64); err == nil {
			return i
		}
		if f, err := strconv.ParseFloat(v, 64); err == nil {
			return f
		}
	case "!!float":
		// ParseFloat reads .inf and .nan too once the YAML spelling is
		// normalised. They stay infinite or NaN: the walker refuses them
		// where a number is expected, and a text field holding one is the
		// wrong type like any other number.
		v := strings.ToLower(strings.ReplaceAll(n.Value, "_", ""))
		v = strings.TrimPrefix(strings.TrimPrefix(v, "+"), ".")
		v = strings.Replace(v, "-.", "-", 1)
		f, err := strconv.ParseFloat(strings.ReplaceAll(n.Value, "_", ""), 64)
		if err != nil {
			f, err = strconv.ParseFloat(v, 64)
		}
		if err == nil || math.IsInf(f, 0) {
			return f
		}
	}
	return n.Value
}

// ValueText writes a metric value with its unit, the one way every output
// shows one: "35%" (a percent sign follows the number), "12 days", "4.2"
// (no unit), and missing when the value is not written.
func ValueText(v *float64, unit, missing string) string {
	if v == nil {
		return missing
	}
	// Rounded to millionths, so 0.1+0.2 reads 0.3.
	s := strconv.FormatFloat(math.Round(*v*1e6)/1e6, 'f', -1, 64)
	switch unit {
	case "":
		return s
	case "%":
		return s + "%"
	}
	return s + " " + unit
}

// RatingWord is the word shown with a rating's colour, the one set every
// output uses (green: Working well, yellow: Unhappy, red: Very unhappy,
// anything else: Not rated). It is English; an output in another language
// passes it through its locale (the words are message ids in pkg/locale).
func RatingWord(rating string) string {
	switch rating {
	case "green":
		return "Working well"
	case "yellow":
		return "Unhappy"
	case "red":
		return "Very unhappy"
	}
	return "Not rated"
}
