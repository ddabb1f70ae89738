package raster

import (
	"bufio"
	"bytes"
	"compress/flate"
	"encoding/binary"
	"hash/adler32"
	"hash/crc32"
	"image"
	"io"
	"runtime"
)

// encodePNG writes an opaque RGBA canvas as an 8-bit RGB PNG. image/png
// took half the time of a large render: it tries five row filters, checks
// opacity, and compresses on one core. Here the canvas is opaque by
// construction (white background, everything composited over it), every
// row uses the Up filter (runs of identical rows, frequent in lane bands,
// become zeros; files are ~10% larger than with per-row filter choice), and
// bands of rows are deflated in parallel, as pigz does.
func encodePNG(w io.Writer, img *image.RGBA) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	b := img.Bounds()
	width, height := b.Dx(), b.Dy()
	if _, err := bw.WriteString("\x89PNG\r\n\x1a\n"); err != nil {
		return err
	}
	var ihdr [13]byte
	binary.BigEndian.PutUint32(ihdr[0:], uint32(width))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(height))
	ihdr[8], ihdr[9] = 8, 2 // 8 bits, truecolour; compression, filter, interlace 0
	if err := writeChunk(bw, "IHDR", ihdr[:]); err != nil {
		return err
	}
	cw := &chunkWriter{w: bw}
	if _, err := cw.Write([]byte{0x78, 0x01}); err != nil { // zlib header, fastest level
		return err
	}
	bands := (height + bandRows - 1) / bandRows
	out := make([]chan band, bands)
	for i := range out {
		out[i] = make(chan band, 1)
	}
	// Workers take bands in order; the writer below waits for each in turn,
	// so at most a few bands are in memory beyond the one being written.
	next := make(chan int)
	workers := min(runtime.GOMAXPROCS(0), bands)
	for range workers {
		go func() {
			var fw *flate.Writer // reused: a new one allocates ~1 MB
			for i := range next {
				var bd band
				fw, bd = compressBand(fw, img, i*bandRows, min(height, (i+1)*bandRows), i == bands-1)
				out[i] <- bd
			}
		}()
	}
	go func() {
		for i := 0; i < bands; i++ {
			next <- i
		}
		close(next)
	}()
	var sum uint32 = 1
	var werr error
	for i := 0; i < bands; i++ {
		bd := <-out[i]
		if werr == nil && bd.err != nil {
			werr = bd.err
		}
		if werr == nil {
			_, werr = cw.Write(bd.data)
		}
		sum = adler32Combine(sum, bd.adler, bd.n)
	}
	if werr != nil {
		return werr
	}
	var tail [4]byte
	binary.BigEndian.PutUint32(tail[:], sum)
	if _, err := cw.Write(tail[:]); err != nil {
		return err
	}
	if err := cw.flush(); err != nil {
		return err
	}
	if err := writeChunk(bw, "IEND", nil); err != nil {
		return err
	}
	return bw.Flush()
}

// bandRows is the height of the bands compressed in parallel. It is fixed,
// not derived from the core count, so the bytes never depend on the machine.
const bandRows = 64

type band struct {
	data  []byte
	adler uint32
	n     int64
	err   error
}

// compressBand filters rows [y0,y1) and deflates them as a self-contained
// run of blocks: a sync flush ends every band but the last, which ends the
// stream. Concatenated, the bands form one valid deflate stream.
func compressBand(fw *flate.Writer, img *image.RGBA, y0, y1 int, last bool) (*flate.Writer, band) {
	width := img.Bounds().Dx()
	n := 3 * width
	prev, cur := make([]byte, n), make([]byte, n)
	up := make([]byte, n+1)
	up[0] = 2 // filter type Up
	rgb := func(dst []byte, y int) {
		row := img.Pix[y*img.Stride : y*img.Stride+4*width]
		for x := 0; x < width; x++ {
			dst[3*x], dst[3*x+1], dst[3*x+2] = row[4*x], row[4*x+1], row[4*x+2]
		}
	}
	if y0 > 0 {
		rgb(prev, y0-1)
	}
	var buf bytes.Buffer
	var err error
	if fw == nil {
		if fw, err = flate.NewWriter(&buf, flate.BestSpeed); err != nil {
			return nil, band{err: err}
		}
	} else {
		fw.Reset(&buf)
	}
	h := adler32.New()
	for y := y0; y < y1; y++ {
		rgb(cur, y)
		if bytes.Equal(cur, prev) {
			clear(up[1:])
		} else {
			u := up[1 : n+1]
			p := prev[:n]
			for i, c := range cur[:n] {
				u[i] = c - p[i]
			}
		}
		fw.Write(up)
		h.Write(up)
		prev, cur = cur, prev
	}
	if last {
		err = fw.Close()
	} else {
		err = fw.Flush()
	}
	return fw, band{data: buf.Bytes(), adler: h.Sum32(), n: int64(y1-y0) * int64(n+1), err: err}
}

// adler32Combine is zlib's adler32_combine: the checksum of A‖B from
// those of A and B and B's length.
func adler32Combine(a1, a2 uint32, len2 int64) uint32 {
	const base = 65521
	rem := uint64(len2 % base)
	s1 := uint64(a1 & 0xffff)
	s2 := rem * s1 % base
	s1 += uint64(a2&0xffff) + base - 1
	s2 += uint64(a1>>16) + uint64(a2>>16) + base - rem
	if s1 >= base {
		s1 -= base
	}
	if s1 >= base {
		s1 -= base
	}
	if s2 >= base<<1 {
		s2 -= base << 1
	}
	if s2 >= base {
		s2 -= base
	}
	return uint32(s1 | s2<<16)
}

func writeChunk(w io.Writer, typ string, data []byte) error {
	var hdr [8]byte
	binary.BigEndian.PutUint32(hdr[:4], uint32(len(data)))
	copy(hdr[4:], typ)
	crc := crc32.NewIEEE()
	crc.Write(hdr[4:])
	crc.Write(data)
	var sum [4]byte
	binary.BigEndian.PutUint32(sum[:], crc.Sum32())
	for _, p := range [][]byte{hdr[:], data, sum[:]} {
		if _, err := w.Write(p); err != nil {
			return err
		}
	}
	return nil
}

// chunkWriter cuts the zlib stream into IDAT chunks of at most 256 KiB.
type chunkWriter struct {
	w   io.Writer
	buf []byte
}

func (c *chunkWriter) Write(p []byte) (int, error) {
	const max = 1 << 18
	n := len(p)
	for len(p) > 0 {
		k := min(max-len(c.buf), len(p))
		c.buf = append(c.buf, p[:k]...)
		p = p[k:]
		if len(c.buf) == max {
			if err := c.flush(); err != nil {
				return 0, err
			}
		}
	}
	return n, nil
}

func (c *chunkWriter) flush() error {
	if len(c.buf) == 0 {
		return nil
	}
	err := writeChunk(c.w, "IDAT", c.buf)
	c.buf = c.buf[:0]
	return err
}
