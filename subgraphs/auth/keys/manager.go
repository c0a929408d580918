package keys

import (
	"context"
	"crypto/ecdsa"
	"crypto/x509"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"sync"
	"time"

	"github.com/jmoiron/sqlx"
)

// rotationLock is the advisory lock rotation runs under, so two replicas
// starting or rotating at once create one key, not two.
const rotationLock = 0x61757468_6b6579 // "authkey"

// RetireMargin is added to the access-token TTL after a key stops signing
// before it leaves the JWKS (covers clock skew and caches).
const RetireMargin = 5 * time.Minute

// Config is the key schedule.
type Config struct {
	// Rotation is how long a key signs before the next one takes over
	// (AUTH_KEY_ROTATION, default 24h).
	Rotation time.Duration
	// PublishAhead is how long a new key is in the JWKS before it signs;
	// at least the router's JWKS refresh interval (default 10m).
	PublishAhead time.Duration
	// AccessTTL is the access-token lifetime; a retired key stays
	// published for AccessTTL + RetireMargin after it stopped signing.
	AccessTTL time.Duration
	// EncryptionKey seals private keys at rest (AUTH_KEY_ENCRYPTION_KEY);
	// empty stores them unencrypted.
	EncryptionKey []byte
	// Fixed, when set (AUTH_SIGNING_KEY_FILE), is the only key: nothing is
	// generated, stored or rotated.
	Fixed *ecdsa.PrivateKey
}

// Manager holds the published keys and picks the signing key.
type Manager struct {
	db     *sqlx.DB
	cfg    Config
	seal   *sealer
	log    *slog.Logger
	now    func() time.Time
	mu     sync.RWMutex
	keys   []Key // published, newest activation first
	jwks   []byte
	loaded bool
}

