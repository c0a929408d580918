package main

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"
	"runtime"
	"strings"
	"time"

	kitauth "github.com/nexus-commerce/nexus/subgraphs/kit/auth"
	"github.com/nexus-commerce/nexus/subgraphs/kit/config"
	"github.com/nexus-commerce/nexus/subgraphs/kit/pg"
	"github.com/nexus-commerce/nexus/subgraphs/kit/server"
)

// Config is everything the binary needs, read once in main and passed
// down, so no package below reads the environment on its own.
type Config struct {
	// HTTPAddr is where serve listens (HTTP_ADDR, default ":4002").
	HTTPAddr string
	// PublicURL is the storefront origin mail links point at (PUBLIC_URL).
	PublicURL string
	// Mode is production (NEXUS_MODE, the default) or development; see
	// the product subgraph: production serves GraphQL only to the router.
	Mode string
	// Limits and MaxBodyBytes are the subgraph's own operation limits.
	Limits       server.Limits
	MaxBodyBytes int64
	// ShutdownTimeout is the grace period for in-flight requests.
	ShutdownTimeout time.Duration
	// RouterSecret verifies the router's signature (NEXUS_ROUTER_SECRET).
	RouterSecret []byte
	// DB is the PostgreSQL configuration (DATABASE_URL, ...).
	DB pg.Config

	// SMTPAddr is the mail server (SMTP_ADDR, default 127.0.0.1:1025).
	SMTPAddr string
	// SMTPUsername and SMTPPassword authenticate when set.
	SMTPUsername, SMTPPassword string
	// SMTPTLS is off, starttls or tls (SMTP_TLS; default off in
	// development, starttls in production).
	SMTPTLS string
	// MailFrom is the sender (MAIL_FROM).
	MailFrom string

	// Issuer and Audience are the access tokens' iss and aud (AUTH_ISSUER,
	// AUTH_AUDIENCE), what the router checks.
	Issuer, Audience string
	// AccessTTL is the access-token lifetime (AUTH_ACCESS_TTL, 15m).
	AccessTTL time.Duration
	// RefreshTTL is a session family's absolute lifetime (AUTH_REFRESH_TTL, 30d).
	RefreshTTL time.Duration
	// RefreshIdleTTL ends a family unused this long (AUTH_REFRESH_IDLE_TTL, 7d).
	RefreshIdleTTL time.Duration
	// HashConcurrency bounds the argon2id computations running at once
	// (AUTH_HASH_CONCURRENCY, default 2 × GOMAXPROCS): each holds 19 MiB,
	// so memory stays bounded under a sign-in spray; HashWait is how long
	// a sign-in waits for a slot before TOO_MANY_REQUESTS (AUTH_HASH_WAIT, 2s).
	HashConcurrency int
	HashWait        time.Duration
	// KeyRotation is how long a signing key signs (AUTH_KEY_ROTATION, 24h).
	KeyRotation time.Duration
	// KeyPublishAhead is how long a new key is published before it signs
	// (AUTH_KEY_PUBLISH_AHEAD, 10m: twice the router's JWKS refresh).
	KeyPublishAhead time.Duration
	// SigningKeyFile is a PEM P-256 private key from a secret
	// (AUTH_SIGNING_KEY_FILE); set, it is the only key and never rotates.
	SigningKeyFile string
	// KeyEncryptionKey seals generated private keys at rest
	// (AUTH_KEY_ENCRYPTION_KEY, at least 32 characters).
	KeyEncryptionKey []byte
	// CookieName is the session cookie (AUTH_COOKIE_NAME, nexus_session).
	CookieName string
	// CookieSecure adds Secure to the cookie (AUTH_COOKIE_SECURE: true,
	// false or auto = when PUBLIC_URL is https).
	CookieSecure bool
}

