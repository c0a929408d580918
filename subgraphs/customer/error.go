package customer

import (
	"errors"
	"fmt"
)

// Error codes, surfaced to clients as extensions.code by the kit's error
// presenter; callers branch on them instead of on message text.
const (
	NotFound = "NOT_FOUND"
	Invalid  = "INVALID"
	Conflict = "CONFLICT"
	Internal = "INTERNAL"
	// Unauthenticated: the operation needs a signed-in caller.
	Unauthenticated = "UNAUTHENTICATED"
	// Forbidden: the caller is signed in but may not touch this user's data.
	Forbidden = "FORBIDDEN"
)

// Error is the customer domain's one error type, so every layer can tell a
// client mistake (INVALID, naming the field), a miss (NOT_FOUND), a refusal
// (UNAUTHENTICATED, FORBIDDEN) and our own failure (INTERNAL, whose cause
// stays in Err for the logs) apart.
type Error struct {
	Code    string
	Field   string
	Message string
	Err     error
}

// Error returns the client-safe message, prefixed by the field for INVALID,
// so it never carries SQL or driver text (that lives only in Err).
func (e *Error) Error() string {
	if e.Field != "" && e.Code == Invalid {
		return fmt.Sprintf("%s: %s", e.Field, e.Message)
	}
	return e.Message
}

// Unwrap exposes the cause to errors.Is/As (for logs and tests).
func (e *Error) Unwrap() error { return e.Err }

// ErrorCode is read by the kit's error presenter (extensions.code).
func (e *Error) ErrorCode() string { return e.Code }

// ErrorField is read by the kit's error presenter (extensions.field).
func (e *Error) ErrorField() string { return e.Field }

// Errorf builds an *Error with a formatted, client-safe message.
func Errorf(code, field, format string, args ...any) *Error {
	return &Error{Code: code, Field: field, Message: fmt.Sprintf(format, args...)}
}

// InternalError wraps an unexpected failure: clients see only "internal
// error", the cause (with op for context) stays in Err for the logs.
func InternalError(op string, err error) *Error {
	return &Error{Code: Internal, Message: "internal error", Err: fmt.Errorf("%s: %w", op, err)}
}

// ErrorCode returns the code of the *Error inside err, or "" when there is
// none (tests and callers branch on it).
func ErrorCode(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return ""
}

// fieldErrors collects INVALID errors so one request reports every bad
// field at once instead of one per round trip.
type fieldErrors []error

func (fe *fieldErrors) add(field, format string, args ...any) {
	*fe = append(*fe, Errorf(Invalid, field, format, args...))
}

func (fe fieldErrors) err() error { return errors.Join(fe...) }

// FieldErrors returns the *Error values inside err: the leaves of an
// errors.Join (as the Validate functions return) or err itself, so the
// GraphQL layer can report each invalid field as its own error.
func FieldErrors(err error) []*Error {
	var out []*Error
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		for _, e := range j.Unwrap() {
			out = append(out, FieldErrors(e)...)
		}
		return out
	}
	var e *Error
	if errors.As(err, &e) {
		out = append(out, e)
	}
	return out
}
