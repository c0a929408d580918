package gateway

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"time"

	"github.com/wundergraph/astjson"
	"github.com/wundergraph/graphql-go-tools/v2/pkg/engine/plan"
	"github.com/wundergraph/graphql-go-tools/v2/pkg/engine/resolve"

	"github.com/nexus-commerce/nexus/router/internal/recovery"
)

// errMemberGone is returned to the resolver for a subscriber that left.
var errMemberGone = errors.New("gateway: subscriber left")

// errGroupEnded is returned to the resolver by a group that has ended, so
// it drops the resolver subscription still feeding it.
var errGroupEnded = errors.New("gateway: subscription group ended")

// shutdownPayload ends subscriptions whose gateway was closed under them.
var shutdownPayload = []byte(`{"errors":[{"message":"the router closed this subscription; subscribe again","extensions":{"code":"SHUTTING_DOWN"}}]}`)

// internalPayload ends a subscription or streamed operation whose
// goroutine panicked (the panic is logged and counted, not shown).
var internalPayload = []byte(`{"errors":[{"message":"internal error","extensions":{"code":"INTERNAL_SERVER_ERROR"}}]}`)

// groupKey identifies client subscriptions whose results are identical:
// the same normalised operation, the same variables and the same caller
// (principal and forwarded headers, hashed as the single-flight key is).
type groupKey struct{ op, vars, who uint64 }

// group is one resolver subscription shared by clients with the same
// groupKey. The engine already shares the upstream subscription (its
// trigger) between identical inputs, but it resolves every event once per
// client; a group resolves it once and fans the bytes out, so an event to
// 10,000 identical subscribers costs one resolve (with its entity calls)
// instead of 10,000, and a subscriber costs no goroutine and no resolver
// state of its own.
//
// Sharing never changes what a client receives: a client joins a running
// group only while that gives it exactly its own stream (see admit in
// share.go); otherwise it starts a group of its own, with an upstream
// subscription of its own, which then takes the next identical clients.
// Groups that differ only in their cursor merge again once they are at
// the same place in the log (converge.go).
type group struct {
	// gp is the gateway the group runs on: the one it started on, or the
	// one a reload handed it to (Handoff).
	gp     atomic.Pointer[Gateway]
	key    groupKey
	seq    uint64
	cancel context.CancelFunc
	// live says the operation is live-only (prepared.live): a member may
	// join after the first event, since a live stream starts "now".
	live bool
	// ended is set once the group takes no new members.
	ended atomic.Bool
	// closed is set once the group has ended its members: what the
	// resolver still sends is refused.
	closed atomic.Bool
	// fault records panics in the group's callbacks on the resolver's
	// goroutines (kind subscription_group); the group then fails.
	fault *fault

	mu      sync.Mutex
	members map[*subscriber]struct{}
	// delivered is set (under mu, with the members read) when the group
	// hands out its first result; over when it ends its members. A
	// member that joins later would miss what went before (see admit).
	delivered, over bool
	// cursor is the cursor of the last result delivered (resumable
	// groups), where the group subscribes again from.
	cursor string
	// resumed is set once the group subscribed again from cursor (its
	// upstream was lost, or a reload handed it over): what it hands out
	// next may have been committed before a newcomer subscribed, so a
	// live group takes no newcomer from then on (admit); one that does
	// starts a group of its own, and the two converge once they are at
	// the same place in the log.
	resumed bool

	// moveTo (under mu) is the gateway Handoff hands the group to;
	// stopAttempt ends the running resolver subscription for it, and wake
	// ends a backoff wait.
	moveTo      *Gateway
	stopAttempt context.CancelFunc
	wake        chan struct{}

	// resume is set for a subscription to a @resumable field (resume.go).
	// Only run changes it, between resolver subscriptions; resumable says
	// it was set at the start and never changes.
	resume    *resumable
	resumable bool

	// born is the group's number when it started (seq changes when it
	// subscribes again): merge locks two groups in this order.
	born uint64
	// fam is the group's family on the gateway it runs on (resumable
	// groups; converge.go), under mu. at is the cursor of the last result
	// handed out ("" when it had none) and busy counts results being
	// handed out, under mu: the group is at a position only between two.
	fam  *family
	at   string
	busy int
	// indexed is the cursor fam indexes the group at (under fam.mu).
	indexed string
}

