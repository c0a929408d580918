package gateway

import (
	"context"
	"testing"
)

func TestRequestIDTravelsInTheContext(t *testing.T) {
	if id := RequestID(context.Background()); id != "" {
		t.Fatalf("no id set, got %q", id)
	}
	if id := RequestID(WithRequestID(context.Background(), "req-7")); id != "req-7" {
		t.Fatalf("got %q, want req-7", id)
	}
}
