// Package pg opens the PostgreSQL pool a service uses (sqlx over lib/pq),
// waiting for the database while it starts, so services and the database
// can be started in any order.
package pg

import (
	"errors"
	"fmt"
	"net/url"
	"time"

	"github.com/nexus-commerce/nexus/subgraphs/kit/config"
)

// Defaults of ConfigFromEnv, exported so binaries can document them in
// their help text without repeating the numbers.
const (
	DefaultMaxOpenConns    = 20
	DefaultMaxIdleConns    = 10
	DefaultConnMaxLifetime = 30 * time.Minute
	DefaultConnectTimeout  = 30 * time.Second
)

// Config is the connection and pool configuration of one service's
// database; it is built once in main and passed to Open.
type Config struct {
	// URL is a postgres:// URL (DATABASE_URL); it may carry a password, so
	// only Redact(URL) ever goes to logs and errors.
	URL string
	// MaxOpenConns caps the pool so N replicas stay under the server's
	// max_connections.
	MaxOpenConns int
	// MaxIdleConns keeps warm connections; values above MaxOpenConns are
	// clamped by Open.
	MaxIdleConns int
	// ConnMaxLifetime recycles connections so failovers and pgbouncer
	// restarts are picked up; zero means forever.
	ConnMaxLifetime time.Duration
	// ConnectTimeout bounds how long Open waits for the database to answer.
	ConnectTimeout time.Duration
}

// ConfigFromEnv reads DATABASE_URL (required), DB_MAX_OPEN_CONNS (20),
// DB_MAX_IDLE_CONNS (10), DB_CONN_MAX_LIFETIME (30m) and DB_CONNECT_TIMEOUT
// (30s), so every service is configured by the same variables. The error
// names every bad variable at once; the Config is returned even then, for
// help output.
func ConfigFromEnv() (Config, error) {
	c := Config{URL: config.String("DATABASE_URL", "")}
	var errs []error
	var err error
	if c.MaxOpenConns, err = config.Int("DB_MAX_OPEN_CONNS", DefaultMaxOpenConns); err != nil {
		errs = append(errs, err)
	}
	if c.MaxIdleConns, err = config.Int("DB_MAX_IDLE_CONNS", DefaultMaxIdleConns); err != nil {
		errs = append(errs, err)
	}
	if c.ConnMaxLifetime, err = config.Duration("DB_CONN_MAX_LIFETIME", DefaultConnMaxLifetime); err != nil {
		errs = append(errs, err)
	}
	if c.ConnectTimeout, err = config.Duration("DB_CONNECT_TIMEOUT", DefaultConnectTimeout); err != nil {
		errs = append(errs, err)
	}
	if len(errs) > 0 {
		return c, errors.Join(errs...)
	}
	return c, c.Validate()
}

// Validate reports every problem at once, naming the environment variable
// to fix, so a misconfigured service fails at start rather than at the
// first query.
func (c Config) Validate() error {
	var errs []error
	if c.URL == "" {
		errs = append(errs, errors.New("DATABASE_URL is not set (e.g. postgres://postgres@127.0.0.1:54329/nexus?sslmode=disable; `make db` prints one)"))
	} else if u, err := url.Parse(c.URL); err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") || u.Host == "" && u.Query().Get("host") == "" {
		errs = append(errs, fmt.Errorf("DATABASE_URL %q is not a postgres://user@host:port/database URL", Redact(c.URL)))
	}
	if c.MaxOpenConns < 1 {
		errs = append(errs, fmt.Errorf("DB_MAX_OPEN_CONNS must be at least 1, got %d", c.MaxOpenConns))
	}
	if c.MaxIdleConns < 0 {
		errs = append(errs, fmt.Errorf("DB_MAX_IDLE_CONNS must not be negative, got %d", c.MaxIdleConns))
	}
	if c.ConnMaxLifetime < 0 {
		errs = append(errs, fmt.Errorf("DB_CONN_MAX_LIFETIME must not be negative, got %s", c.ConnMaxLifetime))
	}
	if c.ConnectTimeout <= 0 {
		errs = append(errs, fmt.Errorf("DB_CONNECT_TIMEOUT must be positive, got %s", c.ConnectTimeout))
	}
	return errors.Join(errs...)
}