// Defaults documented in `auth -h` and subgraphs/auth/README.md.
const (
	DefaultHTTPAddr        = ":4002"
	DefaultPublicURL       = "http://127.0.0.1:4000"
	DefaultShutdownTimeout = 10 * time.Second
	DefaultMode            = ModeProduction
	DefaultSMTPAddr        = "127.0.0.1:1025"
	DefaultMailFrom        = "Nexus <no-reply@nexus.local>"
	DefaultIssuer          = "nexus-auth"
	DefaultAudience        = "nexus"
	DefaultAccessTTL       = 15 * time.Minute
	DefaultRefreshTTL      = 30 * 24 * time.Hour
	DefaultRefreshIdleTTL  = 7 * 24 * time.Hour
	DefaultKeyRotation     = 24 * time.Hour
	DefaultHashWait        = 2 * time.Second
	DefaultPublishAhead    = 10 * time.Minute
)

// Modes of NEXUS_MODE.
const (
	ModeProduction  = "production"
	ModeDevelopment = "development"
)

// ConfigFromEnv reads Config from the environment, applying defaults; call
// Validate for the rest.
func ConfigFromEnv() (Config, error) {
	db, err := pg.ConfigFromEnv()
	if err != nil {
		return Config{}, err
	}
	limits, err := server.LimitsFromEnv()
	if err != nil {
		return Config{}, err
	}
	var errs []error
	dur := func(key string, def time.Duration) time.Duration {
		d, err := config.Duration(key, def)
		errs = append(errs, err)
		return d
	}
	body, err := config.Int("GRAPHQL_MAX_BODY_BYTES", server.DefaultMaxBodyBytes)
	errs = append(errs, err)
	hashes, err := config.Int("AUTH_HASH_CONCURRENCY", 2*runtime.GOMAXPROCS(0))
	errs = append(errs, err)
	c := Config{
		HTTPAddr:         config.String("HTTP_ADDR", DefaultHTTPAddr),
		PublicURL:        strings.TrimSuffix(config.String("PUBLIC_URL", DefaultPublicURL), "/"),
		Mode:             config.String("NEXUS_MODE", DefaultMode),
		Limits:           limits,
		MaxBodyBytes:     int64(body),
		ShutdownTimeout:  dur("SHUTDOWN_TIMEOUT", DefaultShutdownTimeout),
		RouterSecret:     []byte(config.String(kitauth.SecretEnv, "")),
		DB:               db,
		SMTPAddr:         config.String("SMTP_ADDR", DefaultSMTPAddr),
		SMTPUsername:     os.Getenv("SMTP_USERNAME"),
		SMTPPassword:     os.Getenv("SMTP_PASSWORD"),
		MailFrom:         config.String("MAIL_FROM", DefaultMailFrom),
		Issuer:           config.String("AUTH_ISSUER", DefaultIssuer),
		Audience:         config.String("AUTH_AUDIENCE", DefaultAudience),
		AccessTTL:        dur("AUTH_ACCESS_TTL", DefaultAccessTTL),
		RefreshTTL:       dur("AUTH_REFRESH_TTL", DefaultRefreshTTL),
		RefreshIdleTTL:   dur("AUTH_REFRESH_IDLE_TTL", DefaultRefreshIdleTTL),
		HashConcurrency:  hashes,
		HashWait:         dur("AUTH_HASH_WAIT", DefaultHashWait),
		KeyRotation:      dur("AUTH_KEY_ROTATION", DefaultKeyRotation),
		KeyPublishAhead:  dur("AUTH_KEY_PUBLISH_AHEAD", DefaultPublishAhead),
		SigningKeyFile:   os.Getenv("AUTH_SIGNING_KEY_FILE"),
		KeyEncryptionKey: []byte(os.Getenv("AUTH_KEY_ENCRYPTION_KEY")),
		CookieName:       config.String("AUTH_COOKIE_NAME", "nexus_session"),
	}
	tls := "off"
	if c.Mode == ModeProduction {
		tls = "starttls"
	}
	c.SMTPTLS = config.String("SMTP_TLS", tls)
	switch v := config.String("AUTH_COOKIE_SECURE", "auto"); v {
	case "auto":
		c.CookieSecure = strings.HasPrefix(c.PublicURL, "https://")
	case "true", "1":
		c.CookieSecure = true
	case "false", "0":
	default:
		errs = append(errs, fmt.Errorf("AUTH_COOKIE_SECURE %q: want auto, true or false", v))
	}
	return c, errors.Join(errs...)
}

