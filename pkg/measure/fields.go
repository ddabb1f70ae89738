package measure

import (
	"fmt"
	"sort"
	"strings"

	"github.com/cxmap/cxmap/internal/names"
)

// Field is what a column of the data holds.
type Field int

// The fields a column can hold. Step or lane, metric and score are
// required; the others are optional.
const (
	FieldNone Field = iota
	FieldJourney
	FieldStep
	FieldLane
	FieldMetric
	FieldScore
	FieldDate
	FieldRespondent
	FieldSegment
	nFields
)

// Fields maps a field's name (as --map writes it) to the field: the only
// list of fields (help and did-you-mean are made from it). persona and
// segment are the same field.
var Fields = map[string]Field{
	"journey":    FieldJourney,
	"step":       FieldStep,
	"lane":       FieldLane,
	"metric":     FieldMetric,
	"score":      FieldScore,
	"date":       FieldDate,
	"respondent": FieldRespondent,
	"persona":    FieldSegment,
	"segment":    FieldSegment,
}

func (f Field) String() string {
	for n, v := range Fields {
		if v == f && n != "persona" {
			return n
		}
	}
	return "none"
}

// headerWords are the column headers recognised without --map, after
// lower-casing and turning spaces and hyphens into underscores.
var headerWords = map[string]Field{
	"journey": FieldJourney, "journey_id": FieldJourney,
	"step": FieldStep, "step_id": FieldStep,
	"lane": FieldLane, "lane_id": FieldLane, "touchpoint": FieldLane, "touchpoint_id": FieldLane,
	"metric": FieldMetric, "question": FieldMetric, "question_id": FieldMetric,
	"score": FieldScore, "value": FieldScore, "answer": FieldScore,
	"date": FieldDate, "answered": FieldDate, "answered_at": FieldDate, "submitted": FieldDate,
	"submitted_at": FieldDate, "response_date": FieldDate, "timestamp": FieldDate,
	"respondent": FieldRespondent, "respondent_id": FieldRespondent, "response_id": FieldRespondent,
	"customer_id": FieldRespondent,
	"persona":     FieldSegment, "persona_id": FieldSegment, "segment": FieldSegment,
}

func normHeader(s string) string {
	s = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(s, "\ufeff")))
	return strings.NewReplacer(" ", "_", "-", "_").Replace(s)
}

// ParseMap reads --map values, each COLUMN=FIELD (FIELD one of Fields),
// into a mapping from the normalised column header to its field.
func ParseMap(specs []string) (map[string]Field, error) {
	out := map[string]Field{}
	for _, s := range specs {
		col, field, ok := strings.Cut(s, "=")
		if !ok || strings.TrimSpace(col) == "" {
			return nil, fmt.Errorf("--map %q: write COLUMN=FIELD, e.g. --map \"Touchpoint ID=lane\"", s)
		}
		name := strings.ToLower(strings.TrimSpace(field))
		f, ok := Fields[name]
		if !ok {
			known := make([]string, 0, len(Fields))
			for n := range Fields {
				known = append(known, n)
			}
			sort.Strings(known)
			msg := fmt.Sprintf("field %q is not one of %s", name, strings.Join(known, ", "))
			if sg := names.Suggest(name, known); sg != "" {
				msg += fmt.Sprintf("; did you mean %q?", sg)
			}
			return nil, fmt.Errorf("--map %q: %s", s, msg)
		}
		out[normHeader(col)] = f
	}
	return out, nil
}

// columns is which column holds each field (-1: none).
type columns [nFields]int

// mapHeader recognises a header row. Columns it does not know are
// ignored; a field named twice is an error, and so is a header without
// step or lane, metric or score.
func mapHeader(file string, line int, header []string, override map[string]Field) (columns, error) {
	var c columns
	for i := range c {
		c[i] = -1
	}
	for i, h := range header {
		n := normHeader(h)
		f, ok := override[n]
		if !ok {
			f = headerWords[n]
		}
		if f == FieldNone {
			continue
		}
		if c[f] >= 0 {
			return c, fmt.Errorf("%s:%d: columns %q and %q are both read as %s; rename one or use --map", file, line, header[c[f]], h, f)
		}
		c[f] = i
	}
	var missing []string
	if c[FieldStep] < 0 && c[FieldLane] < 0 {
		missing = append(missing, "step (or lane)")
	}
	if c[FieldMetric] < 0 {
		missing = append(missing, "metric")
	}
	if c[FieldScore] < 0 {
		missing = append(missing, "score")
	}
	if len(missing) > 0 {
		var hs []string
		for _, h := range header {
			hs = append(hs, fmt.Sprintf("%q", strings.TrimSpace(h)))
		}
		return c, fmt.Errorf("%s:%d: cannot map the header (%s): no column for %s; name the columns journey, step, lane, metric, score, date, respondent, segment, or map them with --map COLUMN=FIELD",
			file, line, strings.Join(hs, ", "), strings.Join(missing, ", "))
	}
	return c, nil
}
