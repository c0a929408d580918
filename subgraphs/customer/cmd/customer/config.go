package main

import (
	"errors"
	"fmt"
	"net"
	"time"

	kitauth "github.com/nexus-commerce/nexus/subgraphs/kit/auth"
	"github.com/nexus-commerce/nexus/subgraphs/kit/config"
	"github.com/nexus-commerce/nexus/subgraphs/kit/pg"
	"github.com/nexus-commerce/nexus/subgraphs/kit/server"
)

// Config is everything the binary needs, read once in main and passed down,
// so no package below reads the environment on its own.
type Config struct {
	// HTTPAddr is where serve listens (HTTP_ADDR, default ":4003").
	HTTPAddr string
	// Mode is production (NEXUS_MODE, the default) or development.
	// Production accepts GraphQL only from the router: every request must
	// carry its signature (NEXUS_ROUTER_SECRET required), anything else is
	// a 403 FORBIDDEN. Development also serves direct, unsigned requests as
	// anonymous.
	Mode string
	// TestTokenizer serves tokenizeTestCard (CUSTOMER_TEST_TOKENIZER;
	// default: on in development, off in production), which turns test
	// card numbers into tokens in place of a payment provider.
	TestTokenizer bool
	// Limits are the subgraph's own depth, alias and field limits, a
	// second line behind the router's.
	Limits server.Limits
	// MaxBodyBytes caps a GraphQL request body (GRAPHQL_MAX_BODY_BYTES).
	MaxBodyBytes int64
	// ShutdownTimeout is the grace period for in-flight requests on SIGINT
	// or SIGTERM (SHUTDOWN_TIMEOUT).
	ShutdownTimeout time.Duration
	// RouterSecret verifies the router's signature and the claims it
	// forwards (NEXUS_ROUTER_SECRET). Required in production. Empty
	// (development only): every caller is anonymous, so every account
	// operation is UNAUTHENTICATED.
	RouterSecret []byte
	// DB is the PostgreSQL configuration (DATABASE_URL and the kit's pool
	// and connect-retry settings).
	DB pg.Config
}

// Defaults documented in `customer -h`.
const (
	DefaultHTTPAddr        = ":4003"
	DefaultShutdownTimeout = 10 * time.Second
	DefaultMode            = ModeProduction
)

// Modes of NEXUS_MODE.
const (
	ModeProduction  = "production"
	ModeDevelopment = "development"
)

// ConfigFromEnv reads Config from the environment, applying the defaults.
// It fails on values that do not parse; call Validate for the rest.
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
	mode := config.String("NEXUS_MODE", DefaultMode)
	tokenizer := mode == ModeDevelopment
	switch v := config.String("CUSTOMER_TEST_TOKENIZER", ""); v {
	case "":
	case "1", "true":
		tokenizer = true
	case "0", "false":
		tokenizer = false
	default:
		return Config{}, fmt.Errorf("CUSTOMER_TEST_TOKENIZER %q: want 1 or 0", v)
	}
	return Config{
		HTTPAddr:        config.String("HTTP_ADDR", DefaultHTTPAddr),
		Mode:            mode,
		TestTokenizer:   tokenizer,
		Limits:          limits,
		MaxBodyBytes:    int64(body),
		ShutdownTimeout: grace,
		RouterSecret:    []byte(config.String(kitauth.SecretEnv, "")),
		DB:              db,
	}, nil
}

// ValidateServe adds what serving needs on top of Validate: in production
// the router's secret, without which no request could get through.
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
	if _, port, err := net.SplitHostPort(c.HTTPAddr); err != nil || port == "" {
		errs = append(errs, fmt.Errorf("HTTP_ADDR %q: want host:port or :port", c.HTTPAddr))
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