// ValidateServe adds what serving needs on top of Validate: in production
// the router's secret.
func (c Config) ValidateServe() error {
	if c.Mode != ModeProduction {
		return nil
	}
	if _, err := kitauth.CheckSecret(string(c.RouterSecret)); err != nil {
		return fmt.Errorf("NEXUS_MODE=production accepts GraphQL only from the router, which needs the shared secret: %w (NEXUS_MODE=development serves direct requests)", err)
	}
	return nil
}

// Validate reports every invalid setting at once, naming the variable.
func (c Config) Validate() error {
	var errs []error
	add := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }
	if _, port, err := net.SplitHostPort(c.HTTPAddr); err != nil || port == "" {
		add("HTTP_ADDR %q: want host:port or :port", c.HTTPAddr)
	}
	if u, err := url.Parse(c.PublicURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" {
		add("PUBLIC_URL %q: want an absolute http(s) URL without query or fragment", c.PublicURL)
	}
	if c.ShutdownTimeout <= 0 {
		add("SHUTDOWN_TIMEOUT %v: must be positive", c.ShutdownTimeout)
	}
	if c.Mode != ModeProduction && c.Mode != ModeDevelopment {
		add("NEXUS_MODE %q: want production or development", c.Mode)
	}
	if len(c.RouterSecret) > 0 {
		if _, err := kitauth.CheckSecret(string(c.RouterSecret)); err != nil {
			errs = append(errs, err)
		}
	}
	if c.MaxBodyBytes <= 0 {
		add("GRAPHQL_MAX_BODY_BYTES %d: must be positive", c.MaxBodyBytes)
	}
	if _, _, err := net.SplitHostPort(c.SMTPAddr); err != nil {
		add("SMTP_ADDR %q: want host:port", c.SMTPAddr)
	}
	if c.SMTPTLS != "off" && c.SMTPTLS != "starttls" && c.SMTPTLS != "tls" {
		add("SMTP_TLS %q: want off, starttls or tls", c.SMTPTLS)
	}
	if c.Issuer == "" || c.Audience == "" {
		add("AUTH_ISSUER and AUTH_AUDIENCE must not be empty")
	}
	if c.AccessTTL < time.Minute || c.AccessTTL > 24*time.Hour {
		add("AUTH_ACCESS_TTL %v: want 1m to 24h", c.AccessTTL)
	}
	if c.RefreshIdleTTL <= 0 || c.RefreshTTL < c.RefreshIdleTTL {
		add("AUTH_REFRESH_IDLE_TTL %v and AUTH_REFRESH_TTL %v: want 0 < idle <= absolute", c.RefreshIdleTTL, c.RefreshTTL)
	}
	if c.KeyPublishAhead < 0 || c.KeyRotation <= c.KeyPublishAhead {
		add("AUTH_KEY_ROTATION %v must be longer than AUTH_KEY_PUBLISH_AHEAD %v", c.KeyRotation, c.KeyPublishAhead)
	}
	if n := len(c.KeyEncryptionKey); n > 0 && n < 32 {
		add("AUTH_KEY_ENCRYPTION_KEY is %d bytes long, at least 32 are required", n)
	}
	if c.HashConcurrency < 1 || c.HashConcurrency > 1024 {
		add("AUTH_HASH_CONCURRENCY %d: want 1 to 1024", c.HashConcurrency)
	}
	if c.HashWait < 0 || c.HashWait > time.Minute {
		add("AUTH_HASH_WAIT %v: want 0 to 1m", c.HashWait)
	}
	if c.CookieName == "" {
		add("AUTH_COOKIE_NAME must not be empty")
	}
	if err := c.DB.Validate(); err != nil {
		errs = append(errs, err)
	}
	return errors.Join(errs...)
}
