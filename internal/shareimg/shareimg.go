// Package shareimg draws the link-preview image of a language: a 1200×630 PNG
// with the site's name and the language's tagline, made with Go's image
// packages and the Go fonts, so the build needs no external tool.
package shareimg

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"strings"
	"sync"

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
	background = color.RGBA{0xfd, 0xfc, 0xf8, 0xff}
	ink        = color.RGBA{0x1f, 0x23, 0x28, 0xff}
	accent     = color.RGBA{0x0b, 0x5c, 0xad, 0xff}
)

var fonts = sync.OnceValues(func() (*opentype.Font, error) {
	return opentype.Parse(gobold.TTF)
})

var bodyFont = sync.OnceValues(func() (*opentype.Font, error) {
	return opentype.Parse(goregular.TTF)
})

// Render returns the PNG for a site name and a tagline.
func Render(name, tagline string) ([]byte, error) {
	bold, err := fonts()
	if err != nil {
		return nil, fmt.Errorf("share image: %w", err)
	}
	regular, err := bodyFont()
	if err != nil {
		return nil, fmt.Errorf("share image: %w", err)
	}
	img := image.NewRGBA(image.Rect(0, 0, Width, Height))
	draw.Draw(img, img.Bounds(), image.NewUniform(background), image.Point{}, draw.Src)
	draw.Draw(img, image.Rect(0, 0, 24, Height), image.NewUniform(accent), image.Point{}, draw.Src)

	title, err := opentype.NewFace(bold, &opentype.FaceOptions{Size: 120, DPI: 72, Hinting: font.HintingFull})
	if err != nil {
		return nil, fmt.Errorf("share image: %w", err)
	}
	defer title.Close()
	text, err := opentype.NewFace(regular, &opentype.FaceOptions{Size: 54, DPI: 72, Hinting: font.HintingFull})
	if err != nil {
		return nil, fmt.Errorf("share image: %w", err)
	}
	defer text.Close()

	d := &font.Drawer{Dst: img, Src: image.NewUniform(accent), Face: title, Dot: fixed.P(96, 210)}
	d.DrawString(name)
	d.Src, d.Face = image.NewUniform(ink), text
	y := 320
	for _, line := range wrap(text, tagline, Width-96*2, 4) {
		d.Dot = fixed.P(96, y)
		d.DrawString(line)
		y += 72
	}
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	if err := enc.Encode(&buf, img); err != nil {
		return nil, fmt.Errorf("share image: %w", err)
	}
	return buf.Bytes(), nil
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
