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
}

// rating holds the colours of one rating: the badge, its text, the cell's
// border and tint.
type rating struct{ badge, text, border, tint string }

var ratings = map[string]rating{
	"green":  {"#2F855A", "#FFFFFF", "#68A982", "#F0F8F3"},
	"yellow": {"#D69E2E", "#1A1300", "#D9AE4E", "#FFF8E6"},
	"red":    {"#C53030", "#FFFFFF", "#D66A6A", "#FDF0F0"},
	"":       {"#8A94A3", "#FFFFFF", cellLine, "#FFFFFF"},
}

const criticalFill = "#1A202C"

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
