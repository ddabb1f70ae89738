package layout

// Restore sets what a grid read back from its JSON lacks: Brand and Words,
// which the JSON leaves out because they come from the theme and locale it
// is drawn in (o.Theme, o.Locale), not from the journey. A cache of laid-out
// grids (the site's --cache) calls it on every grid it reads.
func (g *Grid) Restore(o Options) {
	g.Brand = BrandFor(o.Theme)
	g.Words = Words{Critical: criticalMark(o.Locale)}
}
