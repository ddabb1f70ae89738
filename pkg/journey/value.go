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
		// normalised; the schema validator needs finite numbers, so infinities
		// become the largest floats and NaN zero: still numbers, so a string
		// field holding one is reported as the wrong type.
		v := strings.ToLower(strings.ReplaceAll(n.Value, "_", ""))
		v = strings.TrimPrefix(strings.TrimPrefix(v, "+"), ".")
		v = strings.Replace(v, "-.", "-", 1)
		f, err := strconv.ParseFloat(n.Value, 64)
		if err != nil {
			f, _ = strconv.ParseFloat(v, 64)
		}
		switch {
		case math.IsNaN(f):
			return 0.0
		case math.IsInf(f, 1):
			return math.MaxFloat64
		case math.IsInf(f, -1):
			return -math.MaxFloat64
		}
		return f
	}
	return n.Value
}
