package corpus

import (
	"fmt"
	"strings"
	"time"

	"github.com/tact-guide/tact/internal/slug"
)

// Size bounds of an article file, front matter included. Each article aims
// at a size drawn in [minTarget, maxTarget]; the last block added may
// overshoot it by at most one filler block (under 500 bytes).
const (
	MinSize   = 4 << 10
	MaxSize   = 6 << 10
	minTarget = 4400
	maxTarget = 5600

	maxReplies = 7 // per article
)

// plan is what every language shares: the structure of each article.
type plan struct {
	n      int
	arts   []*skeleton
	titles [][]string // [language][article]
	slugs  [][]string // [language][article]
}

// skeleton is the language-independent shape of one article: everything the
// builder compares between translations, and the indices that make titles
// and headings translations of each other.
type skeleton struct {
	i                            int
	key                          string
	person, action, object, when int
	advice, reason               int
	date                         time.Time
	tags                         []int
	related                      []int // article indices
	scenarios                    []scenarioSkeleton
	closing                      bool
	target                       int // aimed size in bytes
}

type scenarioSkeleton struct {
	id, verdict                  int
	person, action, object, when int
	advice, reason               int
	replies                      []replySkeleton
}

type replySkeleton struct {
	id       string
	ord      int   // the reply's number in its article, from 1
	title    int   // 0 or 1: vocab.replyTitles[verdict][title]
	holders  []int // distinct placeholder indices; holders[0] is a name
	subject  int   // 0 none, 1 with a placeholder, 2 without
	subjHold int   // index into holders for subject 1
	subjText int   // which subject template
}

var epoch = time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)

// newPlan draws the skeletons of n articles and their titles and slugs in
// every language.
func newPlan(n int) *plan {
	p := &plan{n: n, arts: make([]*skeleton, n)}
	for i := range n {
		r := newRNG(n, i, 0)
		s := &skeleton{
			i:      i,
			person: r.intn(10), action: r.intn(8), object: r.intn(10), when: r.intn(8),
			advice: r.intn(10), reason: r.intn(10),
			date:    epoch.AddDate(0, 0, r.intn(2400)),
			tags:    r.distinct(r.between(1, 3), 0, 10),
			closing: r.intn(3) != 0,
			target:  r.between(minTarget, maxTarget),
		}
		if n > 1 {
			for _, j := range r.distinct(r.between(1, 3), 0, n-1) {
				if j >= i {
					j++ // skip the article itself
				}
				s.related = append(s.related, j)
			}
		}
		ids := r.distinct(r.between(3, 5), 0, len(scenarioIDs))
		total := 0
		for k, id := range ids {
			sc := scenarioSkeleton{
				id: id, verdict: r.intn(len(verdicts)),
				person: r.intn(10), action: r.intn(8), object: r.intn(10), when: r.intn(8),
				advice: r.intn(10), reason: r.intn(10),
			}
			// 1–2 replies per scenario, at most maxReplies per article: long
			// reply blocks would push the article past MaxSize.
			count := r.between(1, 2)
			if total+count > maxReplies-(len(ids)-k-1) {
				count = 1
			}
			total += count
			for j := range count {
				rs := replySkeleton{
					id:       fmt.Sprintf("%s-%d-%d", scenarioIDs[id], i, k*2+j+1),
					ord:      k*2 + j + 1,
					title:    r.intn(2),
					holders:  append([]int{r.intn(nameHolders)}, r.distinct(r.between(0, 2), nameHolders, 10)...),
					subjText: r.intn(3),
				}
				switch v := r.intn(10); {
				case v < 2:
					rs.subject = 0
				case v < 4:
					rs.subject = 2
				default:
					rs.subject = 1
					rs.subjHold = r.intn(len(rs.holders))
				}
				sc.replies = append(sc.replies, rs)
			}
			s.scenarios = append(s.scenarios, sc)
		}
		s.key = scenarioIDs[ids[0]] + "-" + itoa(i)
		p.arts[i] = s
	}
	for _, v := range vocabs {
		titles, slugs := make([]string, n), make([]string, n)
		for i, s := range p.arts {
			titles[i] = capitalize(fmt.Sprintf(v.titleFmt, v.persons[s.person], v.actions[s.action], v.objects[s.object]))
			slugs[i] = articleSlug(titles[i], i)
		}
		p.titles = append(p.titles, titles)
		p.slugs = append(p.slugs, slugs)
	}
	return p
}

