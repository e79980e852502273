package tmplexec

import (
	"fmt"
	"reflect"
)

// function is a template function: called directly when the Program
// knows its signature, through reflection otherwise.
type function struct {
	name   string
	v      reflect.Value
	direct caller // nil: no Signature of its type
}

var reflectErrorType = reflect.TypeFor[error]()

func newFunction(name string, fn any, sigs map[reflect.Type]Signature) (*function, error) {
	f := &function{name: name, v: reflect.ValueOf(fn)}
	if f.v.Kind() != reflect.Func {
		return nil, fmt.Errorf("function %s is a %s", name, f.v.Kind())
	}
	t := f.v.Type()
	if t.NumOut() == 0 || t.NumOut() > 2 || t.NumOut() == 2 && t.Out(1) != reflectErrorType {
		return nil, fmt.Errorf("function %s: %w", name, errUnsupported)
	}
	if sig, ok := sigs[t]; ok {
		f.direct = sig.bind(fn)
	}
	return f, nil
}

func (f *function) call(args []reflect.Value) (reflect.Value, error) {
	if f.direct != nil {
		if v, err, ok := f.direct(args); ok {
			return v, err
		}
	}
	return callFunc(f.v, args)
}

// callFunc calls fn (a function or a method value) through reflection. Its
// arguments must be assignable to its parameters as they are: text/template
// converts some others, which html/template is left to do.
func callFunc(fn reflect.Value, args []reflect.Value) (reflect.Value, error) {
	t := fn.Type()
	n := t.NumIn()
	if t.IsVariadic() {
		if len(args) < n-1 {
			return reflect.Value{}, errUnsupported
		}
	} else if len(args) != n {
		return reflect.Value{}, errUnsupported
	}
	for i, a := range args {
		var pt reflect.Type
		if t.IsVariadic() && i >= n-1 {
			pt = t.In(n - 1).Elem()
		} else {
			pt = t.In(i)
		}
		if !a.IsValid() {
			return reflect.Value{}, errUnsupported
		}
		if !a.Type().AssignableTo(pt) {
			return reflect.Value{}, fmt.Errorf("argument %d of type %s to %s: %w", i, a.Type(), pt, errUnsupported)
		}
	}
	if t.NumOut() == 0 || t.NumOut() > 2 || t.NumOut() == 2 && t.Out(1) != reflectErrorType {
		return reflect.Value{}, errUnsupported
	}
	if t.Out(0) == reflect.TypeFor[reflect.Value]() {
		return reflect.Value{}, errUnsupported // text/template returns the value it holds
	}
	out := fn.Call(args)
	if len(out) == 2 && !out[1].IsNil() {
		return reflect.Value{}, out[1].Interface().(error)
	}
	return indirectInterface(out[0]), nil
}

// builtin is one of text/template's predefined functions.
type builtin func(s *state, dot reflect.Value, args []*operand, final reflect.Value, hasFinal bool) (reflect.Value, error)

var builtins map[string]builtin

func init() {
	builtins = map[string]builtin{
		"and": andOr(false),
		"or":  andOr(true),
		"not": func(s *state, dot reflect.Value, args []*operand, final reflect.Value, hasFinal bool) (reflect.Value, error) {
			vs, err := evalN(s, dot, args, final, hasFinal, 1)
			if err != nil {
				return reflect.Value{}, err
			}
			defer s.done(vs)
			t, ok := isTrue(indirectInterface(vs[0]))
			if !ok {
				return reflect.Value{}, errUnsupported
			}
			return reflect.ValueOf(!t), nil
		},
		"eq":    compare(true),
		"ne":    compare(false),
		"len":   length,
		"print": printArgs,
	}
}

func orUnsupported(err error) error {
	if err != nil {
		return err
	}
	return errUnsupported
}

// evalArgs evaluates a call's arguments, then appends the piped value. The
// values are on s's argument stack: the caller hands them back with s.done
// once the call is made (calls nest: arguments are calls too).
func evalArgs(s *state, dot reflect.Value, args []*operand, final reflect.Value, hasFinal bool) ([]reflect.Value, error) {
	mark := len(s.args)
	for _, a := range args {
		v, err := a.eval(s, dot, nil, reflect.Value{}, false)
		if err != nil {
			clear(s.args[mark:])
			s.args = s.args[:mark]
			return nil, err
		}
		s.args = append(s.args, v)
	}
	if hasFinal {
		s.args = append(s.args, final)
	}
	return s.args[mark:len(s.args):len(s.args)], nil
}

