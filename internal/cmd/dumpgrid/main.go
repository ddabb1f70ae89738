package main

import (
	"encoding/json"
	"fmt"
	"os"

	"github.com/cxmap/cxmap/pkg/draw"
	"github.com/cxmap/cxmap/pkg/journey"
	"github.com/cxmap/cxmap/pkg/layout"
)

func main() {
	data, _ := os.ReadFile(os.Args[1])
	j, fs := journey.Parse(os.Args[1], data)
	if j == nil {
		fmt.Println(fs)
		os.Exit(1)
	}
	g, err := layout.Build(j, layout.Options{})
	if err != nil {
		panic(err)
	}
	b, _ := json.MarshalIndent(g, "", " ")
	os.WriteFile("/tmp/out.json", b, 0o644)
	dot := draw.DOT(g)
	os.WriteFile("/tmp/out.dot", dot, 0o644)
	f, _ := os.Create("/tmp/out.svg")
	if err := draw.Render(dot, "svg", f); err != nil {
		panic(err)
	}
	f.Close()
}
