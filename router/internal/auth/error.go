package auth

// Reason is the machine-readable cause of a refused token.
type Reason string

// Reasons a token is refused; each maps to one safe client message.
const (
	ReasonMalformed   Reason = "malformed"     // header or token not parseable
	ReasonAlgorithm   Reason = "algorithm"     // alg none, not allowed, or not the key's
	ReasonUnknownKey  Reason = "unknown_key"   // kid matches no key, even after a refresh
	ReasonSignature   Reason = "signature"     // signature does not verify with the key
	ReasonExpired     Reason = "expired"       // exp in the past (beyond leeway)
	ReasonNotYetValid Reason = "not_yet_valid" // nbf or iat in the future (beyond leeway)
	ReasonIssuer      Reason = "issuer"        // iss is not the configured issuer
	ReasonAudience    Reason = "audience"      // aud lacks the configured audience
	ReasonClaims      Reason = "claims"        // exp or sub missing, or another claim unusable
	ReasonRevoked     Reason = "revoked"       // the revocation feed revoked it (user disabled, signed out)
	// ReasonRevocationsUnknown: the revocation feed has not loaded yet.
	ReasonRevocationsUnknown Reason = "revocations_unknown"
)

// Error is a refused token. Its message is safe to return to the client
// and to log: it never contains the token, a claim value or a key id.
type Error struct {
	Reason Reason
	detail string // fixed text written by this package, for logs
	cause  error
}

func (e *Error) Error() string {
	if e.Reason == ReasonRevoked {
		return "token revoked"
	}
	if e.detail != "" {
		return "invalid token: " + string(e.Reason) + ": " + e.detail
	}
	return "invalid token: " + string(e.Reason)
}

// ErrorCode is the GraphQL extensions.code for every refused token.
func (e *Error) ErrorCode() string { return "UNAUTHENTICATED" }

// Unwrap gives errors.Is access to the jwt library's sentinel errors (such
// as jwt.ErrTokenExpired). Their text may contain a client-chosen kid, so
// log Error(), not the chain.
func (e *Error) Unwrap() error { return e.cause }
