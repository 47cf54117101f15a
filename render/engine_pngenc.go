package render

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/png"
)

// encodePNG writes a painted canvas as PNG. An opaque canvas (every diagram
// with a background colour) is written as 8-bit RGB with the "Up" filter on
// every row and zlib's fastest level: image/png tries all five filters on
// every row to pick one, which was a third of a PNG's CPU time, and a
// diagram's flat colours compress about as well either way. A canvas with
// any transparency goes to image/png.
func encodePNG(img *image.RGBA) ([]byte, error) {
	if !img.Opaque() {
		var buf bytes.Buffer
		enc := png.Encoder{CompressionLevel: png.BestSpeed}
		if err := enc.Encode(&buf, img); err != nil {
			return nil, err
		}
		return buf.Bytes(), nil
	}
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	var raw bytes.Buffer
	zw, err := zlib.NewWriterLevel(&raw, zlib.BestSpeed)
	if err != nil {
		return nil, err
	}
	row := make([]byte, 1+3*w)
	row[0] = 2 // Up: each byte minus the one above it (0 above the first row)
	var above []byte
	for y := range h {
		pix := img.Pix[y*img.Stride : y*img.Stride+4*w]
		out := row[1:]
		if above == nil {
			for x := range w {
				p, o := pix[4*x:4*x+3:4*x+3], out[3*x:3*x+3:3*x+3]
				o[0], o[1], o[2] = p[0], p[1], p[2]
			}
		} else {
			for x := range w {
				p, a, o := pix[4*x:4*x+3:4*x+3], above[4*x:4*x+3:4*x+3], out[3*x:3*x+3:3*x+3]
				o[0], o[1], o[2] = p[0]-a[0], p[1]-a[1], p[2]-a[2]
			}
		}
		if _, err := zw.Write(row); err != nil {
			return nil, err
		}
		above = pix
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}

	var out bytes.Buffer
	out.Grow(raw.Len() + 64)
	out.WriteString("\x89PNG\r\n\x1a\n")
	var ihdr [13]byte
	binary.BigEndian.PutUint32(ihdr[0:], uint32(w))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(h))
	ihdr[8], ihdr[9] = 8, 2 // 8 bits per sample, truecolour; compression, filter, interlace 0
	writeChunk(&out, "IHDR", ihdr[:])
	writeChunk(&out, "IDAT", raw.Bytes())
	writeChunk(&out, "IEND", nil)
	return out.Bytes(), nil
}

func writeChunk(out *bytes.Buffer, kind string, data []byte) {
	var n [4]byte
	binary.BigEndian.PutUint32(n[:], uint32(len(data)))
	out.Write(n[:])
	crc := crc32.NewIEEE()
	crc.Write([]byte(kind))
	crc.Write(data)
	out.WriteString(kind)
	out.Write(data)
	binary.BigEndian.PutUint32(n[:], crc.Sum32())
	out.Write(n[:])
}
