package shareimg

import (
	"bytes"
	"image/png"
	"testing"
)

func TestRenderIsAValidDeterministicPNG(t *testing.T) {
	a, err := Render("Tact", "Networking sin incomodidad: qué hacer, por qué y las palabras exactas para enviarlo")
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(a))
	if err != nil {
		t.Fatalf("not a PNG: %v", err)
	}
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