// join adds m to the group of identical subscriptions when that group
// admits it (share.go), or to a group of its family at its cursor
// (converge.go), else starts a new group (and its resolver subscription)
// for m, which takes over the key: the group it replaces runs on for its
// members and admits no one.
func (g *Gateway) join(p *prepared, sp *plan.SubscriptionResponsePlan, vars *astjson.Value, o ExecOptions, m *subscriber) {
	var hdr *headers
	key := groupKey{op: p.id, vars: p.varsHash}
	// Subscriptions never carry cookies (o.Cookies is nil here).
	if o.Principal != nil || o.Forward != nil || o.ClientAddr != "" {
		o.Cookies = nil
		hdr = newHeaders(&o)
		key.who = hdr.hash
	}
	if grp, ctx := g.place(p, key, m); grp != nil {
		go grp.run(ctx, p, sp, vars, o, hdr)
	}
}

// place puts m in a group for p (keyed by key) and returns the group it
// started, with the context of its run, or nil when m joined a running
// group.
func (g *Gateway) place(p *prepared, key groupKey, m *subscriber) (*group, context.Context) {
	// Before the member can receive anything: a replay is paced by its
	// readers, a live stream never waits (see PacedWriter).
	m.mu.Lock()
	m.pace(!p.live)
	m.mu.Unlock()
	g.subMu.Lock()
	defer g.subMu.Unlock()
	if grp := g.groups[key]; grp != nil && !grp.ended.Load() && grp.admit(m) {
		return nil, nil
	}
	var famKey groupKey
	var locked *family
	if p.resume != nil && p.resume.from != "" {
		famKey = familyKey(p, key.who)
		if fam := g.families[famKey]; fam != nil {
			// Held until the new group is indexed at from, if m starts one:
			// a group settling at from meanwhile then finds it.
			fam.mu.Lock()
			if fam.admit(g, m, p.resume.from) {
				fam.mu.Unlock()
				return nil, nil
			}
			locked = fam
		}
	} else if p.resume != nil {
		famKey = familyKey(p, key.who)
	}
	g.groupSeq++
	grp := &group{key: key, seq: g.groupSeq, born: g.groupSeq, live: p.live, resume: p.resume, resumable: p.resume != nil, wake: make(chan struct{}, 1), members: map[*subscriber]struct{}{m: {}}}
	grp.gp.Store(g)
	// Before the group can be found (its family's index): a merge may move
	// m on at once.
	m.grp.Store(grp)
	// The group outlives the client that started it: it ends when its last
	// subscriber leaves (or it merges into another).
	ctx, cancel := context.WithCancel(context.Background())
	grp.cancel = cancel
	grp.fault = g.newFault(recovery.KindSubscription, m.requestID)
	if g.groups == nil {
		g.groups, g.running = map[groupKey]*group{}, map[*group]struct{}{}
	}
	g.groups[key] = grp
	g.running[grp] = struct{}{}
	if p.resume != nil {
		grp.fam = g.familyFor(famKey)
		if from := p.resume.from; from != "" {
			// Started from cursor from: its future is the events after
			// it, as a group that has delivered from and nothing since.
			grp.at = from
			if locked == nil {
				grp.fam.mu.Lock()
			}
			grp.fam.put(grp, from)
			grp.fam.mu.Unlock()
			locked = nil
		}
	}
	if locked != nil {
		locked.mu.Unlock()
	}
	return grp, ctx
}

