package build_test

import (
	"github.com/tact-guide/tact/internal/sitetest"
	"github.com/tact-guide/tact/internal/sourcever"
	"github.com/tact-guide/tact/internal/translation"

	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tact-guide/tact/internal/build"
	"github.com/tact-guide/tact/internal/textdiff"
)

func states(t *testing.T, rep *build.Report) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, row := range rep.Translations {
		for _, it := range row.Items {
			out[row.Lang.Code+"/"+it.Key] = it.State
		}
		out[row.Lang.Code+"/quiz"] = row.Quiz
	}
	return out
}

// Translation status: editing the source makes its translations stale,
// --mark-translated makes them current again; unmarked and missing
// translations are reported as such, in the report and on /status/.
func TestTranslationStatus(t *testing.T) {
	root := t.TempDir()
	copyTree(t, root)
	ctx := context.Background()
	buildSite := func() *build.Report {
		t.Helper()
		rep, err := build.Build(ctx, os.DirFS(root), build.Options{Out: filepath.Join(root, "public")})
		if err != nil {
			t.Fatal(err)
		}
		return rep
	}
	if rep := buildSite(); rep.TranslationsBehind() {
		t.Fatalf("the real content is behind its source:\n%s", translation.Table(rep.Translations))
	}

	src := filepath.Join(root, "content", "en", "networking-with-friends.md")
	b, _ := os.ReadFile(src)
	os.WriteFile(src, append(b, "\nOne more paragraph in the source.\n"...), 0o644)
	esFile := filepath.Join(root, "content", "es", "networking-con-amigos.md")
	nl := filepath.Join(root, "content", "nl", "netwerken-met-vrienden.md")
	nlSrc, _ := os.ReadFile(nl)
	os.WriteFile(nl, []byte(strings.Replace(string(nlSrc), "translatedFrom", "# translatedFrom", 1)), 0o644)
	// A new article, not yet translated (nor in the quiz: a warning).
	newSrc := strings.NewReplacer(`title="`, `title="New `, "```reply id=", "```reply id=new-", ` slug="`, ` slug="new-`).Replace(string(b))
	newSrc = strings.Replace(strings.Replace(newSrc, `key = "networking-with-friends"`, `key = "new-article"`, 1), `slug = "networking-with-friends"`, `slug = "new-article"`, 1)
	os.WriteFile(filepath.Join(root, "content", "en", "new.md"), []byte(newSrc), 0o644)
	quiz := filepath.Join(root, "content", "en", "quiz.toml")
	q, _ := os.ReadFile(quiz)
	os.WriteFile(quiz, []byte(strings.Replace(string(q), "[start]", "[start]\n# edited", 1)), 0o644)

	rep := buildSite()
	want := map[string]string{
		"es/networking-with-friends": translation.Stale,
		"nl/networking-with-friends": translation.Untracked,
		"it/new-article":             translation.Missing,
		"es/quiz":                    translation.Stale,
	}
	got := states(t, rep)
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s: %q, want %q\n%s", k, got[k], v, translation.Table(rep.Translations))
		}
	}
	if got["es/introductions-offered"] != "" {
		t.Errorf("an untouched translation is reported: %q", got["es/introductions-offered"])
	}
	page, err := os.ReadFile(filepath.Join(root, "public", "status", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(page), "content/es/networking-con-amigos.md") {
		t.Error("the status page does not list the stale Spanish translation")
	}
	// The stale translation says so to its readers, on its page and its
	// replies' pages, with a link to the original; the untracked one and
	// the current ones do not.
	notice := `<aside class="notice" role="note">`
	original := `<a href="/en/networking-with-friends/" hreflang="en">`
	stale := readPage(t, filepath.Join(root, "public"), "es/networking-con-amigos/index.html")
	if !strings.Contains(stale, notice) || !strings.Contains(stale, original) {
		t.Error("the stale Spanish article does not say it is behind its original, with a link to it")
	}
	replies, _ := filepath.Glob(filepath.Join(root, "public", "es", "respuestas", "*", "index.html"))
	staleReplies := 0
	for _, r := range replies {
		if b, _ := os.ReadFile(r); strings.Contains(string(b), original) {
			staleReplies++
		}
	}
	if staleReplies == 0 {
		t.Error("no reply page of the stale Spanish article says it is behind its original")
	}
	for _, p := range []string{"nl/netwerken-met-vrienden/index.html", "es/aceptar-o-rechazar-presentaciones/index.html", "en/networking-with-friends/index.html"} {
		if strings.Contains(readPage(t, filepath.Join(root, "public"), p), notice) {
			t.Errorf("%s says it is behind its original", p)
		}
	}

	if err := translation.MarkTranslated(ctx, root, []string{"content/es/networking-con-amigos.md", "content/nl/netwerken-met-vrienden.md", "content/es/quiz.toml"}); err != nil {
		t.Fatal(err)
	}
	got = states(t, buildSite())
	for _, k := range []string{"es/networking-with-friends", "nl/networking-with-friends"} {
		if got[k] != "" {
			t.Errorf("%s is %q after --mark-translated", k, got[k])
		}
	}
	if strings.Contains(readPage(t, filepath.Join(root, "public"), "es/networking-con-amigos/index.html"), notice) {
		t.Error("the Spanish article still says it is behind its original after --mark-translated")
	}
	if got["es/quiz"] != translation.Current {
		t.Errorf("es/quiz is %q after --mark-translated", got["es/quiz"])
	}
	if b, _ := os.ReadFile(esFile); strings.Count(string(b), "translatedFrom") != 1 {
		t.Error("--mark-translated did not replace the old translatedFrom")
	}
}

