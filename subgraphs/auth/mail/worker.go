package mail

import (
	"context"
	"log/slog"
	"time"

	"github.com/lib/pq"

	auth "github.com/nexus-commerce/nexus/subgraphs/auth"
	"github.com/nexus-commerce/nexus/subgraphs/auth/store"
)

// Channel is the NOTIFY channel the mail_queue trigger signals at commit.
const Channel = "auth_mail"

// Sender delivers one mail.
type Sender interface {
	Send(ctx context.Context, m auth.Mail) error
}

// Worker sends queued mail after the transactions that queued it commit.
//
// Why a queue: the registration (or reset request) and its mail must not
// depend on each other. Sending inside the transaction would hold it open
// on a slow server and could send a mail for a rolled-back change;
// sending after commit in the request would lose the mail on a crash or
// an SMTP failure and make the response time reveal whether a reset mail
// was sent. The row commits with the change; the worker sends it and
// retries with backoff (1 min, 2 min, ... up to MaxAttempts). A crash
// between SMTP's acceptance and the row's update can send a mail twice
// (at least once, never lost).
type Worker struct {
	Store  *store.Store
	Sender Sender
	Log    *slog.Logger
	// MaxAttempts before a mail is abandoned (default 8).
	MaxAttempts int
}

func (w *Worker) backoff(attempts int) time.Duration {
	return min(time.Minute<<min(attempts-1, 10), 6*time.Hour)
}

// SendDue sends every mail that is due now and returns how many it
// handled (sent or failed); tests call it to flush the queue.
func (w *Worker) SendDue(ctx context.Context) (int, error) {
	maxAttempts := w.MaxAttempts
	if maxAttempts == 0 {
		maxAttempts = 8
	}
	total := 0
	for {
		n, err := w.Store.ClaimMail(ctx, 10, maxAttempts, w.backoff, func(m store.QueuedMail) error {
			err := w.Sender.Send(ctx, m.Mail)
			if err != nil && w.Log != nil {
				w.Log.WarnContext(ctx, "sending mail failed; will retry", "mail_id", m.ID, "subject", m.Subject, "attempt", m.Attempts+1, "err", err)
			}
			return err
		})
		total += n
		if err != nil || n < 10 {
			return total, err
		}
	}
}

// Run sends due mail on every notification of the queue's trigger and
// every poll interval (for retries), until ctx ends.
func (w *Worker) Run(ctx context.Context, dsn string, poll time.Duration) error {
	l := pq.NewListener(dsn, time.Second, time.Minute, nil)
	defer l.Close()
	if err := l.Listen(Channel); err != nil {
		return err
	}
	t := time.NewTicker(poll)
	defer t.Stop()
	for {
		if _, err := w.SendDue(ctx); err != nil && ctx.Err() == nil && w.Log != nil {
			w.Log.ErrorContext(ctx, "mail queue", "err", err)
		}
		select {
		case <-ctx.Done():
			return nil
		case <-l.Notify:
		case <-t.C:
		}
	}
}
