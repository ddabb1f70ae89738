// Package workertest checks that a verb's Options reach its worker
// processes whole (pkg/worker).
package workertest

import (
	"encoding"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"testing"

	"github.com/cxmap/cxmap/pkg/worker"
)

// CheckRoundTrip fails t unless every field of opts (a pointer to an
// Options struct, zero or not) that is not in local survives
// worker.Encode and worker.Decode with a value set, and the fields that
// stay behind (worker.Local) are exactly local. samples give a value for
// each type the filler cannot make up (a registry entry, a loaded
// locale): a field of such a type that gets no sample fails the test.
func CheckRoundTrip(t testing.TB, opts any, local []string, samples ...any) {
	t.Helper()
	if got := worker.Local(opts); !slices.Equal(got, local) {
		t.Fatalf("%T: fields that stay behind %q, want %q: a new field that cannot travel to a worker as data must be listed here on purpose (pkg/worker/options.go)", opts, got, local)
	}
	byType := map[reflect.Type]reflect.Value{}
	for _, s := range samples {
		byType[reflect.TypeOf(s)] = reflect.ValueOf(s)
	}
	in := reflect.New(reflect.TypeOf(opts).Elem())
	v := in.Elem()
	for i := 0; i < v.NumField(); i++ {
		f := v.Type().Field(i)
		if slices.Contains(local, f.Name) {
			continue
		}
		if err := fill(v.Field(i), byType, f.Name); err != nil {
			t.Fatalf("%T: %v", opts, err)
		}
	}
	data, err := worker.Encode(in.Interface())
	if err != nil {
		t.Fatal(err)
	}
	out := reflect.New(v.Type())
	if err := worker.Decode(data, out.Interface()); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < v.NumField(); i++ {
		f := v.Type().Field(i)
		if slices.Contains(local, f.Name) {
			continue
		}
		want, _ := json.Marshal(v.Field(i).Interface())
		got, _ := json.Marshal(out.Elem().Field(i).Interface())
		if string(got) != string(want) || out.Elem().Field(i).IsZero() {
			t.Errorf("%T.%s does not reach a worker: sent %s, the worker has %s", opts, f.Name, want, got)
		}
	}
}

var (
	textMarshaler = reflect.TypeOf((*encoding.TextMarshaler)(nil)).Elem()
	jsonMarshaler = reflect.TypeOf((*json.Marshaler)(nil)).Elem()
)

// fill sets v to a value that is not zero.
func fill(v reflect.Value, samples map[reflect.Type]reflect.Value, path string) error {
	t := v.Type()
	if s, ok := samples[t]; ok {
		v.Set(s)
		return nil
	}
	if t.Implements(textMarshaler) || t.Implements(jsonMarshaler) ||
		reflect.PointerTo(t).Implements(textMarshaler) || reflect.PointerTo(t).Implements(jsonMarshaler) {
		return fmt.Errorf("%s: give CheckRoundTrip a sample %s", path, t)
	}
	switch t.Kind() {
	case reflect.String:
		v.SetString("x-" + path)
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		v.SetInt(3)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		v.SetUint(3)
	case reflect.Float32, reflect.Float64:
		v.SetFloat(1.5)
	case reflect.Pointer:
		p := reflect.New(t.Elem())
		if err := fill(p.Elem(), samples, path); err != nil {
			return err
		}
		v.Set(p)
	case reflect.Slice:
		s := reflect.MakeSlice(t, 1, 1)
		if err := fill(s.Index(0), samples, path+"[0]"); err != nil {
			return err
		}
		v.Set(s)
	case reflect.Array:
		for i := 0; i < v.Len(); i++ {
			if err := fill(v.Index(i), samples, fmt.Sprintf("%s[%d]", path, i)); err != nil {
				return err
			}
		}
	case reflect.Map:
		m := reflect.MakeMap(t)
		k, e := reflect.New(t.Key()).Elem(), reflect.New(t.Elem()).Elem()
		if err := fill(k, samples, path+".key"); err != nil {
			return err
		}
		if err := fill(e, samples, path+".value"); err != nil {
			return err
		}
		m.SetMapIndex(k, e)
		v.Set(m)
	case reflect.Struct:
		for i := 0; i < t.NumField(); i++ {
			if t.Field(i).IsExported() {
				if err := fill(v.Field(i), samples, path+"."+t.Field(i).Name); err != nil {
					return err
				}
			}
		}
	default:
		return fmt.Errorf("%s: cannot make up a %s", path, t)
	}
	return nil
}
