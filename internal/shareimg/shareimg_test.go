package shareimg

import (
	"bytes"
	"image"
	"image/png"
	"testing"
)

// render renders the image of name and tagline and decodes it.
func render(t *testing.T, name, tagline string) ([]byte, image.Image) {
	t.Helper()
	b, err := Render(name, tagline)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("not a PNG: %v", err)
	}
	return b, img
}

func TestRenderIsAValidDeterministicPNG(t *testing.T) {
	a, img := render(t, "Tact", "Networking sin incomodidad: qué hacer, por qué y las palabras exactas para enviarlo")
	if b := img.Bounds(); b.Dx() != Width || b.Dy() != Height {
		t.Errorf("size %dx%d, want %dx%d", b.Dx(), b.Dy(), Width, Height)
	}
	b, _ := Render("Tact", "Networking sin incomodidad: qué hacer, por qué y las palabras exactas para enviarlo")
	if !bytes.Equal(a, b) {
		t.Error("two renders of the same text differ")
	}
	c, _ := Render("Tact", "Another tagline")
	if bytes.Equal(a, c) {
		t.Error("the tagline does not change the image")
	}
}

// TestRenderDrawsNameAndTagline checks where the colours are: the name in
// the accent colour above the tagline in ink, both anti-aliased (several
// shades each), on the background.
func TestRenderDrawsNameAndTagline(t *testing.T) {
	_, img := render(t, "Tact", "Networking without the awkwardness")
	p, ok := img.(*image.Paletted)
	if !ok {
		t.Fatalf("decoded as %T, want a paletted image", img)
	}
	const split = 240 // between the name's baseline (210) and the tagline's first line's top
	accent, ink := map[uint8]int{}, map[uint8]int{}
	var accentBelow, inkAbove int
	for y := range Height {
		for x := 24; x < Width; x++ { // (right of the accent bar)
			switch i := p.ColorIndexAt(x, y); {
			case i >= 1 && i <= shades:
				accent[i]++
				if y > split {
					accentBelow++
				}
			case i > shades && i <= 2*shades:
				ink[i]++
				if y < split {
					inkAbove++
				}
			}
		}
	}
	if len(accent) < shades/2 || len(ink) < shades/2 {
		t.Errorf("the name has %d shades of the accent colour and the tagline %d of ink; want at least %d each (anti-aliased text)", len(accent), len(ink), shades/2)
	}
	if accent[shades] == 0 || ink[2*shades] == 0 {
		t.Error("no fully covered pixel in the name or the tagline")
	}
	if accentBelow > 0 || inkAbove > 0 {
		t.Errorf("%d accent pixels below the name, %d ink pixels above the tagline", accentBelow, inkAbove)
	}
}

// TestDrawerDrawsEachImageAfresh: a Drawer reuses its canvas, so nothing of
// an image may show in the next (a long tagline's lines under a short one).
func TestDrawerDrawsEachImageAfresh(t *testing.T) {
	var d Drawer
	long := "Networking sin incomodidad: qué hacer, por qué y las palabras exactas para enviarlo"
	if _, err := d.Render("Tact", long); err != nil {
		t.Fatal(err)
	}
	for _, tagline := range []string{"Another tagline", long} {
		got, err := d.Render("Tact", tagline)
		if err != nil {
			t.Fatal(err)
		}
		want, _ := render(t, "Tact", tagline)
		if !bytes.Equal(got, want) {
			t.Errorf("a Drawer's image of %q differs from one drawn alone", tagline)
		}
	}
}
