// Package revocation serves GET /revocations, the feed the router
// long-polls to refuse access tokens of disabled users and ended sessions
// before they expire (docs/auth.md).
package revocation

import (
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"strconv"
	"time"

	"github.com/nexus-commerce/nexus/subgraphs/auth/keys"
	"github.com/nexus-commerce/nexus/subgraphs/auth/store"
)

// MaxWait is the longest a request may wait for new entries.
const MaxWait = 30 * time.Second

// pageSize bounds the entries of one incremental answer; the client asks
// again with the returned cursor.
const pageSize = 1000

// Entry is one revocation on the wire.
type Entry struct {
	Sub      string `json:"sub,omitempty"`
	SID      string `json:"sid,omitempty"`
	Before   int64  `json:"before"`
	Disabled *bool  `json:"disabled,omitempty"`
}

// Response is the feed's answer.
type Response struct {
	Cursor      string  `json:"cursor"`
	Reset       bool    `json:"reset"`
	Revocations []Entry `json:"revocations"`
}

// Handler serves the feed.
type Handler struct {
	Store    *store.Store
	Notifier *Notifier
	// AccessTTL: entries whose before is older than now - AccessTTL -
	// keys.RetireMargin can refuse no live token and are left out of the
	// full state.
	AccessTTL time.Duration
	Log       *slog.Logger
}

// ServeHTTP answers GET /revocations?after=<cursor>&wait=<seconds>.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	after, err := parseInt(q.Get("after"), 0, 1<<62)
	if err != nil {
		http.Error(w, "after: want a cursor returned by this feed", http.StatusBadRequest)
		return
	}
	wait, err := parseInt(q.Get("wait"), 0, int64(MaxWait/time.Second))
	if err != nil {
		http.Error(w, "wait: want 0 to 30 seconds", http.StatusBadRequest)
		return
	}
	resp, err := h.answer(r.Context(), after, time.Duration(wait)*time.Second)
	if err != nil {
		if r.Context().Err() == nil && h.Log != nil {
			h.Log.ErrorContext(r.Context(), "revocation feed", "err", err)
		}
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	_ = json.NewEncoder(w).Encode(resp)
}

func parseInt(s string, lo, hi int64) (int64, error) {
	if s == "" {
		return 0, nil
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < lo || n > hi {
		return 0, strconv.ErrRange
	}
	return n, nil
}

// answer is the full state for after == 0 (or a cursor ahead of the
// table: the table was reset), else the entries after it, waiting up to
// wait for one to commit.
func (h *Handler) answer(ctx context.Context, after int64, wait time.Duration) (Response, error) {
	if after == 0 {
		return h.full(ctx)
	}
	deadline := time.Now().Add(wait)
	for {
		woken := h.Notifier.Wait()
		rows, err := h.Store.RevocationsAfter(ctx, after, pageSize)
		if err != nil {
			return Response{}, err
		}
		if len(rows) > 0 {
			out := Response{Cursor: strconv.FormatInt(rows[len(rows)-1].ID, 10), Revocations: entries(rows)}
			return out, nil
		}
		if head, err := h.Store.RevocationHead(ctx); err != nil {
			return Response{}, err
		} else if after > head {
			return h.full(ctx)
		}
		left := time.Until(deadline)
		if left <= 0 {
			return Response{Cursor: strconv.FormatInt(after, 10), Revocations: []Entry{}}, nil
		}
		t := time.NewTimer(left)
		select {
		case <-ctx.Done():
			t.Stop()
			return Response{}, ctx.Err()
		case <-woken:
			t.Stop()
		case <-t.C:
		}
	}
}

func (h *Handler) full(ctx context.Context) (Response, error) {
	since := h.Store.Now().Add(-h.AccessTTL - keys.RetireMargin)
	rows, cursor, err := h.Store.RevocationState(ctx, since)
	if err != nil {
		return Response{}, err
	}
	return Response{Cursor: strconv.FormatInt(cursor, 10), Reset: true, Revocations: entries(rows)}, nil
}

func entries(rows []store.Revocation) []Entry {
	out := make([]Entry, len(rows))
	for i, r := range rows {
		out[i] = Entry{Sub: r.Subject, SID: r.SessionID, Before: r.Before.Unix(), Disabled: r.Disabled}
	}
	return out
}
