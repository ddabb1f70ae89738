package textsafe

import (
	"reflect"
	"sync"
)

// Copy returns v with f applied to every string in an exported field,
// slice element, array element or map value it reaches (through pointers
// and interfaces). What holds a string that f changes is copied, never
// changed in place; the rest is shared with v, so text that needs nothing
// costs no allocation. A format that shows a whole report to a person
// copies it with Block first, so no field, including one added later, is
// shown raw. Unexported fields are kept as they are.
func Copy[T any](v T, f func(string) string) T {
	out, changed := walk(reflect.ValueOf(&v).Elem(), f)
	if !changed {
		return v
	}
	return out.Interface().(T)
}

// walk returns v with f applied, and whether anything changed (when not,
// the value returned is v itself).
func walk(v reflect.Value, f func(string) string) (reflect.Value, bool) {
	switch v.Kind() {
	case reflect.String:
		s := v.String()
		if t := f(s); t != s {
			n := reflect.New(v.Type()).Elem()
			n.SetString(t)
			return n, true
		}
	case reflect.Pointer:
		if v.IsNil() || !hasStrings(v.Type().Elem()) {
			return v, false
		}
		if e, changed := walk(v.Elem(), f); changed {
			n := reflect.New(v.Type().Elem())
			n.Elem().Set(e)
			return n, true
		}
	case reflect.Interface:
		if v.IsNil() {
			return v, false
		}
		if e, changed := walk(v.Elem(), f); changed {
			n := reflect.New(v.Type()).Elem()
			n.Set(e)
			return n, true
		}
	case reflect.Struct:
		var n reflect.Value
		for i := 0; i < v.NumField(); i++ {
			if !v.Type().Field(i).IsExported() || !hasStrings(v.Field(i).Type()) {
				continue
			}
			if e, changed := walk(v.Field(i), f); changed {
				if !n.IsValid() {
					n = reflect.New(v.Type()).Elem()
					n.Set(v)
				}
				n.Field(i).Set(e)
			}
		}
		if n.IsValid() {
			return n, true
		}
	case reflect.Slice, reflect.Array:
		if (v.Kind() == reflect.Slice && v.IsNil()) || !hasStrings(v.Type().Elem()) {
			return v, false
		}
		var n reflect.Value
		for i := 0; i < v.Len(); i++ {
			if e, changed := walk(v.Index(i), f); changed {
				if !n.IsValid() {
					if v.Kind() == reflect.Slice {
						n = reflect.MakeSlice(v.Type(), v.Len(), v.Len())
						reflect.Copy(n, v)
					} else {
						n = reflect.New(v.Type()).Elem()
						n.Set(v)
					}
				}
				n.Index(i).Set(e)
			}
		}
		if n.IsValid() {
			return n, true
		}
	case reflect.Map:
		if v.IsNil() || !hasStrings(v.Type().Elem()) {
			return v, false
		}
		var n reflect.Value
		it := v.MapRange()
		for it.Next() {
			if e, changed := walk(it.Value(), f); changed {
				if !n.IsValid() {
					n = reflect.MakeMapWithSize(v.Type(), v.Len())
					copyMap := v.MapRange()
					for copyMap.Next() {
						n.SetMapIndex(copyMap.Key(), copyMap.Value())
					}
				}
				n.SetMapIndex(it.Key(), e)
			}
		}
		if n.IsValid() {
			return n, true
		}
	}
	return v, false
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
