package lsp

import "testing"

// TestPositionOffset: position and offset are inverse, across line breaks
// of every kind and characters outside the BMP (two UTF-16 units).
func TestPositionOffset(t *testing.T) {
	d := &document{}
	d.setText("a: 1\r\nb: \"😀x\"\rc: é\nlast")
	for _, utf32 := range []bool{false, true} {
		for off := 0; off <= len(d.text); off++ {
			if off < len(d.text) && d.text[off]&0xC0 == 0x80 {
				continue // inside a character
			}
			p := d.position(off, utf32)
			back := d.offset(p, utf32)
			inBreak := off > 0 && off < len(d.text) && d.text[off-1] == '\r' && d.text[off] == '\n'
			if back != off && !inBreak {
				t.Errorf("utf32=%v: offset %d -> %+v -> %d", utf32, off, p, back)
			}
		}
	}
	if p := d.position(len("a: 1\r\nb: \"😀"), false); p != (Position{Line: 1, Character: 6}) {
		t.Errorf("after the emoji (UTF-16): %+v, want 1:6", p)
	}
	if p := d.position(len("a: 1\r\nb: \"😀"), true); p != (Position{Line: 1, Character: 5}) {
		t.Errorf("after the emoji (UTF-32): %+v, want 1:5", p)
	}
}
