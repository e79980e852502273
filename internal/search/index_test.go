package search

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/tact-guide/tact/internal/site"
)

var esDocs = []Doc{
	{Kind: KindArticle, URL: "/es/presentaciones/", Title: "Cuando te ofrecen una presentación", Excerpt: "Alguien quiere presentarte a un contacto."},
	{Kind: KindScenario, URL: "/es/presentaciones/#agobiado", Title: "Te ofrecen una presentación y vas agobiado", Context: "Cuando te ofrecen una presentación", Excerpt: "Una antigua colega te propone presentarte a su socia.", Text: "Aceptar sin tiempo quema la presentación."},
	{Kind: KindReply, URL: "/es/respuestas/aceptar-mas-adelante/", Title: "Aceptar más adelante", Context: "Te ofrecen una presentación y vas agobiado", Excerpt: "Gracias por pensar en mí", Text: "Me encantaría conocerla dentro de unas semanas."},
	{Kind: KindScenario, URL: "/es/cafe/#charla", Title: "Un café para «hablar de tu trabajo»", Context: "Tomar un café", Excerpt: "Un desconocido pide un café.", Text: "Ofrece algo concreto."},
}

func TestQueriesFindTheirDocuments(t *testing.T) {
	ix, err := Build("es", esDocs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		q    string
		want []string // the addresses, best first
	}{
		// (equal scores: in document order)
		{"presentar", []string{"/es/presentaciones/", "/es/presentaciones/#agobiado", "/es/respuestas/aceptar-mas-adelante/"}},
		{"PRESENTACIONES", []string{"/es/presentaciones/", "/es/presentaciones/#agobiado", "/es/respuestas/aceptar-mas-adelante/"}},
		{"presentacion agobiado", []string{"/es/presentaciones/#agobiado", "/es/respuestas/aceptar-mas-adelante/"}},
		{"cafe", []string{"/es/cafe/#charla"}},
		{"acept", []string{"/es/respuestas/aceptar-mas-adelante/", "/es/presentaciones/#agobiado"}},
		{"de la", nil},
		{"zzz", nil},
	} {
		res, _ := ix.Search(tc.q)
		var got []string
		for _, r := range res {
			got = append(got, r.Doc.URL)
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Search(%q):\nhave %q\nwant %q", tc.q, got, tc.want)
		}
	}
}

