// Package shareimg draws the link-preview image of a language: a 1200×630 PNG
// with the site's name and the language's tagline, made with Go's image
// packages and the Go fonts, so the build needs no external tool.
package shareimg

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

// Width and Height are the image's size: the 1.91:1 ratio Open Graph and
// Twitter cards expect.
const (
	Width  = 1200
	Height = 630
)

var (
	background = color.RGBA{0xfb, 0xf8, 0xf3, 0xff} // the palette's paper, ink and plum (assets/style.css)
	ink        = color.RGBA{0x22, 0x1c, 0x24, 0xff}
	accent     = color.RGBA{0x5b, 0x2a, 0x6e, 0xff}
)

var fonts = sync.OnceValues(func() (*opentype.Font, error) {
	return opentype.Parse(gobold.TTF)
})

var bodyFont = sync.OnceValues(func() (*opentype.Font, error) {
	return opentype.Parse(goregular.TTF)
})

// version changes whenever Render draws differently, so that Key changes too.
const version = "4"

// Tagline returns a home page title as the image's tagline: without a
// leading "<name>:", with a capital first letter.
func Tagline(name, homeTitle string) string {
	t := strings.TrimSpace(strings.TrimPrefix(homeTitle, name+":"))
	if r, size := utf8.DecodeRuneInString(t); size > 0 {
		t = string(unicode.ToUpper(r)) + t[size:]
	}
	return t
}

// Key identifies the image of a name and tagline: the same key means the same
// PNG, so a build can reuse the image of the previous build instead of
// drawing it again.
func Key(name, tagline string) string {
	sum := sha256.Sum256([]byte(version + "\x00" + name + "\x00" + tagline))
	return hex.EncodeToString(sum[:5])
}

// shades is the number of anti-aliasing levels per text colour.
const shades = 16

// palette holds the background, then shades of the accent colour, then
// shades of the ink colour, each blended over the background. A paletted
// image encodes to PNG several times faster than an RGBA one, and the
// picture needs no other colours.
var palette = func() color.Palette {
	p := color.Palette{background}
	for _, c := range []color.RGBA{accent, ink} {
		for i := 1; i <= shades; i++ {
			p = append(p, blend(c, i))
		}
	}
	return p
}()

func blend(c color.RGBA, level int) color.RGBA {
	mix := func(fg, bg uint8) uint8 { return uint8((int(fg)*level + int(bg)*(shades-level)) / shades) }
	return color.RGBA{mix(c.R, background.R), mix(c.G, background.G), mix(c.B, background.B), 0xff}
}

// Render returns the PNG for a site name and a tagline.
func Render(name, tagline string) ([]byte, error) {
	return new(Drawer).Render(name, tagline)
}

// A Drawer draws images one after another with the same faces, canvas and
// encoder buffers: each image needs some 2 MB of them, and a build draws
// one per language. It is not safe for concurrent use.
type Drawer struct {
	faces *faceSet
	img   *image.Paletted
	enc   png.Encoder
	bufs  encoderBuffers
}

// encoderBuffers keeps the PNG encoder's buffers from one image to the next.
type encoderBuffers struct{ b *png.EncoderBuffer }

func (e *encoderBuffers) Get() *png.EncoderBuffer  { return e.b }
func (e *encoderBuffers) Put(b *png.EncoderBuffer) { e.b = b }

// Render returns the PNG for a site name and a tagline.
func (d *Drawer) Render(name, tagline string) ([]byte, error) {
	if d.faces == nil {
		faces, err := newFaces()
		if err != nil {
			return nil, fmt.Errorf("share image: %w", err)
		}
		d.faces = faces
		d.img = image.NewPaletted(image.Rect(0, 0, Width, Height), palette)
		d.enc = png.Encoder{CompressionLevel: png.BestSpeed, BufferPool: &d.bufs}
	} else {
		clear(d.img.Pix) // (the background is the palette's first colour)
	}
	img, title, text := d.img, d.faces.title, d.faces.text
	// The accent bar on the left: full-strength accent is index shades.
	for y := 0; y < Height; y++ {
		row := img.Pix[y*img.Stride:]
		for x := 0; x < 24; x++ {
			row[x] = shades
		}
	}
	drawText(img, title, name, fixed.P(96, 210), 1)
	y := 320
	for _, line := range wrap(text, tagline, Width-96*2, 4) {
		drawText(img, text, line, fixed.P(96, y), 1+shades)
		y += 72
	}
	var buf bytes.Buffer
	if err := d.enc.Encode(&buf, img); err != nil {
		return nil, fmt.Errorf("share image: %w", err)
	}
	return buf.Bytes(), nil
}