// run resolves the group's subscription until the subgraph ends it, the
// last subscriber leaves (ctx) or the gateway closes; then it ends the members
// still there. When the upstream connection is lost (the subgraph died or
// restarted; not an error result the subgraph sent) it subscribes again by
// itself, with backoff: a @resumable subscription from the last cursor it
// delivered (resume.go) for up to Options.ResumeTimeout, any other one only
// while it has delivered nothing (so its clients cannot tell). When it
// cannot, the members end with SUBGRAPH_UNAVAILABLE.
func (grp *group) run(ctx context.Context, p *prepared, sp *plan.SubscriptionResponsePlan, vars *astjson.Value, o ExecOptions, hdr *headers) {
	g := grp.gw()
	failed := false
	var final []byte
	defer func() { grp.end(failed, final) }()
	// A panic here ends this group alone: its members get an internal
	// error (end runs after Guard).
	defer recovery.Guard(g.opts.Log, g.opts.Metrics, recovery.KindSubscription, grp.fault.requestID, func(error) { failed = true })
	if g.panicHook != nil {
		g.panicHook(recovery.KindSubscription)
	}
	subgraph := sp.Response.Trigger.SourceName
	var lostAt time.Time
	backoff := resumeBackoffMin
	for {
		if next := grp.takeMove(); next != nil {
			// Handed to a reloaded gateway (Handoff): the same stream from
			// the last cursor delivered, planned on the new supergraph (or
			// on this one, when next is being retired already).
			grp.markResumed()
			target := grp.gw()
			if grp.migrate(next) {
				target = next
			}
			var err error
			if p, sp, vars, err = grp.request(ctx, target, p); err != nil {
				if ctx.Err() != nil {
					return // merged into another group (or left) meanwhile
				}
				target.opts.Log.Error("subscription handoff refused", "subgraph", subgraph, "err", err)
				final = unavailablePayload(subgraph)
				return
			}
			grp.renew()
		}
		g = grp.gw()
		a := &attempt{grp: grp}
		actx, stop := context.WithCancel(ctx)
		grp.mu.Lock()
		grp.stopAttempt = stop
		moving := grp.moveTo != nil
		grp.mu.Unlock()
		began := time.Now()
		if !moving {
			grp.resolve(actx, p, sp, vars, o, hdr, a)
		}
		stop()
		if grp.fault.err() != nil {
			failed = true
			return
		}
		if ctx.Err() != nil || g.ctx.Err() != nil {
			return
		}
		if grp.moving() {
			continue
		}
		if !a.lost.Load() {
			return
		}
		// From now on the group's next events may be a replay (it
		// subscribes again from its cursor after the wait): no newcomer
		// may join it in the meantime.
		grp.markResumed()
		if a.delivered.Load() || time.Since(began) > resumeBackoffMax {
			// This attempt was up: a new loss starts a new count.
			lostAt, backoff = time.Time{}, resumeBackoffMin
		}
		if lostAt.IsZero() {
			lostAt = time.Now()
		}
		limit := g.opts.ResumeTimeout
		if grp.resume == nil {
			if grp.hasDelivered() {
				final = unavailablePayload(subgraph)
				return
			}
			// Nothing went out yet: subscribing again is the same as
			// having subscribed a moment later.
			limit = startRetryLimit
		}
		if time.Since(lostAt)+backoff > limit {
			final = unavailablePayload(subgraph)
			return
		}
		g.opts.Log.Info("subscription upstream lost; subscribing again", "subgraph", subgraph, "in", backoff)
		t := time.NewTimer(backoff)
		select {
		case <-ctx.Done():
		case <-g.ctx.Done():
		case <-grp.wake:
		case <-t.C:
		}
		t.Stop()
		if ctx.Err() != nil || g.ctx.Err() != nil {
			return
		}
		backoff = min(backoff*2, resumeBackoffMax)
		if grp.moving() {
			continue
		}
		var err error
		if p, sp, vars, err = grp.request(ctx, g, p); err != nil {
			if ctx.Err() != nil {
				return
			}
			g.opts.Log.Error("subscription resume request refused", "subgraph", subgraph, "err", err)
			final = unavailablePayload(subgraph)
			return
		}
		grp.renew()
	}
}

