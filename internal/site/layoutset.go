package site

import (
	"bytes"
	"context"
	"fmt"
	"html/template"
	"io"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"sync"
	"text/template/parse"

	"tact/internal/diag"
	"tact/internal/tmplexec"
)

// A layoutSet is every layout in one html/template set: base.html and the
// partials, shared by every page kind, and each kind's file. A kind's file
// redefines templates of base ("main", "head", …) for its pages, so its
// templates are added under names of their own, kind + "/" + name, and so
// is a copy of each shared template that calls one of them, directly or
// not ("base" calls "main"): those copies call the kind's templates. The
// other shared templates are the same for every kind, so html/template
// escapes each once in each context, where a set per kind would copy and
// escape them all once per kind. (tmplexec still compiles, from those
// escaped trees, the templates each entry calls into that entry's program.)
type layoutSet struct {
	set    *template.Template
	shared []string                   // the names of base's and the partials' templates, sorted
	own    map[string]map[string]bool // kind → the names it has its own templates of
}

// newLayoutSet returns a layoutSet of the shared templates in set, to
// which add adds the kinds.
func newLayoutSet(set *template.Template) *layoutSet {
	l := &layoutSet{set: set, own: map[string]map[string]bool{}}
	for _, t := range set.Templates() {
		if t.Tree != nil {
			l.shared = append(l.shared, t.Name())
		}
	}
	slices.Sort(l.shared)
	return l
}

// add adds the templates of a kind's file, parsed in a set of their own
// (kt, named after the file), to l.
func (l *layoutSet) add(kind string, kt *template.Template) error {
	own := map[string]bool{}
	trees := map[string]*parse.Tree{}
	for _, t := range kt.Templates() {
		if t.Tree != nil && t.Name() != kt.Name() { // (the file itself: text between the definitions)
			own[t.Name()] = true
			trees[t.Name()] = t.Tree
		}
	}
	// Shared templates that call the kind's, directly or through others.
	for changed := true; changed; {
		changed = false
		for _, name := range l.shared {
			if !own[name] && callsAny(l.set.Lookup(name).Tree.Root, own) {
				own[name] = true
				changed = true
			}
		}
	}
	scoped := func(name string) string {
		if own[name] {
			return kind + "/" + name
		}
		return name
	}
	for _, name := range slices.Sorted(maps.Keys(own)) {
		tree := trees[name]
		if tree == nil {
			tree = l.set.Lookup(name).Tree.Copy()
		}
		renameCalls(tree.Root, scoped)
		if _, found := slices.BinarySearch(l.shared, scoped(name)); found {
			return &nameClash{file: l.set.Lookup(scoped(name)).Tree.ParseName, name: scoped(name), kind: kind, own: name}
		}
		if _, err := l.set.AddParseTree(scoped(name), tree); err != nil {
			return fmt.Errorf("parse layouts: %w", err)
		}
	}
	l.own[kind] = own
	return nil
}

// compile escapes, with html/template, the templates the pages of kinds
// execute: each kind's base and the parts named in cached, which pages
// render with {{cached}}. It compiles them with tmplexec, with funcs'
// placeholders, and returns them by name in l; a template tmplexec cannot
// compile is missing (html/template renders it).
func (l *layoutSet) compile(kinds, cached []string, funcs template.FuncMap) map[string]*tmplexec.Program {
	entries := map[string]bool{}
	for _, kind := range kinds {
		entries[l.name(kind, "base")] = true
		for _, name := range cached {
			entries[l.name(kind, name)] = true
		}
	}
	names := slices.Sorted(maps.Keys(entries))
	for _, name := range names {
		_ = l.set.ExecuteTemplate(io.Discard, name, nil) // (escapes, then fails harmlessly: no data)
	}
	progs := make([]*tmplexec.Program, len(names))
	_ = parallel(context.Background(), len(names), func(i int) {
		progs[i], _ = tmplexec.Compile(l.set, names[i], funcs, templateSignatures...)
	})
	compiled := map[string]*tmplexec.Program{}
	for i, p := range progs {
		if p != nil {
			compiled[names[i]] = p
		}
	}
	return compiled
}

// nameClash is a shared template named as a kind's own template is in a
// layoutSet ("home/main"): added, the kind's would replace it.
type nameClash struct {
	file            string // the layout file defining it (its template name: footer.html)
	name, kind, own string
}

func (e *nameClash) Error() string {
	return fmt.Sprintf("%s defines %q, the name Tact gives the %s pages' own %q: rename that template", e.file, e.name, e.kind, e.own)
}

// at returns e at its place in f, the layout file that defines it.
func (e *nameClash) at(f layoutFile) error {
	msg := fmt.Sprintf("template %q has the name Tact gives the %s pages' own %q: rename it", e.name, e.kind, e.own)
	if off := bytes.Index(f.src, []byte(strconv.Quote(e.name))); off >= 0 {
		return diag.At(f.path, f.src, off, "%s", msg)
	}
	return &diag.Error{File: f.path, Msg: msg}
}

// name returns the name in l of the template kind's pages know as name.
func (l *layoutSet) name(kind, name string) string {
	if l.own[kind][name] {
		return kind + "/" + name
	}
	return name
}

// unscope rewrites the names of kinds' own templates in an html/template
// error message as the layouts call them: "article/main" → "main".
func (l *layoutSet) unscope(msg string) string {
	return scopedName().ReplaceAllStringFunc(msg, func(m string) string {
		sub := scopedName().FindStringSubmatch(m)
		if !l.own[sub[2]][sub[3]] {
			return m
		}
		return sub[1] + sub[3] + sub[4]
	})
}

// scopedName finds what may be a kind's own template's name in a message:
// kind/name, after a quote, a colon or a space (executing "article/main",
// template: article/main:…), before a quote, a colon or html/template's
// suffix for a copy made for a context ($htmltemplate_…).
var scopedName = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(^|["\s:])([^"\s:/]+)/([^"\s:/$]+)(["\s:$]|$)`)
})

// callsAny reports whether the template tree under n calls a template
// named in names.
func callsAny(n parse.Node, names map[string]bool) bool {
	found := false
	walkCalls(n, func(t *parse.TemplateNode) {
		found = found || names[t.Name]
	})
	return found
}

// renameCalls renames the templates the tree under n calls.
func renameCalls(n parse.Node, rename func(string) string) {
	walkCalls(n, func(t *parse.TemplateNode) { t.Name = rename(t.Name) })
}

// walkCalls calls f with every {{template}} action under n.
func walkCalls(n parse.Node, f func(*parse.TemplateNode)) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n != nil {
			for _, c := range n.Nodes {
				walkCalls(c, f)
			}
		}
	case *parse.TemplateNode:
		f(n)
	case *parse.IfNode:
		walkCalls(n.List, f)
		walkCalls(n.ElseList, f)
	case *parse.RangeNode:
		walkCalls(n.List, f)
		walkCalls(n.ElseList, f)
	case *parse.WithNode:
		walkCalls(n.List, f)
		walkCalls(n.ElseList, f)
	}
}
