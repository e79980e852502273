package tmplexec

import (
	"errors"
	"fmt"
	"html/template"
	"maps"
	"reflect"
	"slices"
	"strings"
	"text/template/parse"
)

// errUnsupported reports a value or construct this package does not handle
// exactly as html/template does: the caller executes with html/template.
var errUnsupported = errors.New("tmplexec: not supported here")

// Program is a compiled template set, ready to execute any of its
// templates. It is safe for concurrent use.
type Program struct {
	trees map[string]*tree
	funcs []*function                // by slot: commands name their function by its slot
	slots map[string]int             // function name → slot
	sigs  map[reflect.Type]Signature // function types called without reflection
}

// tree is one compiled template.
type tree struct {
	name string
	list []node
}

// Compile compiles the template called entry in set, and those it calls.
// html/template must already have escaped them: it does so the first time
// it executes a template. funcs must be the functions set executes with.
// Compile reports an error for anything it would not execute exactly as
// html/template does. The program calls the functions and methods of the
// given signatures, and of the default ones, without reflection.
func Compile(set *template.Template, entry string, funcs template.FuncMap, sigs ...Signature) (*Program, error) {
	p := &Program{trees: map[string]*tree{}, slots: map[string]int{}, sigs: map[reflect.Type]Signature{}}
	for _, sig := range slices.Concat(defaultSignatures, sigs) {
		if sig.typ != nil {
			p.sigs[sig.typ] = sig
		}
	}
	for _, name := range slices.Sorted(maps.Keys(funcs)) {
		f, err := newFunction(name, funcs[name], p.sigs)
		if err != nil {
			return nil, err
		}
		p.slots[name] = len(p.funcs)
		p.funcs = append(p.funcs, f)
	}
	c := compiler{p: p}
	todo := []string{entry}
	for len(todo) > 0 {
		name := todo[len(todo)-1]
		todo = todo[:len(todo)-1]
		if p.trees[name] != nil {
			continue
		}
		t := set.Lookup(name)
		if t == nil || t.Tree == nil || t.Tree.Root == nil {
			return nil, fmt.Errorf("template %q is called but not defined here: %w", name, errUnsupported)
		}
		tr := &tree{name: name}
		p.trees[name] = tr
		calls := len(c.calls)
		list, err := c.list(t.Tree.Root)
		if err != nil {
			return nil, fmt.Errorf("template %s: %w", name, err)
		}
		tr.list = list
		for _, call := range c.calls[calls:] {
			todo = append(todo, call.name)
		}
	}
	for _, call := range c.calls {
		call.tree = p.trees[call.name]
	}
	return p, nil
}

// Bind returns a Program that runs the same compiled templates as p but
// calls the functions in funcs instead of those of the same names p was
// compiled with, as if it had been compiled with them. So a set compiled
// once serves several sets of functions (one per language, say). Every name
// in funcs must be one p was compiled with; p itself is unchanged.
func (p *Program) Bind(funcs template.FuncMap) (*Program, error) {
	q := &Program{trees: p.trees, funcs: slices.Clone(p.funcs), slots: p.slots, sigs: p.sigs}
	for name, fn := range funcs {
		i, ok := p.slots[name]
		if !ok {
			return nil, fmt.Errorf("bind function %q: not one the program was compiled with", name)
		}
		f, err := newFunction(name, fn, p.sigs)
		if err != nil {
			return nil, err
		}
		q.funcs[i] = f
	}
	return q, nil
}

type compiler struct {
	p     *Program
	calls []*templateNode
}

func (c *compiler) list(l *parse.ListNode) ([]node, error) {
	if l == nil {
		return nil, nil
	}
	var out []node
	for _, n := range l.Nodes {
		cn, err := c.node(n)
		if err != nil {
			return nil, err
		}
		if cn != nil {
			out = append(out, cn)
		}
	}
	return out, nil
}

func (c *compiler) node(n parse.Node) (node, error) {
	switch n := n.(type) {
	case *parse.TextNode:
		return textNode(n.Text), nil
	case *parse.CommentNode:
		return nil, nil
	case *parse.ActionNode:
		pipe, err := c.pipeline(n.Pipe)
		if err != nil {
			return nil, err
		}
		if len(n.Pipe.Decl) == 0 {
			// Printed: html/template must have put an escaper last.
			last := n.Pipe.Cmds[len(n.Pipe.Cmds)-1]
			id, ok := last.Args[0].(*parse.IdentifierNode)
			if !ok || !strings.HasPrefix(id.Ident, "_html_template_") {
				return nil, fmt.Errorf("%s prints a value without escaping it (was the template escaped?): %w", n, errUnsupported)
			}
		}
		return &actionNode{pipe: pipe}, nil
	case *parse.IfNode:
		return c.branch(branchIf, &n.BranchNode)
	case *parse.WithNode:
		return c.branch(branchWith, &n.BranchNode)
	case *parse.RangeNode:
		return c.branch(branchRange, &n.BranchNode)
	case *parse.TemplateNode:
		t := &templateNode{name: n.Name}
		if n.Pipe != nil {
			pipe, err := c.pipeline(n.Pipe)
			if err != nil {
				return nil, err
			}
			t.pipe = pipe
		}
		c.calls = append(c.calls, t)
		return t, nil
	}
	return nil, fmt.Errorf("%s: %w", n, errUnsupported)
}

