package textsafe

import (
	"reflect"
	"sync"
)

// Copy returns a deep copy of v with f applied to every string in an
// exported field, slice element, array element or map value it reaches
// (through pointers and interfaces). A format that shows a whole report to
// a person copies it with Block first, so no field, including one added
// later, is shown raw. Unexported fields are copied as they are.
func Copy[T any](v T, f func(string) string) T {
	rv := reflect.ValueOf(&v).Elem()
	out := reflect.New(rv.Type()).Elem()
	out.Set(walk(rv, f))
	return out.Interface().(T)
}

func walk(v reflect.Value, f func(string) string) reflect.Value {
	switch v.Kind() {
	case reflect.String:
		s := v.String()
		if t := f(s); t != s {
			n := reflect.New(v.Type()).Elem()
			n.SetString(t)
			return n
		}
		return v
	case reflect.Pointer:
		if v.IsNil() {
			return v
		}
		n := reflect.New(v.Type().Elem())
		n.Elem().Set(walk(v.Elem(), f))
		return n
	case reflect.Interface:
		if v.IsNil() {
			return v
		}
		n := reflect.New(v.Type()).Elem()
		n.Set(walk(v.Elem(), f))
		return n
	case reflect.Struct:
		n := reflect.New(v.Type()).Elem()
		n.Set(v)
		for i := 0; i < v.NumField(); i++ {
			if n.Field(i).CanSet() && hasStrings(v.Field(i).Type()) {
				n.Field(i).Set(walk(v.Field(i), f))
			}
		}
		return n
	case reflect.Slice:
		if v.IsNil() || !hasStrings(v.Type().Elem()) {
			return v
		}
		n := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
		for i := 0; i < v.Len(); i++ {
			n.Index(i).Set(walk(v.Index(i), f))
		}
		return n
	case reflect.Array:
		n := reflect.New(v.Type()).Elem()
		for i := 0; i < v.Len(); i++ {
			n.Index(i).Set(walk(v.Index(i), f))
		}
		return n
	case reflect.Map:
		if v.IsNil() || !hasStrings(v.Type().Elem()) {
			return v
		}
		n := reflect.MakeMapWithSize(v.Type(), v.Len())
		it := v.MapRange()
		for it.Next() {
			n.SetMapIndex(it.Key(), walk(it.Value(), f))
		}
		return n
	}
	return v
}

// hasStrings reports whether a value of type t may hold a string (cheap
// skip for []int, Summary counts and the like).
func hasStrings(t reflect.Type) bool {
	if v, ok := stringTypes.Load(t); ok {
		return v.(bool)
	}
	has := typeHasStrings(t, map[reflect.Type]bool{})
	stringTypes.Store(t, has)
	return has
}

var stringTypes sync.Map // reflect.Type -> bool

func typeHasStrings(t reflect.Type, seen map[reflect.Type]bool) bool {
	if seen[t] {
		return false
	}
	seen[t] = true
	switch t.Kind() {
	case reflect.String, reflect.Interface:
		return true
	case reflect.Pointer, reflect.Slice, reflect.Array, reflect.Map:
		return typeHasStrings(t.Elem(), seen)
	case reflect.Struct:
		for i := 0; i < t.NumField(); i++ {
			if typeHasStrings(t.Field(i).Type, seen) {
				return true
			}
		}
	}
	return false
}
