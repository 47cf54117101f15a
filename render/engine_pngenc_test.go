package render

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"testing"
)

// encodePNG's own writer decodes to exactly the canvas it was given, opaque
// or not, odd sizes included.
func TestEncodePNGRoundTrip(t *testing.T) {
	for _, c := range []struct {
		name   string
		w, h   int
		opaque bool
	}{{"opaque", 37, 23, true}, {"one pixel", 1, 1, true}, {"transparent", 19, 11, false}} {
		t.Run(c.name, func(t *testing.T) {
			img := image.NewRGBA(image.Rect(0, 0, c.w, c.h))
			for y := range c.h {
				for x := range c.w {
					a := uint8(255)
					if !c.opaque && (x+y)%3 == 0 {
						a = 0
					}
					col := color.NRGBA{uint8(x * 7), uint8(y * 11), uint8((x * y) % 256), a}
					if x > c.w/2 { // a flat band, as diagrams have
						col = color.NRGBA{250, 250, 250, a}
					}
					img.Set(x, y, col)
				}
			}
			out, err := encodePNG(img)
			if err != nil {
				t.Fatal(err)
			}
			got, err := png.Decode(bytes.NewReader(out))
			if err != nil {
				t.Fatal(err)
			}
			if got.Bounds() != img.Bounds() {
				t.Fatalf("bounds %v, want %v", got.Bounds(), img.Bounds())
			}
			for y := range c.h {
				for x := range c.w {
					want := color.NRGBAModel.Convert(img.At(x, y))
					if g := color.NRGBAModel.Convert(got.At(x, y)); g != want {
						t.Fatalf("pixel %d,%d = %v, want %v", x, y, g, want)
					}
				}
			}
		})
	}
}

func BenchmarkEncodePNG(b *testing.B) {
	out, err := PNG(b.Context(), benchDOT(b), Dot, 96)
	if err != nil {
		b.Fatal(err)
	}
	dec, err := png.Decode(bytes.NewReader(out))
	if err != nil {
		b.Fatal(err)
	}
	img := image.NewRGBA(dec.Bounds())
	for y := range img.Bounds().Dy() {
		for x := range img.Bounds().Dx() {
			img.Set(x, y, dec.At(x, y))
		}
	}
	b.Run("ours", func(b *testing.B) {
		var out []byte
		for b.Loop() {
			if out, err = encodePNG(img); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(len(out)), "bytes")
	})
	for _, level := range []png.CompressionLevel{png.BestSpeed, png.DefaultCompression} {
		b.Run(fmt.Sprintf("image/png level %d", level), func(b *testing.B) {
			enc := png.Encoder{CompressionLevel: level}
			var buf bytes.Buffer
			for b.Loop() {
				buf.Reset()
				if err := enc.Encode(&buf, img); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(buf.Len()), "bytes")
		})
	}
}
