package auth

import (
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"time"
)

// Config says where the router finds the keys that sign client tokens and
// which tokens it accepts. It sits under the router config's auth: key; an
// empty Config (no JWKS URL, no static key) means authentication is off and
// every request is anonymous.
type Config struct {
	// JWKSURLs are JSON Web Key Set endpoints (the auth service's
	// /.well-known/jwks.json). Keys are cached, refreshed every
	// RefreshInterval and on an unknown kid (at most once per
	// UnknownKIDRefreshInterval), so key rotation needs no restart.
	JWKSURLs []string `yaml:"jwks_urls"`
	// StaticKeys are keys given in the config, for deployments without a
	// JWKS endpoint and for HMAC-signed tokens.
	StaticKeys []StaticKey `yaml:"static_keys"`
	// Issuer, when set, must equal the token's iss claim.
	Issuer string `yaml:"issuer"`
	// Audience is the API's own name in the tokens' aud claim: a token is
	// accepted only when its aud names one of these (a string or a list in
	// YAML). Required whenever tokens are verified, so a token the identity
	// provider minted for another API is never accepted here; tokens with
	// no aud are refused too. See AllowAnyAudience.
	Audience Audiences `yaml:"audience"`
	// AllowAnyAudience turns the audience check off: any aud, or none, is
	// accepted. Only for an identity provider that mints tokens for this
	// router alone; the router logs a warning at every start with it on.
	AllowAnyAudience bool `yaml:"allow_any_audience"`
	// Leeway tolerates clock skew on exp, nbf and iat. Default 30s, at most 5m.
	Leeway time.Duration `yaml:"leeway"`
	// RefreshInterval is how often JWKS are fetched in the background.
	// Default 5m.
	RefreshInterval time.Duration `yaml:"refresh_interval"`
	// UnknownKIDRefreshInterval is the least time between two refreshes
	// triggered by a token whose kid is not cached; tokens with unknown kids
	// in between are refused at once, so garbage kids cannot make the
	// router hammer the JWKS endpoint. Default 1m.
	UnknownKIDRefreshInterval time.Duration `yaml:"unknown_kid_refresh_interval"`
	// HTTPTimeout bounds one JWKS fetch. Default 10s.
	HTTPTimeout time.Duration `yaml:"http_timeout"`
	// HeaderName is the request header carrying the token. Default
	// Authorization, where the value must be "Bearer <token>"; in any other
	// header a "Bearer " prefix is optional.
	HeaderName string `yaml:"header_name"`
	// RevocationsURL is the auth service's revocation feed (GET
	// /revocations?after=<cursor>&wait=<s>): the router long-polls it,
	// keeps the revoked subjects and sessions in memory and refuses their
	// unexpired tokens with 401 "token revoked". Empty: off.
	RevocationsURL string `yaml:"revocations_url"`
	// RevocationsMaxStale is how long the feed may fail before the router
	// logs an error (then once a minute) while it keeps serving with the
	// revocations it has. Default 60s.
	RevocationsMaxStale time.Duration `yaml:"revocations_max_stale"`
	// Algorithms are the signature algorithms accepted for JWKS keys.
	// Default: every asymmetric algorithm (RS*, PS*, ES*, EdDSA); HMAC is
	// never accepted from a JWKS. Static keys accept exactly their own.
	Algorithms []string `yaml:"algorithms"`
}

// StaticKey is one verification key from the config. Exactly one of PEM,
// PEMEnv and SecretEnv is set; secrets are named by environment variable so
// they never sit in the config file or in a dump of this struct.
type StaticKey struct {
	// KID is matched against the token header's kid.
	KID string `yaml:"kid"`
	// Algorithm is the only alg accepted with this key (RS256, ES256,
	// EdDSA, HS256, ...), which rules out algorithm confusion.
	Algorithm string `yaml:"algorithm"`
	// PEM is a public key (PKIX or PKCS#1) or certificate, inline.
	PEM string `yaml:"pem"`
	// PEMEnv names an environment variable holding the PEM.
	PEMEnv string `yaml:"pem_env"`
	// SecretEnv names an environment variable holding an HMAC secret
	// (HS256/HS384/HS512 only), at least 32 bytes.
	SecretEnv string `yaml:"secret_env"`
	// Optional skips the key when its environment variable is unset (a
	// development key that production simply does not provide). Tokens
	// naming a skipped key are refused like any unknown kid.
	Optional bool `yaml:"optional"`
}

// Defaults used by Defaults.
const (
	DefaultLeeway                    = 30 * time.Second
	DefaultRefreshInterval           = 5 * time.Minute
	DefaultUnknownKIDRefreshInterval = time.Minute
	DefaultHTTPTimeout               = 10 * time.Second
	DefaultHeaderName                = "Authorization"
	DefaultRevocationsMaxStale       = 60 * time.Second
)

var (
	asymmetricAlgs = []string{"RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA"}
	hmacAlgs       = []string{"HS256", "HS384", "HS512"}
)

// Enabled reports whether any key source is configured.
func (c *Config) Enabled() bool {
	return len(c.JWKSURLs) > 0 || len(c.StaticKeys) > 0
}

