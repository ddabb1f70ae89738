package report

import (
	"strings"
	"sync"

	"github.com/cxmap/cxmap/pkg/journey"
	"github.com/cxmap/cxmap/pkg/locale"
)

// A workbook is written in the report's language (Options.Locale): its
// sheet names, column headings and rating words. `cxmap import --update`
// reads one back in any language cxmap speaks, through these names.

var (
	namesOnce sync.Once
	sheetIDs  map[string]string            // written name -> English sheet name
	headerIDs map[string]map[string]string // English sheet -> written heading -> English heading
	ratingIDs map[string]string            // lower-case rating word -> rating value
)

func loadNames() {
	sheetIDs, headerIDs, ratingIDs = map[string]string{}, map[string]map[string]string{}, map[string]string{}
	for _, r := range Ratings {
		ratingIDs[r] = r
	}
	ws := []words{{}}
	for _, lang := range locale.Complete {
		if l, err := locale.New(lang); err == nil {
			ws = append(ws, words{l})
		}
	}
	for _, w := range ws {
		for _, s := range workbookSheets {
			sheetIDs[w.T(s.name)] = s.name
			if headerIDs[s.name] == nil {
				headerIDs[s.name] = map[string]string{}
			}
			for _, h := range s.header {
				headerIDs[s.name][w.T(h)] = h
			}
		}
		for _, r := range []string{journey.Red, journey.Yellow, journey.Green, Unrated} {
			ratingIDs[strings.ToLower(w.Rating(r))] = r
		}
	}
}

// WorkbookSheet is the English name of a workbook sheet written in any
// language cxmap speaks ("Étapes" is "Steps"); "" when it is none of them.
func WorkbookSheet(name string) string {
	namesOnce.Do(loadNames)
	return sheetIDs[name]
}

// WorkbookHeading is the English heading of a column of the English sheet
// in any language ("Étape" on Steps is "Step"), or heading itself.
func WorkbookHeading(sheet, heading string) string {
	namesOnce.Do(loadNames)
	if h, ok := headerIDs[sheet][heading]; ok {
		return h
	}
	return heading
}

// WorkbookRating reads a rating cell: a rating word in any language
// ("Très mécontent") or a value (red, yellow, green, unrated), in any
// case. It returns the value (Unrated for not rated) and whether the cell
// is one.
func WorkbookRating(cell string) (string, bool) {
	namesOnce.Do(loadNames)
	r, ok := ratingIDs[strings.ToLower(strings.TrimSpace(cell))]
	return r, ok
}
