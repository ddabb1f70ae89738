package deck

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"strings"
)

// A themed deck's PPTX embeds the theme's font, as PowerPoint does when
// "Embed fonts in the file" is on (docs/theme.md, "The font in PowerPoint"):
//   - ppt/fonts/font1.fntdata (regular) and font2.fntdata (bold), content
//     type application/x-fontdata, each an Embedded OpenType (EOT 2.2)
//     stream: a header made from the font's OS/2, head and name tables,
//     then the font file unchanged (flags 0: not compressed, not XORed,
//     not subset), the layout LibreOffice 25.8 writes (PowerPoint itself
//     compresses with MicroType Express);
//   - presentation.xml lists them in p:embeddedFontLst (after p:notesSz)
//     under the typeface the theme names, with embedTrueTypeFonts="1", and
//     its relationships point at them (type .../relationships/font).
//
// A font whose licence forbids embedding (OS/2 fsType restricted, or
// bitmap embedding only) is not embedded; the CLI says so, naming the file.
// Either way the typeface carries the font's PANOSE, pitch and family, so
// an application without the font substitutes a face of the same kind.

// sfntInfo is what the PPTX needs of a font file's tables.
type sfntInfo struct {
	FsType      uint16
	Panose      [10]byte
	Weight      uint16
	Italic      bool
	Unicode     [4]uint32 // OS/2 ulUnicodeRange1-4
	CodePage    [2]uint32 // OS/2 ulCodePageRange1-2
	CheckSumAdj uint32    // head
	FixedPitch  bool      // post isFixedPitch
	// Names are name IDs 1 (family), 2 (subfamily), 5 (version) and 4
	// (full name), as UTF-16 code units ("" when the font has none).
	Names [4][]uint16
}

// sfntTables maps a TrueType/OpenType file's table tags to their bytes.
func sfntTables(b []byte) (map[string][]byte, error) {
	if len(b) < 12 {
		return nil, errors.New("too short for a font")
	}
	switch string(b[:4]) {
	case "\x00\x01\x00\x00", "OTTO", "true":
	default:
		return nil, errors.New("not a TrueType or OpenType font")
	}
	n := int(binary.BigEndian.Uint16(b[4:]))
	if len(b) < 12+16*n {
		return nil, errors.New("table directory cut short")
	}
	t := map[string][]byte{}
	for i := 0; i < n; i++ {
		rec := b[12+16*i:]
		off, size := binary.BigEndian.Uint32(rec[8:]), binary.BigEndian.Uint32(rec[12:])
		if uint64(off)+uint64(size) > uint64(len(b)) {
			return nil, fmt.Errorf("table %q runs past the end of the file", rec[:4])
		}
		t[string(rec[:4])] = b[off : off+size]
	}
	return t, nil
}

// readSfntInfo reads the OS/2, head, post and name tables of a font file.
func readSfntInfo(b []byte) (sfntInfo, error) {
	var fi sfntInfo
	t, err := sfntTables(b)
	if err != nil {
		return fi, err
	}
	os2, head := t["OS/2"], t["head"]
	if len(os2) < 62 {
		return fi, errors.New("no OS/2 table (or a short one): its embedding permission cannot be read")
	}
	if len(head) < 12 {
		return fi, errors.New("no head table")
	}
	be := binary.BigEndian
	fi.Weight = be.Uint16(os2[4:])
	fi.FsType = be.Uint16(os2[8:])
	copy(fi.Panose[:], os2[32:42])
	for i := range fi.Unicode {
		fi.Unicode[i] = be.Uint32(os2[42+4*i:])
	}
	fi.Italic = be.Uint16(os2[62:])&1 != 0
	if len(os2) >= 86 { // version 1 and later
		fi.CodePage[0], fi.CodePage[1] = be.Uint32(os2[78:]), be.Uint32(os2[82:])
	}
	fi.CheckSumAdj = be.Uint32(head[8:])
	if post := t["post"]; len(post) >= 16 {
		fi.FixedPitch = be.Uint32(post[12:]) != 0
	}
	for i, id := range []uint16{1, 2, 5, 4} {
		fi.Names[i] = sfntName(t["name"], id)
	}
	return fi, nil
}

