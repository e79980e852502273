package devserver

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"mime"
	"net"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
)

// server serves the output directory with live reload. See "Preview server"
// in the package doc.
type server struct {
	out  string                 // output directory
	base atomic.Pointer[string] // the site's base path ("/guide"), "" at the root; see setBase
	hub  *hub

	mu    sync.Mutex
	moved map[string]string // former page addresses → their current ones; see follow
}

// follow records pages that moved in a build (old → new address): a
// request for an old address that is not found again is redirected to the
// page's address now, so a preview open on a page whose slug changed
// reloads into it. Addresses moved twice lead to the last one.
func (s *server) follow(moved map[string]string) {
	if len(moved) == 0 {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.moved == nil {
		s.moved = map[string]string{}
	}
	for old, new := range moved {
		for o, n := range s.moved {
			if n == old {
				s.moved[o] = new
			}
		}
		s.moved[old] = new
	}
	delete(s.moved, "") // (never)
	for old, new := range s.moved {
		if old == new {
			delete(s.moved, old)
		}
	}
}

// movedTo returns the current address of a page that used to be at p.
func (s *server) movedTo(p string) (string, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	to, ok := s.moved[p]
	return to, ok
}

func newServer(out, base string, h *hub) *server {
	s := &server{out: out, hub: h}
	s.setBase(base)
	return s
}

// setBase serves the site under base from now on (a build for another base
// URL changed it); it reports whether that changed anything.
func (s *server) setBase(base string) bool {
	base = strings.TrimSuffix(base, "/")
	old := s.base.Swap(&base)
	return old == nil || *old != base
}

func (s *server) basePath() string { return *s.base.Load() }

func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	if !localHost(r) {
		// A page on another site the writer visits could otherwise point a
		// name of its own at 127.0.0.1 (DNS rebinding) and read the preview.
		http.Error(w, "the preview answers only requests for 127.0.0.1 or localhost at its own port", http.StatusMisdirectedRequest)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	switch r.URL.Path {
	case liveEvents:
		s.hub.serveEvents(w, r)
		return
	case liveJS, liveCSS:
		data, err := client.ReadFile("client/" + path.Base(r.URL.Path))
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", contentType(r.URL.Path))
		http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(data))
		return
	}
	urlPath, ok := s.underBase(w, r)
	if !ok {
		return
	}
	name, ok := localPath(urlPath)
	if !ok {
		http.Error(w, "bad path", http.StatusBadRequest)
		return
	}
	root, err := os.OpenRoot(s.out)
	if err != nil {
		s.notFound(w, r, nil, name)
		return
	}
	defer root.Close()
	s.serveFile(w, r, root, name)
}

// localHost reports whether the request names the preview itself in its
// Host header: 127.0.0.1, localhost or [::1], at the port it came in on.
func localHost(r *http.Request) bool {
	host, port, err := net.SplitHostPort(r.Host)
	if err != nil {
		host, port = r.Host, "80" // (a browser leaves out the default port)
	}
	if host != "127.0.0.1" && host != "localhost" && host != "::1" {
		return false
	}
	if addr, ok := r.Context().Value(http.LocalAddrContextKey).(net.Addr); ok {
		_, own, err := net.SplitHostPort(addr.String())
		return err == nil && own == port
	}
	return true
}

// underBase returns the request's path below the site's base path. A site
// built for https://example.org/guide/ links to /guide/…, so the server
// serves the output directory there: / and /guide redirect to /guide/, and
// any other path outside it is not found.
func (s *server) underBase(w http.ResponseWriter, r *http.Request) (string, bool) {
	base := s.basePath()
	if base == "" {
		return r.URL.Path, true
	}
	if rest, ok := strings.CutPrefix(r.URL.Path, base); ok && strings.HasPrefix(rest, "/") {
		return rest, true
	}
	if r.URL.Path == "/" || r.URL.Path == base {
		http.Redirect(w, r, base+"/", http.StatusFound)
		return "", false
	}
	s.notFound(w, r, nil, "")
	return "", false
}

// localPath turns a request's (decoded) URL path into a slash-separated path
// relative to the output directory, "." for the top. It refuses any path with
// a ".." segment, a backslash or a NUL: the site has none, so such a request
// is an attempt to leave the directory, however it was encoded.
func localPath(urlPath string) (string, bool) {
	if !strings.HasPrefix(urlPath, "/") || strings.ContainsAny(urlPath, "\\\x00") {
		return "", false
	}
	for seg := range strings.SplitSeq(urlPath, "/") {
		if seg == ".." {
			return "", false
		}
	}
	name := strings.TrimPrefix(path.Clean(urlPath), "/")
	if name == "" {
		name = "."
	}
	if !filepath.IsLocal(filepath.FromSlash(name)) && name != "." {
		return "", false
	}
	return name, true
}