// text is one article in one language.
type text struct {
	title, key, slug, summary string
	date                      time.Time
	tags, related             []string // tag words; related keys
	body                      string   // Markdown after the front matter
	replies                   []replyText
}

// replyText is one reply template of an article in one language, with what
// Tact's page for it shows besides the message: its scenario's heading,
// situation and why, and a link back to the scenario. The Hugo site with
// reply pages (HugoOptions.Replies) writes one content file from each.
type replyText struct {
	id, title, slug, subject, message string
	scenario, anchor, situation, why  string
}

// text writes article s in language li. The prose is drawn from a stream
// of its own, so languages differ in wording but not in structure.
func (p *plan) text(li int, s *skeleton) *text {
	v := vocabs[li]
	r := newRNG(p.n, s.i, li+1)
	t := &text{title: p.titles[li][s.i], key: s.key, slug: p.slugs[li][s.i], date: s.date}
	t.summary = capitalize(v.persons[s.person]+" "+v.actions[s.action]+" "+v.objects[s.object]) + ". " +
		fmt.Sprintf(v.whyFmt, v.advice[s.advice], v.reasons[s.reason])
	for _, k := range s.tags {
		t.tags = append(t.tags, v.tags[k])
	}
	for _, j := range s.related {
		t.related = append(t.related, p.arts[j].key)
	}
	g := &gen{p: p, v: v, li: li, s: s, r: r}

	// The mandatory blocks first; then filler until the aimed size.
	g.intro = []string{
		g.situation(s.person, s.action, s.object, s.when) + " " + g.sentences(r.between(1, 2)),
		g.linkParagraph() + " " + g.sentences(1),
	}
	for k, sc := range s.scenarios {
		d := &scenarioText{
			head: fmt.Sprintf("## %s {#%s verdict=%s}", v.headings[sc.id], scenarioIDs[sc.id], verdicts[sc.verdict]),
			pre: []string{
				g.situation(sc.person, sc.action, sc.object, sc.when),
				fmt.Sprintf(v.whyFmt, v.advice[sc.advice], v.reasons[sc.reason]),
			},
		}
		if k == 0 {
			d.pre = append(d.pre, g.list())
		}
		for j, rs := range sc.replies {
			if j > 0 {
				d.replies = append(d.replies, g.sentences(1))
			}
			block, rt := g.reply(sc, rs, d)
			d.replies = append(d.replies, block)
			t.replies = append(t.replies, rt)
		}
		g.scenarios = append(g.scenarios, d)
	}
	if s.closing {
		g.closing = []string{"## " + v.closingHead, strings.Join(v.closing[:r.between(2, 3)], " ")}
	}
	size := len(tactFrontMatter(t)) + g.size()
	for k := 0; size < s.target; k++ {
		d := g.scenarios[k%len(g.scenarios)]
		b := g.filler()
		d.pre = append(d.pre, b)
		size += len(b) + 2
	}
	t.body = g.join()
	return t
}

// gen holds what writing one article in one language needs.
type gen struct {
	p         *plan
	v         *vocab
	li        int
	s         *skeleton
	r         *rng
	intro     []string
	scenarios []*scenarioText
	closing   []string
	subheads  int
}

type scenarioText struct {
	head    string
	pre     []string // situation, why, then prose
	replies []string // reply blocks, with prose between them
}

func (g *gen) blocks() []string {
	bs := append([]string(nil), g.intro...)
	for _, d := range g.scenarios {
		bs = append(bs, d.head)
		bs = append(bs, d.pre...)
		bs = append(bs, d.replies...)
	}
	return append(bs, g.closing...)
}

func (g *gen) size() int {
	n := 0
	for _, b := range g.blocks() {
		n += len(b) + 2
	}
	return n
}

func (g *gen) join() string { return strings.Join(g.blocks(), "\n\n") + "\n" }

func (g *gen) situation(person, action, object, when int) string {
	v := g.v
	return capitalize(fmt.Sprintf(v.situationFmt, v.persons[person], v.actions[action], v.objects[object], v.times[when]))
}

// sentences returns k distinct free sentences.
func (g *gen) sentences(k int) string {
	idx := g.r.distinct(k, 0, len(g.v.sentences))
	out := make([]string, len(idx))
	for i, j := range idx {
		out[i] = g.v.sentences[j]
	}
	return strings.Join(out, " ")
}

