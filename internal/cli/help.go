package cli

import (
	"flag"
	"fmt"
	"io"
	"strings"
)

// about says what the program does: the top of the help text.
const about = `Build turns a Tact site (tact.toml, content/, layouts/, assets/, i18n/ and
static/ under the site root) into a static site, written to public/ and
swapped in whole only when the build succeeds: on any problem it prints each
one as file:line:col: message, exits with status 1 and leaves the previous
output as it was. With --watch it keeps running, rebuilds on every save and
serves a live-reloading preview. Ctrl-C stops either with status 130, the
output complete as it was; a command line it cannot follow exits with 2.`

// examples end the help text.
var examples = [][2]string{
	{Name, "build the site in the current directory into public/"},
	{Name + " --strict --base-url https://tact.example/", "build as CI does, for publishing"},
	{Name + " --watch", "preview at http://127.0.0.1:1313/ while writing"},
	{Name + " --watch --poll", "the same in Docker or WSL, where file events never arrive"},
	{Name + " --content ~/sites/tact --out /tmp/tact", "build a site elsewhere into /tmp/tact"},
	{Name + " --new-translation content/en/closing-the-loop.md --lang nl", "begin an article's Dutch translation: a skeleton in content/nl/ to write in"},
	{Name + " --mark-translated content/nl/introducties.md", "record a translation as up to date with its source"},
}

// Usage prints the help text: what the program does, the flags in groups
// with their defaults (the profiling flags only when all is set), and
// examples.
func Usage(w io.Writer, fs *flag.FlagSet, all bool) {
	fmt.Fprintf(w, "Usage:\n  %s [flags]\n  %s --watch [flags]\n  %s --new-translation FILE --lang CODE\n  %s --mark-translated FILE…\n\n%s\n", Name, Name, Name, Name, about)
	fmt.Fprintf(w, "\nMore in README.md, docs/content.md (the content format), docs/errors.md\n(every message) and docs/deploy.md (publishing).\n")
	for _, g := range groups {
		if g.all && !all {
			continue
		}
		fmt.Fprintf(w, "\n%s:\n", g.title)
		for _, name := range g.flags {
			printFlag(w, fs.Lookup(name))
		}
	}
	if !all {
		fmt.Fprintf(w, "\nThe profiling flags are listed by --help-all.\n")
	}
	fmt.Fprintf(w, "\nExamples:\n")
	for _, ex := range examples {
		fmt.Fprintf(w, "  %s\n      %s\n", ex[0], ex[1])
	}
}

// printFlag prints one flag: its name and value, then its usage wrapped
// under it, with its default when that is not the zero value.
func printFlag(w io.Writer, fl *flag.Flag) {
	usage, head := fl.Usage, "  --"+fl.Name
	if v := metavars[fl.Name]; v != "" {
		head += " " + v
	}
	if d := defaultText(fl); d != "" {
		usage += " (default " + d + ")"
	}
	fmt.Fprintln(w, head)
	for _, line := range wrap(usage, 72) {
		fmt.Fprintln(w, "      "+line)
	}
}

// defaultText returns how the help shows a flag's default, or "" when
// there is nothing to say (off, empty).
func defaultText(fl *flag.Flag) string {
	switch fl.DefValue {
	case "", "false", "0":
		return ""
	case "true":
		return "on"
	}
	if g, ok := fl.Value.(flag.Getter); ok {
		if _, isString := g.Get().(string); isString {
			return fmt.Sprintf("%q", fl.DefValue)
		}
	}
	return fl.DefValue
}

// wrap breaks text into lines of at most width bytes, between words.
func wrap(text string, width int) []string {
	var lines []string
	line := ""
	for _, word := range strings.Fields(text) {
		if line != "" && len(line)+1+len(word) > width {
			lines = append(lines, line)
			line = ""
		}
		if line != "" {
			line += " "
		}
		line += word
	}
	return append(lines, line)
}
