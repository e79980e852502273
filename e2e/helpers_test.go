package e2e

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/target"
	"github.com/chromedp/chromedp"

	"github.com/tact-guide/tact/internal/build"
)

// builtSite is the real site, built once per test binary.
var builtSite struct {
	once sync.Once
	dir  string
	err  error
}

// siteDir builds the repository's site (unminified output is not what readers
// get, so it is minified as in production) and returns the output directory.
func siteDir(t *testing.T) string {
	t.Helper()
	builtSite.once.Do(func() {
		dir, err := os.MkdirTemp("", "tact-e2e-")
		if err != nil {
			builtSite.err = err
			return
		}
		builtSite.dir = filepath.Join(dir, "public")
		_, builtSite.err = build.Build(context.Background(), os.DirFS(".."), build.Options{Out: builtSite.dir, Minify: true})
	})
	if builtSite.err != nil {
		t.Fatalf("build the site: %v", builtSite.err)
	}
	return builtSite.dir
}

// serve serves dir on a loopback port, with the root 404 page for unknown
// paths, and returns the base URL.
func serve(t *testing.T, dir string) string {
	t.Helper()
	files := http.FileServer(http.Dir(dir))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(r.URL.Path))); err != nil {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.WriteHeader(http.StatusNotFound)
			b, _ := os.ReadFile(filepath.Join(dir, "404.html"))
			_, _ = w.Write(b)
			return
		}
		files.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}

// chromiumPath finds Debian's Chromium, failing under CI and skipping
// elsewhere when it is missing.
func chromiumPath(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("chromium is not installed: browser tests are required in CI (apt-get install -y chromium)")
	}
	t.Skip("chromium is not installed: run `apt-get install -y chromium` to run the browser tests")
	return ""
}

// browserFlags are the options every test's Chromium runs with.
func browserFlags(t *testing.T, profile string) []chromedp.ExecAllocatorOption {
	return []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromiumPath(t)),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		// Tests load a page afresh by way of about:blank; with the
		// back/forward cache, leaving a page froze and kept it, 0.45 s a
		// time against 0.06 s. No test goes back across documents.
		chromedp.Flag("disable-features", "BackForwardCache"),
		chromedp.UserDataDir(profile),
		chromedp.WindowSize(1024, 900),
	}
}

// sharedBrowser is the one Chromium most of the package's tests open their
// tabs in, and framesBrowser the one for tests that look inside
// cross-origin frames; each is started by the first test that needs it and
// stopped by TestMain.
var sharedBrowser, framesBrowser shared

type shared struct {
	once   sync.Once
	ctx    context.Context
	cancel func()
	err    error
}

// start starts the browser with opts once, and returns its context.
func (b *shared) start(t *testing.T, opts ...chromedp.ExecAllocatorOption) context.Context {
	t.Helper()
	chromiumPath(t) // (skips, or fails under CI, without a browser)
	b.once.Do(func() {
		profile, err := os.MkdirTemp("", "tact-chromium-")
		if err != nil {
			b.err = err
			return
		}
		actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), append(browserFlags(t, profile), opts...)...)
		bctx, cancelBrowser := chromedp.NewContext(actx)
		b.ctx = bctx
		b.cancel = func() {
			cancelBrowser()
			cancelAlloc()
			_ = os.RemoveAll(profile)
		}
		b.err = chromedp.Run(bctx) // starts it, with a first tab no test uses
	})
	if b.err != nil {
		t.Fatalf("start chromium: %v", b.err)
	}
	return b.ctx
}

// stop stops the browser if it was started.
func (b *shared) stop() {
	if b.cancel != nil {
		b.cancel()
	}
}

