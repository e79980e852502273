package markdown

import "testing"

func TestSmartQuotes(t *testing.T) {
	es := [4]string{"«", "»", "“", "”"}
	en := [4]string{"“", "”", "‘", "’"}
	tests := []struct {
		in     string
		quotes [4]string
		want   string
	}{
		{"Fare rete senza rovinare l'amicizia", es, "Fare rete senza rovinare l’amicizia"},
		{"You're swamped", en, "You’re swamped"},
		{`Say "no, thanks" kindly`, en, "Say “no, thanks” kindly"},
		{`Decir "no, gracias"`, es, "Decir «no, gracias»"},
		{`"Quoted" at the start.`, en, "“Quoted” at the start."},
		{"No quotes at all", en, "No quotes at all"},
	}
	for _, tt := range tests {
		if got := SmartQuotes(tt.in, tt.quotes); got != tt.want {
			t.Errorf("SmartQuotes(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
