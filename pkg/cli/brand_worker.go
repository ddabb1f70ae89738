package cli

import "encoding/json"

// brandFlags travel to a worker process (pkg/worker) as the flag values
// themselves, and the worker resolves them as the parent did: a verb whose
// Options hold the flags (not the loaded theme) gives its workers the same
// brand with no further code.

type brandJSON struct {
	Theme  string `json:"theme,omitempty"`
	Locale string `json:"locale,omitempty"`
}

// MarshalJSON writes --theme and --locale as given.
func (b *brandFlags) MarshalJSON() ([]byte, error) {
	return json.Marshal(brandJSON{Theme: b.theme, Locale: b.locale})
}

// UnmarshalJSON reads what MarshalJSON wrote.
func (b *brandFlags) UnmarshalJSON(data []byte) error {
	var v brandJSON
	if err := json.Unmarshal(data, &v); err != nil {
		return err
	}
	b.theme, b.locale = v.Theme, v.Locale
	return nil
}
