package search

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/tact-guide/tact/internal/markdown/reply"
	"github.com/tact-guide/tact/internal/site"
)

// Kind is what a document is; results are grouped by it, in this order.
type Kind uint8

const (
	KindScenario Kind = iota
	KindReply
	KindArticle
)

// Doc is one thing a reader can find: a scenario, a reply or an article.
type Doc struct {
	Kind    Kind
	URL     string // the scenario's anchor, the reply's page, the article
	Title   string // shown; a match here ranks higher
	Context string // shown: the article of a scenario or reply
	Excerpt string // shown: the situation, the subject, the summary
	Text    string // searched, not shown: the why, the message
}

// Entry is what results show of a document.
type Entry struct {
	Kind                Kind
	URL, Title, Context string
	Excerpt             string // cut to excerptRunes letters
}

// Collector gathers one language's documents, from any number of
// goroutines, keeping what results show of each and, per distinct word,
// the documents holding it: not their text. A one-shot build adds each
// article's documents as the article renders, under ids fixed in advance.
type Collector struct {
	lang  string
	rules *Rules
	mu    sync.Mutex
	rows  []Entry
	words map[string]*wordDocs
	memo  *memo     // (a Cache's collectors) the last index, updated by Index
	arts  []*cached // (a Cache's collectors) the articles, in order
	vocab []string  // (a Cache's collectors) the language's words, by id
	same  bool      // the documents are those of memo's index, not yet gathered (fill)
	delta *delta    // (a Cache's collectors) memo's index needs only these edits
	count []int32   // (a Cache's collectors) by word id: the documents holding it
}

// wordDocs are the documents holding a word, and those with it in their
// title, in the order added: each list a run of varints, each the
// difference from the id before it (zigzag, since articles are added in
// roughly, not exactly, ascending order), a byte or two a document where
// an int32 would take four.
type wordDocs struct {
	all, title         []byte
	lastAll, lastTitle int32
}

// appendID appends id to list, whose last id is *last.
func appendID(list []byte, last *int32, id int32) []byte {
	list = binary.AppendVarint(list, int64(id-*last))
	*last = id
	return list
}

// appendIDs appends the ids of list, as appendID wrote them, to ids.
func appendIDs(ids []int32, list []byte) []int32 {
	id := int32(0)
	for len(list) > 0 {
		d, n := binary.Varint(list)
		id += int32(d)
		ids, list = append(ids, id), list[n:]
	}
	return ids
}

// NewCollector returns a collector of n documents of language lang.
func NewCollector(lang string, n int) *Collector {
	return &Collector{lang: lang, rules: RulesFor(lang), rows: make([]Entry, n), words: map[string]*wordDocs{}}
}

// Add adds docs under the ids first, first+1, …
func (c *Collector) Add(first int, docs []Doc) {
	c.insert(first, c.analyze(docs))
}

// analysis is what the index keeps of some documents: what results show
// of each, and each one's distinct words, folded, stop words left out.
type analysis struct {
	rows  []Entry
	words [][]docWord // by document
}

// docWord is a distinct word of a document, and whether its title has it.
type docWord struct {
	w     string
	title bool
}

// analyze folds docs into their words; it needs no lock.
func (c *Collector) analyze(docs []Doc) *analysis {
	an := &analysis{rows: make([]Entry, len(docs)), words: make([][]docWord, len(docs))}
	seen := map[string]bool{}
	for i, d := range docs {
		an.rows[i] = Entry{Kind: d.Kind, URL: d.URL, Title: d.Title, Context: d.Context, Excerpt: cut(d.Excerpt, excerptRunes)}
		var dw []docWord
		clear(seen)
		for k, f := range []string{d.Title, d.Context, d.Excerpt, d.Text} {
			for _, w := range Words(Fold(f)) {
				if !c.rules.stop[w] && !seen[w] {
					seen[w] = true
					dw = append(dw, docWord{w, k == 0})
				}
			}
		}
		an.words[i] = dw
	}
	return an
}

