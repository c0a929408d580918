package pg

import (
	"context"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"time"

	"github.com/jmoiron/sqlx"
	_ "github.com/lib/pq" // the PostgreSQL driver
)

// Retry schedule of Open: capped exponential backoff with ±20% jitter, so
// replicas started together do not knock on the database in lockstep.
const (
	firstBackoff = 100 * time.Millisecond
	maxBackoff   = 2 * time.Second
	pingTimeout  = 5 * time.Second
)

// Open returns a pool that has answered a ping. While the database does not
// answer (it is starting, or the network is not up yet) it retries with
// capped exponential backoff, logging each attempt with the password
// redacted, until ConnectTimeout passes or ctx ends; so services and the
// database can be started in any order.
func Open(ctx context.Context, cfg Config, log *slog.Logger) (*sqlx.DB, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	where := Redact(cfg.URL)
	db, err := sqlx.Open("postgres", cfg.URL)
	if err != nil {
		return nil, fmt.Errorf("pg: open %s: %w", where, err)
	}
	db.SetMaxOpenConns(cfg.MaxOpenConns)
	db.SetMaxIdleConns(min(cfg.MaxIdleConns, cfg.MaxOpenConns))
	db.SetConnMaxLifetime(cfg.ConnMaxLifetime)

	wait, cancel := context.WithTimeout(ctx, cfg.ConnectTimeout)
	defer cancel()
	backoff := firstBackoff
	var last error // the most telling failure: a ping cut short by wait says little
	for attempt := 1; ; attempt++ {
		pctx, pcancel := context.WithTimeout(wait, pingTimeout)
		err = db.PingContext(pctx)
		pcancel()
		if err == nil {
			if attempt > 1 {
				log.Info("database answers", "url", where, "attempts", attempt)
			}
			return db, nil
		}
		if last == nil || wait.Err() == nil {
			last = err
		}
		delay := jitter(backoff)
		log.Warn("database not answering yet, retrying", "url", where, "attempt", attempt, "retry_in", delay, "err", last)
		t := time.NewTimer(delay)
		select {
		case <-wait.Done():
			t.Stop()
			_ = db.Close()
			if ctx.Err() != nil {
				return nil, fmt.Errorf("pg: gave up waiting for %s after %d attempts: %w (last error: %v)", where, attempt, ctx.Err(), last)
			}
			return nil, fmt.Errorf("pg: %s did not answer within %s (DB_CONNECT_TIMEOUT) after %d attempts: %w", where, cfg.ConnectTimeout, attempt, last)
		case <-t.C:
		}
		backoff = min(backoff*2, maxBackoff)
	}
}

// jitter spreads d by ±20%.
func jitter(d time.Duration) time.Duration {
	return d*4/5 + rand.N(d*2/5+1)
}
