package locale

// A Locale travels to a worker process (pkg/worker) as its tag and is
// built again there with New: the catalogues are in the executable, so
// the tag is all of it.

// MarshalText writes the tag the locale was asked for ("fr-CA").
func (l *Locale) MarshalText() ([]byte, error) { return []byte(l.Tag.String()), nil }

// UnmarshalText builds the locale of a tag, as New does.
func (l *Locale) UnmarshalText(b []byte) error {
	n, err := New(string(b))
	if err != nil {
		return err
	}
	*l = *n
	return nil
}
