package gateway

// A reload swaps in a new gateway and retires the old one (Retire), which
// waits for the subscriptions still running on it: left alone, a
// subscription would keep the old supergraph, its plans and its upstream
// connections alive for as long as its clients stay. Handoff moves every
// resumable group (resume.go) to the new gateway instead: its resolver
// subscription on the old gateway is stopped, and the same group — the
// same members, nothing ended or sent — subscribes on the new gateway
// from the last cursor it delivered, so its clients see no gap and no
// duplicate, and the old gateway is released as soon as what cannot move
// (subscriptions to fields that are not resumable) has ended.

// Handoff moves the resumable subscriptions running on g to next. Call it
// after the server swapped next in and before g.Retire. Groups that are
// not resumable stay on g until their clients leave.
func (g *Gateway) Handoff(next *Gateway) {
	if next == nil || next == g {
		return
	}
	g.subMu.Lock()
	var moving []*group
	for grp := range g.running {
		if grp.resumable && !grp.ended.Load() {
			moving = append(moving, grp)
		}
	}
	g.subMu.Unlock()
	for _, grp := range moving {
		grp.mu.Lock()
		grp.moveTo = next
		stop := grp.stopAttempt
		grp.mu.Unlock()
		if stop != nil {
			stop()
		}
		select {
		case grp.wake <- struct{}{}:
		default:
		}
	}
}

// gw is the gateway the group runs on.
func (grp *group) gw() *Gateway { return grp.gp.Load() }

// moving reports whether Handoff asked the group to move.
func (grp *group) moving() bool {
	grp.mu.Lock()
	defer grp.mu.Unlock()
	return grp.moveTo != nil
}

// takeMove returns (and clears) the gateway Handoff asked the group to
// move to.
func (grp *group) takeMove() *Gateway {
	grp.mu.Lock()
	defer grp.mu.Unlock()
	next := grp.moveTo
	grp.moveTo = nil
	return next
}

// migrate moves the group and its members' accounting from the gateway it
// runs on to next, between two resolver subscriptions (run). It reports
// false when next is closing already (a newer reload hands it on): the
// group then stays where it is.
//
// Each member is moved under its own lock, counted on next before it is
// uncounted on the old gateway, so a member that stops meanwhile ends on
// exactly one of them; the old gateway's Retire completes once its last
// subscription is uncounted.
func (grp *group) migrate(next *Gateway) bool {
	old := grp.gw()
	if old == next {
		return true
	}
	next.subMu.Lock()
	if next.closing {
		next.subMu.Unlock()
		return false
	}
	if next.groups == nil {
		next.groups, next.running = map[groupKey]*group{}, map[*group]struct{}{}
	}
	next.running[grp] = struct{}{}
	var fam *family
	if grp.fam != nil {
		fam = next.familyFor(grp.fam.key)
	}
	next.subMu.Unlock()

	// The gateway and the family in one step: a merge (converge.go) sees
	// the group either on old, with old's family (the members it moves in
	// are counted on old and moved below), or on next, with next's.
	grp.mu.Lock()
	grp.gp.Store(next)
	oldFam := grp.fam
	grp.fam = fam
	grp.mu.Unlock()

	old.subMu.Lock()
	delete(old.running, grp)
	if old.groups[grp.key] == grp {
		delete(old.groups, grp.key)
	}
	if oldFam != nil {
		old.leaveFamily(oldFam, grp)
	}
	old.subMu.Unlock()

	grp.mu.Lock()
	members := make([]*subscriber, 0, len(grp.members))
	for m := range grp.members {
		members = append(members, m)
	}
	grp.mu.Unlock()
	for _, m := range members {
		m.mu.Lock()
		moved := !m.done && m.g == old
		if moved {
			next.subMu.Lock()
			next.subs++
			next.subMu.Unlock()
			m.g = next
		}
		m.mu.Unlock()
		if moved {
			old.subscribeEnd()
		}
	}
	return true
}
