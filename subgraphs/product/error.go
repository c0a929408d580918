package product

import "fmt"

// Error codes, surfaced to clients as extensions.code by the kit's error
// presenter; callers branch on them instead of on message text.
const (
	NotFound = "NOT_FOUND"
	Invalid  = "INVALID"
	Conflict = "CONFLICT"
	Internal = "INTERNAL"
	// Forbidden: the caller lacks the scope a field requires (admin writes).
	Forbidden = "FORBIDDEN"
	// Unauthenticated: the operation needs a signed-in caller (reviews).
	Unauthenticated = "UNAUTHENTICATED"
	// CursorExpired: a subscription's resume cursor is older than the
	// retained events; the client must refetch and subscribe afresh.
	CursorExpired = "CURSOR_EXPIRED"
)

// Error is the catalog's one error type, so every layer can tell a client
// mistake (INVALID, naming the field), a miss (NOT_FOUND) and our own
// failure (INTERNAL, whose cause stays in Err for the logs) apart.
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
