package gateway

import (
	"context"
	"fmt"
	"log/slog"
	"runtime/debug"
	"sync/atomic"

	"github.com/nexus-commerce/nexus/router/internal/metrics"
	"github.com/nexus-commerce/nexus/router/internal/recovery"
)

// fault records a panic in gateway code that the engine runs on goroutines
// of its own for one execution or subscription group: the loader's
// parallel fetches (fetch hooks, the recording transport, the headers
// builder's re-signing) and the resolver's subscription updates. Such a
// panic cannot reach the goroutine that started the work, and unrecovered
// it ends the process, so each of these callbacks recovers it itself
// (recovered), records it here, and the execution it belongs to ends with
// an internal error instead of its response.
type fault struct {
	log       *slog.Logger
	m         *metrics.Metrics
	kind      string
	requestID string
	failed    atomic.Bool
}

func (g *Gateway) newFault(kind, requestID string) *fault {
	return &fault{log: g.opts.Log, m: g.opts.Metrics, kind: kind, requestID: requestID}
}

type faultKey struct{}

// withFault returns ctx carrying f, where the callbacks find it.
func withFault(ctx context.Context, f *fault) context.Context {
	return context.WithValue(ctx, faultKey{}, f)
}

// faultFrom is the fault of the execution ctx belongs to, or nil.
func faultFrom(ctx context.Context) *fault {
	f, _ := ctx.Value(faultKey{}).(*fault)
	return f
}

// recovered takes the value of recover() in a deferred function: a panic
// (p != nil) is logged with its stack, counted, and fails the execution;
// it reports whether there was one. Without a fault (work outside any
// execution) the panic goes on as if never recovered.
//
//	defer func() {
//		if faultFrom(ctx).recovered(recover()) { err = errInternal }
//	}()
func (f *fault) recovered(p any) bool {
	if p == nil {
		return false
	}
	if f == nil {
		panic(p)
	}
	recovery.Record(f.log, f.m, f.kind, f.requestID, p, debug.Stack())
	f.failed.Store(true)
	return true
}

// err is the error the execution ends with after a recovered panic, or nil.
func (f *fault) err() error {
	if f == nil || !f.failed.Load() {
		return nil
	}
	return fmt.Errorf("%w: a panic in %s", recovery.ErrPanic, f.kind)
}
