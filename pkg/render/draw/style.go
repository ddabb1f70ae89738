package draw

// The palette: navy stage bands, quiet zone tints, and rating colours that
// stay apart for colour-blind readers (each also carries a word).
const (
	ink       = "#1F2937" // body text
	muted     = "#5B6675" // notes, line labels
	bandFill  = "#1F3A5F"
	bandFill2 = "#2C5282"
	headFill  = "#E9EDF2" // row header column
	cellLine  = "#B8C2CE"
	flowColor = "#2D3748"
	backColor = "#6B46C1"
	linkColor = "#A0AEC0"
	lineColor = "#4A5568"
	curveInk  = "#2D3748"
)

// zoneFill is the tint of a row by its kind.
var zoneFill = map[string]string{
	"emotion":    "#FFFFFF",
	"evidence":   "#F7F7F5",
	"customer":   "#FFFFFF",
	"frontstage": "#EEF3F9",
	"backstage":  "#F3F1F7",
	"support":    "#F5F5F5",
	// The optional rows: time like the customer side, the insight rows in
	// quiet tints of their own.
	"time":          "#FFFFFF",
	"pains":         "#FBF3F3",
	"quotes":        "#F7F7F5",
	"opportunities": "#F0F7F2",
	"metrics":       "#F1F4F9",
}

// rating holds the colours of one rating: the badge, its text, the cell's
// border and tint.
type rating struct{ badge, text, border, tint string }

var ratings = map[string]rating{
	"green":  {"#2F855A", "#FFFFFF", "#68A982", "#F0F8F3"},
	"yellow": {"#D69E2E", "#1A1300", "#D9AE4E", "#FFF8E6"},
	"red":    {"#C53030", "#FFFFFF", "#D66A6A", "#FDF0F0"},
	// "Not rated": white on #5F6B7A is 5.43:1, WCAG AA (was #8A94A3, 3.07:1).
	"": {"#5F6B7A", "#FFFFFF", cellLine, "#FFFFFF"},
}

const criticalFill = "#1A202C"

// Persona tags: dark text on a light slate tag (11.9:1).
const (
	tagFill = "#E2E8F0"
	tagText = "#1F2937"
)

// lineStyle is how each line of the blueprint is drawn, so the three are
// told apart at a glance: interaction dashed, visibility solid and heavy
// (the one that matters most: what the customer cannot see), internal
// interaction dotted. Labels are bold in the line's colour.
type lineStyle struct {
	style, color string
	pen          float64
}

var lineStyles = map[string]lineStyle{
	"interaction": {"dashed", lineColor, 1.2},
	"visibility":  {"solid", ink, 2.4},
	"internal":    {"dotted", lineColor, 1.4},
}

// emotionColor colours an emotion point like the ratings do.
func emotionColor(v int) string {
	switch {
	case v > 0:
		return ratings["green"].badge
	case v < 0:
		return ratings["red"].badge
	}
	return ratings["yellow"].badge
}