// New returns a Manager; call Rotate (it loads too) before use. now is
// the clock (nil: time.Now).
func New(db *sqlx.DB, cfg Config, log *slog.Logger, now func() time.Time) (*Manager, error) {
	if now == nil {
		now = time.Now
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	s, err := newSealer(cfg.EncryptionKey)
	if err != nil {
		return nil, err
	}
	if cfg.Fixed == nil && (cfg.Rotation <= 0 || cfg.PublishAhead < 0 || cfg.PublishAhead >= cfg.Rotation) {
		return nil, fmt.Errorf("keys: rotation %s must be positive and longer than publish-ahead %s", cfg.Rotation, cfg.PublishAhead)
	}
	return &Manager{db: db, cfg: cfg, seal: s, log: log, now: now}, nil
}

// Rotate makes sure a key signs now and the next one is published ahead
// of its activation, then reloads the published set. It runs under a
// PostgreSQL advisory lock, so concurrent replicas agree on one schedule.
func (m *Manager) Rotate(ctx context.Context) error {
	if m.cfg.Fixed != nil {
		kid, err := KIDOf(m.cfg.Fixed)
		if err != nil {
			return err
		}
		return m.set([]Key{{KID: kid, Private: m.cfg.Fixed}})
	}
	tx, err := m.db.BeginTxx(ctx, nil)
	if err != nil {
		return fmt.Errorf("keys: rotate: %w", err)
	}
	defer tx.Rollback() //nolint:errcheck // committed below
	if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock($1)`, rotationLock); err != nil {
		return fmt.Errorf("keys: rotate: %w", err)
	}
	now := m.now().UTC().Truncate(time.Microsecond)
	var newest struct {
		KID         string    `db:"kid"`
		ActivatesAt time.Time `db:"activates_at"`
	}
	err = tx.GetContext(ctx, &newest, `SELECT kid, activates_at FROM auth.signing_keys ORDER BY activates_at DESC LIMIT 1`)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		if err := m.insert(ctx, tx, now, now); err != nil {
			return err
		}
		m.log.Info("generated the first signing key")
	case err != nil:
		return fmt.Errorf("keys: rotate: %w", err)
	case !now.Before(newest.ActivatesAt.Add(m.cfg.Rotation - m.cfg.PublishAhead)):
		next := newest.ActivatesAt.Add(m.cfg.Rotation)
		if earliest := now.Add(m.cfg.PublishAhead); next.Before(earliest) {
			next = earliest
		}
		if err := m.insert(ctx, tx, now, next); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE auth.signing_keys SET retires_at = $2 WHERE kid = $1`,
			newest.KID, next.Add(m.cfg.AccessTTL+RetireMargin)); err != nil {
			return fmt.Errorf("keys: rotate: %w", err)
		}
		m.log.Info("published the next signing key", "activates_at", next)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM auth.signing_keys WHERE retires_at < $1`, now); err != nil {
		return fmt.Errorf("keys: rotate: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("keys: rotate: %w", err)
	}
	return m.Reload(ctx)
}

// insert generates and stores a key activating at activates.
func (m *Manager) insert(ctx context.Context, tx *sqlx.Tx, now, activates time.Time) error {
	priv, kid, err := Generate()
	if err != nil {
		return err
	}
	der, err := x509.MarshalPKCS8PrivateKey(priv)
	if err != nil {
		return fmt.Errorf("keys: %w", err)
	}
	if m.seal != nil {
		if der, err = m.seal.seal(der, kid); err != nil {
			return fmt.Errorf("keys: seal: %w", err)
		}
	}
	jwk, err := Key{KID: kid, Private: priv}.PublicJWK()
	if err != nil {
		return err
	}
	pub, _ := json.Marshal(jwk)
	_, err = tx.ExecContext(ctx, `INSERT INTO auth.signing_keys (kid, private_key, encrypted, public_jwk, created_at, activates_at)
		VALUES ($1, $2, $3, $4, $5, $6)`, kid, der, m.seal != nil, string(pub), now, activates)
	if err != nil {
		return fmt.Errorf("keys: store: %w", err)
	}
	return nil
}

// Reload reads the published keys (not yet retired) from the database.
func (m *Manager) Reload(ctx context.Context) error {
	if m.cfg.Fixed != nil {
		return nil
	}
	var rows []struct {
		KID         string       `db:"kid"`
		Private     []byte       `db:"private_key"`
		Encrypted   bool         `db:"encrypted"`
		ActivatesAt time.Time    `db:"activates_at"`
		RetiresAt   sql.NullTime `db:"retires_at"`
	}
	if err := m.db.SelectContext(ctx, &rows, `SELECT kid, private_key, encrypted, activates_at, retires_at
		FROM auth.signing_keys WHERE retires_at IS NULL OR retires_at > $1 ORDER BY activates_at DESC`, m.now()); err != nil {
		return fmt.Errorf("keys: load: %w", err)
	}
	keys := make([]Key, 0, len(rows))
	for _, r := range rows {
		der := r.Private
		if r.Encrypted {
			if m.seal == nil {
				return fmt.Errorf("keys: signing key %s is encrypted but AUTH_KEY_ENCRYPTION_KEY is not set", r.KID)
			}
			var err error
			if der, err = m.seal.open(der, r.KID); err != nil {
				return err
			}
		}
		k, err := x509.ParsePKCS8PrivateKey(der)
		if err != nil {
			return fmt.Errorf("keys: signing key %s: %w", r.KID, err)
		}
		ec, ok := k.(*ecdsa.PrivateKey)
		if !ok {
			return fmt.Errorf("keys: signing key %s is a %T", r.KID, k)
		}
		key := Key{KID: r.KID, Private: ec, ActivatesAt: r.ActivatesAt}
		if r.RetiresAt.Valid {
			t := r.RetiresAt.Time
			key.RetiresAt = &t
		}
		keys = append(keys, key)
	}
	return m.set(keys)
}

func (m *Manager) set(keys []Key) error {
	doc, err := jwksDoc(keys)
	if err != nil {
		return err
	}
	m.mu.Lock()
	m.keys, m.jwks, m.loaded = keys, doc, true
	m.mu.Unlock()
	return nil
}

// Signing returns the key that signs now: the latest activated one.
func (m *Manager) Signing() (Key, error) {
	now := m.now()
	m.mu.RLock()
	defer m.mu.RUnlock()
	i := slices.IndexFunc(m.keys, func(k Key) bool { return !k.ActivatesAt.After(now) })
	if i < 0 {
		return Key{}, errors.New("keys: no signing key is active (Rotate has not run)")
	}
	return m.keys[i], nil
}

// JWKS returns the JSON Web Key Set document of every published key.
func (m *Manager) JWKS() []byte {
	m.mu.RLock()
	defer m.mu.RUnlock()
	return m.jwks
}

// Run rotates and reloads every interval until ctx ends, logging failures
// (the keys loaded before stay in use).
func (m *Manager) Run(ctx context.Context, interval time.Duration) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if err := m.Rotate(ctx); err != nil && ctx.Err() == nil {
				m.log.Error("signing key rotation failed; keeping the loaded keys", "err", err)
			}
		}
	}
}
