package auth

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/MicahParks/jwkset"
	"github.com/MicahParks/keyfunc/v3"
	"github.com/golang-jwt/jwt/v5"
)

// maxTokenBytes caps the token length before any decoding: real tokens are
// a few hundred bytes to a few KiB; a megabyte header would only burn CPU.
const maxTokenBytes = 16 << 10

// Authenticator verifies the token of a request. It is safe for concurrent
// use; build one per config with New and Close it on reload or shutdown to
// stop the JWKS refresh.
type Authenticator struct {
	header   string
	static   map[string]staticKey
	jwks     keyfunc.Keyfunc // nil without JWKS URLs
	jwksAlgs []string
	parser   *jwt.Parser
	audience bool // an audience is required
	cancel   context.CancelFunc
	revoked  *Revocations // nil: no revocation feed
	cache    *tokenCache  // verified tokens (tokencache.go)
	store    *jwksStore   // the JWKS caches; nil without JWKS URLs
	now      func() time.Time
	leeway   time.Duration
}

type options struct {
	client *http.Client
	lookup func(string) (string, bool)
	log    *slog.Logger
	now    func() time.Time
	secret []byte
	revs   *Revocations
}

// Option adjusts New for tests and embedding.
type Option func(*options)

// WithHTTPClient sets the client for JWKS fetches (default: a client with
// no overall timeout; each fetch is bounded by Config.HTTPTimeout).
func WithHTTPClient(c *http.Client) Option { return func(o *options) { o.client = c } }

// WithLookupEnv replaces os.LookupEnv for static keys' pem_env/secret_env.
func WithLookupEnv(f func(string) (string, bool)) Option { return func(o *options) { o.lookup = f } }

// WithLogger receives JWKS refresh failures (default: discarded).
func WithLogger(l *slog.Logger) Option { return func(o *options) { o.log = l } }

// WithRouterSecret signs the revocation feed's requests with the router's
// anonymous signature (kitauth.SignAnonymous); nil sends them unsigned.
func WithRouterSecret(secret []byte) Option { return func(o *options) { o.secret = secret } }

// WithRevocations makes the Authenticator refuse tokens the feed revoked
// (and every token until the feed's first state). The caller owns r.
func WithRevocations(r *Revocations) Option { return func(o *options) { o.revs = r } }

// WithClock replaces time.Now for exp/nbf/iat checks, so tests need no sleeps.
func WithClock(now func() time.Time) Option { return func(o *options) { o.now = now } }

// New builds an Authenticator. It applies Defaults, runs Validate, loads
// static keys and fetches every JWKS once; an unreachable JWKS is logged
// and retried, not fatal. ctx bounds the background refresh, as does Close.
func New(ctx context.Context, cfg Config, opts ...Option) (*Authenticator, error) {
	o := options{client: &http.Client{}, lookup: os.LookupEnv, log: slog.New(slog.DiscardHandler), now: time.Now}
	for _, f := range opts {
		f(&o)
	}
	cfg.Defaults()
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	if !cfg.Enabled() {
		return nil, errors.New("auth: neither auth.jwks_urls nor auth.static_keys is configured")
	}
	static, err := loadStaticKeys(cfg.StaticKeys, o.lookup)
	if err != nil {
		return nil, err
	}
	a := &Authenticator{header: cfg.HeaderName, static: static, jwksAlgs: cfg.Algorithms, cancel: func() {}, revoked: o.revs,
		cache: newTokenCache(), now: o.now, leeway: cfg.Leeway}
	if len(cfg.JWKSURLs) > 0 {
		ctx, cancel := context.WithCancel(ctx)
		store, err := newJWKSStore(ctx, cfg, o.client, o.log)
		if err != nil {
			cancel()
			return nil, err
		}
		a.store = store
		if a.jwks, err = keyfunc.New(keyfunc.Options{Ctx: ctx, Storage: store}); err != nil {
			cancel()
			return nil, fmt.Errorf("auth.jwks_urls: %w", err)
		}
		a.cancel = cancel
	}
	popts := []jwt.ParserOption{
		jwt.WithLeeway(cfg.Leeway),
		jwt.WithExpirationRequired(),
		jwt.WithIssuedAt(),
		jwt.WithTimeFunc(o.now),
	}
	if cfg.Issuer != "" {
		popts = append(popts, jwt.WithIssuer(cfg.Issuer))
	}
	if len(cfg.Audience) > 0 {
		// Any one of them; a token without aud fails as required-missing.
		popts = append(popts, jwt.WithAudience(cfg.Audience...))
	} else {
		o.log.Warn("auth.allow_any_audience is on: tokens minted for any API of this identity provider are accepted; set auth.audience instead")
	}
	a.audience = len(cfg.Audience) > 0
	a.parser = jwt.NewParser(popts...)
	return a, nil
}

// Close stops the background JWKS refresh.
func (a *Authenticator) Close() { a.cancel() }

