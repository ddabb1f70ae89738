// Package xlsxzip writes a workbook's zip parts in name order, so that the
// same workbook is the same bytes (excelize writes streamed sheets in map
// order). It sits below both the report and measure, which write
// workbooks, so that measure (read by lint's rules) imports no output
// package.
package xlsxzip

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"io"
	"io/fs"
	"slices"

	"github.com/xuri/excelize/v2"
)

// sortedZip buffers the workbook's parts and writes them in name order on
// Close: excelize writes streamed sheets in map order, which would change
// the bytes from run to run.
type sortedZip struct {
	w     io.Writer
	parts map[string]*bytes.Buffer
}

// Sorted is the zip writer that makes a workbook's bytes the same for the
// same input (parts in name order, no times): excelize's ZipWriter for
// every workbook cxmap writes (report -f xlsx, measure -f xlsx).
func Sorted(w io.Writer) excelize.ZipWriter {
	return &sortedZip{w: w, parts: map[string]*bytes.Buffer{}}
}

func (z *sortedZip) Create(name string) (io.Writer, error) {
	if _, ok := z.parts[name]; ok {
		return nil, errors.New("xlsx: part written twice: " + name)
	}
	b := &bytes.Buffer{}
	z.parts[name] = b
	return b, nil
}

func (z *sortedZip) AddFS(fs.FS) error { return errors.New("xlsx: AddFS is not used") }

func (z *sortedZip) Close() error {
	zw := zip.NewWriter(z.w)
	// The fastest deflate level: the sheets are mostly repeated XML, so it
	// costs little in size and saves over a second on 1,000 journeys.
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(w, flate.BestSpeed)
	})
	names := make([]string, 0, len(z.parts))
	for n := range z.parts {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, n := range names {
		fw, err := zw.CreateHeader(&zip.FileHeader{Name: n, Method: zip.Deflate})
		if err != nil {
			return err
		}
		if _, err := z.parts[n].WriteTo(fw); err != nil {
			return err
		}
	}
	return zw.Close()
}