// sfntName is name id's English Windows (Unicode) string, else its
// Macintosh Roman one read as Latin-1, as UTF-16; nil when there is none.
func sfntName(tab []byte, id uint16) []uint16 {
	if len(tab) < 6 {
		return nil
	}
	be := binary.BigEndian
	count, strOff := int(be.Uint16(tab[2:])), int(be.Uint16(tab[4:]))
	var mac []uint16
	for i := 0; i < count && 6+12*(i+1) <= len(tab); i++ {
		r := tab[6+12*i:]
		plat, enc, lang, nid := be.Uint16(r), be.Uint16(r[2:]), be.Uint16(r[4:]), be.Uint16(r[6:])
		n, off := int(be.Uint16(r[8:])), strOff+int(be.Uint16(r[10:]))
		if nid != id || off+n > len(tab) {
			continue
		}
		s := tab[off : off+n]
		switch {
		case plat == 3 && (enc == 1 || enc == 10) && lang == 0x409:
			u := make([]uint16, n/2)
			for k := range u {
				u[k] = be.Uint16(s[2*k:])
			}
			return u
		case plat == 1 && enc == 0 && lang == 0 && mac == nil:
			mac = make([]uint16, n)
			for k, c := range s {
				mac[k] = uint16(c)
			}
		}
	}
	return mac
}

// embeddable says whether an OS/2 fsType lets the font be embedded in a
// document, and if not, why. Bits 0-3 are exclusive since OS/2 version 3;
// an older font setting several gets the least restrictive (OpenType spec).
func embeddable(fsType uint16) (bool, string) {
	if fsType&0x0200 != 0 {
		return false, fmt.Sprintf("its licence allows bitmap embedding only (OS/2 fsType %#04x)", fsType)
	}
	if use := fsType & 0x000F; use&0x000C == 0 && use&0x0002 != 0 {
		return false, fmt.Sprintf("its licence forbids embedding (OS/2 fsType %#04x, restricted)", fsType)
	}
	return true, ""
}

// eot wraps a TrueType/OpenType file in an Embedded OpenType 2.2 header
// (W3C submission "Embedded OpenType (EOT) File Format", 2008): no
// compression, no XOR, no subsetting, no root string; the font follows
// unchanged, so any EOT reader (libeot, PowerPoint) gives it back whole.
func eot(ttf []byte, fi sfntInfo) []byte {
	var h bytes.Buffer
	le := binary.LittleEndian
	u16 := func(v uint16) { _ = binary.Write(&h, le, v) }
	u32 := func(v uint32) { _ = binary.Write(&h, le, v) }
	u32(0) // EOTSize, set below
	u32(uint32(len(ttf)))
	u32(0x00020002) // Version 2.2
	u32(0)          // Flags
	h.Write(fi.Panose[:])
	h.WriteByte(1) // Charset: DEFAULT_CHARSET, as the EOT submission asks (LibreOffice writes 0)
	italic := byte(0)
	if fi.Italic {
		italic = 1
	}
	h.WriteByte(italic)
	u32(uint32(fi.Weight))
	u16(fi.FsType)
	u16(0x504C) // MagicNumber
	for _, r := range fi.Unicode {
		u32(r)
	}
	u32(fi.CodePage[0])
	u32(fi.CodePage[1])
	u32(fi.CheckSumAdj)
	for i := 0; i < 4; i++ {
		u32(0) // Reserved1-4
	}
	for _, name := range fi.Names { // family, style, version, full name
		u16(0) // padding
		if len(name) == 0 {
			u16(0)
			continue
		}
		u16(uint16(2 * (len(name) + 1))) // bytes, with the terminating NUL
		for _, c := range name {
			u16(c)
		}
		u16(0)
	}
	u16(0)          // Padding5
	u16(0)          // RootStringSize: no URL restriction
	u32(0x50475342) // RootStringCheckSum of no root string
	u32(1252)       // EUDCCodePage
	u16(0)          // Padding6
	u16(0)          // SignatureSize
	u32(0)          // EUDCFlags
	u32(0)          // EUDCFontSize
	out := append(h.Bytes(), ttf...)
	le.PutUint32(out, uint32(len(out)))
	return out
}

// panoseHex is the PANOSE classification as DrawingML writes it.
func (fi sfntInfo) panoseHex() string { return fmt.Sprintf("%X", fi.Panose[:]) }

