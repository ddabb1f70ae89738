package inputs

// Paths lists the journey candidates a walk of dir finds (as Load would
// read them: hidden entries, o.Ignore and symbolic links inside dir
// skipped, a .yaml or .yml name), without reading any. The language server
// (pkg/lsp) indexes a workspace folder with it. Errors of the walk are
// returned as results with Err set.
func Paths(dir string, o Options) ([]string, []Result) {
	var out []string
	errs := walk(dir, o, func(in input) { out = append(out, in.path) }, o.Verbose)
	return out, errs
}
