package devserver

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/tact-guide/tact/internal/sitetest"
)

// A step does something to the sources (root is the site root, outside a
// directory beside it) and says how the sources look after it. Each step must
// give exactly one build, which must see that state.
type step struct {
	do      func(t *testing.T, root, outside string)
	want    func(files map[string]string) // edits the state before the step
	changed []string                      // paths the build must be told about, if any
	only    bool                          // and of no others
}

// savePatterns are the ways editors, git and people change files.
func savePatterns() []struct {
	name  string
	steps []step
} {
	return []struct {
		name  string
		steps []step
	}{
		{"write in place", []step{{
			do:      func(t *testing.T, root, _ string) { write(t, root, "content/en/a.md", "a v2, written in place\n") },
			want:    func(f map[string]string) { f["content/en/a.md"] = "a v2, written in place\n" },
			changed: []string{"content/en/a.md"},
		}}},
		{"vim (backup by rename, write test file 4913)", []step{{
			do: func(t *testing.T, root, _ string) {
				write(t, root, "content/en/4913", "")
				remove(t, root, "content/en/4913")
				move(t, filepath.Join(root, "content/en/a.md"), filepath.Join(root, "content/en/a.md~"))
				write(t, root, "content/en/a.md", "a v2, by vim\n")
				remove(t, root, "content/en/a.md~")
			},
			want: func(f map[string]string) { f["content/en/a.md"] = "a v2, by vim\n" },
		}}},
		{"temporary file renamed over (VS Code, Emacs)", []step{{
			do: func(t *testing.T, root, _ string) {
				write(t, root, "content/en/a.md.tmp", "a v2, renamed over\n")
				move(t, filepath.Join(root, "content/en/a.md.tmp"), filepath.Join(root, "content/en/a.md"))
			},
			want:    func(f map[string]string) { f["content/en/a.md"] = "a v2, renamed over\n" },
			changed: []string{"content/en/a.md"},
		}}},
		{"atomic write library (a.md.<random> renamed over)", []step{{
			do: func(t *testing.T, root, _ string) {
				write(t, root, "content/en/a.md.2813178472", "a v2, written atomically\n")
				move(t, filepath.Join(root, "content/en/a.md.2813178472"), filepath.Join(root, "content/en/a.md"))
			},
			want:    func(f map[string]string) { f["content/en/a.md"] = "a v2, written atomically\n" },
			changed: []string{"content/en/a.md"}, only: true, // (the log says "a.md", not "a.md and 1 more")
		}}},
		{"a host's file under static/.well-known/", []step{{
			do: func(t *testing.T, root, _ string) {
				write(t, root, "static/.well-known/security.txt", "Contact: mailto:x@example.org\n")
			},
			want:    func(f map[string]string) { f["static/.well-known/security.txt"] = "Contact: mailto:x@example.org\n" },
			changed: []string{"static/.well-known/security.txt"},
		}}},
		{"JetBrains safe write", []step{{
			do: func(t *testing.T, root, _ string) {
				write(t, root, "content/en/a.md___jb_tmp___", "a v2, by JetBrains\n")
				move(t, filepath.Join(root, "content/en/a.md"), filepath.Join(root, "content/en/a.md___jb_old___"))
				move(t, filepath.Join(root, "content/en/a.md___jb_tmp___"), filepath.Join(root, "content/en/a.md"))
				remove(t, root, "content/en/a.md___jb_old___")
			},
			want: func(f map[string]string) { f["content/en/a.md"] = "a v2, by JetBrains\n" },
		}}},
		{"delete and re-create", []step{{
			do: func(t *testing.T, root, _ string) {
				remove(t, root, "content/en/a.md")
				write(t, root, "content/en/a.md", "a v2, re-created\n")
			},
			want:    func(f map[string]string) { f["content/en/a.md"] = "a v2, re-created\n" },
			changed: []string{"content/en/a.md"},
		}}},
		{"file moved in", []step{{
			do: func(t *testing.T, root, outside string) {
				write(t, outside, "b.md", "b, moved in\n")
				move(t, filepath.Join(outside, "b.md"), filepath.Join(root, "content/en/b.md"))
			},
			want:    func(f map[string]string) { f["content/en/b.md"] = "b, moved in\n" },
			changed: []string{"content/en/b.md"},
		}}},
		{"file moved out", []step{{
			do: func(t *testing.T, root, outside string) {
				move(t, filepath.Join(root, "content/en/a.md"), filepath.Join(outside, "a.md"))
			},
			want:    func(f map[string]string) { delete(f, "content/en/a.md") },
			changed: []string{"content/en/a.md"},
		}}},
		{"new directory with a file", []step{{
			do: func(t *testing.T, root, _ string) {
				mkdir(t, root, "content/en/new")
				write(t, root, "content/en/new/n.md", "n v1\n")
			},
			want:    func(f map[string]string) { f["content/en/new/n.md"] = "n v1\n" },
			changed: []string{"content/en/new/n.md"},
		}, {
			do: func(t *testing.T, root, _ string) {
				write(t, root, "content/en/new/n.md", "n v2, in the new directory\n")
			},
			want:    func(f map[string]string) { f["content/en/new/n.md"] = "n v2, in the new directory\n" },
			changed: []string{"content/en/new/n.md"},
		}}},
		{"nested directories created at once", []step{{
			do: func(t *testing.T, root, _ string) {
				mkdir(t, root, "content/en/p/q/r")
				write(t, root, "content/en/p/q/r/z.md", "z v1\n")
			},
			want:    func(f map[string]string) { f["content/en/p/q/r/z.md"] = "z v1\n" },
			changed: []string{"content/en/p/q/r/z.md"},
		}, {
			do:      func(t *testing.T, root, _ string) { write(t, root, "content/en/p/q/r/z.md", "z v2, deep down\n") },
			want:    func(f map[string]string) { f["content/en/p/q/r/z.md"] = "z v2, deep down\n" },
			changed: []string{"content/en/p/q/r/z.md"},
		}}},
		{"renamed directory, then a write inside it", []step{{
			do: func(t *testing.T, root, _ string) {
				move(t, filepath.Join(root, "content/en/dir"), filepath.Join(root, "content/en/dir2"))
			},
			want: func(f map[string]string) {
				f["content/en/dir2/d.md"] = f["content/en/dir/d.md"]
				delete(f, "content/en/dir/d.md")
			},
		}, {
			do:      func(t *testing.T, root, _ string) { write(t, root, "content/en/dir2/d.md", "d v2, after the rename\n") },
			want:    func(f map[string]string) { f["content/en/dir2/d.md"] = "d v2, after the rename\n" },
			changed: []string{"content/en/dir2/d.md"},
		}}},
		{"directory moved in, then a write inside it", []step{{
			do: func(t *testing.T, root, outside string) {
				write(t, outside, "tree/x/y.md", "y v1\n")
				move(t, filepath.Join(outside, "tree"), filepath.Join(root, "content/en/tree"))
			},
			want:    func(f map[string]string) { f["content/en/tree/x/y.md"] = "y v1\n" },
			changed: []string{"content/en/tree/x/y.md"},
		}, {
			do:      func(t *testing.T, root, _ string) { write(t, root, "content/en/tree/x/y.md", "y v2\n") },
			want:    func(f map[string]string) { f["content/en/tree/x/y.md"] = "y v2\n" },
			changed: []string{"content/en/tree/x/y.md"},
		}}},
		{"directory removed, then made again", []step{{
			do:   func(t *testing.T, root, _ string) { removeAll(t, root, "content/en/dir") },
			want: func(f map[string]string) { delete(f, "content/en/dir/d.md") },
		}, {
			do: func(t *testing.T, root, _ string) {
				mkdir(t, root, "content/en/dir")
				write(t, root, "content/en/dir/d.md", "d v3, made again\n")
			},
			want: func(f map[string]string) { f["content/en/dir/d.md"] = "d v3, made again\n" },
		}, {
			do:      func(t *testing.T, root, _ string) { write(t, root, "content/en/dir/d.md", "d v4\n") },
			want:    func(f map[string]string) { f["content/en/dir/d.md"] = "d v4\n" },
			changed: []string{"content/en/dir/d.md"},
		}}},
		{"tact.toml renamed over", []step{{
			do: func(t *testing.T, root, _ string) {
				write(t, root, "tact.toml.tmp", "title = \"Tact 2\"\n")
				move(t, filepath.Join(root, "tact.toml.tmp"), filepath.Join(root, "tact.toml"))
			},
			want:    func(f map[string]string) { f["tact.toml"] = "title = \"Tact 2\"\n" },
			changed: []string{"tact.toml"},
		}}},
		{"layout, asset and UI strings", []step{{
			do:      func(t *testing.T, root, _ string) { write(t, root, "layouts/base.html", "<html>2</html>\n") },
			want:    func(f map[string]string) { f["layouts/base.html"] = "<html>2</html>\n" },
			changed: []string{"layouts/base.html"},
		}, {
			do:      func(t *testing.T, root, _ string) { write(t, root, "assets/style.css", "body{color:red}\n") },
			want:    func(f map[string]string) { f["assets/style.css"] = "body{color:red}\n" },
			changed: []string{"assets/style.css"},
		}, {
			do:      func(t *testing.T, root, _ string) { write(t, root, "i18n/en.toml", "[hello]\nother = \"Hi\"\n") },
			want:    func(f map[string]string) { f["i18n/en.toml"] = "[hello]\nother = \"Hi\"\n" },
			changed: []string{"i18n/en.toml"},
		}}},
	}
}