// newBrowser returns a new tab's context, closed when the test ends: a tab
// of the package's one browser, or, when the test needs browser options of
// its own (command-line flags), a browser of its own.
func newBrowser(t *testing.T, opts ...chromedp.ExecAllocatorOption) context.Context {
	t.Helper()
	if len(opts) == 0 {
		return newTab(t, sharedBrowser.start(t), false)
	}
	actx, cancel := chromedp.NewExecAllocator(context.Background(), append(browserFlags(t, profileDir(t)), opts...)...)
	t.Cleanup(cancel)
	return newTab(t, actx, false)
}

// newFramesTab returns a new tab of the browser that keeps cross-origin
// frames in their page's process, so that DevTools can query inside them
// (a frame's nodes, its documents' script contexts: inFrame). The tab has
// a window of its own: the embed tests run side by side and need their
// pages drawn (resize observers tell the host a frame's height), and a
// background tab is hidden and not drawn, while every headless window is
// visible. (Not for all tests: drawing every page costs the package 40 s.)
func newFramesTab(t *testing.T) context.Context {
	t.Helper()
	return newTab(t, framesBrowser.start(t,
		chromedp.Flag("disable-site-isolation-trials", true),
		// (Replaces browserFlags' disable-features: keep BackForwardCache in it.)
		chromedp.Flag("disable-features", "BackForwardCache,IsolateOrigins,site-per-process"),
	), true)
}

// newTab opens a tab in parent, in front, closed when the test ends; with
// window, in a window of its own (see newFramesTab).
func newTab(t *testing.T, parent context.Context, window bool) context.Context {
	t.Helper()
	var opts []chromedp.ContextOption
	if c := chromedp.FromContext(parent); window && c != nil && c.Browser != nil {
		var id target.ID
		err := chromedp.Run(parent, chromedp.ActionFunc(func(ctx context.Context) error {
			var err error
			id, err = target.CreateTarget("about:blank").WithNewWindow(true).Do(cdp.WithExecutor(ctx, c.Browser))
			return err
		}))
		if err != nil {
			t.Fatalf("open a window: %v", err)
		}
		opts = append(opts, chromedp.WithTargetID(id))
	}
	ctx, cancel := chromedp.NewContext(parent, opts...)
	t.Cleanup(cancel)
	ctx, cancel2 := context.WithTimeout(ctx, 3*time.Minute) // generous: CI machines are busy
	t.Cleanup(cancel2)
	// In front: a page in a background tab has no focus, and the clipboard
	// API refuses it.
	if err := chromedp.Run(ctx, page.BringToFront()); err != nil {
		t.Fatalf("open a tab: %v", err)
	}
	return ctx
}

// TestMain stops the shared browsers after the tests.
func TestMain(m *testing.M) {
	code := m.Run()
	sharedBrowser.stop()
	framesBrowser.stop()
	os.Exit(code)
}

// profileDir returns a fresh browser profile directory, removed after the
// test; Chromium may still be writing to it while it exits, so errors from
// the removal are ignored (unlike t.TempDir, which fails the test).
func profileDir(t *testing.T) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "tact-chromium-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.RemoveAll(dir) })
	return dir
}

// checkMailto compares a mailto: href with the subject and body it must carry,
// decoding the percent-encoding (equivalent encodings are equally correct).
func checkMailto(t *testing.T, href, subject, body string) {
	t.Helper()
	u, err := url.Parse(href)
	if err != nil || u.Scheme != "mailto" {
		t.Fatalf("not a mailto URL: %q (%v)", href, err)
	}
	if strings.Contains(u.RawQuery, "+") {
		t.Errorf("mailto query has a raw '+', which mail programs show literally: %s", href)
	}
	q, err := url.ParseQuery(u.RawQuery)
	if err != nil {
		t.Fatalf("mailto query: %v", err)
	}
	if got := q.Get("subject"); got != subject {
		t.Errorf("mailto subject:\nhave %q\nwant %q", got, subject)
	}
	want := strings.ReplaceAll(body, "\n", "\r\n")
	if got := q.Get("body"); got != want {
		t.Errorf("mailto body:\nhave %q\nwant %q", got, want)
	}
}
