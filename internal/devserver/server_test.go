package devserver

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/tact-guide/tact/internal/sitetest"
)

const secret = "TOP SECRET: outside the output directory"

// newOutput writes an output directory with a secret file beside it and
// returns the directory.
func newOutput(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	sitetest.WriteTree(t, dir, map[string]string{
		"secret.txt":                 secret,
		"public/index.html":          "<!doctype html><html><head><title>Chooser</title></head><body>chooser</body></html>",
		"public/404.html":            "<!doctype html><html><head><title>Not found</title></head><body>root 404</body></html>",
		"public/en/index.html":       "<!doctype html><html><HEAD><title>Home</title></HEAD><body>home</body></html>",
		"public/en/404.html":         "<!doctype html><html><head><title>Not found</title></head><body>en 404</body></html>",
		"public/en/a/index.html":     "<!doctype html><html><head></head><body>article</body></html>",
		"public/assets/style.1.css":  "body{}",
		"public/assets/js/lang.1.js": "console.log(1)",
		"public/feed.xml":            "<feed/>",
		"public/sitemap.xml":         "<urlset/>",
		"public/quiz.json":           "{}",
		"public/og.png":              "\x89PNG",
		"public/empty/keep.txt":      "no index here",
	})
	out := filepath.Join(dir, "public")
	if err := os.Symlink(filepath.Join(dir, "secret.txt"), filepath.Join(out, "escape.txt")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(dir, filepath.Join(out, "escdir")); err != nil {
		t.Fatal(err)
	}
	return out
}

func newTestServer(t *testing.T) (*httptest.Server, string) {
	t.Helper()
	out := newOutput(t)
	ts := httptest.NewServer(newServer(out, "", newHub()))
	t.Cleanup(ts.Close)
	return ts, out
}

// rawGet sends target as the request line's target, byte for byte: no client
// library cleans or re-encodes it.
func rawGet(t *testing.T, addr, target string) (int, string) {
	t.Helper()
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n", target, addr)
	res, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("GET %s: %v", target, err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(body)
}

func TestServerRefusesPathsOutside(t *testing.T) {
	ts, _ := newTestServer(t)
	addr := ts.Listener.Addr().String()
	for _, target := range []string{
		"/../secret.txt",
		"/en/../../secret.txt",
		"/%2e%2e/secret.txt",
		"/%2E%2E/secret.txt",
		"/.%2e/secret.txt",
		"/..%2fsecret.txt",
		"/%2e%2e%2fsecret.txt",
		"/en/..%2f..%2fsecret.txt",
		"/..%5csecret.txt",
		"/%5c..%5csecret.txt",
		"/..\\secret.txt",
		"/en\\..\\..\\secret.txt",
		"//secret.txt",
		"/" + strings.TrimPrefix(filepath.Dir(ts.Config.Handler.(*server).out), "/") + "/secret.txt",
		"http://localhost/../secret.txt",
		"/escape.txt",
		"/escdir/secret.txt",
		"/escdir/",
		"/secret.txt%00.html",
	} {
		status, body := rawGet(t, addr, target)
		// (An absolute target names its own host: refused as another host's.)
		if status != http.StatusBadRequest && status != http.StatusNotFound && status != http.StatusMisdirectedRequest {
			t.Errorf("GET %s: status %d, want 400, 404 or 421", target, status)
		}
		if strings.Contains(body, "SECRET") {
			t.Errorf("GET %s: served the file outside the output directory", target)
		}
	}
}

func TestServerFiles(t *testing.T) {
	ts, out := newTestServer(t)
	for _, tc := range []struct {
		path   string
		status int
		ctype  string
		body   string // the response contains it
	}{
		{"/", 200, "text/html; charset=utf-8", "chooser"},
		{"/index.html", 200, "text/html; charset=utf-8", "chooser"},
		{"/en/", 200, "text/html; charset=utf-8", "home"},
		{"/en/a/", 200, "text/html; charset=utf-8", "article"},
		{"/en/a/?utm=x", 200, "text/html; charset=utf-8", "article"},
		{"/assets/style.1.css", 200, "text/css; charset=utf-8", "body{}"},
		{"/assets/js/lang.1.js", 200, "text/javascript; charset=utf-8", "console.log(1)"},
		{"/feed.xml", 200, "application/xml", "<feed/>"},
		{"/quiz.json", 200, "application/json", "{}"},
		{"/og.png", 200, "image/png", "PNG"},
		{"/empty/keep.txt", 200, "text/plain; charset=utf-8", "no index"},
		{"/_tact/live.js", 200, "text/javascript; charset=utf-8", "EventSource"},
		{"/_tact/live.css", 200, "text/css; charset=utf-8", ".tact-live-overlay"},
		// Unknown paths: the language's 404 page, or the root one.
		{"/nope", 404, "text/html; charset=utf-8", "root 404"},
		{"/en/nope/", 404, "text/html; charset=utf-8", "en 404"},
		{"/en/a/b/c.html", 404, "text/html; charset=utf-8", "en 404"},
		// Directories without index.html are never listed.
		{"/empty/", 404, "text/html; charset=utf-8", "root 404"},
		{"/assets/", 404, "text/html; charset=utf-8", "root 404"},
		{"/assets", 404, "text/html; charset=utf-8", "root 404"},
	} {
		res, err := http.Get(ts.URL + tc.path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != tc.status {
			t.Errorf("GET %s: status %d, want %d", tc.path, res.StatusCode, tc.status)
		}
		if got := res.Header.Get("Content-Type"); got != tc.ctype {
			t.Errorf("GET %s: Content-Type %q, want %q", tc.path, got, tc.ctype)
		}
		if got := res.Header.Get("Cache-Control"); got != "no-store" {
			t.Errorf("GET %s: Cache-Control %q, want no-store", tc.path, got)
		}
		if !strings.Contains(string(body), tc.body) {
			t.Errorf("GET %s: body %q does not contain %q", tc.path, body, tc.body)
		}
		if strings.Contains(string(body), "style.1.css\n") || strings.Contains(string(body), "keep.txt") && tc.path != "/empty/keep.txt" {
			t.Errorf("GET %s: looks like a directory listing: %q", tc.path, body)
		}
		if got, want := res.Header.Get("Content-Length"), strconv.Itoa(len(body)); got != want {
			t.Errorf("GET %s: Content-Length %s, body %s bytes", tc.path, got, want)
		}
		isHTML := strings.HasPrefix(tc.ctype, "text/html")
		if injected := strings.Contains(string(body), liveTag); injected != isHTML {
			t.Errorf("GET %s: live reload script injected = %v, want %v", tc.path, injected, isHTML)
		}
	}
	// Non-HTML files are served byte for byte; HTML files on disk are never
	// touched.
	for _, name := range []string{"assets/style.1.css", "en/index.html"} {
		data, _ := os.ReadFile(filepath.Join(out, name))
		if strings.Contains(string(data), "_tact") {
			t.Errorf("%s on disk has the live reload script", name)
		}
	}
}

func TestServerRedirectsDirectories(t *testing.T) {
	ts, _ := newTestServer(t)
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	for path, want := range map[string]string{"/en": "/en/", "/en/a?x=1": "/en/a/?x=1"} {
		res, err := client.Get(ts.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != http.StatusMovedPermanently || res.Header.Get("Location") != want {
			t.Errorf("GET %s: %d to %q, want 301 to %q", path, res.StatusCode, res.Header.Get("Location"), want)
		}
	}
}

func TestServerMethods(t *testing.T) {
	ts, _ := newTestServer(t)
	res, err := http.Head(ts.URL + "/en/")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != 200 {
		t.Errorf("HEAD /en/: %d, want 200", res.StatusCode)
	}
	res, err = http.Post(ts.URL+"/en/", "text/plain", strings.NewReader("x"))
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST /en/: %d, want 405", res.StatusCode)
	}
}

// Before the first good build there is no output directory: unknown paths
// still get a page that runs live.js, so the error overlay can show.
func TestServerWithoutOutput(t *testing.T) {
	ts := httptest.NewServer(newServer(filepath.Join(t.TempDir(), "public"), "", newHub()))
	defer ts.Close()
	res, err := http.Get(ts.URL + "/en/")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 404 || !strings.Contains(string(body), liveTag) {
		t.Errorf("GET /en/ with no output: %d %q, want 404 with the live reload script", res.StatusCode, body)
	}
}

func TestLocalPath(t *testing.T) {
	for in, want := range map[string]string{
		"/":               ".",
		"/en/":            "en",
		"/en/a/":          "en/a",
		"/en//a":          "en/a",
		"/en/./a":         "en/a",
		"/assets/x.css":   "assets/x.css",
		"/..":             "",
		"/../x":           "",
		"/en/../x":        "",
		"/a\\b":           "",
		"/a\x00b":         "",
		"relative":        "",
		"/en/..hidden":    "en/..hidden",
		"/en/...":         "en/...",
		"/en/a..b/c.html": "en/a..b/c.html",
	} {
		got, ok := localPath(in)
		if ok != (want != "") || got != want {
			t.Errorf("localPath(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
}

func TestInject(t *testing.T) {
	for in, want := range map[string]string{
		"<html><head><title>x</title></head><body></body></html>": "<html><head><title>x</title>" + liveTag + "</head><body></body></html>",
		"<html><HEAD></HEAD><body></body></html>":                 "<html><HEAD>" + liveTag + "</HEAD><body></body></html>",
		"<html><body class=x></body></html>":                      "<html>" + liveTag + "<body class=x></body></html>",
		"just text":                                               "just text" + liveTag,
	} {
		if got := string(inject([]byte(in))); got != want {
			t.Errorf("inject(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestListenTriesNextPort(t *testing.T) {
	taken, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer taken.Close()
	port := taken.Addr().(*net.TCPAddr).Port
	l, err := listen(port)
	if err != nil {
		t.Skipf("no free port after %d: %v", port, err)
	}
	defer l.Close()
	addr := l.Addr().(*net.TCPAddr)
	if addr.Port == port || !addr.IP.IsLoopback() {
		t.Errorf("listen(%d) with %d taken: listening on %v", port, port, addr)
	}
}

// TestServerUnderBasePath checks that a site built for a base URL with a
// path (https://example.org/guide/) is served under that path, where its
// links point, and that nothing leaks out around it.
func TestServerUnderBasePath(t *testing.T) {
	out := newOutput(t)
	ts := httptest.NewServer(newServer(out, "/guide", newHub()))
	t.Cleanup(ts.Close)
	addr := ts.Listener.Addr().String()
	for _, tt := range []struct {
		target string
		status int
		body   string // contained in the body, or the Location for redirects
	}{
		{"/guide/", 200, "chooser"},
		{"/guide/en/", 200, "home"},
		{"/guide/en/a/", 200, "article"},
		{"/guide/en/a", 301, "/guide/en/a/"},
		{"/guide/assets/style.1.css", 200, "body{}"},
		{"/guide/en/missing/", 404, "en 404"},
		{"/", 302, "/guide/"},
		{"/guide", 302, "/guide/"},
		{"/en/", 404, "Not found"},
		{"/guidebook/", 404, "Not found"},
		{"/guide/../secret.txt", 400, ""},
		{"/guide/escape.txt", 404, ""},
	} {
		conn, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n", tt.target, addr)
		res, err := http.ReadResponse(bufio.NewReader(conn), nil)
		if err != nil {
			t.Fatalf("GET %s: %v", tt.target, err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		conn.Close()
		got := string(body)
		if res.StatusCode/100 == 3 {
			got = res.Header.Get("Location")
		}
		if res.StatusCode != tt.status || !strings.Contains(got, tt.body) {
			t.Errorf("GET %s: %d %q, want %d with %q", tt.target, res.StatusCode, got, tt.status, tt.body)
		}
		if strings.Contains(string(body), secret) {
			t.Errorf("GET %s: served the file outside the output directory", tt.target)
		}
	}
}

// A build for another base URL (tact.toml's baseURL edited while watching)
// moves the preview to the new path: no restart needed.
func TestServerFollowsTheBasePathOfTheLastBuild(t *testing.T) {
	root := newSite(t)
	rec := newRecorder(root)
	rec.base = func(files map[string]string) string {
		if strings.Contains(files["tact.toml"], "guide") {
			return "/guide"
		}
		return ""
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	url := "http://" + ln.Addr().String()
	start(t, root, Options{Serve: true, Listener: ln}, rec)
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	get := func(path string) (int, string) {
		res, err := client.Get(url + path)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		return res.StatusCode, res.Header.Get("Location")
	}
	if code, _ := get("/"); code != 200 {
		t.Fatalf("GET / before: %d, want 200", code)
	}
	replace(t, root, "tact.toml", "title = \"Tact\"\nbaseURL = \"https://example.org/guide/\"\n")
	rec.next(t)
	deadline := time.Now().Add(wait)
	for {
		code, loc := get("/")
		if code == http.StatusFound && loc == "/guide/" {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("GET / after the base URL changed: %d %q, want a redirect to /guide/", code, loc)
		}
		time.Sleep(10 * time.Millisecond)
	}
	if code, _ := get("/guide/"); code != 200 {
		t.Errorf("GET /guide/: %d, want 200", code)
	}
}

// The preview answers only requests that name it: 127.0.0.1, localhost or
// [::1] at its own port. A web page the writer visits could otherwise point
// a host name of its own at 127.0.0.1 (DNS rebinding) and read the preview
// and its event stream.
func TestServerAnswersOnlyItsOwnHost(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if err := os.MkdirAll(filepath.Join(out, "en"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(out, "en", "index.html"), []byte("<p>secret draft</p>"), 0o644); err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(newServer(out, "", newHub()))
	defer ts.Close()
	_, port, _ := net.SplitHostPort(strings.TrimPrefix(ts.URL, "http://"))
	for host, want := range map[string]int{
		"127.0.0.1:" + port:        200,
		"localhost:" + port:        200,
		"[::1]:" + port:            200,
		"evil.example:" + port:     http.StatusMisdirectedRequest,
		"evil.example":             http.StatusMisdirectedRequest,
		"127.0.0.1":                http.StatusMisdirectedRequest,
		"localhost:1":              http.StatusMisdirectedRequest,
		"127.0.0.1.nip.io:" + port: http.StatusMisdirectedRequest,
	} {
		for _, p := range []string{"/en/", liveEvents} {
			req, _ := http.NewRequest("GET", ts.URL+p, nil)
			req.Host = host
			if p == liveEvents {
				ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
				defer cancel()
				req = req.WithContext(ctx)
			}
			res, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatalf("GET %s with Host %s: %v", p, host, err)
			}
			res.Body.Close()
			if p == "/en/" && res.StatusCode != want || p == liveEvents && (want == 200) != (res.StatusCode == 200) {
				t.Errorf("GET %s with Host %q: %d, want %d", p, host, res.StatusCode, want)
			}
		}
	}
}

// A page whose slug changed in a build is followed: its former address
// redirects to its address now (where nothing is built there again), so
// the open preview reloads into it; a page moved twice leads to the last.
func TestServerFollowsMovedPages(t *testing.T) {
	out := newOutput(t)
	s := newServer(out, "", newHub())
	ts := httptest.NewServer(s)
	t.Cleanup(ts.Close)
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	get := func(p string) *http.Response {
		t.Helper()
		res, err := client.Get(ts.URL + p)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		return res
	}
	if res := get("/en/old/"); res.StatusCode != http.StatusNotFound {
		t.Fatalf("before any move: status %d, want 404", res.StatusCode)
	}
	s.follow(map[string]string{"/en/old/": "/en/b/"})
	s.follow(map[string]string{"/en/b/": "/en/a/", "/en/a/": "/en/a/"})
	for _, p := range []string{"/en/old/", "/en/b/"} {
		res := get(p)
		if res.StatusCode != http.StatusFound || res.Header.Get("Location") != "/en/a/" {
			t.Errorf("GET %s: status %d, Location %q, want 302 to /en/a/", p, res.StatusCode, res.Header.Get("Location"))
		}
	}
	if res := get("/en/a/"); res.StatusCode != http.StatusOK {
		t.Errorf("the page itself: status %d, want 200", res.StatusCode)
	}
}
