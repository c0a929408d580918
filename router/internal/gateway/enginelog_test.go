package gateway

import (
	"bytes"
	"fmt"
	"log"
	"log/slog"
	"strings"
	"testing"
	"time"
)

// The engine's standard-library log lines become structured warnings, at
// most perSecond a second, and what is dropped is counted.
func TestEngineLogIsRateLimited(t *testing.T) {
	var out bytes.Buffer
	now := time.Unix(1000, 0)
	w := EngineLog(slog.New(slog.NewTextHandler(&out, nil)), 3).(*engineLog)
	w.now = func() time.Time { return now }
	std := log.New(w, "", 0) // as main installs it: log.SetOutput(EngineLog(...))

	for i := range 1000 {
		std.Printf("RemoveDirectiveFromNode not implemented for node kind: %d", i)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 3 {
		t.Fatalf("%d lines in one second, want 3:\n%s", len(lines), out.String())
	}
	if !strings.Contains(lines[0], "level=WARN") || !strings.Contains(lines[0], `line="RemoveDirectiveFromNode not implemented for node kind: 0"`) {
		t.Fatalf("first line %q", lines[0])
	}
	out.Reset()
	now = now.Add(time.Second)
	std.Print("next window")
	if got := out.String(); !strings.Contains(got, `line="next window"`) || !strings.Contains(got, fmt.Sprintf("suppressed_before=%d", 997)) {
		t.Fatalf("next window: %q", got)
	}
}
