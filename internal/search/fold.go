package search

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// MinStem is the fewest letters a stem keeps: a suffix is removed only when
// at least this many remain.
const MinStem = 4

// special folds the letters that decomposition leaves whole; the script
// holds the same table.
var special = strings.NewReplacer("ß", "ss", "æ", "ae", "œ", "oe", "ø", "o", "ł", "l", "đ", "d", "ð", "d", "þ", "th", "ı", "i")

// Fold returns s in lower case without accents: "Café" → "cafe". It drops
// only the combining diacritical marks (U+0300–U+036F) after canonical
// decomposition, which is what the script's
// s.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "") does.
func Fold(s string) string {
	s = norm.NFD.String(strings.ToLower(s))
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if r >= 0x300 && r <= 0x36f {
			continue
		}
		b.WriteRune(r)
	}
	return special.Replace(b.String())
}

// Words returns the words of folded text: runs of letters and digits.
func Words(folded string) []string {
	return strings.FieldsFunc(folded, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) })
}

// Rules are one language's stemming rules.
type Rules struct {
	Suffixes []string // longest first: the first that fits is removed
	Stop     []string // words neither indexed nor searched for (folded)
	Undouble bool     // after a suffix is removed, a doubled final consonant is halved (Dutch gesprekk(en) → gesprek)
	Compound bool     // index a compound word by its last part too
	stop     map[string]bool
}

// rules are the languages' rules; a language not listed is only folded.
var rules = map[string]*Rules{
	"es": {
		Suffixes: []string{"amientos", "imientos", "aciones", "iciones", "amiento", "imiento", "adoras", "adores", "ciones", "acion", "icion", "adora", "ador", "ando", "iendo", "ados", "adas", "idos", "idas", "cion", "ado", "ada", "ido", "ida", "ar", "er", "ir", "es", "as", "os", "a", "o", "e", "s"},
		Stop:     []string{"a", "al", "como", "con", "de", "del", "el", "en", "es", "la", "las", "lo", "los", "mas", "me", "mi", "no", "o", "para", "pero", "por", "que", "se", "si", "su", "te", "tu", "un", "una", "y", "ya"},
	},
	"it": {
		Suffixes: []string{"azioni", "azione", "amenti", "amento", "imenti", "imento", "atrice", "atori", "atore", "ando", "endo", "are", "ere", "ire", "ato", "ata", "ati", "ate", "ito", "ita", "iti", "ite", "i", "e", "o", "a"},
		Stop:     []string{"a", "al", "che", "con", "da", "dal", "del", "della", "di", "e", "ha", "i", "il", "in", "la", "le", "lo", "ma", "mi", "non", "o", "per", "se", "si", "su", "ti", "tu", "un", "una", "uno"},
	},
	"nl": {
		Suffixes: []string{"heden", "heid", "ingen", "ing", "tjes", "tje", "jes", "je", "ens", "en", "es", "s", "e"},
		Stop:     []string{"aan", "als", "dat", "de", "die", "dit", "een", "en", "het", "in", "is", "je", "jij", "maar", "met", "niet", "of", "om", "op", "te", "u", "uw", "van", "voor", "wat", "ze", "zo"},
		Undouble: true,
		Compound: true,
	},
	"en": {
		Suffixes: []string{"ations", "ation", "tions", "tion", "ments", "ment", "ings", "ing", "ies", "ers", "er", "ed", "es", "e", "s", "y"},
		Stop:     []string{"a", "an", "and", "are", "as", "at", "be", "but", "by", "do", "for", "how", "i", "if", "in", "is", "it", "me", "my", "of", "on", "or", "our", "so", "that", "the", "their", "them", "they", "this", "to", "was", "we", "what", "when", "with", "you", "your"},
	},
}

func init() {
	for _, r := range rules {
		r.stop = map[string]bool{}
		for _, w := range r.Stop {
			r.stop[w] = true
		}
	}
}

// RulesFor returns the rules of language lang (folding only when it has
// none).
func RulesFor(lang string) *Rules {
	if r := rules[lang]; r != nil {
		return r
	}
	return &Rules{stop: map[string]bool{}}
}

// Stop reports whether the folded word w is a stop word.
func (r *Rules) IsStop(w string) bool { return r.stop[w] }

// Stem returns the stem of the folded word w.
func (r *Rules) Stem(w string) string {
	n := utf8.RuneCountInString(w)
	for _, suf := range r.Suffixes {
		if strings.HasSuffix(w, suf) && n-utf8.RuneCountInString(suf) >= MinStem {
			w = w[:len(w)-len(suf)]
			if r.Undouble {
				w = undouble(w)
			}
			break
		}
	}
	return w
}

// undouble halves a doubled final consonant: gesprekk → gesprek.
func undouble(w string) string {
	k := len(w)
	if k >= 2 && w[k-1] == w[k-2] && strings.IndexByte("bdfgklmnprst", w[k-1]) >= 0 {
		return w[:k-1]
	}
	return w
}

// Terms returns the stems of text in language rules r, stop words left
// out, in order (with repeats).
func (r *Rules) Terms(text string) []string {
	words := Words(Fold(text))
	out := words[:0]
	for _, w := range words {
		if r.stop[w] {
			continue
		}
		out = append(out, r.Stem(w))
	}
	return out
}
