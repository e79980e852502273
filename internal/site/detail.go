package site

import (
	"encoding/binary"
	"errors"
	"html/template"
	"slices"
	"strings"
	"sync"
	"unsafe"

	"tact/internal/markdown/reply"
)

// An article's detail is what only its own pages show: the rendered body,
// each scenario's situation and why (HTML and plain text), each reply's
// subject and message. The rest of the model (titles, ids, addresses,
// dates, placeholders) is what linking, checking and the other pages need.
// A one-shot build stores the detail in a spillFile as soon as the article
// is parsed (spill) and renders the article's pages from a copy of the
// article with its detail read back (withDetail).

// spill stores a's detail, body being its minified rendered body, in f
// and drops it from a.
func (a *Article) spill(f *spillFile, body []byte) error {
	bp := detailBufs.Get().(*[]byte)
	*bp = encodeDetail((*bp)[:0], a, body)
	ref, err := f.put(*bp)
	detailBufs.Put(bp)
	if err != nil {
		return err
	}
	a.body, a.spilled, a.spillRef = "", f, ref
	for _, sc := range a.Scenarios {
		sc.ScenarioText = nil
		for _, r := range sc.Replies {
			r.Message = nil
			// The strings kept are parts of longer ones (the fence's info
			// line): copies let those go.
			r.ID, r.Title, r.Slug = strings.Clone(r.ID), strings.Clone(r.Title), strings.Clone(r.Slug)
		}
	}
	return nil
}

// withDetail returns a with its detail: a itself when it holds it, else a
// copy of a, its scenarios and replies, with the detail read back. The
// copy is the caller's; a is left as it is, so other pages being rendered
// at the same time may go on reading it.
func (a *Article) withDetail() (*Article, error) {
	if a.spilled == nil {
		return a, nil
	}
	data, err := a.spilled.get(a.spillRef)
	if err != nil {
		return nil, err
	}
	c := *a
	c.spilled = nil
	c.Scenarios = make([]*Scenario, len(a.Scenarios))
	for i, sc := range a.Scenarios {
		csc := *sc
		csc.Article = &c
		csc.Replies = make([]*Reply, len(sc.Replies))
		for j, r := range sc.Replies {
			cr := *r
			cr.Scenario = &csc
			csc.Replies[j] = &cr
		}
		c.Scenarios[i] = &csc
	}
	if err := decodeDetail(&c, data); err != nil {
		return nil, err
	}
	return &c, nil
}

// restoreDetail reads a's detail back into a itself, for good: for the
// articles that quiz pages quote. It must not run while pages are rendered.
func (a *Article) restoreDetail() error {
	if a.spilled == nil {
		return nil
	}
	data, err := a.spilled.get(a.spillRef)
	if err != nil {
		return err
	}
	a.spilled = nil
	return decodeDetail(a, data)
}

// Body returns the article's rendered Markdown.
func (a *Article) Body() (template.HTML, error) {
	if a.spilled == nil {
		return a.body, nil
	}
	c, err := a.withDetail()
	if err != nil {
		return "", err
	}
	return c.body, nil
}

// detailBufs holds the buffers details are encoded into before they are
// written to the spill file.
var detailBufs = sync.Pool{New: func() any { return new([]byte) }}

// encodeDetail appends the detail to b as a sequence of length-prefixed
// strings: the body, then per scenario its four texts, then per reply its
// subject and message segments (a count, then a flag and a text each).
func encodeDetail(b []byte, a *Article, body []byte) []byte {
	n := len(body) + 8
	for _, sc := range a.Scenarios {
		n += len(sc.Situation) + len(sc.Why) + len(sc.SituationText) + len(sc.WhyText) + 16
		for _, r := range sc.Replies {
			for _, s := range [2][]reply.Segment{r.Subject, r.Body} {
				n += 4
				for _, seg := range s {
					n += len(seg.Text) + 4
				}
			}
		}
	}
	b = slices.Grow(b, n)
	str := func(s string) {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	b = binary.AppendUvarint(b, uint64(len(body)))
	b = append(b, body...)
	for _, sc := range a.Scenarios {
		str(string(sc.Situation))
		str(string(sc.Why))
		str(sc.SituationText)
		str(sc.WhyText)
		for _, r := range sc.Replies {
			for _, segs := range [2][]reply.Segment{r.Subject, r.Body} {
				b = binary.AppendUvarint(b, uint64(len(segs)))
				for _, seg := range segs {
					if seg.Placeholder {
						b = append(b, 1)
					} else {
						b = append(b, 0)
					}
					str(seg.Text)
				}
			}
		}
	}
	return b
}

var errBadDetail = errors.New("read back article detail: the stored record is damaged")

// decodeDetail sets a's detail from data, which encodeDetail made from an
// article with the same scenarios and replies, and which is a's from now
// on: every text is a part of one string that shares data's memory (no
// copy; nothing writes to data again). The scenarios' texts and the
// replies' messages are new: a copy made by withDetail shares none with a.
func decodeDetail(a *Article, data []byte) error {
	all := unsafe.String(unsafe.SliceData(data), len(data))
	pos := 0
	bad := false
	num := func() int {
		v, n := binary.Uvarint(data[pos:])
		if n <= 0 || v > uint64(len(data)-pos-n) {
			bad = true
			return 0
		}
		pos += n
		return int(v)
	}
	str := func() string {
		n := num()
		if bad || n > len(all)-pos {
			bad = true
			return ""
		}
		s := all[pos : pos+n]
		pos += n
		return s
	}
	segments := func() []reply.Segment {
		n := num()
		if n == 0 || bad {
			return nil
		}
		segs := make([]reply.Segment, n)
		for i := range segs {
			if pos >= len(data) {
				bad = true
				return nil
			}
			segs[i].Placeholder = data[pos] == 1
			pos++
			segs[i].Text = str()
		}
		return segs
	}
	a.body = template.HTML(str())
	for _, sc := range a.Scenarios {
		sc.ScenarioText = &ScenarioText{Situation: template.HTML(str()), Why: template.HTML(str())}
		sc.SituationText, sc.WhyText = str(), str()
		for _, r := range sc.Replies {
			m := &Message{Subject: segments(), Body: segments()}
			m.Placeholders = reply.Names(m.Subject, m.Body)
			r.Message = m
		}
	}
	if bad || pos != len(data) {
		return errBadDetail
	}
	return nil
}

// restoreQuoted reads back the detail of the articles whose scenarios and
// replies quiz pages quote.
func (s *Site) restoreQuoted() error {
	for _, o := range s.Quiz.Outcomes {
		for _, lang := range s.Languages {
			if a := s.Article(o.Article, lang.Code); a != nil {
				if err := a.restoreDetail(); err != nil {
					return err
				}
			}
		}
	}
	return nil
}