// Defaults fills in every unset setting.
func (c *Config) Defaults() {
	if c.Leeway == 0 {
		c.Leeway = DefaultLeeway
	}
	if c.RefreshInterval == 0 {
		c.RefreshInterval = DefaultRefreshInterval
	}
	if c.UnknownKIDRefreshInterval == 0 {
		c.UnknownKIDRefreshInterval = DefaultUnknownKIDRefreshInterval
	}
	if c.HTTPTimeout == 0 {
		c.HTTPTimeout = DefaultHTTPTimeout
	}
	if c.HeaderName == "" {
		c.HeaderName = DefaultHeaderName
	}
	if c.RevocationsMaxStale == 0 {
		c.RevocationsMaxStale = DefaultRevocationsMaxStale
	}
	if len(c.Algorithms) == 0 {
		c.Algorithms = slices.Clone(asymmetricAlgs)
	}
}

// Validate reports every problem at once, each naming the offending key
// below auth:. It checks shape only; New loads the keys and reports what
// it finds in PEMs and environment variables.
func (c *Config) Validate() error {
	var errs []error
	bad := func(format string, args ...any) { errs = append(errs, fmt.Errorf("auth."+format, args...)) }
	for i, u := range c.JWKSURLs {
		p, err := url.Parse(u)
		if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
			bad("jwks_urls[%d]: %q is not an http(s) URL", i, u)
		}
	}
	if u := c.RevocationsURL; u != "" {
		p, err := url.Parse(u)
		if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" || p.RawQuery != "" {
			bad("revocations_url: %q is not an http(s) URL without a query", u)
		}
		if !c.Enabled() {
			bad("revocations_url: needs jwks_urls or static_keys (without keys no token is accepted to revoke)")
		}
	}
	if c.RevocationsMaxStale < 0 {
		bad("revocations_max_stale: %s is negative", c.RevocationsMaxStale)
	}
	if c.Leeway < 0 || c.Leeway > 5*time.Minute {
		bad("leeway: %s is outside 0..5m", c.Leeway)
	}
	if c.RefreshInterval < 0 {
		bad("refresh_interval: %s is negative", c.RefreshInterval)
	}
	if c.UnknownKIDRefreshInterval < 0 {
		bad("unknown_kid_refresh_interval: %s is negative", c.UnknownKIDRefreshInterval)
	}
	if c.HTTPTimeout < 0 {
		bad("http_timeout: %s is negative", c.HTTPTimeout)
	}
	switch {
	case c.AllowAnyAudience && len(c.Audience) > 0:
		bad("allow_any_audience: true contradicts audience %q; remove one of them", strings.Join(c.Audience, ", "))
	case c.Enabled() && len(c.Audience) == 0 && !c.AllowAnyAudience:
		bad("audience: required when tokens are verified (jwks_urls or static_keys are set): without it a token minted for any other API of the same identity provider is accepted. Set it to the aud value your tokens carry (e.g. audience: nexus), or set allow_any_audience: true to accept every audience (not recommended)")
	}
	for i, a := range c.Audience {
		if strings.TrimSpace(a) == "" {
			bad("audience[%d]: empty", i)
		}
	}
	if strings.ContainsAny(c.HeaderName, " :\t") {
		bad("header_name: %q is not a header name", c.HeaderName)
	}
	for i, a := range c.Algorithms {
		if !slices.Contains(asymmetricAlgs, a) {
			bad("algorithms[%d]: %q is not one of %s (HMAC keys go in static_keys)", i, a, strings.Join(asymmetricAlgs, ", "))
		}
	}
	kids := map[string]int{}
	for i, k := range c.StaticKeys {
		if k.KID == "" && len(c.StaticKeys)+len(c.JWKSURLs) > 1 {
			bad("static_keys[%d].kid: required when more than one key source is configured", i)
		}
		if j, dup := kids[k.KID]; dup {
			bad("static_keys[%d].kid: %q is also static_keys[%d].kid", i, k.KID, j)
		}
		kids[k.KID] = i
		sources := 0
		for _, s := range []string{k.PEM, k.PEMEnv, k.SecretEnv} {
			if s != "" {
				sources++
			}
		}
		if sources != 1 {
			bad("static_keys[%d]: set exactly one of pem, pem_env, secret_env (found %d)", i, sources)
		}
		switch {
		case slices.Contains(hmacAlgs, k.Algorithm):
			if k.SecretEnv == "" {
				bad("static_keys[%d].secret_env: required for algorithm %s", i, k.Algorithm)
			}
		case slices.Contains(asymmetricAlgs, k.Algorithm):
			if k.SecretEnv != "" {
				bad("static_keys[%d].secret_env: only for HS256/HS384/HS512, algorithm is %s (use pem or pem_env)", i, k.Algorithm)
			}
		default:
			bad("static_keys[%d].algorithm: %q is not one of %s, %s", i, k.Algorithm, strings.Join(asymmetricAlgs, ", "), strings.Join(hmacAlgs, ", "))
		}
	}
	return errors.Join(errs...)
}