func TestSavePatterns(t *testing.T) {
	testSavePatterns(t, Options{})
}

// testSavePatterns drives every save pattern through Run with opts.
func testSavePatterns(t *testing.T, opts Options) {
	for _, p := range savePatterns() {
		t.Run(p.name, func(t *testing.T) {
			t.Parallel()
			root, outside := newSite(t), t.TempDir()
			want := readSources(root)
			rec := newRecorder(root)
			start(t, root, opts, rec)
			for i, s := range p.steps {
				c, changed := rec.after(t, false, func() { s.do(t, root, outside) })
				s.want(want)
				wantFiles(t, c, want)
				for _, path := range s.changed {
					if !slices.Contains(changed, path) {
						t.Errorf("step %d: build told %q changed, want it to include %q", i+1, changed, path)
					}
				}
				if s.only && !slices.Equal(changed, s.changed) {
					t.Errorf("step %d: build told %q changed, want only %q", i+1, changed, s.changed)
				}
				if t.Failed() {
					return
				}
			}
		})
	}
}

// A renamed directory's old watch must not keep reporting under the old name.
func TestRenamedDirectoryReportsNewNames(t *testing.T) {
	root := newSite(t)
	rec := newRecorder(root)
	start(t, root, Options{}, rec)
	move(t, filepath.Join(root, "content/en/dir"), filepath.Join(root, "content/en/dir2"))
	rec.next(t)
	rec.none(t)
	_, changed := rec.after(t, false, func() { write(t, root, "content/en/dir2/d.md", "d v2\n") })
	for _, p := range changed {
		if strings.HasPrefix(p, "content/en/dir/") {
			t.Errorf("after the rename, a write in content/en/dir2 was reported as %q", p)
		}
	}
}

