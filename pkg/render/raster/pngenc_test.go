package raster

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"hash/adler32"
	"image"
	"image/color"
	"image/png"
	"io"
	"math/rand"
	"runtime"
	"testing"
)

// TestEncodePNG round-trips canvases whose heights straddle the band size,
// and checks the zlib stream to its end (image/png stops before the
// checksum, so a wrong adler32 would go unnoticed there).
func TestEncodePNG(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for _, size := range []image.Point{{1, 1}, {7, bandRows}, {33, bandRows + 1}, {50, 3*bandRows + 17}} {
		img := image.NewRGBA(image.Rect(0, 0, size.X, size.Y))
		for i := range img.Pix {
			img.Pix[i] = byte(rng.Intn(4) * 60)
			if i%4 == 3 {
				img.Pix[i] = 255
			}
		}
		var buf bytes.Buffer
		if err := encodePNG(&buf, img); err != nil {
			t.Fatal(err)
		}
		got, err := png.Decode(bytes.NewReader(buf.Bytes()))
		if err != nil {
			t.Fatalf("%v: %v", size, err)
		}
		if got.Bounds() != img.Bounds() {
			t.Fatalf("%v: bounds %v", size, got.Bounds())
		}
		for y := 0; y < size.Y; y++ {
			for x := 0; x < size.X; x++ {
				if a, b := color.RGBAModel.Convert(got.At(x, y)), img.At(x, y); a != b {
					t.Fatalf("%v: pixel (%d,%d) = %v, want %v", size, x, y, a, b)
				}
			}
		}
		if _, err := io.ReadAll(zlibStream(t, buf.Bytes())); err != nil {
			t.Fatalf("%v: zlib stream: %v", size, err)
		}
	}
}

// zlibStream joins the IDAT chunks of a PNG.
func zlibStream(t *testing.T, b []byte) io.Reader {
	var z []byte
	for p := 8; p+8 <= len(b); {
		n := int(binary.BigEndian.Uint32(b[p:]))
		if string(b[p+4:p+8]) == "IDAT" {
			z = append(z, b[p+8:p+8+n]...)
		}
		p += 12 + n
	}
	r, err := zlib.NewReader(bytes.NewReader(z))
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestAdler32Combine(t *testing.T) {
	rng := rand.New(rand.NewSource(2))
	for _, n := range [][2]int{{0, 0}, {1, 0}, {0, 5}, {100, 70000}, {65521, 65521}, {200000, 3}} {
		a, b := make([]byte, n[0]), make([]byte, n[1])
		rng.Read(a)
		rng.Read(b)
		want := adler32.Checksum(append(append([]byte{}, a...), b...))
		if got := adler32Combine(adler32.Checksum(a), adler32.Checksum(b), int64(len(b))); got != want {
			t.Errorf("lengths %v: %08x, want %08x", n, got, want)
		}
	}
}

// TestPNGSameBytesAnyCores: bands are fixed in size, so the file does not
// depend on how many cores compressed it.
func TestPNGSameBytesAnyCores(t *testing.T) {
	in := readGolden(t, "permit.json")
	var one, many bytes.Buffer
	prev := runtime.GOMAXPROCS(1)
	err := PNG(&one, in, 1)
	runtime.GOMAXPROCS(max(prev, 4))
	err2 := PNG(&many, in, 1)
	runtime.GOMAXPROCS(prev)
	if err != nil || err2 != nil {
		t.Fatal(err, err2)
	}
	if !bytes.Equal(one.Bytes(), many.Bytes()) {
		t.Fatal("PNG bytes depend on GOMAXPROCS")
	}
}
