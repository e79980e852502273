package slug

import (
	"regexp"
	"testing"
)

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
		{"You’re swamped", "youre-swamped"},
		{"Don't cross the line", "dont-cross-the-line"},
		{"Why can’t you do more?", "why-cant-you-do-more"},
		{"the new contact’s name", "the-new-contacts-name"},
		{"dell’ultimo anno", "dell-ultimo-anno"},
		{"po’ di tempo", "po-di-tempo"},
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
		"a-b-c9": true, "-": false, "a b": false, "9": true,
	} {
		if got := Valid(s); got != want {
			t.Errorf("Valid(%q) = %v, want %v", s, got, want)
		}
	}
}

// Valid is the regular expression ^[a-z0-9]+(-[a-z0-9]+)*$ written out (a
// package-level regexp is compiled at every start of the build): both must
// agree on every string of up to five characters from a telling alphabet.
func TestValidIsTheSlugPattern(t *testing.T) {
	pattern := regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	alphabet := []string{"a", "z", "0", "9", "-", "A", " ", ".", "é"}
	var walk func(s string, depth int)
	walk = func(s string, depth int) {
		if got, want := Valid(s), pattern.MatchString(s); got != want {
			t.Errorf("Valid(%q) = %v, the pattern says %v", s, got, want)
		}
		if depth == 5 {
			return
		}
		for _, c := range alphabet {
			walk(s+c, depth+1)
		}
	}
	walk("", 0)
}
