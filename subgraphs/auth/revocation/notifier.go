package revocation

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"github.com/lib/pq"
)

// Channel is the NOTIFY channel auth.revocations' trigger signals at commit.
const Channel = "auth_revocations"

// Notifier turns the process's one LISTEN connection into a broadcast:
// every waiter gets a channel that closes at the next notification (or
// reconnect, after which anything may have been missed).
type Notifier struct {
	mu   sync.Mutex
	next chan struct{}
}

// NewNotifier returns a Notifier; Run feeds it.
func NewNotifier() *Notifier { return &Notifier{next: make(chan struct{})} }

// Wait returns a channel closed at the next notification. Take it before
// reading the table, so a commit between the read and the wait is seen.
func (n *Notifier) Wait() <-chan struct{} {
	n.mu.Lock()
	defer n.mu.Unlock()
	return n.next
}

// Broadcast wakes every waiter.
func (n *Notifier) Broadcast() {
	n.mu.Lock()
	close(n.next)
	n.next = make(chan struct{})
	n.mu.Unlock()
}

// Run listens on Channel with dsn until ctx ends, broadcasting each
// notification (and each reconnect: a nil notification).
func (n *Notifier) Run(ctx context.Context, dsn string, log *slog.Logger) error {
	l := pq.NewListener(dsn, time.Second, 30*time.Second, func(ev pq.ListenerEventType, err error) {
		if err != nil && log != nil {
			log.Warn("revocation feed listener", "event", ev, "err", err)
		}
	})
	defer l.Close()
	if err := l.Listen(Channel); err != nil {
		return err
	}
	ping := time.NewTicker(30 * time.Second)
	defer ping.Stop()
	for {
		select {
		case <-ctx.Done():
			n.Broadcast()
			return nil
		case <-l.Notify:
			n.Broadcast()
		case <-ping.C:
			_ = l.Ping()
		}
	}
}
