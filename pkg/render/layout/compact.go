package layout

// spacing is the vertical room between the parts of a picture, in points.
// The zero Options give the constants (the look of `cxmap render`);
// Options.Compact gives a denser picture for slides, where every point of
// height is text size: smaller gaps and minimum row height, a lower
// emotion row, and no title block (the slide names the page).
type spacing struct {
	top      float64 // above the stage bands (or the title)
	bandGap  float64 // between the stage bands and the first row
	rowGap   float64 // between two rows of one group
	lineGap  float64 // between two groups, holding a dashed line
	lineAt   float64 // where that line runs, from the top of its gap
	minRowH  float64
	emotionH float64
	title    bool
}

// Compact spacing: the line's label (LineSize, drawn 12 pt above the line)
// still sits inside the gap.
const (
	CompactTop      = 8.0
	CompactBandGap  = 4.0
	CompactRowGap   = 4.0
	CompactLineGap  = 18.0
	CompactLineAt   = 13.0
	CompactMinRowH  = 24.0
	CompactEmotionH = 52.0
)

func (o Options) spacing() spacing {
	if o.Compact {
		return spacing{top: CompactTop, bandGap: CompactBandGap, rowGap: CompactRowGap, lineGap: CompactLineGap,
			lineAt: CompactLineAt, minRowH: CompactMinRowH, emotionH: CompactEmotionH}
	}
	return spacing{top: Margin, bandGap: 8, rowGap: RowGap, lineGap: LineGap, lineAt: LineGap / 2,
		minRowH: MinRowH, emotionH: EmotionH, title: true}
}