// evalN is evalArgs for a builtin that takes n arguments: any other number
// is left to text/template.
func evalN(s *state, dot reflect.Value, args []*operand, final reflect.Value, hasFinal bool, n int) ([]reflect.Value, error) {
	vs, err := evalArgs(s, dot, args, final, hasFinal)
	if err != nil {
		return nil, err
	}
	if len(vs) != n {
		s.done(vs)
		return nil, errUnsupported
	}
	return vs, nil
}

// done takes the arguments evalArgs returned last off s's argument stack.
func (s *state) done(vs []reflect.Value) {
	clear(vs)
	s.args = s.args[:len(s.args)-len(vs)]
}

// andOr evaluates its arguments in turn and stops at the first false (and)
// or true (or) one, which it returns; otherwise it returns the last.
func andOr(or bool) builtin {
	return func(s *state, dot reflect.Value, args []*operand, final reflect.Value, hasFinal bool) (reflect.Value, error) {
		if hasFinal || len(args) == 0 {
			return reflect.Value{}, errUnsupported
		}
		var v reflect.Value
		for _, a := range args {
			var err error
			if v, err = a.eval(s, dot, nil, reflect.Value{}, false); err != nil {
				return reflect.Value{}, err
			}
			t, ok := isTrue(indirectInterface(v))
			if !ok {
				return reflect.Value{}, errUnsupported
			}
			if t == or {
				return v, nil
			}
		}
		return v, nil
	}
}

// compare is eq (or ne) for two strings, two integers or two booleans; other
// comparisons are left to text/template.
func compare(eq bool) builtin {
	return func(s *state, dot reflect.Value, args []*operand, final reflect.Value, hasFinal bool) (reflect.Value, error) {
		vs, err := evalN(s, dot, args, final, hasFinal, 2)
		if err != nil {
			return reflect.Value{}, err
		}
		defer s.done(vs)
		a, b := indirectInterface(vs[0]), indirectInterface(vs[1])
		if !a.IsValid() || !b.IsValid() {
			return reflect.Value{}, errUnsupported
		}
		var same bool
		switch {
		case a.Kind() == reflect.String && b.Kind() == reflect.String:
			same = a.String() == b.String()
		case a.Kind() == reflect.Bool && b.Kind() == reflect.Bool:
			same = a.Bool() == b.Bool()
		case a.CanInt() && b.CanInt():
			same = a.Int() == b.Int()
		default:
			return reflect.Value{}, errUnsupported
		}
		return reflect.ValueOf(same == eq), nil
	}
}

func length(s *state, dot reflect.Value, args []*operand, final reflect.Value, hasFinal bool) (reflect.Value, error) {
	vs, err := evalN(s, dot, args, final, hasFinal, 1)
	if err != nil {
		return reflect.Value{}, err
	}
	defer s.done(vs)
	v, isNil := indirect(vs[0])
	if isNil {
		return reflect.Value{}, errUnsupported
	}
	switch v.Kind() {
	case reflect.Array, reflect.Chan, reflect.Map, reflect.Slice, reflect.String:
		return reflect.ValueOf(v.Len()), nil
	}
	return reflect.Value{}, errUnsupported
}

// printArgs is print for strings and numbers: fmt.Sprint of the values.
func printArgs(s *state, dot reflect.Value, args []*operand, final reflect.Value, hasFinal bool) (reflect.Value, error) {
	vs, err := evalArgs(s, dot, args, final, hasFinal)
	if err != nil {
		return reflect.Value{}, err
	}
	defer s.done(vs)
	as := make([]any, len(vs))
	for i, v := range vs {
		v = indirectInterface(v)
		switch {
		case !v.IsValid():
			return reflect.Value{}, errUnsupported
		case v.Kind() == reflect.String, v.CanInt(), v.Kind() == reflect.Bool:
			if v.Type().Implements(stringerType) || v.Type().Implements(errorType) {
				return reflect.Value{}, errUnsupported
			}
			as[i] = v.Interface()
		default:
			return reflect.Value{}, errUnsupported
		}
	}
	return reflect.ValueOf(fmt.Sprint(as...)), nil
}
