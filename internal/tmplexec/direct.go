package tmplexec

import "reflect"

// Method is a method that a Program calls directly, without reflection,
// wherever a template names it (.Page.Canonical). Calling a method through
// reflection (reflect.Value.Call) costs a few hundred nanoseconds and
// several allocations; pages call dozens of them.
type Method struct {
	recv reflect.Type // the receiver's type: *T or T
	code uintptr      // the method's code, which reflect.Method.Func points to
	call func(recv reflect.Value) reflect.Value
}

// Direct returns the method expression m, such as (*Page).Canonical or
// Alternate.AbsURL, as a Method for Compile. It must be a method of no
// arguments and one result. A Program recognises it by its code, so a
// method value, a closure or a promoted method of an embedding type is
// never taken for it: such calls go through reflection, as before.
func Direct[T, R any](m func(T) R) Method {
	var zero reflect.Value
	if reflect.TypeFor[R]().Kind() == reflect.Interface {
		// What reflection would return for a nil interface: the nil
		// interface value itself, not an invalid value.
		zero = reflect.Zero(reflect.TypeFor[R]())
	}
	return Method{
		recv: reflect.TypeFor[T](),
		code: reflect.ValueOf(m).Pointer(),
		call: func(recv reflect.Value) reflect.Value {
			// The result is a copy, not addressable, as reflect.Value.Call's
			// is; an interface result is what it holds (indirectInterface).
			if v := reflect.ValueOf(m(recv.Interface().(T))); v.IsValid() {
				return v
			}
			return zero
		},
	}
}

// direct finds the Method among p's that is the method m of a receiver of
// type recv, or nil.
func (p *Program) direct(recv reflect.Type, m reflect.Method) func(reflect.Value) reflect.Value {
	if m.Type.NumIn() != 1 { // (the receiver)
		return nil
	}
	d, ok := p.methods[m.Func.Pointer()]
	if !ok || d.recv != recv {
		return nil
	}
	return d.call
}
