//go:build !unix

package inputs

import "errors"

func mkfifoFunc(string) error { return errors.New("no named pipes here") }
