package store

import (
	"context"
	"time"

	auth "github.com/nexus-commerce/nexus/subgraphs/auth"
)

// Keep is how long the janitor keeps rows that no longer do anything, for
// support and audit: ended sessions, used or expired email tokens, sent
// or abandoned mail (bodies are wiped at once), idle throttle counters.
const Keep = 7 * 24 * time.Hour

// Prune deletes rows that can no longer affect anything and are older
// than Keep (sessions past their end, with their refresh tokens; email
// tokens; handled mail; throttle counters not touched within Keep), and
// returns how many rows went. Revocation entries stay: they are the feed's
// history and few.
func (s *Store) Prune(ctx context.Context) (int64, error) {
	cutoff := s.now().Add(-Keep)
	var total int64
	for _, q := range []string{
		`DELETE FROM auth.sessions WHERE revoked_at < $1 OR expires_at < $1`,
		`DELETE FROM auth.email_tokens WHERE expires_at < $1`,
		`DELETE FROM auth.mail_queue WHERE coalesce(sent_at, failed_at) < $1`,
		`DELETE FROM auth.throttle WHERE last_failure < $1 AND window_start < $1 AND (blocked_until IS NULL OR blocked_until < $1)`,
	} {
		res, err := s.db.ExecContext(ctx, q, cutoff)
		if err != nil {
			return total, auth.InternalError("prune", err)
		}
		n, _ := res.RowsAffected()
		total += n
	}
	return total, nil
}
