package build_test

import (
	"tact/internal/translation"

	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tact/internal/build"
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
