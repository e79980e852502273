package shareimg

import "testing"

// BenchmarkRender measures one share image, drawn and encoded.
func BenchmarkRender(b *testing.B) {
	for b.Loop() {
		Render("Tact", "Networking sin incomodidad: qué hacer, por qué y las palabras exactas")
	}
}
