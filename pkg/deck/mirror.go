package deck

// A right-to-left deck (a locale such as Arabic, locale.RTL) is the same
// deck mirrored: Build lays every slide out left to right, then mirror
// turns it over, so the slide builders keep one layout and the writers
// still only place what Build decided.
//
//   - Text, tables, keys, bars and logos change sides: a shape at the
//     left goes to the right (x' = W - x - w), its text aligned right
//     (the writers' part: the PDF draws non-centred lines from the box's
//     right edge, the PPTX writes algn="r" rtl="1").
//   - A table's columns run from the right: its first column is the
//     rightmost.
//   - A line turns over with its ends.
//   - Timelines keep their direction: the blueprint pictures (a page and
//     its editable shapes), and a slide's shapes marked LTR (the emotion
//     curve, the impact/effort grid) move as one block, the block's box
//     mirrored, nothing inside it turned over, their text left to right.
//     Time runs left to right in those pictures, as the blueprint's does
//     in every language.

// mirror turns every slide of d and its chrome over for a right-to-left
// language; w is the slide's width.
func mirror(d *Deck, w float64) {
	for i := range d.Slides {
		d.Slides[i].Shapes = mirrorShapes(d.Slides[i].Shapes, w)
	}
	d.Chrome = mirrorShapes(d.Chrome, w)
}

// mirrorShapes mirrors a slide's shapes into a new slice (shapes, tables
// and pictures may be shared between slides: nothing is changed in place).
func mirrorShapes(in []Shape, w float64) []Shape {
	if len(in) == 0 {
		return in
	}
	out := make([]Shape, len(in))
	// The left-to-right block: its left and right edges.
	lo, hi, block := 0.0, 0.0, false
	for _, sh := range in {
		if !keepsDirection(sh) {
			continue
		}
		l, r := sh.X, sh.X+sh.W
		if r < l {
			l, r = r, l
		}
		if !block {
			lo, hi, block = l, r, true
		}
		lo, hi = min(lo, l), max(hi, r)
	}
	dx := (w - hi) - lo // the block's box mirrored, moved by dx
	for i, sh := range in {
		if keepsDirection(sh) {
			out[i] = moved(sh, dx)
			continue
		}
		out[i] = mirrored(sh, w)
	}
	return out
}

// keepsDirection says sh stays left to right: a picture, or a shape of a
// timeline or chart.
func keepsDirection(sh Shape) bool { return sh.LTR || sh.Kind == ShapePicture }

// moved is sh moved dx to the right, a picture with its editable shapes.
func moved(sh Shape, dx float64) Shape {
	sh.X += dx
	if p := sh.Picture; p != nil && len(p.Native) > 0 {
		q := *p
		q.Native = make([]Shape, len(p.Native))
		for i, n := range p.Native {
			n.X += dx
			q.Native[i] = n
		}
		sh.Picture = &q
	}
	return sh
}

// mirrored is sh turned over in a slide w wide.
func mirrored(sh Shape, w float64) Shape {
	if sh.Kind == ShapeLine {
		sh.X, sh.W = w-sh.X, -sh.W
		return sh
	}
	sh.X = w - sh.X - sh.W
	if t := sh.Table; t != nil {
		m := &Table{Size: t.Size, Cols: reversed(t.Cols), Rows: make([]Row, len(t.Rows))}
		for i, r := range t.Rows {
			r.Cells = reversed(r.Cells)
			m.Rows[i] = r
		}
		sh.Table = m
	}
	return sh
}

func reversed[T any](s []T) []T {
	out := make([]T, len(s))
	for i, v := range s {
		out[len(s)-1-i] = v
	}
	return out
}