func TestDroppingsDoNotRebuild(t *testing.T) {
	for _, opts := range []Options{{}, {Poll: true, PollInterval: 20 * time.Millisecond}} {
		t.Run(fmt.Sprintf("poll=%v", opts.Poll), func(t *testing.T) {
			root := newSite(t)
			write(t, root, "static/.well-known/security.txt", "Contact: mailto:x@example.org\n")
			write(t, root, "static/img/x.png", "png\n")
			rec := newRecorder(root)
			start(t, root, opts, rec)
			for _, name := range []string{
				"content/en/.a.md.swp", "content/en/.a.md.swx", "content/en/a.md~", "content/en/4913",
				"content/en/a.md.tmp", "content/en/.#a.md", "content/en/#a.md#", "content/en/a.md___jb_tmp___",
				"layouts/.base.html.swp", "assets/.DS_Store", "content/.hidden/x.md",
				"static/.DS_Store", "static/.well-known/.security.txt.swp", "static/img/Thumbs.db",
				"README.md", "notes.txt", "public/index.html", "public/en/new.html", ".public.staging-1/index.html",
			} {
				write(t, root, name, "dropping\n")
			}
			remove(t, root, "content/en/a.md~")
			rec.none(t)
		})
	}
}

func TestBurstGivesOneBuild(t *testing.T) {
	for _, opts := range []Options{{}, {Poll: true, PollInterval: 20 * time.Millisecond}} {
		t.Run(fmt.Sprintf("poll=%v", opts.Poll), func(t *testing.T) {
			root := newSite(t)
			want := readSources(root)
			rec := newRecorder(root)
			start(t, root, opts, rec)
			// Like a git checkout: 200 files written, one removed, one
			// directory made.
			c, changed := rec.after(t, true, func() {
				for i := range 200 {
					name := fmt.Sprintf("content/en/burst/file%03d.md", i)
					if i%50 == 0 {
						name = fmt.Sprintf("content/en/file%03d.md", i)
					}
					write(t, root, name, fmt.Sprintf("burst %d\n", i))
					want[name] = fmt.Sprintf("burst %d\n", i)
				}
				remove(t, root, "content/en/a.md")
				delete(want, "content/en/a.md")
			})
			wantFiles(t, c, want)
			if len(changed) < 200 {
				t.Errorf("builds told of %d changes, want at least 200", len(changed))
			}
		})
	}
}

