package main

import (
	"os"

	"github.com/cxmap/cxmap/internal/testgen"
	"github.com/cxmap/cxmap/pkg/yamlfmt"
)

func main() {
	data := testgen.Journey(3, 20)
	os.WriteFile("/tmp/fi-gen.yaml", data, 0o644)
	out, err := yamlfmt.Format("g", data)
	if err != nil {
		panic(err)
	}
	os.WriteFile("/tmp/fi-gen1.yaml", out, 0o644)
	out2, _ := yamlfmt.Format("g", out)
	os.WriteFile("/tmp/fi-gen2.yaml", out2, 0o644)
}
