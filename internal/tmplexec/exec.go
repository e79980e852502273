package tmplexec

import (
	"bytes"
	"cmp"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
)

// Execute runs the template called name with data, appending its output to
// buf. On error buf holds part of the output; errors wrapping
// errUnsupported mean html/template must execute this one instead, and so
// do all others, for html/template's own error message.
func (p *Program) Execute(buf *bytes.Buffer, name string, data any) (err error) {
	// html/template turns a panic in a function or method into an error.
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("template %s: panic: %v: %w", name, r, errUnsupported)
		}
	}()
	t, ok := p.trees[name]
	if !ok {
		return fmt.Errorf("template %q: %w", name, errUnsupported)
	}
	dot := reflect.ValueOf(data)
	s := states.Get().(*state)
	defer s.release()
	s.buf, s.prog = buf, p
	s.push("$", dot)
	return s.walk(t.list, dot)
}

// states holds states between executions: a build executes templates
// hundreds of thousands of times.
var states = sync.Pool{New: func() any {
	return &state{vars: make([]variable, 0, 16), args: make([]reflect.Value, 0, 16)}
}}

// release returns s to states, holding on to nothing of its execution.
func (s *state) release() {
	clear(s.vars[:cap(s.vars)])
	clear(s.args[:cap(s.args)])
	*s = state{vars: s.vars[:0], args: s.args[:0]}
	states.Put(s)
}

type state struct {
	buf   *bytes.Buffer
	prog  *Program        // the one executing: its functions, its signatures
	vars  []variable      // every template's variables, callers' first
	args  []reflect.Value // the arguments of the calls being evaluated (evalArgs)
	base  int             // where the running template's variables start
	depth int
}

type variable struct {
	name  string
	value reflect.Value
}

func (s *state) push(name string, v reflect.Value) { s.vars = append(s.vars, variable{name, v}) }

func (s *state) lookup(name string) (reflect.Value, error) {
	for i := len(s.vars) - 1; i >= s.base; i-- {
		if s.vars[i].name == name {
			return s.vars[i].value, nil
		}
	}
	return reflect.Value{}, fmt.Errorf("undefined variable %s", name)
}

func (s *state) set(name string, v reflect.Value) error {
	for i := len(s.vars) - 1; i >= s.base; i-- {
		if s.vars[i].name == name {
			s.vars[i].value = v
			return nil
		}
	}
	return fmt.Errorf("undefined variable %s", name)
}

// node is a compiled parse node.
type node interface {
	exec(s *state, dot reflect.Value) error
}

func (s *state) walk(list []node, dot reflect.Value) error {
	for _, n := range list {
		if err := n.exec(s, dot); err != nil {
			return err
		}
	}
	return nil
}

type textNode []byte

func (t textNode) exec(s *state, _ reflect.Value) error {
	s.buf.Write(t)
	return nil
}

type actionNode struct{ pipe *pipeline }

func (a *actionNode) exec(s *state, dot reflect.Value) error {
	if len(a.pipe.decl) > 0 {
		_, err := a.pipe.eval(s, dot)
		return err
	}
	// A printing action ends with an escaper (Compile checks): its string
	// goes straight into the output, not through a reflect.Value.
	cmds := a.pipe.cmds
	var v reflect.Value
	for i, c := range cmds[:len(cmds)-1] {
		var err error
		if v, err = c.eval(s, dot, v, i > 0); err != nil {
			return err
		}
	}
	str, err := cmds[len(cmds)-1].escaper(v)
	if err != nil {
		return err
	}
	s.buf.WriteString(str)
	return nil
}

type branchKind int

const (
	branchIf branchKind = iota
	branchWith
	branchRange
)

type branchNode struct {
	kind           branchKind
	pipe           *pipeline
	list, elseList []node
}

