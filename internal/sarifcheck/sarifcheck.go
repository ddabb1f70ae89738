// Package sarifcheck holds SARIF output to the official SARIF 2.1.0 JSON
// schema (testdata/sarif/sarif-schema-2.1.0.json, copied from the OASIS
// specification), for tests of every package that writes SARIF.
package sarifcheck

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

var (
	once   sync.Once
	schema *jsonschema.Schema
	err    error
)

// Validate fails the test when data is not SARIF 2.1.0.
func Validate(t testing.TB, data []byte) {
	t.Helper()
	if err := Check(data); err != nil {
		t.Errorf("%v\n%s", err, data)
	}
}

// Check returns why data is not SARIF 2.1.0, or nil.
func Check(data []byte) error {
	once.Do(func() { schema, err = compile() })
	if err != nil {
		return fmt.Errorf("loading the SARIF schema: %w", err)
	}
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		return fmt.Errorf("SARIF output is not JSON: %w", err)
	}
	if err := schema.Validate(v); err != nil {
		return fmt.Errorf("SARIF output does not match the 2.1.0 schema: %w", err)
	}
	return nil
}

func compile() (*jsonschema.Schema, error) {
	path, err := schemaPath()
	if err != nil {
		return nil, err
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		return nil, err
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource("sarif-schema-2.1.0.json", doc); err != nil {
		return nil, err
	}
	return c.Compile("sarif-schema-2.1.0.json")
}

// schemaPath finds the schema from the module root, wherever the test runs.
func schemaPath() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return filepath.Join(dir, "testdata", "sarif", "sarif-schema-2.1.0.json"), nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", os.ErrNotExist
		}
		dir = parent
	}
}