// pitchFamily is DrawingML's pitchFamily (Windows' LOGFONT
// lfPitchAndFamily): pitch in the low bits (1 fixed, 2 variable), family
// in the high ones (roman, swiss, modern, script, decorative), from the
// font's PANOSE and post table.
func (fi sfntInfo) pitchFamily() int {
	pitch, family := 2, 0
	if fi.FixedPitch || (fi.Panose[0] == 2 && fi.Panose[3] == 9) {
		pitch, family = 1, 0x30 // modern: monospaced
	} else {
		switch fi.Panose[0] {
		case 2: // Latin text: serif or sans by the serif style
			switch s := fi.Panose[1]; {
			case s >= 11 && s <= 13:
				family = 0x20 // swiss
			case s >= 2 && s <= 10 || s == 14 || s == 15:
				family = 0x10 // roman
			}
		case 3:
			family = 0x40 // script
		case 4, 5:
			family = 0x50 // decorative
		}
	}
	return family | pitch
}

// pptxFont is the theme's font as the PPTX names and embeds it.
type pptxFont struct {
	Typeface    string
	Panose      string
	PitchFamily int
	// Parts are the embedded files (regular, bold), nil when the font's
	// licence forbids embedding.
	Parts [][]byte
}

// fontAttrs are the DrawingML attributes that describe the font to an
// application that lacks it.
func (f *pptxFont) Attrs() string {
	return fmt.Sprintf(` panose="%s" pitchFamily="%d" charset="0"`, f.Panose, f.PitchFamily)
}

// pptxFontFor reads the theme font's tables once; nil without a theme
// font. A font whose tables cannot be read is named without attributes and
// not embedded.
func (d *Deck) pptxFontFor() *pptxFont {
	if d.font == nil {
		return nil
	}
	bf := d.font
	bf.pptxOnce.Do(func() {
		f := &pptxFont{Typeface: bf.Family}
		reg, err := readSfntInfo(bf.Regular)
		if err != nil {
			bf.noEmbed = fmt.Sprintf("the theme font %s is not embedded in the PPTX: %v", bf.Paths[0], err)
			bf.pptx = f
			return
		}
		f.Panose, f.PitchFamily = reg.panoseHex(), reg.pitchFamily()
		infos := []sfntInfo{reg}
		bold, err := readSfntInfo(bf.Bold)
		if err != nil {
			bf.noEmbed = fmt.Sprintf("the theme font %s is not embedded in the PPTX: %v", bf.Paths[1], err)
			bf.pptx = f
			return
		}
		infos = append(infos, bold)
		for i, fi := range infos {
			if ok, why := embeddable(fi.FsType); !ok {
				bf.noEmbed = fmt.Sprintf("the theme font %s is not embedded in the PPTX: %s; where it is not installed PowerPoint and LibreOffice show another face. Install it on the machines that show the deck, or give the theme a font whose licence allows embedding (OS/2 fsType 0, 4 or 8)", bf.Paths[i], why)
				bf.pptx = f
				return
			}
		}
		f.Parts = [][]byte{eot(bf.Regular, reg), eot(bf.Bold, bold)}
		bf.pptx = f
	})
	return bf.pptx
}

// FontWarnings are what the PPTX could not do with the theme's font (its
// licence forbids embedding it), one sentence each naming the font file;
// none without a theme font.
func (d *Deck) FontWarnings() []string {
	if f := d.pptxFontFor(); f == nil || d.font.noEmbed == "" {
		return nil
	}
	return []string{d.font.noEmbed}
}

// pptxFontParts adds the embedded font parts to a themed PPTX and returns
// what the presentation, its relationships and the content types say of
// them ("" each without an embedded font).
func (d *Deck) pptxFontParts(parts map[string][]byte) (list, rels, types string) {
	f := d.pptxFontFor()
	if f == nil || len(f.Parts) == 0 {
		return "", "", ""
	}
	var l, r, t strings.Builder
	l.WriteString(`<p:embeddedFontLst><p:embeddedFont><p:font typeface="` + xmlText(f.Typeface) + `"` + f.Attrs() + `/>`)
	for i, data := range f.Parts {
		name := fmt.Sprintf("fonts/font%d.fntdata", i+1)
		parts["ppt/"+name] = data
		id := fmt.Sprintf("rId%d", 6+i) // rId6-7: free (slides start at rId10)
		fmt.Fprintf(&l, `<p:%s r:id="%s"/>`, []string{"regular", "bold"}[i], id)
		fmt.Fprintf(&r, `<Relationship Id="%s" Type="%sfont" Target="%s"/>`, id, relNS, name)
		fmt.Fprintf(&t, `<Override PartName="/ppt/%s" ContentType="application/x-fontdata"/>`, name)
	}
	l.WriteString(`</p:embeddedFont></p:embeddedFontLst>`)
	return l.String(), r.String(), t.String()
}
