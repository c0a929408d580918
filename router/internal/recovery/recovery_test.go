package recovery

import (
	"bytes"
	"errors"
	"log/slog"
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/nexus-commerce/nexus/router/internal/metrics"
)

func TestGuardTurnsAPanicIntoAnErrorForItsRequest(t *testing.T) {
	var logs bytes.Buffer
	log := slog.New(slog.NewJSONHandler(&logs, nil))
	m := metrics.New()
	var got error
	done := make(chan struct{})
	go func() {
		defer close(done)
		defer Guard(log, m, KindWSMessage, "req-1", func(err error) { got = err })
		var nilMap map[string]int
		nilMap["x"] = 1 // a real runtime panic
	}()
	<-done
	if !errors.Is(got, ErrPanic) {
		t.Fatalf("onPanic got %v, want ErrPanic", got)
	}
	if n := testutil.ToFloat64(m.Panics.WithLabelValues(KindWSMessage)); n != 1 {
		t.Fatalf("nexus_router_panics_total{kind=ws_message} = %v, want 1", n)
	}
	for _, want := range []string{`"request_id":"req-1"`, `"kind":"ws_message"`, "assignment to entry in nil map", "recovery_test.go"} {
		if !strings.Contains(logs.String(), want) {
			t.Errorf("log lacks %q: %s", want, logs.String())
		}
	}
}

func TestGuardWithoutAPanicDoesNothing(t *testing.T) {
	m := metrics.New()
	called := false
	func() {
		defer Guard(nil, m, KindExecute, "", func(error) { called = true })
	}()
	if called || testutil.ToFloat64(m.Panics.WithLabelValues(KindExecute)) != 0 {
		t.Fatal("Guard acted without a panic")
	}
}
