// Package pg opens the PostgreSQL pool a service uses (sqlx over lib/pq),
// waiting for the database while it starts, so services and the database
// can be started in any order.
package pg

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"time"

	"github.com/jmoiron/sqlx"
	_ "github.com/lib/pq" // the PostgreSQL driver

	"github.com/nexus-commerce/nexus/subgraphs/kit/config"
)

// Config is the connection and pool configuration.
type Config struct {
	URL             string
	MaxOpenConns    int
	MaxIdleConns    int
	ConnMaxLifetime time.Duration
	// ConnectTimeout bounds how long Open waits for the database to answer.
	ConnectTimeout time.Duration
}

// ConfigFromEnv reads DATABASE_URL (required), DB_MAX_OPEN_CONNS (20),
// DB_MAX_IDLE_CONNS (10), DB_CONN_MAX_LIFETIME (30m), DB_CONNECT_TIMEOUT (30s).
func ConfigFromEnv() (Config, error) {
	c := Config{URL: config.String("DATABASE_URL", "")}
	var errs []error
	var err error
	if c.MaxOpenConns, err = config.Int("DB_MAX_OPEN_CONNS", 20); err != nil {
		errs = append(errs, err)
	}
	if c.MaxIdleConns, err = config.Int("DB_MAX_IDLE_CONNS", 10); err != nil {
		errs = append(errs, err)
	}
	if c.ConnMaxLifetime, err = config.Duration("DB_CONN_MAX_LIFETIME", 30*time.Minute); err != nil {
		errs = append(errs, err)
	}
	if c.ConnectTimeout, err = config.Duration("DB_CONNECT_TIMEOUT", 30*time.Second); err != nil {
		errs = append(errs, err)
	}
	if len(errs) > 0 {
		return c, errors.Join(errs...)
	}
	return c, c.Validate()
}

// Validate checks the URL and pool numbers.
func (c Config) Validate() error {
	var errs []error
	if c.URL == "" {
		errs = append(errs, errors.New("DATABASE_URL is not set (e.g. postgres://postgres@127.0.0.1:54329/nexus?sslmode=disable; `make db` prints one)"))
	} else if u, err := url.Parse(c.URL); err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") {
		errs = append(errs, fmt.Errorf("DATABASE_URL %q is not a postgres:// URL", Redact(c.URL)))
	}
	if c.MaxOpenConns < 1 {
		errs = append(errs, fmt.Errorf("DB_MAX_OPEN_CONNS must be at least 1, got %d", c.MaxOpenConns))
	}
	if c.MaxIdleConns < 0 || c.MaxIdleConns > c.MaxOpenConns {
		errs = append(errs, fmt.Errorf("DB_MAX_IDLE_CONNS must be between 0 and DB_MAX_OPEN_CONNS, got %d", c.MaxIdleConns))
	}
	if c.ConnectTimeout <= 0 {
		errs = append(errs, errors.New("DB_CONNECT_TIMEOUT must be positive"))
	}
	return errors.Join(errs...)
}

// Open connects and pings, retrying with capped exponential backoff until
// the database answers, ConnectTimeout passes or ctx ends.
func Open(ctx context.Context, cfg Config, log *slog.Logger) (*sqlx.DB, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	db, err := sqlx.Open("postgres", cfg.URL)
	if err != nil {
		return nil, fmt.Errorf("pg: open %s: %w", Redact(cfg.URL), err)
	}
	db.SetMaxOpenConns(cfg.MaxOpenConns)
	db.SetMaxIdleConns(cfg.MaxIdleConns)
	db.SetConnMaxLifetime(cfg.ConnMaxLifetime)

	ctx, cancel := context.WithTimeout(ctx, cfg.ConnectTimeout)
	defer cancel()
	backoff := 100 * time.Millisecond
	for attempt := 1; ; attempt++ {
		pctx, pcancel := context.WithTimeout(ctx, 5*time.Second)
		err = db.PingContext(pctx)
		pcancel()
		if err == nil {
			return db, nil
		}
		if log != nil {
			log.Warn("database not answering yet", "url", Redact(cfg.URL), "attempt", attempt, "err", err)
		}
		t := time.NewTimer(backoff)
		select {
		case <-ctx.Done():
			t.Stop()
			db.Close()
			return nil, fmt.Errorf("pg: %s did not answer within %s: %w", Redact(cfg.URL), cfg.ConnectTimeout, err)
		case <-t.C:
		}
		backoff = min(backoff*2, 2*time.Second)
	}
}

// Redact returns the URL without its password, for logs and errors.
func Redact(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return "<unparseable database URL>"
	}
	return u.Redacted()
}
