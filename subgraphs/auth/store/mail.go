package store

import (
	"context"
	"time"

	auth "github.com/nexus-commerce/nexus/subgraphs/auth"
)

// EnqueueMail queues m in the transaction: it is sent after commit by the
// mail worker, and never for a rolled-back change.
func (t *Tx) EnqueueMail(ctx context.Context, m auth.Mail) error {
	_, err := t.tx.ExecContext(ctx, `INSERT INTO auth.mail_queue (to_addr, subject, text_body, html_body, created_at, next_attempt_at)
		VALUES ($1, $2, $3, $4, $5, $5)`, m.To, m.Subject, m.Text, m.HTML, t.now)
	return err
}

// QueuedMail is a mail due for sending.
type QueuedMail struct {
	ID       int64 `db:"id"`
	Attempts int   `db:"attempts"`
	auth.Mail
}

// ClaimMail locks up to limit due mails (SKIP LOCKED, so replicas share
// the queue) and passes them to send inside one transaction; send returns
// per mail nil (sent) or the failure. Sent mails and mails that failed
// maxAttempts times have their bodies wiped; others are retried after
// backoff(attempts). It returns how many mails were handled.
func (s *Store) ClaimMail(ctx context.Context, limit, maxAttempts int, backoff func(int) time.Duration,
	send func(QueuedMail) error) (int, error) {
	n := 0
	err := s.InTx(ctx, "mail queue", func(t *Tx) error {
		var due []struct {
			ID       int64  `db:"id"`
			Attempts int    `db:"attempts"`
			To       string `db:"to_addr"`
			Subject  string `db:"subject"`
			Text     string `db:"text_body"`
			HTML     string `db:"html_body"`
		}
		if err := t.tx.SelectContext(ctx, &due, `SELECT id, attempts, to_addr, subject, text_body, html_body FROM auth.mail_queue
			WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= $1
			ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED`, t.now, limit); err != nil {
			return err
		}
		for _, d := range due {
			n++
			serr := send(QueuedMail{ID: d.ID, Attempts: d.Attempts, Mail: auth.Mail{To: d.To, Subject: d.Subject, Text: d.Text, HTML: d.HTML}})
			var err error
			switch {
			case serr == nil:
				_, err = t.tx.ExecContext(ctx, `UPDATE auth.mail_queue SET sent_at = $2, attempts = attempts + 1,
					text_body = '', html_body = '', last_error = '' WHERE id = $1`, d.ID, t.now)
			case d.Attempts+1 >= maxAttempts:
				_, err = t.tx.ExecContext(ctx, `UPDATE auth.mail_queue SET failed_at = $2, attempts = attempts + 1,
					text_body = '', html_body = '', last_error = $3 WHERE id = $1`, d.ID, t.now, serr.Error())
			default:
				_, err = t.tx.ExecContext(ctx, `UPDATE auth.mail_queue SET attempts = attempts + 1, next_attempt_at = $2,
					last_error = $3 WHERE id = $1`, d.ID, t.now.Add(backoff(d.Attempts+1)), serr.Error())
			}
			if err != nil {
				return err
			}
		}
		return nil
	})
	return n, err
}