// /status/ shows what changed in a stale translation's source since it
// was translated, word by word, from the source text kept when it was
// marked; the interface strings are tracked the same way, message by
// message. Marking again clears both and drops the kept texts no
// translation records any more. At every step the Builder's output is a
// full build's.
func TestStatusShowsWhatChanged(t *testing.T) {
	t.Parallel() // (a few builds of the real site: beside the other heavy tests)
	root := t.TempDir()
	copyTree(t, root)
	ctx := context.Background()
	out := filepath.Join(t.TempDir(), "public")
	b := build.NewBuilder(os.DirFS(root), build.Options{Out: out})
	t.Cleanup(b.Close)
	step := func(changed ...string) (map[string]translation.Row, string) {
		t.Helper()
		if changed == nil {
			changed = []string{} // (not nil: that means anything may have changed)
		}
		rep, err := b.Build(ctx, changed)
		if err != nil {
			t.Fatal(err)
		}
		full := filepath.Join(t.TempDir(), "public")
		if _, err := build.Build(ctx, os.DirFS(root), build.Options{Out: full}); err != nil {
			t.Fatal(err)
		}
		if d := firstDifference(readTree(t, out), readTree(t, full)); d != "" {
			t.Fatalf("after %v, the incremental output differs from a full build: %s", changed, d)
		}
		rows := map[string]translation.Row{}
		for _, r := range rep.Translations {
			rows[r.Lang.Code] = r
		}
		return rows, readPage(t, out, "status/index.html")
	}
	edit := func(rel, old, new string) string { return sitetest.Replace(t, root, rel, old, new) }
	kept := func() []string {
		m, _ := filepath.Glob(filepath.Join(root, sourcever.Dir, "*"))
		for i := range m {
			m[i] = filepath.Base(m[i])
		}
		return m
	}
	if _, err := b.Build(ctx, nil); err != nil {
		t.Fatal(err)
	}
	before := kept()

	// A word of an English article and an English interface string change,
	// and a message is added.
	src := edit("content/en/networking-with-friends.md", "they find ways to help", "they find clever ways to help")
	strs := edit("i18n/en.toml", `navHome = "Home"`, `navHome = "Start page"`)
	edit("i18n/en.toml", "\nfooterText = ", "\nnewMessage = \"A new message\"\nfooterText = ")
	for _, l := range []string{"es", "nl", "it"} {
		edit("i18n/"+l+".toml", "\nfooterText = ", "\nnewMessage = \"Un "+l+"\"\nfooterText = ")
	}
	rows, page := step(src, strs, "i18n/es.toml", "i18n/nl.toml", "i18n/it.toml")
	var item translation.Item
	for _, it := range rows["es"].Items {
		if it.Key == "networking-with-friends" {
			item = it
		}
	}
	if item.State != translation.Stale || !item.Diff.Known || len(item.Diff.Hunks) != 1 {
		t.Fatalf("the stale Spanish article's entry: %+v, want one stretch of changes", item)
	}
	var added []string
	for _, s := range item.Diff.Hunks[0].Spans {
		if s.Op != textdiff.Same {
			added = append(added, s.Text)
		}
	}
	if strings.Join(added, "|") != "clever " {
		t.Errorf("the changes are %q, want only the added word %q", added, "clever ")
	}
	if !strings.Contains(page, `<ins><span class="visually-hidden">added: </span>clever </ins>ways to help`) {
		t.Error("/status/ does not show the added word in the source's text")
	}
	if !strings.Contains(page, "content/en/networking-with-friends.md, line 12") {
		t.Error("/status/ does not say where in the source the change is")
	}
	for _, l := range []string{"es", "nl", "it"} {
		r := rows[l]
		var ids []string
		for _, c := range r.StringChanges {
			ids = append(ids, c.ID)
		}
		if r.Strings != translation.Stale || !r.StringsKnown || strings.Join(ids, " ") != "navHome newMessage" {
			t.Errorf("%s: interface strings %s (known %v), changed %v; want stale: navHome newMessage", l, r.Strings, r.StringsKnown, ids)
		}
	}
	if !strings.Contains(page, `<th scope="row"><code>navHome</code></th><td class="diff"><del><span class="visually-hidden">removed: </span>Home</del></td><td class="diff"><ins><span class="visually-hidden">added: </span>Start page</ins></td>`) {
		t.Error("/status/ does not list the changed interface string with its English then and now")
	}

	// Marking the Dutch strings and the Spanish article clears them, and
	// keeps the new versions' texts.
	if err := translation.MarkTranslated(ctx, root, []string{"i18n/nl.toml", "content/es/networking-con-amigos.md"}); err != nil {
		t.Fatal(err)
	}
	rows, page = step(append([]string{"i18n/nl.toml", "content/es/networking-con-amigos.md"}, snapshotPaths(kept())...)...)
	if rows["nl"].Strings != translation.Current || rows["es"].Strings != translation.Stale {
		t.Errorf("after marking i18n/nl.toml: nl %s, es %s; want current, stale", rows["nl"].Strings, rows["es"].Strings)
	}
	if strings.Contains(page, "i18n/nl.toml") || !strings.Contains(page, "i18n/es.toml") {
		t.Error("/status/ still lists the marked Dutch strings, or no longer the Spanish ones")
	}
	for _, it := range rows["es"].Items {
		t.Errorf("es: %s is still %s after marking", it.Key, it.State)
	}
	// The old article version is still recorded (by nl and it): kept.
	if len(kept()) != len(before)+2 {
		t.Errorf("kept %v, want %v and the two new versions", kept(), before)
	}

	// A stale translation whose source text was not kept says so.
	var nlFrom string
	for _, it := range rows["nl"].Items {
		nlFrom = it.File
	}
	if nlFrom == "" {
		t.Fatal("the Dutch translation of the edited article is not stale")
	}
	for _, k := range kept() {
		b, _ := os.ReadFile(filepath.Join(root, sourcever.Dir, k))
		if strings.Contains(string(b), "they find ways to help") {
			os.Remove(filepath.Join(root, sourcever.Dir, k))
			rows, page = step(sourcever.Dir + "/" + k)
		}
	}
	for _, it := range rows["nl"].Items {
		if it.Diff.Known {
			t.Errorf("nl: %s shows a diff without the text it was made from", it.Key)
		}
	}
	if !strings.Contains(page, "was not kept") {
		t.Error("/status/ does not say the changes cannot be shown")
	}

	// Marking everything leaves only the versions the translations record.
	var all []string
	for _, l := range []string{"nl", "it"} {
		all = append(all, "i18n/"+l+".toml")
		for _, it := range rows[l].Items {
			all = append(all, it.File)
		}
	}
	old := kept()
	if err := translation.MarkTranslated(ctx, root, append(all, "i18n/es.toml")); err != nil {
		t.Fatal(err)
	}
	rows, _ = step(append(append(all, "i18n/es.toml"), snapshotPaths(append(old, kept()...))...)...)
	for l, r := range rows {
		if r.Todo() {
			t.Errorf("%s still has something to do after marking everything: %+v", l, r)
		}
	}
	if len(kept()) != len(before) {
		t.Errorf("kept %v after marking everything, want as many as at the start (%v): the old versions pruned", kept(), before)
	}
}

func snapshotPaths(names []string) []string {
	var out []string
	for _, n := range names {
		out = append(out, sourcever.Dir+"/"+n)
	}
	return out
}