func (b *branchNode) exec(s *state, dot reflect.Value) error {
	mark := len(s.vars)
	defer func() { s.vars = s.vars[:mark] }()
	if b.kind == branchRange {
		return b.rangeOver(s, dot, mark)
	}
	v, err := b.pipe.eval(s, dot)
	if err != nil {
		return err
	}
	truth, ok := isTrue(indirectInterface(v))
	if !ok {
		return fmt.Errorf("if/with can't use %v: %w", v, errUnsupported)
	}
	if truth {
		if b.kind == branchWith {
			dot = v
		}
		return s.walk(b.list, dot)
	}
	return s.walk(b.elseList, dot)
}

func (b *branchNode) rangeOver(s *state, dot reflect.Value, mark int) error {
	// The declared variables are set per element, not by the pipeline.
	p := *b.pipe
	p.decl = nil
	v, err := p.eval(s, dot)
	if err != nil {
		return err
	}
	raw := v
	v, _ = indirect(indirectInterface(v))
	var keys []reflect.Value // of a map, in text/template's order
	switch v.Kind() {
	case reflect.Slice, reflect.Array:
	case reflect.Map:
		if keys, err = sortedKeys(v); err != nil {
			return err
		}
	default:
		return fmt.Errorf("range over %s: %w", v.Kind(), errUnsupported)
	}
	if v.Len() == 0 {
		// text/template declares the variables for {{else}} too, with
		// the pipeline's value.
		for _, name := range b.pipe.decl {
			s.push(name, raw)
		}
		return s.walk(b.elseList, dot)
	}
	for i := range v.Len() {
		index, elem := reflect.ValueOf(i), reflect.Value{}
		if keys != nil {
			index, elem = keys[i], v.MapIndex(keys[i])
		} else {
			elem = v.Index(i)
		}
		switch len(b.pipe.decl) {
		case 1:
			s.push(b.pipe.decl[0], elem)
		case 2:
			s.push(b.pipe.decl[0], index)
			s.push(b.pipe.decl[1], elem)
		}
		if err := s.walk(b.list, elem); err != nil {
			return err
		}
		s.vars = s.vars[:mark]
	}
	return nil
}

// sortedKeys returns the keys of map m in the order text/template ranges
// over them: strings and integers in increasing order. Maps with keys of
// other kinds are unsupported.
func sortedKeys(m reflect.Value) ([]reflect.Value, error) {
	keys := m.MapKeys()
	switch m.Type().Key().Kind() {
	case reflect.String:
		slices.SortFunc(keys, func(a, b reflect.Value) int { return strings.Compare(a.String(), b.String()) })
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		slices.SortFunc(keys, func(a, b reflect.Value) int { return cmp.Compare(a.Int(), b.Int()) })
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		slices.SortFunc(keys, func(a, b reflect.Value) int { return cmp.Compare(a.Uint(), b.Uint()) })
	default:
		return nil, fmt.Errorf("range over a map with %s keys: %w", m.Type().Key().Kind(), errUnsupported)
	}
	return keys, nil
}

type templateNode struct {
	name string
	pipe *pipeline
	tree *tree
}

func (t *templateNode) exec(s *state, dot reflect.Value) error {
	var arg reflect.Value
	if t.pipe != nil {
		v, err := t.pipe.eval(s, dot)
		if err != nil {
			return err
		}
		arg = v
	}
	if s.depth++; s.depth > 100 {
		return fmt.Errorf("template %s nests too deep: %w", t.name, errUnsupported)
	}
	// A called template sees only its own variables, from its $ on.
	base := s.base
	s.base = len(s.vars)
	s.push("$", arg)
	err := s.walk(t.tree.list, arg)
	s.vars, s.base = s.vars[:s.base], base
	s.depth--
	return err
}

// pipeline is a compiled {{pipeline}}: commands, each one's value passed as
// the last argument of the next.
type pipeline struct {
	decl   []string
	assign bool
	cmds   []*command
}

func (p *pipeline) eval(s *state, dot reflect.Value) (reflect.Value, error) {
	var v reflect.Value
	for i, c := range p.cmds {
		var err error
		if v, err = c.eval(s, dot, v, i > 0); err != nil {
			return reflect.Value{}, err
		}
	}
	for _, name := range p.decl {
		if p.assign {
			if err := s.set(name, v); err != nil {
				return reflect.Value{}, err
			}
		} else {
			s.push(name, v)
		}
	}
	return v, nil
}

