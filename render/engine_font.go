package render

import (
	"fmt"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gomono"
	"golang.org/x/image/font/gofont/gomonobold"
	"golang.org/x/image/font/gofont/gomonobolditalic"
	"golang.org/x/image/font/gofont/gomonoitalic"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"

	"github.com/journeymap/journeymap/render/fonts"
)

// The PNG painter uses the Go fonts embedded in golang.org/x/image, so the
// output looks the same everywhere for the scripts they cover (Latin, Greek,
// Cyrillic). For characters they lack (CJK, many symbols) it falls back to
// fonts installed on the machine, when there are any; see fallbackFonts.

const (
	fontBold   = 1 << iota // xdot fontchar bits, also used as variant bits
	fontItalic             // 2
	fontMono   = 1 << 7    // not an xdot bit: monospace family
)

// xdot "t" fontchar bits beyond bold and italic.
const (
	fontUnderline = 4
	fontSup       = 8
	fontSub       = 16
	fontStrike    = 32
	fontOverline  = 64
)

var (
	goFontsOnce sync.Once
	goFonts     map[int]*opentype.Font
	goFontsErr  error
)

func loadGoFonts() (map[int]*opentype.Font, error) {
	goFontsOnce.Do(func() {
		// Sans text is painted with the font the layout measured it with
		// (render/fonts), so the PNG breaks and fits lines as the SVG does.
		ttfs := map[int][]byte{
			0:                                []byte(fonts.Regular),
			fontBold:                         []byte(fonts.Bold),
			fontItalic:                       []byte(fonts.Italic),
			fontBold | fontItalic:            []byte(fonts.BoldItalic),
			fontMono:                         gomono.TTF,
			fontMono | fontBold:              gomonobold.TTF,
			fontMono | fontItalic:            gomonoitalic.TTF,
			fontMono | fontBold | fontItalic: gomonobolditalic.TTF,
		}
		goFonts = make(map[int]*opentype.Font, len(ttfs))
		for v, ttf := range ttfs {
			f, err := opentype.Parse(ttf)
			if err != nil {
				goFontsErr = fmt.Errorf("render: parsing embedded Go font: %w", err)
				return
			}
			goFonts[v] = f
		}
	})
	return goFonts, goFontsErr
}

// fontVariant maps a Graphviz font name ("Times-Roman", "Helvetica-Bold",
// "Arial Italic", "Courier", "Helvetica,Arial,sans-serif:bold") and xdot
// fontchar bits to one of the embedded Go fonts.
func fontVariant(face string, fontChar int) int {
	f := strings.ToLower(face)
	v := fontChar & (fontBold | fontItalic)
	if strings.Contains(f, "bold") || strings.Contains(f, "black") || strings.Contains(f, "heavy") {
		v |= fontBold
	}
	if strings.Contains(f, "italic") || strings.Contains(f, "oblique") {
		v |= fontItalic
	}
	for _, m := range []string{"courier", "mono", "consol", "menlo", "code"} {
		if strings.Contains(f, m) {
			v |= fontMono
			break
		}
	}
	return v
}

// faceCache holds font.Faces for one PNG render (faces are not safe for
// concurrent use).
type faceCache struct {
	fonts map[int]*opentype.Font
	faces map[faceKey]font.Face
}

type faceKey struct {
	variant int
	size    float64 // pixels, quantised
}

func newFaceCache() (*faceCache, error) {
	fonts, err := loadGoFonts()
	if err != nil {
		return nil, err
	}
	return &faceCache{fonts: fonts, faces: map[faceKey]font.Face{}}, nil
}

// face returns the face for a variant at px pixels (quantised to 1/8 px).
func (c *faceCache) face(variant int, px float64) (font.Face, error) {
	px = math.Max(1, math.Round(px*8)/8)
	k := faceKey{variant, px}
	if f, ok := c.faces[k]; ok {
		return f, nil
	}
	f, err := opentype.NewFace(c.fonts[variant], &opentype.FaceOptions{
		Size:    px,
		DPI:     72,
		Hinting: font.HintingNone,
	})
	if err != nil {
		return nil, err
	}
	c.faces[k] = f
	return f, nil
}

func (c *faceCache) close() {
	for _, f := range c.faces {
		f.Close()
	}
}

// measure returns the advance width of s in pixels.
func measure(f font.Face, s string) float64 {
	return float64(font.MeasureString(f, s)) / 64
}

// fallbackNames are installed fonts worth trying, in order, for characters
// the Go fonts lack. A file matches when its lower-cased name contains the
// text; collections (.ttc) use their first font.
var fallbackNames = []string{
	"notosanscjk-regular", "notosanscjksc-regular", "notosanscjkjp-regular", "sourcehansans-regular",
	"droidsansfallbackfull", "droidsansfallback", "wqy-zenhei", "wqy-microhei", "ipagp", "takaopgothic",
	"dejavusans.ttf", "notosans-regular", "notosanssymbols2-regular", "notosanssymbols-regular",
	"notoemoji-regular", "symbola", "arialuni", "msgothic", "msyh", "seguisym", "seguiemj",
}

// fontDirs are where operating systems keep fonts.
func fontDirs() []string {
	dirs := []string{"/usr/share/fonts", "/usr/local/share/fonts", "/Library/Fonts", "/System/Library/Fonts", `C:\Windows\Fonts`}
	if home, err := os.UserHomeDir(); err == nil {
		dirs = append(dirs, filepath.Join(home, ".fonts"), filepath.Join(home, ".local", "share", "fonts"), filepath.Join(home, "Library", "Fonts"))
	}
	return dirs
}

var (
	fallbackOnce sync.Once
	fallbacks    []*opentype.Font
)

// fallbackFonts loads, once per process, the installed fonts named in
// fallbackNames that can be parsed, in that order.
func fallbackFonts() []*opentype.Font {
	fallbackOnce.Do(func() {
		found := map[int]string{}
		for _, dir := range fontDirs() {
			filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
				if err != nil || d.IsDir() {
					return nil
				}
				name := strings.ToLower(d.Name())
				for i, want := range fallbackNames {
					if _, seen := found[i]; !seen && strings.Contains(name, want) {
						found[i] = p
					}
				}
				return nil
			})
		}
		for i := range fallbackNames {
			p, ok := found[i]
			if !ok {
				continue
			}
			data, err := os.ReadFile(p)
			if err != nil || len(data) > 64<<20 {
				continue
			}
			if f, err := opentype.Parse(data); err == nil {
				fallbacks = append(fallbacks, f)
				continue
			}
			if c, err := opentype.ParseCollection(data); err == nil && c.NumFonts() > 0 {
				if f, err := c.Font(0); err == nil {
					fallbacks = append(fallbacks, f)
				}
			}
		}
	})
	return fallbacks
}

// fallback returns a face at px pixels from the first installed fallback
// font that has r.
func (c *faceCache) fallback(r rune, px float64) (font.Face, bool) {
	var buf sfnt.Buffer
	for i, f := range fallbackFonts() {
		if gi, err := f.GlyphIndex(&buf, r); err != nil || gi == 0 {
			continue
		}
		px = math.Max(1, math.Round(px*8)/8)
		k := faceKey{variant: 1000 + i, size: px}
		if face, ok := c.faces[k]; ok {
			return face, true
		}
		face, err := opentype.NewFace(f, &opentype.FaceOptions{Size: px, DPI: 72, Hinting: font.HintingNone})
		if err != nil {
			return nil, false
		}
		c.faces[k] = face
		return face, true
	}
	return nil, false
}
