package theme

import _ "embed"

// Schema is the theme file's JSON Schema (`cxmap schema --theme`), for
// editors through yaml-language-server. A test keeps it and Load's keys the
// same.
//
//go:embed theme.schema.json
var Schema []byte