// command is one command of a pipeline: an escaper, a builtin, a function,
// or an operand (a field chain may end in a method call with arguments).
type command struct {
	escaper escaper
	builtin builtin
	fn      int // slot of the function called in the Program's funcs, or -1
	args    []*operand
}

func (c *command) eval(s *state, dot, final reflect.Value, hasFinal bool) (reflect.Value, error) {
	switch {
	case c.escaper != nil:
		str, err := c.escaper(final)
		if err != nil {
			return reflect.Value{}, err
		}
		return reflect.ValueOf(str), nil
	case c.builtin != nil:
		return c.builtin(s, dot, c.args, final, hasFinal)
	case c.fn >= 0:
		args, err := evalArgs(s, dot, c.args, final, hasFinal)
		if err != nil {
			return reflect.Value{}, err
		}
		v, err := s.prog.funcs[c.fn].call(args)
		s.done(args)
		return v, err
	}
	// An operand; only a field chain takes arguments (a method's).
	return c.args[0].eval(s, dot, c.args[1:], final, hasFinal)
}

type operandKind int

const (
	opDot   operandKind = iota // . or .Field.Chain
	opVar                      // $x or $x.Field.Chain
	opChain                    // (pipeline).Field.Chain
	opPipe                     // (pipeline)
	opConst                    // a literal
)

type operand struct {
	kind   operandKind
	name   string        // opVar
	inner  *operand      // opChain
	pipe   *pipeline     // opPipe
	value  reflect.Value // opConst
	fields []*field      // followed from the value
}

func (o *operand) eval(s *state, dot reflect.Value, args []*operand, final reflect.Value, hasFinal bool) (reflect.Value, error) {
	var v reflect.Value
	var err error
	switch o.kind {
	case opDot:
		v = dot
	case opVar:
		v, err = s.lookup(o.name)
	case opChain:
		v, err = o.inner.eval(s, dot, nil, reflect.Value{}, false)
	case opPipe:
		v, err = o.pipe.eval(s, dot)
	case opConst:
		v = o.value
	}
	if err != nil {
		return reflect.Value{}, err
	}
	if len(o.fields) == 0 {
		if len(args) > 0 || hasFinal {
			return reflect.Value{}, fmt.Errorf("arguments to a value that is not a method: %w", errUnsupported)
		}
		return v, nil
	}
	for i, f := range o.fields {
		if i < len(o.fields)-1 {
			v, err = f.get(s, dot, v, nil, reflect.Value{}, false)
		} else {
			v, err = f.get(s, dot, v, args, final, hasFinal)
		}
		if err != nil {
			return reflect.Value{}, err
		}
	}
	return v, nil
}

// field is one .Name of a chain. It remembers how it resolved for the last
// receiver type: a method index, or a field's index path.
type field struct {
	name  string
	cache atomic.Pointer[resolved]
}

type resolved struct {
	typ    reflect.Type // the receiver's type, pointers and interfaces followed
	method int          // index in the method set of ptr, or -1
	viaPtr bool         // the method is on the receiver's address
	index  []int        // the struct field, when not a method
	call   caller       // the method, when the Program knows its signature
}

