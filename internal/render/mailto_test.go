package render

import "testing"

func TestMailto(t *testing.T) {
	tests := []struct{ name, subject, body, want string }{
		{"plain", "Hello", "Hi there", "mailto:?subject=Hello&body=Hi%20there"},
		{"accents", "Presentación", "¿Qué tal, Zoë?", "mailto:?subject=Presentaci%C3%B3n&body=%C2%BFQu%C3%A9%20tal%2C%20Zo%C3%AB%3F"},
		{"line breaks become CRLF", "", "Hi,\n\nThanks", "mailto:?body=Hi%2C%0D%0A%0D%0AThanks"},
		{"CRLF kept single", "", "a\r\nb", "mailto:?body=a%0D%0Ab"},
		{"reserved characters", "Q&A? #1", "a&b=c?d#e+f", "mailto:?subject=Q%26A%3F%20%231&body=a%26b%3Dc%3Fd%23e%2Bf"},
		{"kept like encodeURIComponent", "it's (ok)!*", "", "mailto:?subject=it's%20(ok)!*"},
		{"placeholders", "", "((name))", "mailto:?body=((name))"},
		{"empty", "", "", "mailto:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Mailto(tt.subject, tt.body); got != tt.want {
				t.Errorf("Mailto(%q, %q)\nhave %s\nwant %s", tt.subject, tt.body, got, tt.want)
			}
		})
	}
}