func (c *compiler) branch(kind branchKind, n *parse.BranchNode) (node, error) {
	pipe, err := c.pipeline(n.Pipe)
	if err != nil {
		return nil, err
	}
	list, err := c.list(n.List)
	if err != nil {
		return nil, err
	}
	elseList, err := c.list(n.ElseList)
	if err != nil {
		return nil, err
	}
	if kind == branchRange && (len(n.Pipe.Decl) > 2 || n.Pipe.IsAssign) || kind != branchRange && len(n.Pipe.Decl) > 1 {
		return nil, fmt.Errorf("%s: %w", n, errUnsupported)
	}
	return &branchNode{kind: kind, pipe: pipe, list: list, elseList: elseList}, nil
}

func (c *compiler) pipeline(p *parse.PipeNode) (*pipeline, error) {
	out := &pipeline{assign: p.IsAssign}
	for _, d := range p.Decl {
		if len(d.Ident) != 1 {
			return nil, fmt.Errorf("%s: %w", p, errUnsupported)
		}
		out.decl = append(out.decl, d.Ident[0])
	}
	for _, cmd := range p.Cmds {
		cc, err := c.command(cmd)
		if err != nil {
			return nil, err
		}
		out.cmds = append(out.cmds, cc)
	}
	return out, nil
}

func (c *compiler) command(cmd *parse.CommandNode) (*command, error) {
	out := &command{fn: -1}
	for i, a := range cmd.Args {
		if i == 0 {
			if id, ok := a.(*parse.IdentifierNode); ok {
				if e, ok := escapers[id.Ident]; ok {
					out.escaper = e
					continue
				}
				if strings.HasPrefix(id.Ident, "_html_template_") {
					return nil, fmt.Errorf("escaper %s: %w", id.Ident, errUnsupported)
				}
				// The template's functions come first, as in text/template.
				if slot, ok := c.p.slots[id.Ident]; ok {
					out.fn = slot
					continue
				}
				b, ok := builtins[id.Ident]
				if !ok {
					return nil, fmt.Errorf("function %q: %w", id.Ident, errUnsupported)
				}
				out.builtin = b
				continue
			}
		}
		arg, err := c.arg(a)
		if err != nil {
			return nil, err
		}
		out.args = append(out.args, arg)
	}
	if out.escaper != nil && len(out.args) != 0 {
		return nil, fmt.Errorf("%s: %w", cmd, errUnsupported)
	}
	return out, nil
}

func (c *compiler) arg(n parse.Node) (*operand, error) {
	switch n := n.(type) {
	case *parse.DotNode:
		return &operand{kind: opDot}, nil
	case *parse.FieldNode:
		return &operand{kind: opDot, fields: newFields(n.Ident)}, nil
	case *parse.VariableNode:
		return &operand{kind: opVar, name: n.Ident[0], fields: newFields(n.Ident[1:])}, nil
	case *parse.ChainNode:
		inner, err := c.arg(n.Node)
		if err != nil {
			return nil, err
		}
		return &operand{kind: opChain, inner: inner, fields: newFields(n.Field)}, nil
	case *parse.PipeNode:
		p, err := c.pipeline(n)
		if err != nil {
			return nil, err
		}
		if len(p.decl) > 0 {
			return nil, fmt.Errorf("%s: %w", n, errUnsupported)
		}
		return &operand{kind: opPipe, pipe: p}, nil
	case *parse.StringNode:
		return &operand{kind: opConst, value: reflect.ValueOf(n.Text)}, nil
	case *parse.BoolNode:
		return &operand{kind: opConst, value: reflect.ValueOf(n.True)}, nil
	case *parse.NumberNode:
		// 1e6 or 1.0 is a float64 to text/template where no parameter
		// type says otherwise (1e6 prints as 1e+06).
		if n.IsInt && !strings.ContainsAny(n.Text, ".eEpP") {
			return &operand{kind: opConst, value: reflect.ValueOf(int(n.Int64))}, nil
		}
		return nil, fmt.Errorf("number %s: %w", n, errUnsupported)
	case *parse.IdentifierNode:
		// A function called without arguments, as an argument.
		cmd, err := c.command(&parse.CommandNode{NodeType: parse.NodeCommand, Args: []parse.Node{n}})
		if err != nil {
			return nil, err
		}
		return &operand{kind: opPipe, pipe: &pipeline{cmds: []*command{cmd}}}, nil
	}
	return nil, fmt.Errorf("%s: %w", n, errUnsupported)
}

func newFields(names []string) []*field {
	fs := make([]*field, len(names))
	for i, name := range names {
		fs[i] = &field{name: name}
	}
	return fs
}