// request is the group's subscription as it continues on g: from the last
// cursor it delivered (resumable groups that delivered one), else the
// request it started with, prepared on g (p itself when p is g's).
func (grp *group) request(ctx context.Context, g *Gateway, p *prepared) (*prepared, *plan.SubscriptionResponsePlan, *astjson.Value, error) {
	var np *prepared
	switch c := grp.lastCursor(); {
	case c != "" && grp.resume != nil:
		grp.markResumed()
		np = g.prepare(ctx, grp.resume.query, grp.resume.opName, grp.resume.resumeRequest(c))
	case p.gw != g:
		np = g.prepare(ctx, p.query, p.opName, p.rawVars)
	default:
		np = p
	}
	if np.err != nil {
		return nil, nil, nil, np.err
	}
	sp, ok := np.plan.(*plan.SubscriptionResponsePlan)
	if !ok {
		return nil, nil, nil, errors.New("gateway: the planner produced no subscription plan")
	}
	var vars *astjson.Value
	if len(np.variables) > 0 {
		var err error
		if vars, err = astjson.ParseBytes(np.variables); err != nil {
			return nil, nil, nil, err
		}
	}
	if np.resume != nil {
		// Where the cursor is: the new plan's (it reads the same field
		// unless the new supergraph changed the declaration).
		grp.resume = np.resume
	}
	return np, sp, vars, nil
}

// markResumed records that the group is about to subscribe again from
// its last cursor (see resumed); it admits no live newcomer from then on.
// A group that has delivered nothing subscribes again from "now", which a
// newcomer may share.
func (grp *group) markResumed() {
	grp.mu.Lock()
	if grp.cursor != "" {
		grp.resumed = true
	}
	grp.mu.Unlock()
}

// renew gives the group a fresh trigger number: the engine ends a finished
// trigger by id (see resolve), so a new one must not reuse it.
func (grp *group) renew() {
	g := grp.gw()
	g.subMu.Lock()
	g.groupSeq++
	grp.seq = g.groupSeq
	g.subMu.Unlock()
}

// resolve runs one resolver subscription of the group, writing to a.
func (grp *group) resolve(ctx context.Context, p *prepared, sp *plan.SubscriptionResponsePlan, vars *astjson.Value, o ExecOptions, hdr *headers, a *attempt) {
	g := grp.gw()
	rctx := resolve.NewContext(withFault(ctx, grp.fault))
	rctx.Variables = vars
	rctx.RemapVariables = p.remap
	rctx.Request.ID = p.id
	rctx.VariablesHash = p.varsHash
	rctx.Request.Header = o.Header
	// The headers' hash is part of the engine's trigger id. Each group gets
	// a trigger of its own (its number in the hash): the engine ends a
	// finished trigger by id from a goroutine of its own, so a new trigger
	// re-created under the same id would be ended with it (graphql-go-tools
	// v2.16.0, subscriptionUpdater.Done). Groups already share everything
	// identical clients can share; different callers never share anyway.
	// It also keeps the engine from sharing behind the gateway's back: a
	// group started because its key's running group admits no one (share.go)
	// must get an upstream subscription of its own, from its own cursor,
	// not the engine's running trigger for the same input, which is
	// mid-stream. A group that subscribes again takes a new number (run).
	seq := grp.seq
	gh := &headers{hash: seq<<1 | 1}
	if hdr != nil {
		gh = hdr.withHash((hdr.hash ^ seq*0x9E3779B97F4A7C15) | 1)
	}
	gh.fault = grp.fault
	rctx.SubgraphHeadersBuilder = gh
	rctx.SetEngineLoaderHooks(g.hooks)
	if len(g.rules) > 0 {
		az := &authorizer{rules: g.rules, who: o.Principal}
		rctx.SetAuthorizer(az)
		// Decided before the trigger starts, so a denied subscription never
		// opens (or joins) an upstream subscription.
		rctx.SetPreFetchFieldAuthorizer(az)
	}
	err := g.resolver.ResolveGraphQLSubscription(rctx, sp.Response, &subscriptionSink{w: a, fault: grp.fault, fail: grp.fail})
	if err != nil && g.ctx.Err() == nil {
		g.opts.Log.Warn("subscription", "err", err)
	}
}

// end retires the group once its resolver subscription returned (or its
// goroutine panicked: failed) and ends the members still there: with
// final when set (SUBGRAPH_UNAVAILABLE).
func (grp *group) end(failed bool, final []byte) {
	g := grp.gw()
	g.subMu.Lock()
	grp.ended.Store(true)
	if g.groups[grp.key] == grp {
		delete(g.groups, grp.key)
	}
	if _, ok := g.running[grp]; ok {
		delete(g.running, grp)
		grp.mu.Lock()
		fam := grp.fam
		grp.mu.Unlock()
		if fam != nil {
			g.leaveFamily(fam, grp)
		}
	}
	g.subMu.Unlock()
	grp.cancel()
	grp.closed.Store(true)
	for _, m := range grp.take() {
		switch {
		case failed:
			m.error(internalPayload)
		case g.ctx.Err() != nil:
			m.error(shutdownPayload)
		case final != nil:
			m.error(final)
		default:
			m.complete()
		}
	}
}

