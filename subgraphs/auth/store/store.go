// Package store is the auth domain's PostgreSQL adapter: users, session
// families and their refresh tokens, email tokens, the revocation feed,
// throttling counters and the mail queue, all in schema auth. Writes that
// belong together run in one transaction through InTx, so a change, its
// outbox events, its revocation entries and its queued mail commit or roll
// back together.
package store

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/google/uuid"
	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	auth "github.com/nexus-commerce/nexus/subgraphs/auth"
	"github.com/nexus-commerce/nexus/subgraphs/kit/events"
)

// Schema is the PostgreSQL schema the auth service owns.
const Schema = "auth"

// Store reads and writes the auth schema.
type Store struct {
	db     *sqlx.DB
	outbox events.Outbox
	// Now is the clock of every timestamp the store writes or compares
	// (tests inject one); time.Now by default.
	Now func() time.Time
}

// New returns a Store over db (migrated with migrations.FS("auth")).
func New(db *sqlx.DB) *Store {
	return &Store{db: db, outbox: events.Outbox{Schema: Schema}, Now: time.Now}
}

// DB is the pool, for the revocation feed's LISTEN and tests.
func (s *Store) DB() *sqlx.DB { return s.db }

func (s *Store) now() time.Time { return s.Now().UTC().Truncate(time.Microsecond) }

// Tx is one transaction of the auth schema with the domain's write
// operations; get one from InTx.
type Tx struct {
	tx  *sqlx.Tx
	s   *Store
	now time.Time
}

// Now is the transaction's clock reading: every row it writes carries it.
func (t *Tx) Now() time.Time { return t.now }

// InTx runs fn in one READ COMMITTED transaction and commits when fn
// returns nil; any error rolls back the rows, events and mail alike.
// *auth.Error values pass through; anything else becomes INTERNAL.
func (s *Store) InTx(ctx context.Context, op string, fn func(tx *Tx) error) error {
	tx, err := s.db.BeginTxx(ctx, nil)
	if err != nil {
		return auth.InternalError(op+": begin", err)
	}
	if err := fn(&Tx{tx: tx, s: s, now: s.now()}); err != nil {
		_ = tx.Rollback()
		return classify(op, err)
	}
	if err := tx.Commit(); err != nil {
		return classify(op+": commit", err)
	}
	return nil
}

// classify passes domain errors through, maps the email unique index to
// INVALID input.email and turns the rest into INTERNAL.
func classify(op string, err error) error {
	if len(auth.FieldErrors(err)) > 0 {
		return err
	}
	var pqe *pq.Error
	if errors.As(err, &pqe) && pqe.Code == "23505" && pqe.Constraint == "users_email_key" {
		return &auth.Error{Code: auth.Invalid, Field: "input.email", Message: "is already registered", Err: err}
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	return auth.InternalError(op, err)
}

// AppendEvent writes one outbox event in the transaction: it is published
// if and only if the transaction commits. payload must hold no secret.
func (t *Tx) AppendEvent(ctx context.Context, typ, aggregateID string, payload any) error {
	b, err := json.Marshal(payload)
	if err != nil {
		return err
	}
	return t.s.outbox.Append(ctx, t.tx, events.Event{
		ID: uuid.NewString(), Type: typ, AggregateID: aggregateID, Payload: b, OccurredAt: t.now,
	})
}

// NewToken returns 32 random bytes, base64url without padding (the form
// in cookies and mail links), and their SHA-256 (the stored form).
func NewToken() (raw string, hash []byte, err error) {
	var b [32]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", nil, fmt.Errorf("token: %w", err)
	}
	raw = base64.RawURLEncoding.EncodeToString(b[:])
	return raw, HashToken(raw), nil
}

// HashToken is the stored form of a token: SHA-256 of its text. Tokens
// carry 256 random bits, so a fast hash is enough (no salt, no stretch).
func HashToken(raw string) []byte {
	h := sha256.Sum256([]byte(raw))
	return h[:]
}