// insert adds the analysed documents under the ids first, first+1, …
func (c *Collector) insert(first int, an *analysis) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for i, words := range an.words {
		id := int32(first + i)
		c.rows[id] = an.rows[i]
		for _, w := range words {
			p := c.words[w.w]
			if p == nil {
				p = &wordDocs{}
				c.words[strings.Clone(w.w)] = p // (a piece of the folded text would keep all of it)
			}
			p.all = appendID(p.all, &p.lastAll, id)
			if w.title {
				p.title = appendID(p.title, &p.lastTitle, id)
			}
		}
	}
}

// excerptRunes is the most letters of an excerpt the index keeps.
const excerptRunes = 160

// Docs returns the documents of article a, which must hold its detail
// (site.Article.WithDetail): the article, then each scenario followed by
// its replies, in document order.
func Docs(a *site.Article) []Doc {
	docs := make([]Doc, 0, 1+len(a.Scenarios)+a.ReplyCount())
	docs = append(docs, Doc{Kind: KindArticle, URL: a.URL(), Title: a.Title, Excerpt: a.Summary, Text: strings.Join(a.Tags, " ")})
	for _, sc := range a.Scenarios {
		d := Doc{Kind: KindScenario, URL: sc.URL(), Title: sc.Title, Context: a.Title}
		if sc.ScenarioText != nil {
			d.Excerpt, d.Text = sc.SituationText, sc.WhyText
		}
		docs = append(docs, d)
		for _, r := range sc.Replies {
			d := Doc{Kind: KindReply, URL: r.URL(), Title: r.Title, Context: sc.Title}
			if r.Message != nil {
				d.Excerpt = reply.Plain(r.Subject, nil)
				d.Text = reply.Plain(r.Body, nil)
				if d.Excerpt == "" {
					d.Excerpt, d.Text = d.Text, ""
				}
			}
			// Found by its article's words too: "the reply for when
			// someone wants to pick my brain".
			d.Text += "\n" + a.Title
			docs = append(docs, d)
		}
	}
	return docs
}

// Options shape the index files.
type Options struct {
	BasePath   string // the site's base path ("" for the root), for the files' addresses
	ChunkDocs  int    // documents per chunk; 0: 48
	ShardBytes int    // a term shard is cut once it holds this many bytes; 0: 48 KiB
	SmallBytes int    // an index this small or smaller is one file; 0: 192 KiB

	// Strings are the interface strings the script shows with results,
	// carried by the manifest: one and other (the count, {n}), none ({q}),
	// failed, and the group headings scenarios, replies, articles.
	Strings map[string]string

	// Emit, when set, takes each file (not the manifest) of the index of
	// a collector without a Cache as soon as it is made, and Index.Files
	// stays empty: a language's files at 10,000 articles are some 40 MB,
	// which need not all be in memory at once. Index stops at the first
	// error Emit returns. (A Cache keeps its index's files for the next
	// build: its collectors' indexes hold them in Files.)
	Emit func(path string, data []byte) error
}

// File is one file of the index.
type File struct {
	Path string // relative to the output directory
	Data []byte
}

// Index is one language's search index: its files, and what a query in Go
// needs (tests, benchmarks).
type Index struct {
	Lang     string
	Manifest []byte
	Files    []File // in the order the manifest names them; a small index's one file

	rules  *Rules
	docs   []Entry
	terms  []string           // sorted
	post   map[string][]int32 // stem → its documents, ascending
	head   map[string][]int32 // stem → the documents with it in their title
	firsts []string           // the first stem of each shard
	shards []string           // each shard's address
	chunks []string           // each chunk's address
	chunk  int
	size   map[string]int // address → bytes
}

// Dir is the output directory of the index files.
const Dir = "assets/search"

// ManifestName is the manifest's file name in the search page's directory.
const ManifestName = "index.json"

// Build returns the index of the documents of language lang, in the order
// given (their ids).
func Build(lang string, docs []Doc, opts Options) (*Index, error) {
	c := NewCollector(lang, len(docs))
	c.Add(0, docs)
	return c.Index(opts)
}

