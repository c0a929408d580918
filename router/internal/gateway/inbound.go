package gateway

// Inbound single-flight: identical queries running at the same time share
// one execution; the leader resolves, its followers get its response.
//
// The gateway does this itself and switches graphql-go-tools' own
// de-duplication (resolve.InboundRequestSingleFlight, v2.16.0) off, because
// that one can close a channel twice and end the process (issue 9, finding
// 2). Its GetOrCreate publishes the leader's entry with sync.Map.LoadOrStore
// and only afterwards, outside any lock, counts a follower (AddFollower);
// FinishOk removes the entry, copies the response for followers only when
// HasFollowers() says there are some, and closes Done. Resolver's
// ArenaResolveGraphQLResponse tells a follower from a leader by whether the
// entry it got carries Data. So, for two requests A and B with one key:
//
//	leader A (any goroutine)         follower B (another goroutine)
//	GetOrCreate: LoadOrStore stores R
//	... resolves ...
//	                                 GetOrCreate: LoadOrStore finds R
//	FinishOk(R): Delete(R.ID);
//	  HasFollowers() == false, so
//	  R.Data stays nil; close(R.Done)
//	                                 AddFollower; <-R.Done is ready, R.Err nil:
//	                                 returns R, as a follower
//	                                 R.Data == nil: B takes the leader's path,
//	                                 resolves and calls FinishOk(R): Delete(R.ID)
//	                                 (dropping any new leader's entry for the
//	                                 key), then close(R.Done) again: panic
//	                                 "close of closed channel"
//
// The window is a few instructions wide, so it takes operations that finish
// almost at once ({__typename} needs no fetch) and many identical ones: ~140
// on one WebSocket, 16 parallel SSE POSTs, 1 in ~8,000 HTTP requests. It is
// a bug inside the engine, not in how the gateway keys or calls it.
//
// Here a follower is counted under the same lock that finds the entry, and
// the leader removes the entry and reads the count under that lock, so every
// follower either was counted before the leader published (and gets a copy
// of the response) or comes after and leads a flight of its own. Done is
// closed only by finish, which the one leader of a flight calls once.

import (
	"bytes"
	"context"
	"io"
	"sync"

	"github.com/wundergraph/graphql-go-tools/v2/pkg/engine/plan"
)

// inboundShards spreads keys over this many locks.
const inboundShards = 32

// inbound is the set of executions in flight that identical requests may
// share. The zero value is ready to use.
type inbound struct {
	shards [inboundShards]inboundShard
}

type inboundShard struct {
	mu sync.Mutex
	m  map[inboundKey]*flight
}

// inboundKey is what makes two queries' responses identical: the
// normalised operation (its plan cache key, which includes the operation
// name), the normalised variables and the caller (principal and forwarded
// identity, hashed as the headers builder does; 0 for anonymous requests).
type inboundKey struct{ op, vars, who uint64 }

// flight is one shared execution.
type flight struct {
	done chan struct{}
	// followers is guarded by the shard's mutex.
	followers int
	// res is written by the leader before done is closed, read-only after.
	res flightResult
}

// flightResult is what a leader hands its followers.
type flightResult struct {
	// body is the response as the resolver wrote it (before fixErrors,
	// which each request runs against its own document).
	body []byte
	// flog and subgraphErrs are the leader's fetch log and subgraph
	// errors, which shape how errors in body are repaired.
	flog         *fetchLog
	subgraphErrs error
	// err is the leader's failure when it wrote no response.
	err error
	// retry says the leader ended by its own deadline or cancellation
	// without a response: a follower runs the operation again.
	retry bool
}

func (in *inbound) shard(k inboundKey) *inboundShard {
	return &in.shards[(k.op^k.vars^k.who)%inboundShards]
}

// join returns the flight for k: a new one that the caller leads (and must
// finish), or the one in flight, with the caller counted as its follower.
func (in *inbound) join(k inboundKey) (f *flight, leader bool) {
	s := in.shard(k)
	s.mu.Lock()
	defer s.mu.Unlock()
	if f := s.m[k]; f != nil {
		f.followers++
		return f, false
	}
	if s.m == nil {
		s.m = make(map[inboundKey]*flight)
	}
	f = &flight{done: make(chan struct{})}
	s.m[k] = f
	return f, true
}

// lead returns the flight for k that the caller now leads, or the result
// of an identical request's execution it followed (nil flight); err when
// ctx ended first. A follower whose leader ended by its own deadline or
// cancellation without a response tries again.
func (in *inbound) lead(ctx context.Context, k inboundKey) (*flight, *flightResult, error) {
	for {
		f, leader := in.join(k)
		if leader {
			return f, nil, nil
		}
		select {
		case <-f.done:
		case <-ctx.Done():
			return nil, nil, ctx.Err()
		}
		if !f.res.retry {
			return nil, &f.res, nil
		}
	}
}

// finish ends the leader's flight f with res and wakes its followers; a
// request for k from now on leads a new flight. res.body is copied when
// there are followers (the resolver reuses its buffer), dropped otherwise.
// Only f's leader calls it, once.
func (in *inbound) finish(k inboundKey, f *flight, res flightResult) {
	s := in.shard(k)
	s.mu.Lock()
	if s.m[k] == f {
		delete(s.m, k)
	}
	n := f.followers
	s.mu.Unlock()
	if n > 0 {
		res.body = bytes.Clone(res.body)
	} else {
		res = flightResult{}
	}
	f.res = res
	close(f.done)
}

// inFlight is the number of flights and of their followers (tests).
func (in *inbound) inFlight() (flights, followers int) {
	for i := range in.shards {
		s := &in.shards[i]
		s.mu.Lock()
		for _, f := range s.m {
			flights++
			followers += f.followers
		}
		s.mu.Unlock()
	}
	return flights, followers
}

// answerShared answers a follower with its leader's result: the same
// response, its errors repaired against the follower's own document.
func answerShared(ctx context.Context, w io.Writer, p *prepared, pl *plan.SynchronousResponsePlan, res flightResult) (outcome string, err error) {
	if res.err != nil {
		return "error", res.err
	}
	sink := &resolveSink{w: w, ctx: ctx, fix: func(b []byte) []byte {
		return fixErrors(b, p.doc, p.opName, fetchFailures(res.subgraphErrs, pl.Response), res.flog.entityErrors(pl.Response.Fetches))
	}}
	if len(p.unplanned) > 0 {
		sink.patch = p.patchUnplanned
	}
	_, _ = sink.Write(res.body)
	switch {
	case sink.timedOut:
		return "timeout", ErrTimeout
	case sink.err != nil:
		return "error", sink.err
	case res.subgraphErrs != nil:
		return "partial", nil
	}
	return "ok", nil
}
