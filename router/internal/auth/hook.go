package auth

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/nexus-commerce/nexus/router/internal/gateway"
	kitauth "github.com/nexus-commerce/nexus/subgraphs/kit/auth"
)

// ExecHook returns the per-request hook the HTTP and subscription layers
// run before executing: it verifies the caller's token, hands the
// principal to the gateway (for @authenticated/@requiresScopes) and, when
// secret is set, makes every subgraph request carry the router's
// signature: the caller's claims, or for a request without a token the
// shared anonymous signature (production subgraphs refuse anything
// unsigned). No token is an anonymous request; a bad one is an *Error the
// HTTP layer answers with 401. a may be nil (no key source configured):
// every request is anonymous. The error is a secret kitauth.CheckSecret
// refuses.
func ExecHook(a *Authenticator, secret []byte) (func(*http.Request, *gateway.ExecOptions) error, error) {
	var anon *anonymous
	if secret != nil {
		var err error
		if anon, err = newAnonymous(secret); err != nil {
			return nil, err
		}
	}
	signed := newSignedCache()
	return func(r *http.Request, o *gateway.ExecOptions) error {
		var c *Claims
		if a != nil {
			var err error
			if c, err = a.Authenticate(r); err != nil {
				return err
			}
		}
		if c == nil {
			if anon != nil {
				o.Forward = anon.forwarder()
			}
			return nil
		}
		exp := expiry(c)
		o.Principal = &gateway.Principal{Subject: c.Subject, Scopes: c.Scopes, Expires: exp}
		if secret != nil {
			now := time.Now()
			if fw := signed.get(c, now); fw != nil {
				// The same verified token (Authenticate's cache hands out
				// one *Claims per token) within the signature's Fresh.
				o.Forward = fw
				return nil
			}
			name, value, err := ForwardHeader(c, secret, now)
			if err != nil {
				return err
			}
			if value != "" {
				o.Forward = &gateway.Forwarder{
					Header:   http.Header{name: {value}},
					SignedAt: now,
					Fresh:    kitauth.TTL / 2,
					Sign: func(at time.Time) (http.Header, error) {
						if !exp.IsZero() && at.After(exp) {
							return nil, errors.New("the caller's token has expired")
						}
						_, v, err := ForwardHeader(c, secret, at)
						if err != nil {
							return nil, err
						}
						return http.Header{name: {v}}, nil
					},
					Key: claimsKey(c),
				}
				signed.add(c, o.Forward)
			}
		}
		return nil
	}, nil
}

// expiry is the token's exp claim (zero when it has none).
func expiry(c *Claims) time.Time {
	var sec float64
	switch v := c.Raw["exp"].(type) {
	case float64:
		sec = v
	case int64:
		sec = float64(v)
	case json.Number:
		f, err := v.Float64()
		if err != nil {
			return time.Time{}
		}
		sec = f
	default:
		return time.Time{}
	}
	return time.Unix(int64(sec), 0)
}

// claimsKey identifies the forwarded claims apart from when they were
// issued: the subject, scopes and every claim but the token's own times
// and id. Two callers whose keys are equal see the same data.
func claimsKey(c *Claims) string {
	raw := make(map[string]any, len(c.Raw))
	for k, v := range c.Raw {
		switch k {
		case "exp", "iat", "nbf", "jti":
			continue
		}
		raw[k] = v
	}
	// encoding/json sorts map keys: the key does not depend on map order.
	b, err := json.Marshal(struct {
		Sub    string         `json:"sub"`
		Scopes []string       `json:"scopes"`
		Raw    map[string]any `json:"raw"`
	}{c.Subject, c.Scopes, raw})
	if err != nil {
		// Unmarshalled JSON always marshals; should it not, never share.
		return fmt.Sprintf("unshareable:%p", c)
	}
	return string(b)
}
