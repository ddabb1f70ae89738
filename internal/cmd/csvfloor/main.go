// Command csvfloor measures the floor for cxmap measure's speed goal:
// reading every record of a CSV file with encoding/csv (records reused)
// and nothing else. `make bench` runs it beside cxmap measure on the same
// file.
package main

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"time"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: csvfloor FILE.csv")
		os.Exit(2)
	}
	start := time.Now()
	f, err := os.Open(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, "csvfloor:", err)
		os.Exit(1)
	}
	defer f.Close()
	r := csv.NewReader(bufio.NewReaderSize(f, 1<<16))
	r.ReuseRecord = true
	r.FieldsPerRecord = -1
	n, fields := 0, 0
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "csvfloor:", err)
			os.Exit(1)
		}
		n++
		fields += len(rec)
	}
	fmt.Printf("encoding/csv floor: %d records, %d fields in %.2f s\n", n, fields, time.Since(start).Seconds())
}
