package slug

import "testing"

func TestMake(t *testing.T) {
	tests := []struct{ in, want string }{
		{"¿Cómo decir que no?", "como-decir-que-no"},
		{"Estás abrumado", "estas-abrumado"},
		{"Perché no?", "perche-no"},
		{"Één ding", "een-ding"},
		{"«Non attraversare la linea»", "non-attraversare-la-linea"},
		{"Straße & Œuvre", "strasse-oeuvre"},
		{"  --Already-a-slug--  ", "already-a-slug"},
		{"Who else do you know?", "who-else-do-you-know"},
		{"l’amico", "l-amico"},
		{"", ""},
		{"¡¿!", ""},
	}
	for _, tt := range tests {
		if got := Make(tt.in); got != tt.want {
			t.Errorf("Make(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestValid(t *testing.T) {
	for s, want := range map[string]bool{
		"como-decir": true, "a1": true, "": false, "-a": false, "a-": false,
		"a--b": false, "Aa": false, "a/b": false, "..": false, ".a": false, "é": false,
	} {
		if got := Valid(s); got != want {
			t.Errorf("Valid(%q) = %v, want %v", s, got, want)
		}
	}
}
