package main

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"strings"
	"time"

	kitauth "github.com/nexus-commerce/nexus/subgraphs/kit/auth"
	"github.com/nexus-commerce/nexus/subgraphs/kit/config"
	"github.com/nexus-commerce/nexus/subgraphs/kit/pg"
	"github.com/nexus-commerce/nexus/subgraphs/kit/server"
)

// Config is everything the binary needs, read once in main and passed down,
// so no package below reads the environment on its own.
type Config struct {
	// HTTPAddr is where serve listens (HTTP_ADDR, default ":4001").
	HTTPAddr string
	// PublicURL is the public origin image links are built on (PUBLIC_URL):
	// the router's, which proxies /images/ to this service (router.yaml's
	// proxy list), so browsers never reach a subgraph directly.
	PublicURL string
	// Mode is production (NEXUS_MODE, the default) or development.
	// Production accepts GraphQL only from the router: every request must
	// carry its signature (NEXUS_ROUTER_SECRET required), anything else is
	// a 403 FORBIDDEN. Development also serves direct, unsigned requests as
	// anonymous (make run, tests that call the subgraph on purpose).
	Mode string
	// Limits are the subgraph's own depth, alias and field limits
	// (GRAPHQL_MAX_DEPTH, GRAPHQL_MAX_ALIASES, GRAPHQL_MAX_FIELDS), a second
	// line behind the router's.
	Limits server.Limits
	// MaxBodyBytes caps a GraphQL request body (GRAPHQL_MAX_BODY_BYTES,
	// default 1 MiB).
	MaxBodyBytes int64
	// ShutdownTimeout is the grace period for in-flight requests on SIGINT
	// or SIGTERM (SHUTDOWN_TIMEOUT).
	ShutdownTimeout time.Duration
	// RouterSecret verifies the router's signature and the claims it
	// forwards (NEXUS_ROUTER_SECRET, shared with the router). Required in
	// production. Empty (development only): every caller is anonymous, so
	// the admin mutations are refused (FORBIDDEN) while reads and
	// subscriptions work.
	RouterSecret []byte
	// DB is the PostgreSQL configuration: DATABASE_URL and the kit's pool and
	// connect-retry settings (DB_MAX_OPEN_CONNS, DB_CONNECT_TIMEOUT, ...).
	DB pg.Config
}

// Defaults documented in `product -h` and docs/conventions.md.
const (
	DefaultHTTPAddr        = ":4001"
	DefaultPublicURL       = "http://127.0.0.1:4000"
	DefaultShutdownTimeout = 10 * time.Second
	DefaultMode            = ModeProduction
)

// Modes of NEXUS_MODE.
const (
	ModeProduction  = "production"
	ModeDevelopment = "development"
)

// ConfigFromEnv reads Config from the environment, applying the defaults.
// It fails on values that do not parse and on an invalid database
// configuration (the kit validates it); call Validate for the rest.
func ConfigFromEnv() (Config, error) {
	db, err := pg.ConfigFromEnv()
	if err != nil {
		return Config{}, err
	}
	grace, err := config.Duration("SHUTDOWN_TIMEOUT", DefaultShutdownTimeout)
	if err != nil {
		return Config{}, err
	}
	limits, err := server.LimitsFromEnv()
	if err != nil {
		return Config{}, err
	}
	body, err := config.Int("GRAPHQL_MAX_BODY_BYTES", server.DefaultMaxBodyBytes)
	if err != nil {
		return Config{}, err
	}
	return Config{
		HTTPAddr:        config.String("HTTP_ADDR", DefaultHTTPAddr),
		PublicURL:       strings.TrimSuffix(config.String("PUBLIC_URL", DefaultPublicURL), "/"),
		Mode:            config.String("NEXUS_MODE", DefaultMode),
		Limits:          limits,
		MaxBodyBytes:    int64(body),
		ShutdownTimeout: grace,
		RouterSecret:    []byte(config.String(kitauth.SecretEnv, "")),
		DB:              db,
	}, nil
}

// ValidateServe adds what serving needs on top of Validate: in production
// the router's secret, without which no request could get through. migrate
// and seed serve nothing and do not need it.
func (c Config) ValidateServe() error {
	if c.Mode != ModeProduction {
		return nil
	}
	if _, err := kitauth.CheckSecret(string(c.RouterSecret)); err != nil {
		return fmt.Errorf("NEXUS_MODE=production accepts GraphQL only from the router, which needs the shared secret: %w (NEXUS_MODE=development serves direct requests)", err)
	}
	return nil
}

// Validate reports every invalid setting at once, naming the variable, so
// a misconfigured deployment fails at start with one actionable message.
func (c Config) Validate() error {
	var errs []error
	if _, port, err := net.SplitHostPort(c.HTTPAddr); err != nil || port == "" {
		errs = append(errs, fmt.Errorf("HTTP_ADDR %q: want host:port or :port", c.HTTPAddr))
	}
	if u, err := url.Parse(c.PublicURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") ||
		u.Host == "" || u.RawQuery != "" || u.Fragment != "" {
		errs = append(errs, fmt.Errorf("PUBLIC_URL %q: want an absolute http(s) URL without query or fragment", c.PublicURL))
	}
	if c.ShutdownTimeout <= 0 {
		errs = append(errs, fmt.Errorf("SHUTDOWN_TIMEOUT %v: must be positive", c.ShutdownTimeout))
	}
	if c.Mode != ModeProduction && c.Mode != ModeDevelopment {
		errs = append(errs, fmt.Errorf("NEXUS_MODE %q: want production or development", c.Mode))
	}
	if len(c.RouterSecret) > 0 {
		if _, err := kitauth.CheckSecret(string(c.RouterSecret)); err != nil {
			errs = append(errs, err)
		}
	}
	if c.MaxBodyBytes <= 0 {
		errs = append(errs, fmt.Errorf("GRAPHQL_MAX_BODY_BYTES %d: must be positive", c.MaxBodyBytes))
	}
	if err := c.DB.Validate(); err != nil {
		errs = append(errs, err)
	}
	return errors.Join(errs...)
}
