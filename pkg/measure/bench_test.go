package measure

import (
	"bytes"
	"encoding/csv"
	"io"
	"testing"

	"github.com/cxmap/cxmap/internal/surveygen"
)

// BenchmarkReadCSV reads 100,000 generated answers (make bench runs the
// 1,000,000-row file through the command); BenchmarkCSVFloor is
// encoding/csv alone on the same bytes.
func BenchmarkReadCSV(b *testing.B) {
	data := benchData(b)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		c := NewCollector(nil, Options{})
		if err := c.ReadCSV("bench.csv", bytes.NewReader(data), ReadOptions{}); err != nil {
			b.Fatal(err)
		}
		_ = c.Figures()
	}
}

func BenchmarkCSVFloor(b *testing.B) {
	data := benchData(b)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		r := csv.NewReader(bytes.NewReader(data))
		r.ReuseRecord = true
		for {
			if _, err := r.Read(); err == io.EOF {
				break
			} else if err != nil {
				b.Fatal(err)
			}
		}
	}
}

func benchData(b *testing.B) []byte {
	b.Helper()
	var buf bytes.Buffer
	j := sixSteps(b)
	if err := surveygen.Write(&buf, j, surveygen.Options{Respondents: 100_000 / 7, Seed: 1, Driver: "s2", Journey: true}); err != nil {
		b.Fatal(err)
	}
	return buf.Bytes()
}
