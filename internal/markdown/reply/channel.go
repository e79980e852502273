package reply

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// Channels maps each channel a reply may be written for to the most
// characters a message on it may have (0: no limit). A reply without a
// channel attribute is an email.
var Channels = map[string]int{
	"email":    0,
	"linkedin": 300, // a LinkedIn connection note
	"chat":     0,
}

// channelList returns the channel names for an error message, sorted.
func channelList() string {
	names := make([]string, 0, len(Channels))
	for c := range Channels {
		names = append(names, c)
	}
	slices.Sort(names)
	return strings.Join(names, ", ")
}

// Limit returns the most characters a message on the reply's channel may
// have, or 0 for none.
func (n *Reply) Limit() int { return Channels[n.Channel] }

// FixedLength returns the number of characters of the reply's body outside
// its placeholders: what the message is before anything is filled in.
func (n *Reply) FixedLength() int {
	k := 0
	for _, s := range n.Body {
		if !s.Placeholder {
			k += utf8.RuneCountInString(s.Text)
		}
	}
	return k
}
