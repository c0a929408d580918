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
)

// Config is everything the binary needs, read once in main and passed down,
// so no package below reads the environment on its own.
type Config struct {
	// HTTPAddr is where serve listens (HTTP_ADDR, default ":4001").
	HTTPAddr string
	// PublicURL is the absolute base URL browsers reach this service at
	// (PUBLIC_URL); image links are built on it because images are served by
	// the subgraph itself, not the router.
	PublicURL string
	// ShutdownTimeout is the grace period for in-flight requests on SIGINT
	// or SIGTERM (SHUTDOWN_TIMEOUT).
	ShutdownTimeout time.Duration
	// RouterSecret verifies the claims the router forwards
	// (NEXUS_ROUTER_SECRET, shared with the router). Empty: every caller is
	// anonymous, so the admin mutations are refused (FORBIDDEN) while
	// reads and subscriptions work, which is what a read-only replica or a
	// development setup without auth wants.
	RouterSecret []byte
	// DB is the PostgreSQL configuration: DATABASE_URL and the kit's pool and
	// connect-retry settings (DB_MAX_OPEN_CONNS, DB_CONNECT_TIMEOUT, ...).
	DB pg.Config
}

// Defaults documented in `product -h` and docs/conventions.md.
const (
	DefaultHTTPAddr        = ":4001"
	DefaultPublicURL       = "http://127.0.0.1:4001"
	DefaultShutdownTimeout = 10 * time.Second
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
	return Config{
		HTTPAddr:        config.String("HTTP_ADDR", DefaultHTTPAddr),
		PublicURL:       strings.TrimSuffix(config.String("PUBLIC_URL", DefaultPublicURL), "/"),
		ShutdownTimeout: grace,
		RouterSecret:    []byte(config.String(kitauth.SecretEnv, "")),
		DB:              db,
	}, nil
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
	if len(c.RouterSecret) > 0 {
		if _, err := kitauth.CheckSecret(string(c.RouterSecret)); err != nil {
			errs = append(errs, err)
		}
	}
	if err := c.DB.Validate(); err != nil {
		errs = append(errs, err)
	}
	return errors.Join(errs...)
}
