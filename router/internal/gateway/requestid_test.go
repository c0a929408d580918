package gateway

import (
	"context"
	"testing"
)

func TestSyncRequestIDFillsWhicheverSideIsMissing(t *testing.T) {
	o := ExecOptions{}
	ctx := syncRequestID(WithRequestID(context.Background(), "from-ctx"), &o)
	if o.RequestID != "from-ctx" || requestID(ctx) != "from-ctx" {
		t.Fatalf("ctx id not copied to options: %q / %q", o.RequestID, requestID(ctx))
	}
	o = ExecOptions{RequestID: "from-opts"}
	ctx = syncRequestID(context.Background(), &o)
	if requestID(ctx) != "from-opts" {
		t.Fatalf("options id not put in ctx: %q", requestID(ctx))
	}
	o = ExecOptions{RequestID: "a"}
	ctx = syncRequestID(WithRequestID(context.Background(), "b"), &o)
	if o.RequestID != "a" || requestID(ctx) != "b" {
		t.Fatalf("both set: changed to %q / %q", o.RequestID, requestID(ctx))
	}
}
