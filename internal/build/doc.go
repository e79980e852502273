// Package build builds a site: it loads the model (package site), renders
// its pages (package render) and publishes them (package output), with one
// engine for every kind of build.
//
// # The engine
//
// engine.go: the units of a build (a page, or an article with its reply
// pages) are rendered in parallel; each page's links are scanned from its
// bytes and checked as it is rendered (package linkcheck); its bytes go to one
// writer goroutine; links to elements of other pages are checked once every
// page's ids are known. Builds differ only by policy and sink:
//
//   - Build (one-shot, oneshot.go) renders everything, keeps of each page
//     only its element ids, streams sitemaps and the hreflang check beside
//     the pages, and writes into a staging directory swapped in atomically;
//   - a Builder (watch mode, builder.go) keeps the model, the parse results
//     and every output file's signature and hash; it renders the pages whose
//     signature changed (sig.go), or, on the prose path, only the pages of
//     an edited article, and writes its first build like Build and later ones
//     as the set of changed files, updated in place once all succeeded.
//
// The same input gives byte-identical output by every path
// (TestOneShotBuildEqualsBuilder, TestIncrementalEqualsFullBuild). On any
// error nothing is published and every problem found is returned, joined.
package build