// serveFile serves name from root: a file as it is (HTML with live reload), a
// directory as its index.html, anything else as the 404 page.
func (s *server) serveFile(w http.ResponseWriter, r *http.Request, root *os.Root, name string) {
	info, err := root.Stat(name)
	if err != nil {
		s.notFound(w, r, root, name)
		return
	}
	if info.IsDir() {
		index := path.Join(name, "index.html")
		if ii, err := root.Stat(index); err != nil || !ii.Mode().IsRegular() {
			s.notFound(w, r, root, name) // never a listing
			return
		}
		if !strings.HasSuffix(r.URL.Path, "/") {
			// Relative links in the page resolve against the directory.
			target := s.basePath() + "/" + name + "/"
			if name == "." {
				target = s.basePath() + "/"
			}
			if r.URL.RawQuery != "" {
				target += "?" + r.URL.RawQuery
			}
			http.Redirect(w, r, target, http.StatusMovedPermanently)
			return
		}
		name = index
	} else if !info.Mode().IsRegular() {
		s.notFound(w, r, root, name)
		return
	}
	f, err := root.Open(name)
	if err != nil {
		s.notFound(w, r, root, name)
		return
	}
	defer f.Close()
	ctype := contentType(name)
	w.Header().Set("Content-Type", ctype)
	if !strings.HasPrefix(ctype, "text/html") {
		http.ServeContent(w, r, "", time.Time{}, f)
		return
	}
	page, err := io.ReadAll(f)
	if err != nil {
		http.Error(w, "cannot read "+name, http.StatusInternalServerError)
		return
	}
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(inject(page)))
}

// notFound answers with status 404 and the site's 404 page: the one of the
// language the path is in, if it has one, else the root one, else a stand-in
// (before the first good build, there is no site yet).
func (s *server) notFound(w http.ResponseWriter, r *http.Request, root *os.Root, name string) {
	if to, ok := s.movedTo(r.URL.Path); ok && root != nil {
		http.Redirect(w, r, to, http.StatusFound)
		return
	}
	var page []byte
	if root != nil {
		lang, _, _ := strings.Cut(name, "/")
		for _, p := range []string{path.Join(lang, "404.html"), "404.html"} {
			if data, err := readRegular(root, p); err == nil {
				page = data
				break
			}
		}
	}
	if page == nil {
		page = []byte("<!doctype html><html lang=en><head><meta charset=utf-8><title>Not found</title></head>" +
			"<body><h1>Not found</h1><p>Nothing is built at this address. If the build failed, its problems are listed on this page.</p></body></html>")
	}
	page = inject(page)
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Content-Length", strconv.Itoa(len(page)))
	w.WriteHeader(http.StatusNotFound)
	if r.Method != http.MethodHead {
		w.Write(page)
	}
}

func readRegular(root *os.Root, name string) ([]byte, error) {
	info, err := root.Stat(name)
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, fs.ErrNotExist
	}
	return root.ReadFile(name)
}

// contentType returns the media type for a file name, from its extension:
// the types a static site uses are fixed here, so that they do not depend on
// the machine's MIME tables.
func contentType(name string) string {
	switch strings.ToLower(path.Ext(name)) {
	case ".html", ".htm":
		return "text/html; charset=utf-8"
	case ".css":
		return "text/css; charset=utf-8"
	case ".js", ".mjs":
		return "text/javascript; charset=utf-8"
	case ".json":
		return "application/json"
	case ".webmanifest":
		return "application/manifest+json"
	case ".xml":
		return "application/xml"
	case ".txt":
		return "text/plain; charset=utf-8"
	case ".svg":
		return "image/svg+xml"
	case ".png":
		return "image/png"
	case ".jpg", ".jpeg":
		return "image/jpeg"
	case ".gif":
		return "image/gif"
	case ".webp":
		return "image/webp"
	case ".avif":
		return "image/avif"
	case ".ico":
		return "image/x-icon"
	case ".woff2":
		return "font/woff2"
	case ".woff":
		return "font/woff"
	case ".pdf":
		return "application/pdf"
	}
	if t := mime.TypeByExtension(path.Ext(name)); t != "" {
		return t
	}
	return "application/octet-stream"
}

// listen listens on 127.0.0.1 at port, or at the next free port after it,
// trying a few; port 0 picks any free one.
func listen(port int) (net.Listener, error) {
	const tries = 20
	for p := port; p < port+tries && p <= 65535; p++ {
		l, err := net.Listen("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(p)))
		if err == nil {
			return l, nil
		}
		if !errors.Is(err, syscall.EADDRINUSE) || port == 0 {
			return nil, err
		}
	}
	return nil, fmt.Errorf("ports %d to %d on 127.0.0.1 are all taken; choose another with --port", port, port+tries-1)
}
