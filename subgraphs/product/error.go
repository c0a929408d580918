package product

import "fmt"

// Error codes, surfaced to clients as extensions.code.
const (
	NotFound = "NOT_FOUND"
	Invalid  = "INVALID"
	Conflict = "CONFLICT"
	Internal = "INTERNAL"
)

// Error is the catalog's error: a code, the offending field for INVALID,
// a client-safe message and the internal cause (logged, never shown).
type Error struct {
	Code    string
	Field   string
	Message string
	Err     error
}

func (e *Error) Error() string {
	if e.Field != "" && e.Code == Invalid {
		return fmt.Sprintf("%s: %s", e.Field, e.Message)
	}
	return e.Message
}

// Unwrap exposes the cause to errors.Is/As.
func (e *Error) Unwrap() error { return e.Err }

// ErrorCode is read by the kit's error presenter.
func (e *Error) ErrorCode() string { return e.Code }

// ErrorField is read by the kit's error presenter.
func (e *Error) ErrorField() string { return e.Field }

// Errorf builds an *Error with a formatted message.
func Errorf(code, field, format string, args ...any) *Error {
	return &Error{Code: code, Field: field, Message: fmt.Sprintf(format, args...)}
}

// InternalError wraps an unexpected failure; the cause stays in Err.
func InternalError(op string, err error) *Error {
	return &Error{Code: Internal, Message: "internal error", Err: fmt.Errorf("%s: %w", op, err)}
}
