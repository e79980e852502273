#!/usr/bin/env python3
"""Serves a built Tact site on 127.0.0.1 roughly as a static host would.

Usage: serve.py DIR PORT

Beyond python3 -m http.server it
  * applies the site's own _headers file (Netlify / Cloudflare Pages syntax:
    every rule whose path matches adds its headers; a trailing * matches any
    rest of the path), so Lighthouse sees the CSP, nosniff, Referrer-Policy
    and Cache-Control the site asks for;
  * gzips text responses when the client accepts it, as those hosts do, so
    the simulated timings use realistic transfer sizes;
  * answers unknown paths with the root 404.html and status 404;
  * speaks HTTP/1.1 with keep-alive.
Only for benchmarks: no range requests, no conditional GETs.
"""

import gzip
import http.server
import io
import os
import sys
import urllib.parse
from functools import partial

COMPRESSIBLE = ("text/", "application/javascript", "application/json",
                "application/xml", "application/manifest+json",
                "application/rss+xml", "application/atom+xml", "image/svg+xml")


def parse_headers(path):
    """Returns [(pattern, [(name, value), ...]), ...] from a _headers file."""
    rules = []
    try:
        with open(path, encoding="utf-8") as f:
            lines = f.read().splitlines()
    except FileNotFoundError:
        return rules
    for line in lines:
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            rules.append((line.strip(), []))
        elif rules and ":" in line:
            name, value = line.strip().split(":", 1)
            rules[-1][1].append((name.strip(), value.strip()))
    return rules


def matches(pattern, path):
    if pattern.endswith("*"):
        return path.startswith(pattern[:-1])
    return path == pattern


class Handler(http.server.SimpleHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    rules = []
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".webmanifest": "application/manifest+json",
        ".xml": "application/xml",
        ".svg": "image/svg+xml",
        ".woff2": "font/woff2",
    }

    def log_message(self, fmt, *args):
        if os.environ.get("SERVE_LOG"):
            super().log_message(fmt, *args)

    def end_headers(self):
        path = urllib.parse.unquote(urllib.parse.urlsplit(self.path).path)
        for pattern, headers in self.rules:
            if matches(pattern, path):
                for name, value in headers:
                    self.send_header(name, value)
        super().end_headers()

    def send_head(self):
        urlpath = urllib.parse.urlsplit(self.path).path
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            if not urlpath.endswith("/"):
                return super().send_head()  # 301 to the slashed URL
            path = os.path.join(path, "index.html")
        status = 200
        if not os.path.isfile(path):
            status, path = 404, os.path.join(self.directory, "404.html")
            if not os.path.isfile(path):
                self.send_error(404)
                return None
        ctype = self.guess_type(path)
        with open(path, "rb") as f:
            body = f.read()
        zipped = ctype.startswith(COMPRESSIBLE) and \
            "gzip" in self.headers.get("Accept-Encoding", "")
        if zipped:
            body = gzip.compress(body, 6)
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        if ctype.startswith(COMPRESSIBLE):
            self.send_header("Vary", "Accept-Encoding")
        if zipped:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: serve.py DIR PORT")
    root, port = os.path.abspath(sys.argv[1]), int(sys.argv[2])
    Handler.rules = parse_headers(os.path.join(root, "_headers"))
    handler = partial(Handler, directory=root)
    with http.server.ThreadingHTTPServer(("127.0.0.1", port), handler) as srv:
        print(f"serving {root} on http://127.0.0.1:{port}/", flush=True)
        srv.serve_forever()


if __name__ == "__main__":
    main()
