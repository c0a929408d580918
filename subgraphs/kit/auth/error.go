package auth

// Error is why a forwarded claims header was refused. Its message never
// contains the header's value, so it is safe to log and to show.
type Error struct {
	// Reason is a short machine-readable cause: "missing" (no header:
	// RequireRouter only), "malformed", "signature",
	// "expired" (outside its validity window, also not yet valid) or
	// "claims" (wrong issuer or audience, missing exp or sub).
	Reason string
	cause  error
}

func (e *Error) Error() string {
	return "forwarded claims rejected: " + e.Reason
}

// ErrorCode puts UNAUTHENTICATED into extensions.code through the kit's
// error presenter.
func (e *Error) ErrorCode() string { return "UNAUTHENTICATED" }

// Unwrap exposes the jwt library's error for errors.Is checks (for
// instance jwt.ErrTokenExpired); it names no secret and no token.
func (e *Error) Unwrap() error { return e.cause }
