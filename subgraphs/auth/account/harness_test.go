package account_test

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/nexus-commerce/nexus/migrations"
	"github.com/nexus-commerce/nexus/subgraphs/auth/account"
	"github.com/nexus-commerce/nexus/subgraphs/auth/keys"
	"github.com/nexus-commerce/nexus/subgraphs/auth/password"
	"github.com/nexus-commerce/nexus/subgraphs/auth/store"
	"github.com/nexus-commerce/nexus/subgraphs/kit/migrate"
	"github.com/nexus-commerce/nexus/subgraphs/kit/pgtest"
)

// cheap keeps argon2id fast in tests; the production parameters are
// password.OWASP (benchmarked in password and store).
var cheap = password.Params{Memory: 64, Time: 1, Threads: 1, SaltLen: 16, KeyLen: 32}

// clock is a settable test clock.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) Advance(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// countingHasher is the real hasher, counting the password checks.
type countingHasher struct {
	*password.Hasher
	checks atomic.Int64
}

func (h *countingHasher) Verify(pw, hash string) (bool, bool, error) {
	h.checks.Add(1)
	return h.Hasher.Verify(pw, hash)
}

func (h *countingHasher) VerifyDummy(pw string) {
	h.checks.Add(1)
	h.Hasher.VerifyDummy(pw)
}

type env struct {
	db    *sqlx.DB
	svc   *account.Service
	clock *clock
	hash  *countingHasher
}

// newEnv migrates a fresh database and builds the service over it with a
// test clock starting now.
func newEnv(t testing.TB) *env {
	t.Helper()
	db := pgtest.New(t)
	fsys, err := migrations.FS("auth")
	if err != nil {
		t.Fatal(err)
	}
	if err := migrate.Up(context.Background(), db, "auth", fsys, nil); err != nil {
		t.Fatal(err)
	}
	clk := &clock{t: time.Now().UTC()}
	st := store.New(db)
	st.Now = clk.Now
	km, err := keys.New(db, keys.Config{Rotation: 24 * time.Hour, PublishAhead: 10 * time.Minute, AccessTTL: 15 * time.Minute}, nil, clk.Now)
	if err != nil {
		t.Fatal(err)
	}
	if err := km.Rotate(context.Background()); err != nil {
		t.Fatal(err)
	}
	h := &countingHasher{Hasher: &password.Hasher{Params: cheap}}
	svc := &account.Service{
		Store: st, Hasher: h,
		Tokens:    &keys.Issuer{Keys: km, Issuer: "nexus-auth", Audience: "nexus", TTL: 15 * time.Minute},
		Sessions:  store.SessionPolicy{Absolute: 30 * 24 * time.Hour, Idle: 7 * 24 * time.Hour, Grace: store.DefaultGrace},
		PublicURL: "http://shop.test",
	}
	return &env{db: db, svc: svc, clock: clk, hash: h}
}

func asError[T error](err error, target *T) bool { return errors.As(err, target) }
