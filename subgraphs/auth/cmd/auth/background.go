package main

import (
	"context"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/nexus-commerce/nexus/subgraphs/auth/keys"
	"github.com/nexus-commerce/nexus/subgraphs/auth/store"
	"github.com/nexus-commerce/nexus/subgraphs/kit/events"
)

// background is the set of loops serve runs beside the HTTP server; they
// end with serve's context.
type background struct {
	wg   sync.WaitGroup
	mu   sync.Mutex
	errs []error
}

func (b *background) goRun(name string, fn func() error) {
	b.wg.Add(1)
	go func() {
		defer b.wg.Done()
		if err := fn(); err != nil {
			b.mu.Lock()
			b.errs = append(b.errs, fmt.Errorf("%s: %w", name, err))
			b.mu.Unlock()
		}
	}()
}

// wait returns once every loop ended, with the first failure.
func (b *background) wait() error {
	b.wg.Wait()
	if len(b.errs) > 0 {
		return b.errs[0]
	}
	return nil
}

// pruneInterval is how often the janitor deletes rows that no longer matter.
const pruneInterval = time.Hour

// startBackground starts the outbox relay, the key schedule and the janitor.
func startBackground(ctx context.Context, cfg Config, log *slog.Logger, db *sqlx.DB, bus events.Bus, km *keys.Manager, st *store.Store) *background {
	b := &background{}
	b.goRun("janitor", func() error {
		t := time.NewTicker(pruneInterval)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return nil
			case <-t.C:
				if n, err := st.Prune(ctx); err != nil && ctx.Err() == nil {
					log.Warn("pruning old rows failed", "err", err)
				} else if n > 0 {
					log.Info("pruned old rows", "rows", n)
				}
			}
		}
	})
	relay := &events.Relay{DB: db, Schema: domain, Bus: bus, Log: log, DSN: cfg.DB.URL}
	b.goRun("outbox relay", func() error { return relay.Run(ctx) })
	b.goRun("signing keys", func() error { km.Run(ctx, keyCheckInterval); return nil })
	return b
}
