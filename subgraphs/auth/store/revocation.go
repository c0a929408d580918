package store

import (
	"context"
	"time"

	auth "github.com/nexus-commerce/nexus/subgraphs/auth"
)

// revocationLock is the advisory lock every revocation writer takes
// before taking an id, held until commit: ids then become visible in
// order, so a reader that saw id n never later finds an id below n.
const revocationLock = 0x61757468_7265 // "authre"

// Revocation is one entry of the feed: for a user (Subject) or a session
// (SessionID), tokens issued before Before are refused; Disabled, when
// set, puts the user on or off the disabled list.
type Revocation struct {
	ID        int64     `db:"id"`
	Subject   string    `db:"subject"`
	SessionID string    `db:"session_id"`
	Before    time.Time `db:"before"`
	Disabled  *bool     `db:"disabled"`
}

// InsertRevocation appends r with Before = the transaction's time
// (truncated to the second: tokens carry whole seconds and the router
// refuses iat < before, so a token issued in the revocation's own second
// survives; see docs/auth.md).
func (t *Tx) InsertRevocation(ctx context.Context, r Revocation) error {
	if _, err := t.tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock($1)`, revocationLock); err != nil {
		return err
	}
	var subject, sid *string
	if r.Subject != "" {
		subject = &r.Subject
	}
	if r.SessionID != "" {
		sid = &r.SessionID
	}
	_, err := t.tx.ExecContext(ctx, `INSERT INTO auth.revocations (subject, session_id, before, disabled, created_at)
		VALUES ($1, $2, $3, $4, $5)`, subject, sid, t.now.Truncate(time.Second), r.Disabled, t.now)
	return err
}

// revocationColumns reads nullable uuids as "".
const revocationColumns = `id, coalesce(subject::text, '') AS subject, coalesce(session_id::text, '') AS session_id, before, disabled`

// RevocationsAfter returns up to limit entries with id > after, in id order.
func (s *Store) RevocationsAfter(ctx context.Context, after int64, limit int) ([]Revocation, error) {
	var out []Revocation
	if err := s.db.SelectContext(ctx, &out, `SELECT `+revocationColumns+` FROM auth.revocations
		WHERE id > $1 ORDER BY id LIMIT $2`, after, limit); err != nil {
		return nil, auth.InternalError("revocations after", err)
	}
	return out, nil
}

// RevocationState is the full current state: every disabled user (with
// the latest before of that user), and every entry whose before is later
// than since; Cursor is the highest id at the time.
func (s *Store) RevocationState(ctx context.Context, since time.Time) ([]Revocation, int64, error) {
	tx, err := s.db.BeginTxx(ctx, nil)
	if err != nil {
		return nil, 0, auth.InternalError("revocation state", err)
	}
	defer tx.Rollback() //nolint:errcheck // read-only
	// One snapshot for the cursor and the rows.
	if _, err := tx.ExecContext(ctx, `SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY`); err != nil {
		return nil, 0, auth.InternalError("revocation state", err)
	}
	var cursor int64
	if err := tx.GetContext(ctx, &cursor, `SELECT coalesce(max(id), 0) FROM auth.revocations`); err != nil {
		return nil, 0, auth.InternalError("revocation state", err)
	}
	var out []Revocation
	if err := tx.SelectContext(ctx, &out, `SELECT `+revocationColumns+` FROM auth.revocations
		WHERE before > $1 AND id <= $2 AND (disabled IS NULL OR NOT disabled) ORDER BY id`, since, cursor); err != nil {
		return nil, 0, auth.InternalError("revocation state", err)
	}
	var disabled []Revocation
	if err := tx.SelectContext(ctx, &disabled, `SELECT 0 AS id, u.id::text AS subject, '' AS session_id,
		coalesce((SELECT max(r.before) FROM auth.revocations r WHERE r.subject = u.id AND r.id <= $1), u.updated_at) AS before,
		true AS disabled
		FROM auth.users u WHERE u.disabled ORDER BY u.id`, cursor); err != nil {
		return nil, 0, auth.InternalError("revocation state", err)
	}
	return append(disabled, out...), cursor, nil
}

// RevocationHead is the highest entry id (0 when the feed is empty).
func (s *Store) RevocationHead(ctx context.Context) (int64, error) {
	var id int64
	if err := s.db.GetContext(ctx, &id, `SELECT coalesce(max(id), 0) FROM auth.revocations`); err != nil {
		return 0, auth.InternalError("revocation head", err)
	}
	return id, nil
}