// Index returns the index of the documents added.
func (c *Collector) Index(opts Options) (*Index, error) {
	lang, docs := c.lang, c.rows
	if opts.ChunkDocs <= 0 {
		opts.ChunkDocs = 48
	}
	if opts.ShardBytes <= 0 {
		opts.ShardBytes = 48 << 10
	}
	if opts.SmallBytes <= 0 {
		opts.SmallBytes = 192 << 10
	}
	if c.same {
		if sameOptions(c.memo.opts, opts) {
			return c.memo.index, nil
		}
		c.fill() // (the same documents, other files: the interface strings changed)
		c.same, docs = false, c.rows
	}
	ix := &Index{Lang: lang, rules: RulesFor(lang), docs: docs, post: map[string][]int32{}, head: map[string][]int32{}, chunk: opts.ChunkDocs, size: map[string]int{}}
	if c.delta != nil {
		ix.post, ix.head, ix.terms = c.delta.apply(c.memo.index, c.vocab, ix.rules)
	} else {
		ix.invert(c.words)
	}

	// The terms, in shards of consecutive stems.
	// Each term's documents are kept as their JSON text, a few bytes a
	// document, until the shards are written.
	type shard struct {
		first string
		t, h  map[string]json.RawMessage
		bytes int
		terms []string // in order
		made  bool     // a term's documents were encoded afresh
	}
	// A term whose documents are those of the memo's index keeps its JSON.
	var was, now map[string]memoTerm
	if c.memo != nil {
		if c.memo.index != nil && len(c.memo.index.docs) == len(docs) {
			was = c.memo.terms
		}
		now = make(map[string]memoTerm, len(ix.terms))
	}
	var shards []*shard
	cur := &shard{t: map[string]json.RawMessage{}, h: map[string]json.RawMessage{}}
	total := 0
	for _, term := range ix.terms {
		ids, hids := ix.post[term], ix.head[term]
		mt, kept := was[term]
		if !kept || !slices.Equal(mt.ids, ids) || !slices.Equal(mt.head, hids) {
			kept, mt = false, memoTerm{ids: ids, head: hids, p: encode(ids, len(docs))}
			if len(hids) > 0 {
				mt.h = gapsJSON(hids)
			}
		}
		if now != nil {
			now[term] = mt
		}
		p, h := mt.p, mt.h
		n := len(term) + 4 + len(p)
		if h != nil {
			n += len(term) + 4 + len(h)
		}
		if cur.bytes > 0 && cur.bytes+n > opts.ShardBytes {
			shards = append(shards, cur)
			cur = &shard{first: term, t: map[string]json.RawMessage{}, h: map[string]json.RawMessage{}}
		}
		cur.t[term] = p
		if h != nil {
			cur.h[term] = h
		}
		cur.terms = append(cur.terms, term)
		cur.made = cur.made || !kept
		cur.bytes += n
		total += n
	}
	shards = append(shards, cur)

	// addData adds a file and returns its address; p is its path when
	// known (the memo's), "" to name it by its content's hash.
	var emitErr error
	addData := func(data []byte, p string) string {
		if p == "" {
			p = fileName(lang, data)
		}
		switch {
		case opts.Emit == nil || c.memo != nil:
			ix.Files = append(ix.Files, File{p, data})
		case emitErr == nil:
			emitErr = opts.Emit(p, data)
		}
		u := opts.BasePath + "/" + p
		ix.size[u] = len(data)
		return u
	}
	add := func(v any) (string, error) {
		data, err := marshal(v)
		if err != nil {
			return "", fmt.Errorf("search index of %s: %w", lang, err)
		}
		return addData(data, ""), nil
	}
	// The documents, in chunks of rows: kind, address, title, context,
	// excerpt. Each chunk's JSON is made once: its length decides between
	// one file and several, and it is the chunk's file when there are
	// several. A chunk whose rows are those of the memo's is not made again.
	// When the terms alone make several files and nothing keeps the chunks
	// (no memo), each is emitted as soon as it is made.
	stream := c.memo == nil && (len(shards) > 1 || total > opts.SmallBytes)
	var made []memoChunk
	docsLen := 0
	for k, o := 0, 0; o < len(docs); k, o = k+1, o+opts.ChunkDocs {
		part := docs[o:min(o+opts.ChunkDocs, len(docs))]
		var ch memoChunk
		if c.memo != nil && c.memo.size == opts.ChunkDocs && k < len(c.memo.chunks) && slices.Equal(c.memo.chunks[k].rows, part) {
			ch = c.memo.chunks[k]
		} else {
			data, err := marshal(map[string]any{"o": o, "d": rowsJSON(part)})
			if err != nil {
				return nil, fmt.Errorf("search index of %s: %w", lang, err)
			}
			ch = memoChunk{rows: part, data: data} // (named when written)
		}
		docsLen += len(ch.data)
		if stream {
			ix.chunks = append(ix.chunks, addData(ch.data, ""))
			continue
		}
		made = append(made, ch)
	}
	if c.memo != nil {
		c.memo.size, c.memo.chunks = opts.ChunkDocs, made
	}
	if len(shards) == 1 && total+docsLen <= opts.SmallBytes {
		// One file: every document and every term.
		u, err := add(map[string]any{"o": 0, "d": rowsJSON(docs), "t": shards[0].t, "h": shards[0].h})
		if err != nil {
			return nil, err
		}
		ix.chunk = max(len(docs), 1)
		ix.chunks, ix.shards, ix.firsts = []string{u}, []string{u}, []string{""}
		if c.memo != nil {
			c.memo.shards = nil // (the shards of an earlier index are not this one's)
		}
	} else {
		for k, ch := range made {
			if ch.path == "" {
				made[k].path = fileName(lang, ch.data)
			}
			ix.chunks = append(ix.chunks, addData(ch.data, made[k].path))
		}
		var memoShards []memoShard
		for k, s := range shards {
			var ms memoShard
			if c.memo != nil && !s.made && k < len(c.memo.shards) && slices.Equal(c.memo.shards[k].terms, s.terms) {
				ms = c.memo.shards[k] // (every term's JSON as before, in the same shard)
			} else {
				data, err := marshal(map[string]any{"t": s.t, "h": s.h})
				if err != nil {
					return nil, fmt.Errorf("search index of %s: %w", lang, err)
				}
				ms = memoShard{s.terms, data, fileName(lang, data)}
			}
			u := addData(ms.data, ms.path)
			ix.shards, ix.firsts = append(ix.shards, u), append(ix.firsts, s.first)
			if c.memo != nil {
				memoShards = append(memoShards, ms)
			}
			s.t, s.h = nil, nil // (its terms' JSON is in the file now)
		}
		if c.memo != nil {
			c.memo.shards = memoShards
		}
	}
	terms := make([][2]string, len(ix.shards))
	for i := range ix.shards {
		terms[i] = [2]string{ix.firsts[i], ix.shards[i]}
	}
	r := ix.rules
	m, err := marshal(map[string]any{
		"v": 1, "lang": lang, "min": MinStem, "sfx": nonNil(r.Suffixes), "stop": nonNil(r.Stop), "und": r.Undouble,
		"n": len(docs), "c": ix.chunk, "docs": ix.chunks, "terms": terms, "s": opts.Strings,
	})
	if err != nil {
		return nil, fmt.Errorf("search manifest of %s: %w", lang, err)
	}
	ix.Manifest = m
	if emitErr != nil {
		return nil, emitErr
	}
	if c.memo != nil {
		opts.Emit = nil // (the memo must not keep this build's writer)
		c.memo.index, c.memo.arts, c.memo.opts = ix, c.arts, opts
		c.memo.terms, c.memo.count = now, c.count
	}
	return ix, nil
}