func TestDutchCompoundsAreFoundByTheirParts(t *testing.T) {
	docs := []Doc{
		{Kind: KindScenario, URL: "/nl/a/#x", Title: "Na het netwerkevenement", Excerpt: "Je stuurt een bedankbericht."},
		{Kind: KindScenario, URL: "/nl/b/#y", Title: "Een evenement zonder bericht", Excerpt: "Je gaat naar een netwerk."},
	}
	ix, err := Build("nl", docs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for q, want := range map[string]int{"evenement": 2, "evenementen": 2, "bericht": 2, "netwerk": 2, "bedankberichten": 1} {
		if res, _ := ix.Search(q); len(res) != want {
			t.Errorf("Search(%q) found %d documents, want %d", q, len(res), want)
		}
	}
}

// manyDocs returns n documents with a growing vocabulary.
func manyDocs(n int) []Doc {
	docs := make([]Doc, n)
	for i := range docs {
		docs[i] = Doc{Kind: Kind(i % 3), URL: fmt.Sprintf("/en/a%d/", i), Title: fmt.Sprintf("Reply number%d to a contact", i),
			Excerpt: fmt.Sprintf("word%d word%d introductions", i%97, i%13), Text: strings.Repeat("networking events ", 1+i%3)}
	}
	return docs
}

// TestShardedIndexAnswersAsOneFile: an index cut into many shards and
// chunks finds what the same index in one file finds, and a query fetches
// only some of its files.
func TestShardedIndexAnswersAsOneFile(t *testing.T) {
	docs := manyDocs(600)
	one, err := Build("en", docs, Options{SmallBytes: 1 << 30, ShardBytes: 1 << 30})
	if err != nil {
		t.Fatal(err)
	}
	many, err := Build("en", docs, Options{ShardBytes: 2000, ChunkDocs: 16, SmallBytes: 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(one.Files) != 1 {
		t.Fatalf("the unsplit index has %d files, want 1", len(one.Files))
	}
	if len(many.shards) < 5 || len(many.chunks) < 5 {
		t.Fatalf("the split index has %d shards and %d chunks: not split", len(many.shards), len(many.chunks))
	}
	for _, q := range []string{"number12", "word5 introduction", "networking", "contacts", "number1", "word96"} {
		r1, _ := one.Search(q)
		r2, files := many.Search(q)
		if !reflect.DeepEqual(r1, r2) {
			t.Errorf("Search(%q): the split index finds %d documents, the one file %d", q, len(r2), len(r1))
		}
		if len(files) >= len(many.Files)/2 {
			t.Errorf("Search(%q) fetches %d of %d files", q, len(files), len(many.Files))
		}
	}
}

func TestSameDocumentsGiveTheSameFiles(t *testing.T) {
	a, err := Build("en", manyDocs(300), Options{ShardBytes: 3000, SmallBytes: 1})
	if err != nil {
		t.Fatal(err)
	}
	b, err := Build("en", manyDocs(300), Options{ShardBytes: 3000, SmallBytes: 1})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Manifest, b.Manifest) || !reflect.DeepEqual(a.Files, b.Files) {
		t.Fatal("two builds of the same documents differ")
	}
	var m struct {
		Docs  []string    `json:"docs"`
		Terms [][2]string `json:"terms"`
	}
	if err := json.Unmarshal(a.Manifest, &m); err != nil {
		t.Fatal(err)
	}
	if len(m.Docs)+len(m.Terms) != len(a.Files) {
		t.Errorf("the manifest names %d files, the index has %d", len(m.Docs)+len(m.Terms), len(a.Files))
	}
	for _, f := range a.Files {
		if !strings.HasPrefix(f.Path, Dir+"/en.") || !strings.HasSuffix(f.Path, ".json") {
			t.Errorf("file %s: not a fingerprinted name under %s", f.Path, Dir)
		}
	}
}

// TestEmitHandsOverTheFiles makes the real site's English index in many
// small files twice, with Emit and without: Emit must take, in the same
// order, the very files Index.Files holds without it (and a Cache's index
// of the same documents), and the manifest must be the same; an error of
// Emit stops the index.
func TestEmitHandsOverTheFiles(t *testing.T) {
	var docs []Doc
	s, err := site.Load(context.Background(), os.DirFS("../.."), site.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range s.Lang("en").Articles {
		full, err := a.WithDetail()
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, Docs(full)...)
	}
	opts := Options{ChunkDocs: 4, ShardBytes: 2 << 10, SmallBytes: 1}
	want, err := Build("en", docs, opts)
	if err != nil {
		t.Fatal(err)
	}
	// (A Cache's index, whose chunks are kept, not streamed: the same.)
	same(t, "made through a Cache", indexOf(t, collectOf(t, "../..", "en", NewCache()), opts), want)
	var got []File
	opts.Emit = func(path string, data []byte) error {
		got = append(got, File{path, data})
		return nil
	}
	ix, err := Build("en", docs, opts)
	if err != nil {
		t.Fatal(err)
	}
	if len(ix.Files) != 0 {
		t.Errorf("with Emit, Index.Files holds %d files, want none", len(ix.Files))
	}
	if len(want.Files) < 3 || !reflect.DeepEqual(got, want.Files) || !bytes.Equal(ix.Manifest, want.Manifest) {
		t.Errorf("Emit took %d files, Index.Files holds %d without it (or the manifests differ)", len(got), len(want.Files))
	}
	opts.Emit = func(string, []byte) error { return errors.New("disk full") }
	if _, err := Build("en", docs, opts); err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Errorf("an error of Emit: Index returned %v", err)
	}
}
