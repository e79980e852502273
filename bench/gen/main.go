// Command gen writes the synthetic benchmark corpus: n scenario articles in
// each of the four languages, as a Tact site and optionally as a Hugo site,
// with or without the reply pages Tact makes (see package corpus).
//
// Usage, from the repository root:
//
//	go run ./bench/gen -n 1000 -out DIR [-hugo DIR] [-hugo-replies DIR] [-root .]
//
// The directories must be empty or not exist. The same n always gives
// byte-identical files. See bench/README.md.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/tact-guide/tact/bench/corpus"
)

func main() {
	n := flag.Int("n", 1000, "articles per language")
	out := flag.String("out", "", "directory for the Tact site (required; must be empty or not exist)")
	hugo := flag.String("hugo", "", "directory for the same corpus as a Hugo site (optional)")
	hugoReplies := flag.String("hugo-replies", "", "directory for the same corpus as a Hugo site with Tact's reply pages too (optional)")
	root := flag.String("root", ".", "repository root whose layouts/, assets/ and i18n/ the Tact site copies")
	flag.Usage = func() {
		fmt.Fprintf(flag.CommandLine.Output(), "usage: gen -n N -out DIR [-hugo DIR] [-hugo-replies DIR] [-root DIR]\n\nWrites the synthetic benchmark corpus.\n\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	if *out == "" || flag.NArg() > 0 {
		flag.Usage()
		os.Exit(2)
	}
	if err := corpus.Write(*out, *n, corpus.Options{Root: *root}); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	for _, h := range []struct {
		dir  string
		opts corpus.HugoOptions
	}{{*hugo, corpus.HugoOptions{}}, {*hugoReplies, corpus.HugoOptions{Replies: true}}} {
		if h.dir == "" {
			continue
		}
		if err := corpus.WriteHugo(h.dir, *n, h.opts); err != nil {
			fmt.Fprintln(os.Stderr, "gen:", err)
			os.Exit(1)
		}
	}
}
