package graph

import "errors"

// The sentinel errors of the model. Stores wrap them with the operation and
// the key; the API maps them to error codes and never shows the wrapping.
var (
	// ErrNotFound means the thing asked for does not exist.
	ErrNotFound = errors.New("not found")
	// ErrInvalid means the input cannot be used (a bad cursor, an empty article, ...).
	ErrInvalid = errors.New("invalid input")
	// ErrConflict means a write clashed with what is stored.
	ErrConflict = errors.New("conflict")
	// ErrUnavailable means the store cannot be reached now; the same call
	// may succeed later.
	ErrUnavailable = errors.New("unavailable")
)
