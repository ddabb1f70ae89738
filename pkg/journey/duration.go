package journey

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// Units of a step's duration. A day is 24 hours and a week 7 days: the
// customer's elapsed time, waiting included, not working time.
var durationUnits = map[byte]time.Duration{
	'm': time.Minute,
	'h': time.Hour,
	'd': 24 * time.Hour,
	'w': 7 * 24 * time.Hour,
}

// maxDuration keeps a parsed duration far from time.Duration's limit, so
// that totals over a whole portfolio cannot overflow (100 years).
const maxDuration = 100 * 365 * 24 * time.Hour

// ParseDuration reads a step duration: a positive number and a unit m, h,
// d or w (30m, 1.5h, 2d, 3w).
func ParseDuration(s string) (time.Duration, error) {
	if len(s) < 2 {
		return 0, fmt.Errorf("write a number and a unit m, h, d or w, e.g. 3d")
	}
	unit, ok := durationUnits[s[len(s)-1]]
	if !ok {
		return 0, fmt.Errorf("write a number and a unit m, h, d or w, e.g. 3d")
	}
	num := s[:len(s)-1]
	for _, c := range num {
		if !(c >= '0' && c <= '9' || c == '.') {
			return 0, fmt.Errorf("write a number and a unit m, h, d or w, e.g. 3d")
		}
	}
	f, err := strconv.ParseFloat(num, 64)
	if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
		return 0, fmt.Errorf("write a number and a unit m, h, d or w, e.g. 3d")
	}
	if f <= 0 {
		return 0, fmt.Errorf("a duration must be more than zero (leave it out when the step takes no time)")
	}
	if f > float64(maxDuration/unit) {
		return 0, fmt.Errorf("a duration must be at most 100 years")
	}
	d := time.Duration(math.Round(f * float64(unit)))
	if d < time.Minute {
		return 0, fmt.Errorf("a duration must be at least a minute")
	}
	return d, nil
}

// FormatDuration writes d in the largest two units of w, d, h, m, rounded
// to the minute: "3w", "2w 3d", "1d 4h", "1h 30m", "0m".
func FormatDuration(d time.Duration) string {
	return FormatDurationWith(d, func(n int64, unit byte) string { return fmt.Sprintf("%d%c", n, unit) })
}

// FormatDurationWith is FormatDuration with each part written by part,
// given the number and its unit ('w', 'd', 'h' or 'm'): pkg/locale writes
// the units in the reader's language ("2 sem. 3 j").
func FormatDurationWith(d time.Duration, part func(n int64, unit byte) string) string {
	neg := d < 0
	if neg {
		d = -d
	}
	d = d.Round(time.Minute)
	type piece struct {
		n    int64
		unit byte
	}
	week, day := 7*24*time.Hour, 24*time.Hour
	ps := []piece{
		{int64(d / week), 'w'},
		{int64(d % week / day), 'd'},
		{int64(d % day / time.Hour), 'h'},
		{int64(d % time.Hour / time.Minute), 'm'},
	}
	var out []string
	for i, p := range ps {
		if p.n == 0 {
			if len(out) > 0 {
				break
			}
			continue
		}
		out = append(out, part(p.n, p.unit))
		if len(out) == 2 || i == len(ps)-1 {
			break
		}
	}
	if len(out) == 0 {
		return part(0, 'm')
	}
	s := strings.Join(out, " ")
	if neg {
		s = "-" + s
	}
	return s
}