// Authenticate returns the verified claims of r's token, (nil, nil) when r
// carries no token (an anonymous request), or an *Error when the token is
// present but unacceptable.
func (a *Authenticator) Authenticate(r *http.Request) (*Claims, error) {
	raw, err := a.extract(r)
	if raw == "" || err != nil {
		return nil, err
	}
	if c, kid, hit, err := a.cache.get(raw, a.now()); hit && (kid == "" || a.store.has(r.Context(), kid)) {
		if err == nil && a.revoked != nil {
			err = a.revoked.check(c)
		}
		if err != nil {
			return nil, err
		}
		return c, nil
	}
	m := jwt.MapClaims{}
	tok, err := a.parser.ParseWithClaims(raw, m, a.keyfunc(r.Context()))
	if err != nil {
		e := classify(err)
		if aud, _ := m.GetAudience(); a.audience && len(strings.Join(aud, "")) == 0 && errors.Is(err, jwt.ErrTokenRequiredClaimMissing) {
			// The library reports a missing (or empty) aud as a missing
			// claim; say which, as for a wrong one.
			e.Reason = ReasonAudience
		}
		return nil, e
	}
	c, err := claimsFromMap(m)
	if err != nil {
		return nil, err
	}
	// A JWKS key's kid is checked again on every cache hit: a key
	// withdrawn from the set is refused at once, as without the cache.
	jwksKid := ""
	if kid, _ := tok.Header["kid"].(string); kid != "" {
		if _, static := a.static[kid]; !static {
			jwksKid = kid
		}
	}
	a.cache.add(raw, jwksKid, c, a.leeway, a.now())
	if a.revoked == nil {
		return c, nil
	}
	if err := a.revoked.check(c); err != nil {
		return nil, err
	}
	return c, nil
}

// extract takes the token from the configured header. In Authorization the
// Bearer scheme is required; elsewhere it is optional.
func (a *Authenticator) extract(r *http.Request) (string, error) {
	values := r.Header.Values(a.header)
	switch {
	case len(values) == 0:
		return "", nil
	case len(values) > 1:
		return "", &Error{Reason: ReasonMalformed, detail: "more than one " + a.header + " header"}
	}
	v := strings.TrimSpace(values[0])
	scheme, rest, found := strings.Cut(v, " ")
	switch {
	case found && strings.EqualFold(scheme, "Bearer"):
		v = strings.TrimSpace(rest)
	case strings.EqualFold(a.header, "Authorization"):
		return "", &Error{Reason: ReasonMalformed, detail: "Authorization header is not \"Bearer <token>\""}
	}
	switch {
	case v == "":
		return "", &Error{Reason: ReasonMalformed, detail: "empty token"}
	case len(v) > maxTokenBytes:
		return "", &Error{Reason: ReasonMalformed, detail: "token too long"}
	}
	return v, nil
}

// keyfunc picks the verification key for a token and pins its algorithm:
// a static key accepts only its configured alg, JWKS keys only the
// configured asymmetric algs (and the JWK's own alg when it names one), so
// "none" and HS256-signed-with-the-public-key tokens never verify.
func (a *Authenticator) keyfunc(ctx context.Context) jwt.Keyfunc {
	return func(t *jwt.Token) (any, error) {
		alg := t.Method.Alg()
		kidValue, hasKid := t.Header["kid"]
		kid, ok := kidValue.(string)
		if hasKid && !ok {
			return nil, &Error{Reason: ReasonMalformed, detail: "kid is not a string"}
		}
		if !hasKid {
			if len(a.static) != 1 || a.jwks != nil {
				return nil, &Error{Reason: ReasonUnknownKey, detail: "token has no kid"}
			}
			for _, k := range a.static {
				return staticFor(k, alg)
			}
		}
		if k, ok := a.static[kid]; ok {
			return staticFor(k, alg)
		}
		if a.jwks == nil {
			return nil, &Error{Reason: ReasonUnknownKey}
		}
		if !slices.Contains(a.jwksAlgs, alg) {
			return nil, &Error{Reason: ReasonAlgorithm, detail: "algorithm not allowed"}
		}
		key, err := a.jwks.KeyfuncCtx(ctx)(t)
		switch {
		case errors.Is(err, jwkset.ErrKeyNotFound):
			return nil, &Error{Reason: ReasonUnknownKey, cause: err}
		case err != nil:
			return nil, &Error{Reason: ReasonAlgorithm, detail: "key does not allow this algorithm", cause: err}
		}
		if _, symmetric := key.([]byte); symmetric {
			return nil, &Error{Reason: ReasonAlgorithm, detail: "symmetric keys from a JWKS are not accepted"}
		}
		return key, nil
	}
}

func staticFor(k staticKey, alg string) (any, error) {
	if alg != k.alg {
		return nil, &Error{Reason: ReasonAlgorithm, detail: "algorithm does not match the key"}
	}
	return k.key, nil
}

// classify turns a jwt parse error into an *Error. Expiry is checked
// before issuer and audience so a stale token says "expired".
func classify(err error) *Error {
	var e *Error
	if errors.As(err, &e) {
		return &Error{Reason: e.Reason, detail: e.detail, cause: err}
	}
	reasons := []struct {
		target error
		reason Reason
	}{
		{jwt.ErrTokenMalformed, ReasonMalformed},
		{jwt.ErrTokenUnverifiable, ReasonAlgorithm},
		{jwt.ErrTokenSignatureInvalid, ReasonSignature},
		{jwt.ErrTokenExpired, ReasonExpired},
		{jwt.ErrTokenNotValidYet, ReasonNotYetValid},
		{jwt.ErrTokenUsedBeforeIssued, ReasonNotYetValid},
		{jwt.ErrTokenInvalidIssuer, ReasonIssuer},
		{jwt.ErrTokenInvalidAudience, ReasonAudience},
	}
	for _, r := range reasons {
		if errors.Is(err, r.target) {
			return &Error{Reason: r.reason, cause: err}
		}
	}
	return &Error{Reason: ReasonClaims, cause: err}
}
