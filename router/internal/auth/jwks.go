package auth

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"time"

	"github.com/MicahParks/jwkset"
	"golang.org/x/time/rate"
)

// jwksStore is the JWK Set cache behind keyfunc: keys are read from the
// per-URL caches that jwkset refreshes in the background; a miss triggers a
// refresh of every URL only when the unknown-kid limiter has a token left,
// and is refused at once otherwise. jwkset's own limiter would make the
// request wait for the next slot instead, letting a stream of made-up kids
// pile up blocked requests.
type jwksStore struct {
	jwkset.Storage                  // the refreshing client (refreshes on every miss it sees)
	caches         []jwkset.Storage // the per-URL caches, read without any fetch
	unknownKID     *rate.Limiter
	// empty gates refreshes while no URL has served a key yet (the auth
	// service starting after the router): far more often than
	// unknownKID, so the first tokens are not refused for a minute.
	empty *rate.Limiter
}

// emptyRefreshInterval is the least time between two refreshes while no
// key has been loaded at all.
const emptyRefreshInterval = 2 * time.Second

// newJWKSStore fetches every URL once (a failure is logged, not fatal, so
// the router can start while the auth service is still coming up) and keeps
// refreshing them until ctx ends.
func newJWKSStore(ctx context.Context, cfg Config, client *http.Client, log *slog.Logger) (*jwksStore, error) {
	s := &jwksStore{unknownKID: rate.NewLimiter(rate.Every(cfg.UnknownKIDRefreshInterval), 1), empty: rate.NewLimiter(rate.Every(emptyRefreshInterval), 1)}
	urls := make(map[string]jwkset.Storage, len(cfg.JWKSURLs))
	for i, u := range cfg.JWKSURLs {
		c, err := jwkset.NewStorageFromHTTP(u, jwkset.HTTPClientStorageOptions{
			Client:                    client,
			Ctx:                       ctx,
			HTTPTimeout:               cfg.HTTPTimeout,
			NoErrorReturnFirstHTTPReq: true,
			RefreshInterval:           cfg.RefreshInterval,
			RefreshErrorHandler: func(ctx context.Context, err error) {
				log.WarnContext(ctx, "JWKS refresh failed; keeping the cached keys", "url", u, "error", err)
			},
		})
		if err != nil {
			return nil, fmt.Errorf("auth.jwks_urls[%d]: %w", i, err)
		}
		urls[u] = c
		s.caches = append(s.caches, c)
	}
	client2, err := jwkset.NewHTTPClient(jwkset.HTTPClientOptions{
		HTTPURLs: urls,
		// The gate is s.unknownKID; this limiter only lets through what
		// the gate let through.
		RefreshUnknownKID: rate.NewLimiter(rate.Inf, 1),
		RateLimitWaitMax:  cfg.HTTPTimeout,
	})
	if err != nil {
		return nil, fmt.Errorf("auth.jwks_urls: %w", err)
	}
	s.Storage = client2
	return s, nil
}

// loaded reports whether any URL has served a key.
func (s *jwksStore) loaded(ctx context.Context) bool {
	for _, c := range s.caches {
		if all, err := c.KeyReadAll(ctx); err == nil && len(all) > 0 {
			return true
		}
	}
	return false
}

// has reports whether kid is in the cached sets, without fetching; false
// for a nil store.
func (s *jwksStore) has(ctx context.Context, kid string) bool {
	if s == nil {
		return false
	}
	for _, c := range s.caches {
		if _, err := c.KeyRead(ctx, kid); err == nil {
			return true
		}
	}
	return false
}

// KeyRead returns the cached key for keyID, refreshing the sets once if the
// limiter allows.
func (s *jwksStore) KeyRead(ctx context.Context, keyID string) (jwkset.JWK, error) {
	for _, c := range s.caches {
		k, err := c.KeyRead(ctx, keyID)
		if err == nil {
			return k, nil
		}
		if !errors.Is(err, jwkset.ErrKeyNotFound) {
			return jwkset.JWK{}, err
		}
	}
	if s.loaded(ctx) {
		if !s.unknownKID.Allow() {
			return jwkset.JWK{}, jwkset.ErrKeyNotFound
		}
	} else if !s.empty.Allow() {
		return jwkset.JWK{}, jwkset.ErrKeyNotFound
	}
	return s.Storage.KeyRead(ctx, keyID)
}
