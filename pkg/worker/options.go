package worker

import (
	"bytes"
	"encoding"
	"encoding/json"
	"fmt"
	"reflect"
	"sort"
)

// A worker is given the parent's Options as data, not as command-line
// flags re-typed by hand: Encode turns every data field of an Options
// struct into JSON, and Decode fills the worker's Options from it. A field
// added to an Options struct travels to workers with no further code; a
// field that cannot travel is named by Local, and each verb's test
// (CheckRoundTrip in pkg/worker/workertest) fails until it is listed as
// meant to stay behind.
//
// What travels:
//   - exported fields of plain data (strings, numbers, booleans, and
//     slices, maps, arrays and pointers of them, and structs of only
//     those), as encoding/json writes them;
//   - fields whose type writes itself as text or JSON (encoding.
//     TextMarshaler, json.Marshaler): that is how a pointer to loaded data
//     travels as its source and is loaded again in the worker (a
//     *locale.Locale as its tag; a registry entry, as render's Format, as
//     its name).
//
// What stays (Local): functions, channels and interfaces (writers,
// readers, hooks: the worker sets its own), structs holding any of those
// (the command's IOStreams), and unexported fields (caches and values
// the worker computes again from the exported ones).

var (
	textMarshaler = reflect.TypeOf((*encoding.TextMarshaler)(nil)).Elem()
	jsonMarshaler = reflect.TypeOf((*json.Marshaler)(nil)).Elem()
)

// Encode returns the data fields of opts, a struct or a pointer to one, as
// one JSON object keyed by field name (sorted: the same options give the
// same bytes).
func Encode(opts any) ([]byte, error) {
	v, err := structValue(opts)
	if err != nil {
		return nil, err
	}
	fields := map[string]json.RawMessage{}
	t := v.Type()
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if !travels(f) {
			continue
		}
		b, err := json.Marshal(v.Field(i).Interface())
		if err != nil {
			return nil, fmt.Errorf("worker options: %s.%s: %w", t.Name(), f.Name, err)
		}
		fields[f.Name] = b
	}
	return json.Marshal(fields)
}

// Decode sets the data fields of opts, a pointer to a struct, from what
// Encode wrote. A field name it does not know is an error (the parent and
// the worker are the same executable, so they always agree).
func Decode(data []byte, opts any) error {
	rv := reflect.ValueOf(opts)
	if rv.Kind() != reflect.Pointer || rv.Elem().Kind() != reflect.Struct {
		return fmt.Errorf("worker options: Decode needs a pointer to a struct, not %T", opts)
	}
	v := rv.Elem()
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(data, &fields); err != nil {
		return fmt.Errorf("worker options: %w", err)
	}
	names := make([]string, 0, len(fields))
	for n := range fields {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		f, ok := v.Type().FieldByName(n)
		if !ok || len(f.Index) != 1 || !travels(f) {
			return fmt.Errorf("worker options: %s has no field %s that travels", v.Type().Name(), n)
		}
		dec := json.NewDecoder(bytes.NewReader(fields[n]))
		dec.DisallowUnknownFields()
		if err := dec.Decode(v.FieldByIndex(f.Index).Addr().Interface()); err != nil {
			return fmt.Errorf("worker options: %s.%s: %w", v.Type().Name(), n, err)
		}
	}
	return nil
}

// Local names the fields of opts (a struct or a pointer to one) that do
// not travel to a worker, in field order.
func Local(opts any) []string {
	v, err := structValue(opts)
	if err != nil {
		panic(err)
	}
	var out []string
	for i := 0; i < v.NumField(); i++ {
		if f := v.Type().Field(i); !travels(f) {
			out = append(out, f.Name)
		}
	}
	return out
}

func structValue(opts any) (reflect.Value, error) {
	v := reflect.ValueOf(opts)
	for v.Kind() == reflect.Pointer && !v.IsNil() {
		v = v.Elem()
	}
	if v.Kind() != reflect.Struct {
		return v, fmt.Errorf("worker options: %T is not a struct", opts)
	}
	return v, nil
}

// travels says whether a field is sent to workers.
func travels(f reflect.StructField) bool {
	return f.IsExported() && isData(f.Type, map[reflect.Type]bool{})
}

// isData says whether values of t can be written as JSON and read back
// whole.
func isData(t reflect.Type, seen map[reflect.Type]bool) bool {
	if t.Implements(textMarshaler) || t.Implements(jsonMarshaler) ||
		reflect.PointerTo(t).Implements(textMarshaler) || reflect.PointerTo(t).Implements(jsonMarshaler) {
		return true
	}
	if seen[t] {
		return true // a recursive type: judged where it started
	}
	seen[t] = true
	switch t.Kind() {
	case reflect.Func, reflect.Chan, reflect.Interface, reflect.UnsafePointer, reflect.Uintptr, reflect.Complex64, reflect.Complex128:
		return false
	case reflect.Pointer, reflect.Slice, reflect.Array:
		return isData(t.Elem(), seen)
	case reflect.Map:
		return isData(t.Key(), seen) && isData(t.Elem(), seen)
	case reflect.Struct:
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			if !f.IsExported() || !isData(f.Type, seen) || f.Tag.Get("json") == "-" {
				return false
			}
		}
	}
	return true
}