// link returns a Markdown link to another article in the same language,
// sometimes to one of its scenarios; "" when the corpus has one article.
func (g *gen) link() string {
	if g.p.n < 2 {
		return ""
	}
	var j int
	if len(g.s.related) > 0 && g.r.intn(2) == 0 {
		j = pick(g.r, g.s.related)
	} else if j = g.r.intn(g.p.n - 1); j >= g.s.i {
		j++
	}
	url := "/" + g.v.code + "/" + g.p.slugs[g.li][j] + "/"
	if g.r.intn(2) == 0 {
		sc := pick(g.r, g.p.arts[j].scenarios)
		return "[" + g.v.headings[sc.id] + "](" + url + "#" + scenarioIDs[sc.id] + ")"
	}
	return "[" + g.p.titles[g.li][j] + "](" + url + ")"
}

func (g *gen) linkParagraph() string {
	if l := g.link(); l != "" {
		return fmt.Sprintf(pick(g.r, g.v.linkFmts), l)
	}
	return g.sentences(1)
}

func (g *gen) list() string {
	items := g.r.distinct(g.r.between(3, 4), 0, len(g.v.listItems))
	var b strings.Builder
	b.WriteString(pick(g.r, g.v.listIntros))
	b.WriteString("\n\n")
	ordered := g.r.intn(3) == 0
	for k, i := range items {
		if ordered {
			fmt.Fprintf(&b, "%d. ", k+1)
		} else {
			b.WriteString("- ")
		}
		b.WriteString(g.v.listItems[i])
		if k+1 < len(items) {
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// filler returns one more block of prose.
func (g *gen) filler() string {
	switch k := g.r.intn(10); {
	case k < 3:
		return g.sentences(g.r.between(2, 4))
	case k < 5:
		return g.linkParagraph() + " " + g.sentences(g.r.between(1, 2))
	case k < 7:
		return g.list()
	case k < 8 && g.subheads < 2:
		g.subheads++
		return "### " + pick(g.r, g.v.subheads) + "\n\n" + g.sentences(2)
	default:
		return g.sentences(1) + " " + fmt.Sprintf(g.v.quoteFmt, pick(g.r, g.v.quotes))
	}
}

// reply writes a reply template block of scenario d. Its id, its verdict's
// title and its distinct placeholders come from the skeleton; its sentences
// are drawn. It also returns the reply's parts, for a Hugo reply page.
func (g *gen) reply(sc scenarioSkeleton, rs replySkeleton, d *scenarioText) (string, replyText) {
	v := g.v
	rt := replyText{
		id: rs.id, title: v.replyTitles[sc.verdict][rs.title],
		scenario: v.headings[sc.id], anchor: scenarioIDs[sc.id], situation: d.pre[0], why: d.pre[1],
	}
	rt.slug = slug.Make(rt.title) + "-" + itoa(g.s.i) + "-" + itoa(rs.ord)
	var b strings.Builder
	fmt.Fprintf(&b, "```reply id=%s title=%s slug=%s", rs.id, attr(rt.title), rt.slug)
	switch rs.subject {
	case 1:
		rt.subject = fmt.Sprintf(v.subjectsWith[rs.subjText], v.placeholders[rs.holders[rs.subjHold]])
	case 2:
		rt.subject = v.subjectsBare[rs.subjText%len(v.subjectsBare)]
	}
	if rt.subject != "" {
		fmt.Fprintf(&b, " subject=%s", attr(rt.subject))
	}
	b.WriteByte('\n')
	start := b.Len()
	fmt.Fprintf(&b, pick(g.r, v.greetings)+"\n\n", v.placeholders[rs.holders[0]])
	// One paragraph per further placeholder, each with a plain sentence;
	// sometimes the greeting's name comes back (a placeholder used twice).
	var paras []string
	for _, h := range rs.holders[1:] {
		paras = append(paras, fmt.Sprintf(pick(g.r, v.replyWith), v.placeholders[h]))
	}
	if len(paras) == 0 || g.r.intn(3) == 0 {
		paras = append(paras, pick(g.r, v.replyBare)+" "+fmt.Sprintf(pick(g.r, v.replyWith), v.placeholders[rs.holders[0]]))
	} else {
		paras[len(paras)-1] += " " + pick(g.r, v.replyBare)
	}
	b.WriteString(strings.Join(paras, "\n\n"))
	b.WriteString("\n\n")
	b.WriteString(pick(g.r, v.signoffs))
	rt.message = b.String()[start:]
	b.WriteString("\n```")
	return b.String(), rt
}

// attr quotes a reply attribute value: \" and \\ escape inside quotes.
func attr(s string) string {
	s = strings.ReplaceAll(s, `\`, `\\`)
	return `"` + strings.ReplaceAll(s, `"`, `\"`) + `"`
}
