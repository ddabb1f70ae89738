package journey

import (
	"testing"

	"github.com/cxmap/cxmap/internal/testgen"
	"go.yaml.in/yaml/v3"
)

// BenchmarkParse compares the whole loader with the bare yaml.v3 parse of
// the same 50-step journey (the floor).
func BenchmarkParse(b *testing.B) {
	data := testgen.Journey(1, 50)
	b.Run("yaml-only", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		for i := 0; i < b.N; i++ {
			var n yaml.Node
			if err := yaml.Unmarshal(data, &n); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("parse-and-validate", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		for i := 0; i < b.N; i++ {
			if j, fs := Parse("bench.yaml", data); j == nil {
				b.Fatal(fs)
			}
		}
	})
}
