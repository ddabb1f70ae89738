package journey

import "github.com/cxmap/cxmap/pkg/finding"

// TooLarge is the finding for a file over MaxFileSize, the same one Parse
// gives, for a caller that learns the size without reading the file (a git
// blob, whose size git tells before its contents).
func TooLarge(path string) []finding.Finding {
	p := &problems{path: path}
	p.tooLarge()
	return p.list
}

func (p *problems) tooLarge() {
	p.add(RuleSyntax, Range{}, "file is larger than the %d MiB limit", MaxFileSize>>20)
}