// sameOptions reports whether two options shape the same files.
func sameOptions(a, b Options) bool {
	return a.BasePath == b.BasePath && a.ChunkDocs == b.ChunkDocs && a.ShardBytes == b.ShardBytes &&
		a.SmallBytes == b.SmallBytes && maps.Equal(a.Strings, b.Strings)
}

// rowsJSON returns the rows of docs as the index files hold them.
func rowsJSON(docs []Entry) [][]any {
	rows := make([][]any, 0, len(docs))
	for _, d := range docs {
		rows = append(rows, []any{d.Kind, d.URL, d.Title, d.Context, d.Excerpt})
	}
	return rows
}

// memo is a language's last index and the JSON of its parts, kept by a
// Cache: an edit changes the rows of one or two chunks, or none, and the
// documents of the terms of the edited text.
type memo struct {
	index  *Index
	arts   []*cached // the articles index was made of
	opts   Options
	size   int // documents per chunk
	chunks []memoChunk
	count  []int32             // by word id: the documents of the index holding it
	terms  map[string]memoTerm // each term's documents and their JSON (which depends on the number of documents too)
	shards []memoShard         // of a several-file index
}

// memoTerm is a term's documents, those with it in their title, and their
// JSON.
type memoTerm struct {
	ids, head []int32
	p, h      json.RawMessage
}

