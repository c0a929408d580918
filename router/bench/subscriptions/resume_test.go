package subscriptions

import (
	"strings"
	"testing"
	"time"
)

// TestGraphQLWSBackoff: the storms' clients wait as graphql-ws's default
// retryWait does (1 s doubled per retry, plus 300 ms to 3 s of jitter),
// with the doubling capped because they never give up.
func TestGraphQLWSBackoff(t *testing.T) {
	b := GraphQLWSBackoff
	for _, tc := range []struct {
		retries  int
		u        float64
		want     time.Duration
		describe string
	}{
		{0, 0, 1300 * time.Millisecond, "first reconnection, least jitter"},
		{0, 0.5, 2650 * time.Millisecond, "first reconnection, middle jitter"},
		{1, 0, 2300 * time.Millisecond, "second: doubled"},
		{3, 0, 8300 * time.Millisecond, "fourth: 8 s"},
		{10, 0, 8300 * time.Millisecond, "the doubling stops at 8 s"},
		{-1, 0, 1300 * time.Millisecond, "a negative count is the first"},
	} {
		if got := b.Wait(tc.retries, tc.u); got != tc.want {
			t.Errorf("%s: Wait(%d, %v) = %v, want %v", tc.describe, tc.retries, tc.u, got, tc.want)
		}
	}
	if got := b.Wait(0, 0.999999); got >= 4*time.Second {
		t.Errorf("Wait(0, ~1) = %v, want below 4 s (jitter is [300 ms, 3 s))", got)
	}
}

// TestDecodeResume: how a resuming client reads each server message; a
// result with errors is an error that ends the session, and anything it
// cannot place is refused rather than guessed.
func TestDecodeResume(t *testing.T) {
	for _, tc := range []struct {
		name, msg string
		kind      string
		seq       int64
		errPart   string // a part of the decode error; "" for none
	}{
		{"event", `{"id":"1","type":"next","payload":{"data":{"catalogEvents":{"cursor":"pg:42","id":"x","type":"product.stock-changed","occurredAt":"2026-12-04T04:00:00.123456Z"}}}}`, "next", 42, ""},
		{"result with errors", `{"id":"1","type":"next","payload":{"errors":[{"message":"upstream service error","extensions":{"code":""}}]}}`, "error", 0, ""},
		{"error message", `{"id":"1","type":"error","payload":[{"message":"boom"}]}`, "error", 0, ""},
		{"complete", `{"id":"1","type":"complete"}`, "complete", 0, ""},
		{"ping", `{"type":"ping"}`, "ping", 0, ""},
		{"another bus's cursor", `{"id":"1","type":"next","payload":{"data":{"catalogEvents":{"cursor":"js:42","occurredAt":"2026-12-04T04:00:00Z"}}}}`, "", 0, "not the PostgreSQL bus's"},
		{"no event", `{"id":"1","type":"next","payload":{"data":null}}`, "", 0, "without an event"},
		{"bad time", `{"id":"1","type":"next","payload":{"data":{"catalogEvents":{"cursor":"pg:1","occurredAt":"soon"}}}}`, "", 0, "occurredAt"},
		{"not JSON", `{"type":`, "", 0, "undecodable"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m, err := decodeResume([]byte(tc.msg))
			if tc.errPart != "" {
				if err == nil || !strings.Contains(err.Error(), tc.errPart) {
					t.Fatalf("err = %v, want one containing %q", err, tc.errPart)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if m.kind != tc.kind || m.d.seq != tc.seq {
				t.Errorf("kind %q seq %d, want %q %d", m.kind, m.d.seq, tc.kind, tc.seq)
			}
			if tc.kind == "next" && m.d.occurred != time.Date(2026, 12, 4, 4, 0, 0, 123456000, time.UTC).UnixNano() {
				t.Errorf("occurred %d", m.d.occurred)
			}
			if tc.kind == "error" && m.text == "" {
				t.Error("an error without its text")
			}
		})
	}
}
