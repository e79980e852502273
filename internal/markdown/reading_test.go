package markdown

import (
	"strings"
	"testing"
)

// Words are separated by any Unicode space, as a reader sees them: a
// no-break space or a line break separates words, punctuation does not.
func TestReadingMinutesCountsWords(t *testing.T) {
	for _, c := range []struct {
		text  string
		words int
	}{
		{"", 0},
		{"uno", 1},
		{"  uno\tdos\n\ntres  ", 3},
		{"¿Qué\u00a0tal?\u2003bien", 3},
		{"l'ufficio, dell'azienda —", 3},
	} {
		body := strings.Repeat(c.text+" ", 200)
		if got, want := ReadingMinutes([]byte(body)), max(1, (200*c.words+100)/200); got != want {
			t.Errorf("200 × %q: %d minutes, want %d (%d words each)", c.text, got, want, c.words)
		}
	}
}
