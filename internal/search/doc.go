// Package search builds the per-language search index that the site's
// search box (assets/js/search.js) queries in the reader's browser. Its one
// job: the site's articles, scenarios and replies in, the index files out.
//
// # Matching
//
// Text is folded (Fold: lower case, accents dropped, ß → ss, æ → ae…),
// cut into words (runs of letters and digits), stripped of the language's
// stop words, and each word reduced to a stem by removing the longest of the
// language's suffixes that leaves at least MinStem letters (Stem): Spanish
// presentación, presentaciones and presentar all become "present". Dutch
// compounds are also indexed by their last part when both parts are words of
// the language's own text (netwerkevenement is found by evenement). The
// index stores stems; the script folds and stems the query with the same
// rules, which the manifest carries (the suffixes and stop words), and
// matches each query stem as a prefix of the index's stems. The rules are
// checked on both sides against one table, testdata/fold.json.
//
// # Building
//
// A Collector gathers a language's documents, from any goroutine, under ids
// fixed in advance (a one-shot build adds each article's as it renders):
// it keeps what results show of each document and, per distinct word, the
// documents holding it, never the text. Collector.Index stems the words,
// merges their documents by stem, splits compounds, and cuts the files.
//
// # Files
//
// Per language, a manifest at a fixed address (<lang>/<search slug>/index.json,
// revalidated on each visit) names the fingerprinted files under
// assets/search/ (cached for good): the documents, in chunks of ChunkDocs
// (kind, address, title, context, excerpt) and the terms, in shards of
// consecutive stems cut at about ShardBytes each (a stem's documents as
// gaps between ids, or as a bitset where that is smaller, and the documents
// where it is in a title or heading). A query downloads the manifest, the
// shards its stems fall in and the chunks of the results it shows. A small
// site's index is one file holding both.
package search
