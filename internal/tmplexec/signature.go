package tmplexec

import "reflect"

// A Signature is a function type whose functions and methods a Program
// calls directly, as Go calls them, instead of through reflection
// (reflect.Value.Call costs a few hundred nanoseconds and several
// allocations per call; a page makes dozens of calls). It applies to the
// functions of the FuncMap of that type, and to the methods whose method
// expression has it: (*Page).Canonical is a func(*Page) string, and
// Page.Excerpt a func(Page, int) string. A call with arguments of other
// types than the signature's own (an argument text/template would convert,
// a value of an interface type's dynamic type) goes through reflection,
// as does any call of a function or method of a type not listed.
//
// Compile always knows three: func() string, func(string) string and
// func(string) (string, error), the shapes of message lookups and asset
// addresses.
type Signature struct {
	typ  reflect.Type        // the function type
	bind func(fn any) caller // fn is of type typ
}

// caller calls one function. ok is false when the arguments are not of the
// types it takes: the caller then calls the function through reflection.
type caller func(args []reflect.Value) (v reflect.Value, err error, ok bool)

// Func0 is the signature func() R.
func Func0[R any]() Signature {
	return signature(func(fn func() R) caller {
		return func(args []reflect.Value) (reflect.Value, error, bool) {
			if len(args) != 0 {
				return reflect.Value{}, nil, false
			}
			return resultOf(fn()), nil, true
		}
	})
}

// Func1 is the signature func(A) R.
func Func1[A, R any]() Signature {
	return signature(func(fn func(A) R) caller {
		return func(args []reflect.Value) (reflect.Value, error, bool) {
			a, ok := args1[A](args)
			if !ok {
				return reflect.Value{}, nil, false
			}
			return resultOf(fn(a)), nil, true
		}
	})
}

// Func1E is the signature func(A) (R, error).
func Func1E[A, R any]() Signature {
	return signature(func(fn func(A) (R, error)) caller {
		return func(args []reflect.Value) (reflect.Value, error, bool) {
			a, ok := args1[A](args)
			if !ok {
				return reflect.Value{}, nil, false
			}
			return resultE(fn(a))
		}
	})
}

// Func2 is the signature func(A, B) R.
func Func2[A, B, R any]() Signature {
	return signature(func(fn func(A, B) R) caller {
		return func(args []reflect.Value) (reflect.Value, error, bool) {
			a, b, ok := args2[A, B](args)
			if !ok {
				return reflect.Value{}, nil, false
			}
			return resultOf(fn(a, b)), nil, true
		}
	})
}

// Func2E is the signature func(A, B) (R, error).
func Func2E[A, B, R any]() Signature {
	return signature(func(fn func(A, B) (R, error)) caller {
		return func(args []reflect.Value) (reflect.Value, error, bool) {
			a, b, ok := args2[A, B](args)
			if !ok {
				return reflect.Value{}, nil, false
			}
			return resultE(fn(a, b))
		}
	})
}

// args1 and args2 return the arguments of a call, when there are as many
// as the function takes and each is of its parameter's type.
func args1[A any](args []reflect.Value) (a A, ok bool) {
	if len(args) != 1 {
		return a, false
	}
	return arg[A](args[0])
}

func args2[A, B any](args []reflect.Value) (a A, b B, ok bool) {
	if len(args) != 2 {
		return a, b, false
	}
	a, ok1 := arg[A](args[0])
	b, ok2 := arg[B](args[1])
	return a, b, ok1 && ok2
}

// signature makes the Signature of the function type F from bind, which
// makes a caller of one function of that type.
func signature[F any](bind func(F) caller) Signature {
	t := reflect.TypeFor[F]()
	if t.Out(0) == reflect.TypeFor[reflect.Value]() {
		// text/template returns the value a reflect.Value holds; callFunc
		// refuses such functions, and so must a Signature.
		return Signature{}
	}
	return Signature{typ: t, bind: func(fn any) caller { return bind(fn.(F)) }}
}

// arg returns v as an argument of type A, when v is of that type (or, for
// an interface type A, implements it).
func arg[A any](v reflect.Value) (A, bool) {
	var a A
	if !v.IsValid() || !v.CanInterface() {
		return a, false
	}
	t := reflect.TypeFor[A]()
	if vt := v.Type(); vt != t && (t.Kind() != reflect.Interface || !vt.Implements(t)) {
		return a, false
	}
	if s, ok := any(&a).(*string); ok {
		*s = v.String() // (Interface would copy a string it can address)
		return a, true
	}
	a, ok := v.Interface().(A) // (not when v is a nil interface)
	return a, ok
}

// resultOf is what reflect.Value.Call would return for r: a value that is not
// addressable, and for an interface the value it holds (indirectInterface),
// or the nil interface itself.
func resultOf[R any](r R) reflect.Value {
	if v := reflect.ValueOf(r); v.IsValid() {
		return v
	}
	return reflect.Zero(reflect.TypeFor[R]())
}

// resultE is resultOf for a function that also returns an error.
func resultE[R any](r R, err error) (reflect.Value, error, bool) {
	if err != nil {
		return reflect.Value{}, err, true
	}
	return resultOf(r), nil, true
}

// defaultSignatures are the signatures every Program knows.
var defaultSignatures = []Signature{
	Func0[string](),
	Func1[string, string](),
	Func1E[string, string](),
}
