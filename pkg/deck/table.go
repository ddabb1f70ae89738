package deck

import "math"

// column is a table column: its header and its share of the width.
type column struct {
	name  string
	share float64
}

// tableSlides lays rows out as a table under a title, as many slides as
// they need; notes go on every slide of the run.
func (br *builder) tableSlides(sz Size, kind, title, intro string, cols []column, rows [][]Cell, notes string) []Slide {
	width := sz.W - 2*Margin
	total := 0.0
	for _, c := range cols {
		total += c.share
	}
	ws := make([]float64, len(cols))
	for i, c := range cols {
		ws[i] = math.Round(width * c.share / total)
	}
	const pad = 8.0
	size := TablePx
	y0 := ContentY
	var introShape *Shape
	if intro != "" {
		s := br.text(Margin, y0, width, intro, BodyPx, false, br.ink, 3)
		introShape = &s
		y0 += s.H + 16
	}
	room := sz.H - BottomGap - y0
	maxLines := int((room - 2*pad) / lineH(size) / 2) // a row takes at most half the slide
	mk := func(cells []Cell, header bool) Row {
		r := Row{Header: header}
		n := 1
		for i, c := range cells {
			src := c.Lines
			var lines []string
			for _, s := range src {
				lines = append(lines, br.wrap(s, ws[i]-2*pad, size, c.Bold || header, 0)...)
			}
			if len(lines) > maxLines {
				lines = append(lines[:maxLines-1], br.wrap(lines[maxLines-1]+" …", ws[i]-2*pad, size, c.Bold, 1)...)
			}
			c.Lines = lines
			if header {
				c.Fill, c.Color, c.Bold = br.bandFill, br.onBand, true
			}
			r.Cells = append(r.Cells, c)
			n = max(n, len(lines))
		}
		r.H = math.Ceil(2*pad + float64(n)*lineH(size))
		return r
	}
	hc := make([]Cell, len(cols))
	for i, c := range cols {
		hc[i] = Cell{Lines: []string{br.T(c.name)}}
	}
	head := mk(hc, true)
	built := make([]Row, len(rows))
	for i, cells := range rows {
		built[i] = mk(cells, false)
	}
	pages := splitRows(built, head.H, room)
	var out []Slide
	for i, rs := range pages {
		t := &Table{Cols: ws, Rows: append([]Row{head}, rs...), Size: size}
		h := 0.0
		for _, r := range t.Rows {
			h += r.H
		}
		s := Slide{Kind: kind, Title: br.numbered(br.T(title), i, len(pages)), Notes: notes}
		s.Shapes = append(s.Shapes, br.heading(sz, s.Title))
		if introShape != nil {
			s.Shapes = append(s.Shapes, *introShape)
		}
		s.Shapes = append(s.Shapes, Shape{Kind: ShapeTable, Rect: Rect{Margin, y0, width, h}, Table: t})
		out = append(out, s)
	}
	return out
}

// splitRows puts rows on as few slides as they need, then evens the slides
// out: each slide is filled up to the average height of the run (total /
// slides), so a continued table is split evenly and no continuation slide
// holds only a few rows.
func splitRows(rows []Row, headH, room float64) [][]Row {
	greedy := func(limit float64) [][]Row {
		var pages [][]Row
		var cur []Row
		used := headH
		for _, r := range rows {
			if len(cur) > 0 && used+r.H > limit {
				pages = append(pages, cur)
				cur, used = nil, headH
			}
			cur = append(cur, r)
			used += r.H
		}
		if len(cur) > 0 {
			pages = append(pages, cur)
		}
		return pages
	}
	pages := greedy(room)
	n := len(pages)
	if n <= 1 {
		return pages
	}
	total := 0.0
	for _, r := range rows {
		total += r.H
	}
	// The smallest fill limit that still needs only n slides: between the
	// average and the full room.
	lo, hi := headH+total/float64(n), room
	for range 30 {
		mid := (lo + hi) / 2
		if len(greedy(mid)) <= n {
			hi = mid
		} else {
			lo = mid
		}
	}
	return greedy(hi)
}