func TestSaveDuringBuildGivesOneMore(t *testing.T) {
	for _, opts := range []Options{{}, {Poll: true, PollInterval: 20 * time.Millisecond}} {
		t.Run(fmt.Sprintf("poll=%v", opts.Poll), func(t *testing.T) {
			root := newSite(t)
			want := readSources(root)
			rec := newRecorder(root)
			started, release := make(chan struct{}), make(chan struct{})
			rec.gate = func(n int) {
				if n == 2 {
					close(started)
					<-release
				}
			}
			start(t, root, opts, rec)

			write(t, root, "content/en/a.md", "a v2\n")
			<-started // build 2 is running (and blocked)
			for i := 3; i <= 5; i++ {
				write(t, root, "content/en/a.md", fmt.Sprintf("a v%d\n", i))
				write(t, root, fmt.Sprintf("content/en/new%d.md", i), "new\n")
				want[fmt.Sprintf("content/en/new%d.md", i)] = "new\n"
				time.Sleep(2 * testQuiet) // separate batches, all ready before the build ends
			}
			time.Sleep(settle)
			close(release)
			rec.next(t) // build 2, whatever it saw

			want["content/en/a.md"] = "a v5\n"
			c := rec.next(t)
			wantFiles(t, c, want)
			for _, p := range []string{"content/en/a.md", "content/en/new3.md", "content/en/new5.md"} {
				if !slices.Contains(c.changed, p) {
					t.Errorf("build 3 told %q changed, want it to include %q", c.changed, p)
				}
			}
			rec.none(t)
		})
	}
}