// fail ends every member with an internal error after a panic in the
// group's callbacks; the resolver's next write is refused, which ends the
// resolver subscription and then run.
func (grp *group) fail() {
	g := grp.gw()
	g.subMu.Lock()
	grp.ended.Store(true)
	if g.groups[grp.key] == grp {
		delete(g.groups, grp.key)
	}
	g.subMu.Unlock()
	grp.closed.Store(true)
	grp.cancel()
	for _, m := range grp.take() {
		m.error(internalPayload)
	}
}

// take removes and returns every subscriber; the group admits no one
// after it (its stream is over).
func (grp *group) take() []*subscriber {
	grp.mu.Lock()
	defer grp.mu.Unlock()
	grp.over = true
	out := make([]*subscriber, 0, len(grp.members))
	for m := range grp.members {
		out = append(out, m)
	}
	clear(grp.members)
	return out
}

// deliver returns the members that receive the result being handed out
// (with cursor, "" when it has none) and marks the group as having
// delivered and busy until settle, in one step: a member admitted before
// it receives this result, one that comes after is refused by admit
// (unless the group is live), and no merge moves members in or out until
// the result is out. It returns false when the group's stream is over
// (merged into another group): the result goes to no one.
func (grp *group) deliver(cursor string) ([]*subscriber, bool) {
	grp.mu.Lock()
	defer grp.mu.Unlock()
	if grp.over {
		return nil, false
	}
	grp.delivered = true
	grp.busy++
	grp.at = cursor
	if cursor != "" {
		grp.cursor = cursor
	}
	out := make([]*subscriber, 0, len(grp.members))
	for m := range grp.members {
		out = append(out, m)
	}
	return out, true
}

// leave removes m; the last subscriber to leave ends the group. m may have
// been moved to another group by a merge meanwhile: it then leaves that
// one.
func (grp *group) leave(m *subscriber) {
	for {
		g := grp.gw()
		g.subMu.Lock()
		grp.mu.Lock()
		if _, in := grp.members[m]; !in {
			if next := m.grp.Load(); next != nil && next != grp {
				// Moved under grp.mu by merge: follow it.
				grp.mu.Unlock()
				g.subMu.Unlock()
				grp = next
				continue
			}
		}
		delete(grp.members, m)
		empty := len(grp.members) == 0
		grp.mu.Unlock()
		if empty {
			grp.ended.Store(true)
			if g.groups[grp.key] == grp {
				delete(g.groups, grp.key)
			}
		}
		g.subMu.Unlock()
		if empty {
			grp.cancel()
		}
		return
	}
}

// Next hands one resolved result to every subscriber; a subscriber whose writer
// refuses it leaves. A resumable group records the result's cursor (and
// strips the one it selected for itself) first, once for all members;
// once the result is out, the group may merge with another of its family
// at the same cursor (settle, converge.go).
func (grp *group) Next(payload []byte) error {
	if grp.closed.Load() {
		return errGroupEnded
	}
	var cursor string
	if grp.resume != nil {
		cursor, payload = grp.resume.cursorOf(payload)
	}
	members, ok := grp.deliver(cursor)
	if !ok {
		return errGroupEnded
	}
	for _, m := range members {
		if err := m.nextPaced(payload, !grp.live); err != nil && !errors.Is(err, errMemberGone) {
			grp.leave(m)
		}
	}
	grp.settle()
	return nil
}

// Complete ends every subscriber: the subgraph completed the subscription.
func (grp *group) Complete() {
	for _, m := range grp.take() {
		m.complete()
	}
}

// Error ends every subscriber with the subgraph's final errors.
func (grp *group) Error(payload []byte) {
	for _, m := range grp.take() {
		m.error(payload)
	}
}
