package auth

import (
	"errors"
	"fmt"
	"time"
)

// Error codes, surfaced to clients as extensions.code by the kit's error
// presenter; callers branch on them instead of on message text.
const (
	NotFound        = "NOT_FOUND"
	Invalid         = "INVALID"
	Conflict        = "CONFLICT"
	Unauthenticated = "UNAUTHENTICATED"
	Forbidden       = "FORBIDDEN"
	TooManyRequests = "TOO_MANY_REQUESTS"
	Internal        = "INTERNAL"
)

// MsgBadCredentials is the one answer to a failed sign-in, whatever the
// cause (unknown email, wrong password, disabled account, per-account
// backoff), so a caller cannot tell which accounts exist.
const MsgBadCredentials = "email or password is incorrect"

// Error is the auth domain's one error type: a client mistake (INVALID,
// naming the field), a refusal (UNAUTHENTICATED, FORBIDDEN,
// TOO_MANY_REQUESTS with RetryAfter) or our own failure (INTERNAL, whose
// cause stays in Err for the logs).
type Error struct {
	Code    string
	Field   string
	Message string
	// RetryAfter is set with TOO_MANY_REQUESTS: how long the caller should wait.
	RetryAfter time.Duration
	Err        error
}

// Error returns the client-safe message, prefixed by the field for
// INVALID. An INTERNAL error appends its cause: the kit's presenter never
// shows INTERNAL messages to clients, only logs them.
func (e *Error) Error() string {
	if e.Code == Internal && e.Err != nil {
		return e.Message + ": " + e.Err.Error()
	}
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

// ErrBadCredentials is the sign-in refusal (see MsgBadCredentials).
func ErrBadCredentials() *Error { return Errorf(Unauthenticated, "", MsgBadCredentials) }

// CodeOf returns the code of the coded error inside err (an *Error or any
// error with an ErrorCode method), "" when there is none.
func CodeOf(err error) string {
	var e interface{ ErrorCode() string }
	if errors.As(err, &e) {
		return e.ErrorCode()
	}
	return ""
}

// FieldErrors returns the *Error values inside err: the leaves of an
// errors.Join (as the Validate functions return) or err itself, so the
// GraphQL layer reports each invalid field as its own error.
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

// fieldErrors collects INVALID errors so one request reports every bad
// field at once.
type fieldErrors []error

func (fe *fieldErrors) add(field, format string, args ...any) {
	*fe = append(*fe, Errorf(Invalid, field, format, args...))
}

func (fe fieldErrors) err() error { return errors.Join(fe...) }