// memoShard is a shard's terms, in order, its JSON and its file's path.
type memoShard struct {
	terms []string
	data  []byte
	path  string
}

// memoChunk is one chunk's rows, its JSON and its file's path ("" until
// the chunk is a file of its own).
type memoChunk struct {
	rows []Entry
	data []byte
	path string
}

// fileName returns the path of an index file of language lang: named by
// its content, so that a browser may keep it as long as it likes.
func fileName(lang string, data []byte) string {
	sum := sha256.Sum256(data)
	return Dir + "/" + lang + "." + hex.EncodeToString(sum[:5]) + ".json"
}

// invert fills the postings from the words' documents: a stem's are the
// union of its words', and a compound's last parts get the compound's.
func (ix *Index) invert(words map[string]*wordDocs) {
	r := ix.rules
	all := map[string][]int32{}
	title := map[string][]int32{}
	has := func(w string) bool { return words[w] != nil }
	for _, w := range slices.Sorted(maps.Keys(words)) {
		d := *words[w]
		*words[w] = wordDocs{} // (its documents are the stems' now: the collector's copy can go)
		for k, t := range wordStems(w, r, has) {
			if t == "" {
				continue
			}
			all[t] = appendIDs(all[t], d.all)
			if k == 0 {
				title[t] = appendIDs(title[t], d.title)
			}
		}
	}
	for t, ids := range all {
		ix.post[t] = sortedUnique(ids)
	}
	for t, ids := range title {
		if len(ids) > 0 {
			ix.head[t] = sortedUnique(ids)
		}
	}
	ix.terms = slices.Sorted(maps.Keys(ix.post))
}

// sortedUnique returns ids ascending, each once, in a slice of their length.
func sortedUnique(ids []int32) []int32 {
	slices.Sort(ids)
	return slices.Clip(slices.Compact(ids))
}

// minTail is the fewest letters of a compound's last part indexed on its
// own.
const minTail = 5

// splitCompound returns the stems of the last parts of w, after at least
// MinStem letters, that are words of the language's text of at least
// minTail letters (has): netwerkevenement → evenement, bedankbericht → bericht.
func splitCompound(w string, has func(string) bool, r *Rules) []string {
	if len(w) < MinStem+minTail || !isASCII(w) {
		return nil
	}
	var tails []string
	for i := MinStem; i <= len(w)-minTail; i++ {
		if t := w[i:]; has(t) {
			tails = append(tails, r.Stem(t))
		}
	}
	return tails
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// encode returns a posting list as the smaller of its gaps (a JSON array)
// and a bitset of n documents (base64).
func encode(ids []int32, n int) json.RawMessage {
	g := gapsJSON(ids)
	bits := make([]byte, (n+7)/8)
	for _, id := range ids {
		bits[id/8] |= 1 << (id % 8)
	}
	if b := base64.StdEncoding.EncodeToString(bits); len(b)+2 < len(g) {
		return json.RawMessage(strconv.Quote(b))
	}
	return g
}

// gapsJSON returns ascending ids as a JSON array of the first and the
// differences after it.
func gapsJSON(ids []int32) json.RawMessage {
	g := make([]byte, 0, 2+3*len(ids))
	g = append(g, '[')
	prev := int32(0)
	for i, id := range ids {
		if i > 0 {
			g = append(g, ',')
		}
		g, prev = strconv.AppendInt(g, int64(id-prev), 10), id
	}
	return append(g, ']')
}

// cut returns s cut to at most n letters, at a space, with an ellipsis.
func cut(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)[:n]
	if i := strings.LastIndexByte(string(r), ' '); i > len(string(r))/2 {
		return strings.TrimRight(string(r)[:i], " ,;:") + "…"
	}
	return string(r) + "…"
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// marshal encodes v as JSON without escaping <, > and & (the files are
// never inlined in HTML).
func marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}