// drawText draws s in the colour whose palette entries start at first,
// the origin of its first glyph at dot. Each glyph's coverage of a pixel
// picks the pixel's shade; where glyphs overlap, their coverages combine as
// in the Porter-Duff "over" operator.
//
// (This is font.Drawer.DrawString without the image-sized alpha mask it
// would need: drawing into that mask, clearing it and mapping it to shades
// took more time than the rest of the image and as much memory.)
func drawText(img *image.Paletted, face font.Face, s string, dot fixed.Point26_6, first int) {
	prev := rune(-1)
	for _, r := range s {
		if prev >= 0 {
			dot.X += face.Kern(prev, r)
		}
		dr, mask, maskp, advance, ok := face.Glyph(dot, r)
		if ok {
			paintGlyph(img, dr, mask, maskp, first)
		}
		dot.X += advance
		prev = r
	}
}

// paintGlyph shades the pixels of img in dr that mask, from maskp, covers.
func paintGlyph(img *image.Paletted, dr image.Rectangle, mask image.Image, maskp image.Point, first int) {
	clip := dr.Intersect(img.Rect)
	maskp = maskp.Add(clip.Min.Sub(dr.Min))
	alpha, _ := mask.(*image.Alpha)
	for y := clip.Min.Y; y < clip.Max.Y; y++ {
		row := img.Pix[img.PixOffset(clip.Min.X, y):]
		my := maskp.Y + y - clip.Min.Y
		for x := range clip.Dx() {
			var a int
			if alpha != nil {
				a = int(alpha.Pix[alpha.PixOffset(maskp.X+x, my)])
			} else {
				_, _, _, a16 := mask.At(maskp.X+x, my).RGBA()
				a = int(a16 >> 8)
			}
			if a == 0 {
				continue
			}
			if old := int(row[x]) - first; old >= 0 && old < shades {
				covered := (old + 1) * 255 / shades // an earlier glyph's
				a += covered * (255 - a) / 255
			}
			if level := (a*shades + 127) / 255; level > 0 {
				row[x] = uint8(first + level - 1)
			}
		}
	}
}

// faceSet is the two faces Render draws with; a face is not safe for
// concurrent use.
type faceSet struct{ title, text font.Face }

func newFaces() (*faceSet, error) {
	bold, err := fonts()
	if err != nil {
		return nil, err
	}
	regular, err := bodyFont()
	if err != nil {
		return nil, err
	}
	title, err := opentype.NewFace(bold, &opentype.FaceOptions{Size: 120, DPI: 72, Hinting: font.HintingFull})
	if err != nil {
		return nil, err
	}
	text, err := opentype.NewFace(regular, &opentype.FaceOptions{Size: 54, DPI: 72, Hinting: font.HintingFull})
	if err != nil {
		return nil, err
	}
	return &faceSet{title: title, text: text}, nil
}

// wrap breaks s into at most max lines no wider than width pixels.
func wrap(face font.Face, s string, width, max int) []string {
	var lines []string
	var cur string
	for _, w := range strings.Fields(s) {
		try := strings.TrimSpace(cur + " " + w)
		if cur != "" && font.MeasureString(face, try).Round() > width {
			lines = append(lines, cur)
			cur = w
			continue
		}
		cur = try
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	if len(lines) > max {
		lines = lines[:max]
		lines[max-1] += "…"
	}
	return lines
}
