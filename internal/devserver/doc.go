// Package devserver is Tact's writing mode (build --watch): it watches the
// site's sources, rebuilds when they change and serves the output with live
// reload, so that a save shows up in the browser before the writer has
// switched windows, and a broken save never takes the preview down.
//
// Run is the whole of it. The caller passes a BuildFunc (cmd/build passes a
// closure around build.Build); devserver knows nothing about the site model.
//
//	fsnotify or poller ─► changes ─► debouncer ─► BuildFunc ─► hub ─► SSE ─► live.js
//	                                                  │
//	                                   output dir ◄───┘ ◄── preview server
//
// # Sources
//
// The sources are tact.toml and everything under content/, layouts/, assets/,
// i18n/, static/ and translated-from/ in the site root, except the output
// directory and editor droppings (sitefs.Dropping: swap and lock files,
// backups ending in "~", safe-write temporaries, .DS_Store) and, outside
// static/, any name starting with "." (static/.well-known/ is published). A
// change to a dropping alone never rebuilds. A file that came and went
// between two builds (an editor's temporary file under any name, renamed
// over the file it saves) is not a change either: the log names the saved
// file alone.
//
// # Watching
//
// The default watcher (watch.go) puts an fsnotify watch on the site root
// (for tact.toml and the four top-level directories appearing or going) and
// on every directory of the four trees. A directory that appears, is created
// or is moved in is walked: its subdirectories are watched and every file
// already in it counts as changed, so files written before the watch existed
// are not missed. A directory removed, renamed or moved out has its watches,
// and those of everything under it, dropped; inotify keeps a moved
// directory's watch under its old name, so a rename is a drop of the old name
// plus a walk of the new one. Chmod events count (touch rebuilds). If the
// kernel's event queue overflows, everything is re-watched and the next build
// is told everything changed. If a watch cannot be added because the inotify
// limit is reached, the log says how to raise it (or to use --poll).
//
// The polling watcher (poll.go, --poll) is for file systems whose events never
// arrive (Docker bind mounts, WSL on Windows drives, network file systems). It
// walks the same trees every interval and compares (path → size, mtime, mode)
// snapshots of the files. When a walk finds changes it walks again after the
// quiet window, and reports the changes together only when a walk finds
// nothing new, so a save that straddles two walks (delete, then re-create) is
// one report, not two builds.
//
// Both watchers report paths relative to the site root, slash-separated; a
// path may name a directory, meaning anything under it changed.
//
// # Debounce
//
// Changes are collected until none has arrived for the quiet window (Quiet,
// 20 ms), with a cap of MaxDelay (1 s) after the first one, so that a
// continuous stream of changes still rebuilds every second. It is one
// timer, armed by the first change and moved by each later one: nothing runs
// while the sources are idle (no ticker), and a save costs at most the quiet
// window in added latency.
//
// 20 ms because the events of one save arrive within a millisecond: an
// editor's save is a handful of system calls on one to three paths (write in
// place; or write a temporary file, rename it over the original, remove the
// backup). The window is ten times wider than that and still short next to a
// build and the time it takes a person to look at the browser.
//
// A batch of more than 8 paths is no editor's save but a tool's bulk write
// (git checkout, rsync, unzip). Those write file after file, and on a busy
// machine the writer can be descheduled for longer than 20 ms in the middle
// (seen in the tests under -race on a loaded machine), so a bulk batch waits
// 100 ms of quiet instead: one build for the checkout, no flash of errors from
// a half-written tree, and bulk operations are not latency-critical.
//
// The cap is a second rather than less so that a slow bulk write (a checkout
// of thousands of files) is still one build; only a stream of changes that
// never pauses, which editors do not make, waits that long.
//
// If a save is ever split in two anyway, the cost is one extra build, never a
// wrong one: the second build sees the final state.
//
// A batch that becomes ready while a build is running is queued; however many
// batches arrive, the build that follows is one. So a save during a rebuild
// gives exactly one more rebuild after it, and a burst of any size gives one.
//
// The BuildFunc is given the paths changed since the last successful build
// (nil for the first build, or after an event overflow: everything), so an
// incremental builder can rely on it even when an intermediate build failed.
//
// # Preview server
//
// The server (server.go) listens on 127.0.0.1 only, on Options.Port or the next
// free port after it, and serves the output directory as it is on disk at
// each request (builds swap a complete new directory into place, so a request
// sees either the old site or the new one). Every response carries
// Cache-Control: no-store. Paths are checked twice: a request whose path has a
// ".." segment, a backslash or a NUL, encoded or not, is refused with 400;
// what remains is opened through an os.Root on the output directory, which
// also refuses symbolic links that lead outside it. A directory is served as
// its index.html or not at all (never listed); an unknown path gets the
// site's 404 page (the language's own, /<lang>/404.html, when there is one)
// with status 404. A site built for a base URL with a path
// (https://example.org/guide/, Options.BasePath "/guide") is served under
// that path, where its links point: / and /guide redirect to /guide/, and
// other paths outside it are not found. Each successful build says which
// base path it was built for (Result.BasePath), so an edit of tact.toml's
// baseURL moves the preview to the new path without a restart (the log
// gives the new address).
//
// # Live reload
//
// HTML pages, as they are served (never the files on disk), get
//
//	<script src="/_tact/live.js" defer></script>
//
// before </head>: an external script, since the pages' Content-Security-Policy
// allows no inline script. live.js and live.css are embedded in the binary.
// The script listens to Server-Sent Events at /_tact/events:
//
//	hello   sent on connect, with the site's version; a client that reconnects
//	        (after the server restarted or the connection dropped) and sees a
//	        different version reloads, so it never misses a rebuild
//	reload  a build succeeded: reload, keeping the scroll position
//	css     a build succeeded and only stylesheets under assets/ changed since
//	        the last good build: fetch the page again and swap in its
//	        stylesheet links (names are fingerprinted, so they change)
//	error   a build failed; data is its problems, one per line: show them in
//	        an overlay over whatever page is open. The overlay is built with
//	        DOM calls and textContent, styled by /_tact/live.css, dismissable
//	        with its button or Escape; the next good build's reload removes it
//
// A client that connects while the last build failed gets the error at once.
// Each client has a one-event mailbox; events that pile up while a client is
// slow are merged (css after reload is still reload; anything mixed becomes
// reload, and a reloaded page is sent the current error when it reconnects).
//
// On bad input the errors are printed, the previous output stays in place
// (build.Build writes beside it and swaps only a complete build) and is still
// served.
//
// # Stopping
//
// When the context is cancelled, Run stops watching, waits for a build in
// progress to return (the output directory is then the old site or the new
// one, complete), ends the event streams and shuts the server down.
package devserver
