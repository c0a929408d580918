package migrate

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"log/slog"

	"github.com/jmoiron/sqlx"
)

// session is one dedicated connection holding the domain's migration lock.
type session struct {
	conn *sql.Conn
	key  string
}

// lock takes a connection out of the pool and holds the domain's advisory
// lock on it. golang-migrate's own lock is taken only after its version
// table exists, which is too late to cover CREATE SCHEMA, hence this one.
// It logs when another replica holds the lock, so a slow start is
// explained.
func lock(ctx context.Context, db *sqlx.DB, domain string, log *slog.Logger) (*session, error) {
	conn, err := db.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("connect: %w", err)
	}
	s := &session{conn: conn, key: "nexus-migrate:" + domain}
	var got bool
	if err := conn.QueryRowContext(ctx, `SELECT pg_try_advisory_lock(hashtext($1))`, s.key).Scan(&got); err != nil {
		s.discard()
		return nil, fmt.Errorf("lock: %w", err)
	}
	if !got {
		log.Info("waiting for another replica to finish migrating", "domain", domain)
		if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_lock(hashtext($1))`, s.key); err != nil {
			s.discard()
			return nil, fmt.Errorf("wait for lock: %w", err)
		}
	}
	return s, nil
}

// release unlocks and throws the connection away instead of returning it
// to the pool: its search_path was changed for the migration, and no other
// query of the service may inherit that.
func (s *session) release() {
	_, _ = s.conn.ExecContext(context.Background(), `SELECT pg_advisory_unlock(hashtext($1))`, s.key)
	s.discard()
}

// discard closes the underlying connection (ending the session and any lock
// it holds) rather than pooling it.
func (s *session) discard() {
	_ = s.conn.Raw(func(any) error { return driver.ErrBadConn })
	_ = s.conn.Close()
}