func (f *field) get(s *state, dot, recv reflect.Value, args []*operand, final reflect.Value, hasFinal bool) (reflect.Value, error) {
	if !recv.IsValid() {
		return reflect.Value{}, fmt.Errorf("nil data; no entry for key %q", f.name)
	}
	typ := recv.Type()
	recv, isNil := indirect(recv)
	if isNil {
		return reflect.Value{}, fmt.Errorf("nil pointer evaluating %s.%s: %w", typ, f.name, errUnsupported)
	}
	// Cached by the type pointed to: an interface type (a []any element)
	// holds values of different types.
	r := f.cache.Load()
	if r == nil || r.typ != recv.Type() {
		var err error
		if r, err = s.prog.resolve(recv, f.name); err != nil {
			return reflect.Value{}, err
		}
		f.cache.Store(r)
	}
	if r.method >= 0 {
		m := recv
		if r.viaPtr {
			if !recv.CanAddr() {
				return reflect.Value{}, errUnsupported
			}
			m = recv.Addr()
		}
		// The receiver goes first on the argument stack: a method
		// expression takes it as its first argument.
		s.args = append(s.args, m)
		in, err := evalArgs(s, dot, args, final, hasFinal)
		if err != nil {
			s.done(s.args[len(s.args)-1:])
			return reflect.Value{}, err
		}
		all := s.args[len(s.args)-len(in)-1:]
		v, ok := reflect.Value{}, false
		if r.call != nil {
			v, err, ok = r.call(all)
		}
		if !ok {
			v, err = callFunc(m.Method(r.method), in)
		}
		s.done(all)
		return v, err
	}
	if len(args) > 0 || hasFinal {
		return reflect.Value{}, fmt.Errorf("%s has arguments but cannot be invoked as function", f.name)
	}
	v, err := recv.FieldByIndexErr(r.index)
	if err != nil {
		return reflect.Value{}, err
	}
	return indirectInterface(v), nil
}

// resolve finds what .name means for a receiver like recv, as text/template
// does: a method of the value or its address first, then a struct field.
// Maps and other receivers are unsupported.
func (p *Program) resolve(recv reflect.Value, name string) (*resolved, error) {
	typ := recv.Type()
	base, isNil := indirect(recv)
	if isNil || base.Kind() == reflect.Interface {
		return nil, errUnsupported
	}
	r := &resolved{typ: typ, method: -1}
	if m, ok := base.Type().MethodByName(name); ok {
		r.method, r.call = m.Index, p.method(m)
		return r, nil
	}
	if base.Kind() != reflect.Pointer {
		if m, ok := reflect.PointerTo(base.Type()).MethodByName(name); ok {
			r.method, r.viaPtr, r.call = m.Index, true, p.method(m)
			return r, nil
		}
	}
	st := base.Type()
	if st.Kind() != reflect.Struct {
		return nil, fmt.Errorf(".%s on %s: %w", name, typ, errUnsupported)
	}
	sf, ok := st.FieldByName(name)
	if !ok || !sf.IsExported() {
		return nil, fmt.Errorf("can't evaluate field %s in type %s", name, typ)
	}
	r.index = sf.Index
	return r, nil
}

// method returns a caller of m's method expression (its receiver first),
// when p knows its signature.
func (p *Program) method(m reflect.Method) caller {
	sig, ok := p.sigs[m.Func.Type()]
	if !ok {
		return nil
	}
	return sig.bind(m.Func.Interface())
}

// indirect follows pointers to what they point to, stopping at nil.
func indirect(v reflect.Value) (reflect.Value, bool) {
	for ; v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface; v = v.Elem() {
		if v.IsNil() {
			return v, true
		}
	}
	return v, false
}

// indirectInterface returns what an interface value holds.
func indirectInterface(v reflect.Value) reflect.Value {
	if v.Kind() == reflect.Interface && !v.IsNil() {
		return v.Elem()
	}
	return v
}

// isTrue is text/template's notion of truth: false for zero values and
// empty collections.
func isTrue(v reflect.Value) (truth, ok bool) {
	if !v.IsValid() {
		return false, true
	}
	switch v.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		return v.Len() > 0, true
	case reflect.Bool:
		return v.Bool(), true
	case reflect.Complex64, reflect.Complex128:
		return v.Complex() != 0, true
	case reflect.Chan, reflect.Func, reflect.Pointer, reflect.UnsafePointer, reflect.Interface:
		return !v.IsNil(), true
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return v.Int() != 0, true
	case reflect.Float32, reflect.Float64:
		return v.Float() != 0, true
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return v.Uint() != 0, true
	case reflect.Struct:
		return true, true
	}
	return false, false
}