// A failed build's changes are passed again to the next build, so an
// incremental builder never loses one.
func TestChangesKeptAfterFailure(t *testing.T) {
	root := newSite(t)
	rec := newRecorder(root)
	rec.fail = func(files map[string]string) error {
		if strings.Contains(files["content/en/a.md"], "BAD") {
			return fmt.Errorf("content/en/a.md:1:1: bad")
		}
		return nil
	}
	start(t, root, Options{}, rec)
	replace(t, root, "content/en/a.md", "BAD\n")
	rec.next(t)
	rec.none(t)
	replace(t, root, "content/en/b.md", "b\n")
	if c := rec.next(t); !slices.Equal(c.changed, []string{"content/en/a.md", "content/en/b.md"}) {
		t.Errorf("after a failed build, the next was told %q changed, want a.md and b.md", c.changed)
	}
	rec.none(t)
	replace(t, root, "content/en/a.md", "good\n")
	rec.next(t)
	rec.none(t)
	replace(t, root, "content/en/b.md", "b2\n")
	if c := rec.next(t); !slices.Equal(c.changed, []string{"content/en/b.md"}) {
		t.Errorf("after a good build, the next was told %q changed, want only b.md", c.changed)
	}
}

func TestScope(t *testing.T) {
	root := filepath.FromSlash("/site")
	sc := scope{root: root, out: filepath.Join(root, "content", "public")}
	for name, want := range map[string]bool{
		"tact.toml":                       true,
		"content":                         true,
		"content/en/a.md":                 true,
		"content/en/quiz.toml":            true,
		"layouts/partials/x.html":         true,
		"assets/style.css":                true,
		"i18n/nl.toml":                    true,
		"content/public/index.html":       false, // the output directory
		"content/public":                  false,
		"public/index.html":               false,
		"README.md":                       false,
		"tact.toml~":                      false,
		".tact.toml.swp":                  false,
		"content/en/.a.md.swp":            false,
		"content/en/.#a.md":               false,
		"content/en/#a.md#":               false,
		"content/en/a.md~":                false,
		"content/en/4913":                 false,
		"content/en/a.tmp":                false,
		"content/en/a.md.swx":             false,
		"content/en/a.md___jb_old___":     false,
		"content/.git/HEAD":               false,
		"static/.well-known/security.txt": true, // (published as it is: a host reads it)
		"static/.nojekyll":                true,
		"static/.well-known/.x.swp":       false,
		"static/.DS_Store":                false,
		"static/.#lock":                   false,
		"contents/a.md":                   false,
	} {
		if _, got := sc.rel(filepath.Join(root, filepath.FromSlash(name))); got != want {
			t.Errorf("%s: source = %v, want %v", name, got, want)
		}
	}
	if _, ok := sc.rel(filepath.FromSlash("/elsewhere/content/a.md")); ok {
		t.Errorf("a path outside the root is a source")
	}
}

func write(t *testing.T, root, name, data string) {
	t.Helper()
	sitetest.WriteTree(t, root, map[string]string{name: data})
}

// replace writes a file atomically (a temporary file renamed over it), so
// that its change is one event and cannot be split between two builds.
func replace(t *testing.T, root, name, data string) {
	t.Helper()
	write(t, root, name+".tmp", data)
	move(t, filepath.Join(root, filepath.FromSlash(name+".tmp")), filepath.Join(root, filepath.FromSlash(name)))
}

func remove(t *testing.T, root, name string) {
	t.Helper()
	if err := os.Remove(filepath.Join(root, filepath.FromSlash(name))); err != nil {
		t.Fatal(err)
	}
}

func removeAll(t *testing.T, root, name string) {
	t.Helper()
	if err := os.RemoveAll(filepath.Join(root, filepath.FromSlash(name))); err != nil {
		t.Fatal(err)
	}
}

func mkdir(t *testing.T, root, name string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Join(root, filepath.FromSlash(name)), 0o755); err != nil {
		t.Fatal(err)
	}
}

func move(t *testing.T, from, to string) {
	t.Helper()
	if err := os.Rename(from, to); err != nil {
		t.Fatal(err)
	}
}
