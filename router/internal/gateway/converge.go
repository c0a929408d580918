package gateway

import "sync"

// Groups of a replaying subscription split and never came back together:
// a client resuming from its own cursor cannot join a group that is
// elsewhere in the log (share.go), so after a resume storm (a router
// restarted under 1,000 clients, each resuming from its last cursor) there
// is a group, an upstream subscription and a resolve per event for every
// distinct cursor, long after every one of them has caught up with the
// head of the log. Convergence merges them again once they are at the
// same position.
//
// A group's family is its operation, its caller and its variables
// without the @resumable cursor argument (resume.go): groups of one family
// differ at most in where in the log they started. Two groups of a family
// that have both delivered the event with cursor C, and nothing since,
// merge (a group started from C that has delivered nothing yet is at C
// too): the members of one move into the other and the emptied group's
// upstream subscription ends. A client subscribing from cursor C joins a
// group of its family that is in that state at C (family.admit, from
// place) instead of starting one.
//
// Why a moved member receives exactly what it would alone. Its group had
// handed it every event up to C and nothing after. The group it moves into
// has the same operation, the same caller and the same variables except
// the cursor, and it too has delivered C and nothing after; what it
// delivers next is what its upstream subscription delivers next. The
// declaration of the field promises (schema/supergraph.Resumable) that a
// subscription of that operation from cursor C delivers exactly the
// events after C, in order — the same ordered log for every subscriber —
// and a live subscription that has delivered C delivers the events after
// C too (it never skips one). So both groups' futures are the events
// after C, resolved by the same operation for the same caller: the moved
// member receives the events after C, in order, which is what its own
// group (or its own subscription from C) would have delivered. The same
// holds for a newcomer from C joining a group at C. A group's position
// is only known between two events: both groups are checked under their
// locks to be idle (no event being handed out) at C, so no event can
// slip between the check and the move; a group that has handed out a
// result without a cursor (an error result) since C is not at C.
//
// What is not promised: a moved member shares its new group's pace. A
// replay group goes as fast as its slowest paced member lets it (as
// identical clients sharing a group always did), and a member moved into
// a live group is refused at once if it cannot keep up, like any live
// member.
//
// The live group survives a merge when there is one (live members must
// never be paced, see PacedWriter; a moved member's writer is told it is
// no longer paced before its next event), else the larger, else the
// older. Merging never crosses gateways, nor a group Handoff is moving.

// family indexes the groups of one family on a gateway by the cursor each
// was last found idle at, so a group that settles finds a peer at its
// cursor in one lookup. An entry may be stale (the group moved on, or
// ended): it is checked under the group's lock before it is used.
type family struct {
	key groupKey
	// n counts the family's groups on the gateway (under its subMu).
	n int

	mu sync.Mutex
	// idle is the group last found idle at each cursor.
	idle map[string]*group
}

// put indexes grp as idle at cursor (fam.mu held), dropping its previous
// entry.
func (fam *family) put(grp *group, cursor string) {
	if fam.idle[grp.indexed] == grp {
		delete(fam.idle, grp.indexed)
	}
	fam.idle[cursor] = grp
	grp.indexed = cursor
}

// drop removes grp's entry.
func (fam *family) drop(grp *group) {
	fam.mu.Lock()
	defer fam.mu.Unlock()
	if fam.idle[grp.indexed] == grp {
		delete(fam.idle, grp.indexed)
	}
	grp.indexed = ""
}

// familyKey is the family of a prepared subscription to a @resumable
// field, for the caller whose headers hash to who.
func familyKey(p *prepared, who uint64) groupKey {
	return groupKey{op: p.id, vars: p.resume.rest, who: who}
}

// familyFor returns the gateway's family for key, created when missing,
// and counts one more group in it (subMu held).
func (g *Gateway) familyFor(key groupKey) *family {
	if g.families == nil {
		g.families = map[groupKey]*family{}
	}
	fam := g.families[key]
	if fam == nil {
		fam = &family{key: key, idle: map[string]*group{}}
		g.families[key] = fam
	}
	fam.n++
	return fam
}

// leaveFamily uncounts grp from fam on g (subMu held) and forgets the
// family once it has no group.
func (g *Gateway) leaveFamily(fam *family, grp *group) {
	fam.n--
	if fam.n == 0 && g.families[fam.key] == fam {
		delete(g.families, fam.key)
	}
	fam.drop(grp)
}

// idleAt reports whether the group has handed out the event with cursor
// and nothing since (or started from cursor and has handed out nothing),
// and may take members (mu held): the state in which its future is the
// events after cursor.
func (grp *group) idleAt(cursor string) bool {
	return cursor != "" && grp.at == cursor && grp.busy == 0 && !grp.over && !grp.ended.Load() &&
		grp.moveTo == nil && len(grp.members) > 0
}

// admit adds m, a client subscribing from cursor from, to a group of fam
// idle at from, and reports whether it did (the gateway's subMu and fam.mu
// held).
func (fam *family) admit(g *Gateway, m *subscriber, from string) bool {
	grp := fam.idle[from]
	if grp == nil || grp.gw() != g {
		return false
	}
	grp.mu.Lock()
	defer grp.mu.Unlock()
	if grp.fam != fam || !grp.idleAt(from) {
		return false
	}
	grp.members[m] = struct{}{}
	m.grp.Store(grp)
	return true
}

// settle ends the hand-out of one event (Next): when the group is now idle
// at a cursor, it merges with the group of its family indexed there if
// that one is idle there too, and the survivor is indexed at the cursor.
//
// The family's lock is held throughout, so the index and the merges are
// decided in one order: a group that becomes idle at a cursor either
// finds the group indexed there or is found by the next one to settle
// there (a group only ever becomes idle at a cursor here or when it
// starts from it, in place, both under the same lock).
func (grp *group) settle() {
	grp.mu.Lock()
	grp.busy--
	at, fam := grp.at, grp.fam
	idle := fam != nil && grp.idleAt(at)
	grp.mu.Unlock()
	if !idle {
		return
	}
	fam.mu.Lock()
	defer fam.mu.Unlock()
	into := grp
	if peer := fam.idle[at]; peer != nil && peer != grp {
		if survivor, ok := merge(grp, peer, at); ok {
			into = survivor
		}
	}
	into.mu.Lock()
	still := into.fam == fam && into.idleAt(at)
	into.mu.Unlock()
	if still {
		fam.put(into, at)
	}
}

// merge moves the members of one of a and b into the other when both are
// idle at cursor in the same family on the same gateway, ends the emptied
// group and returns the one that took them.
func merge(a, b *group, cursor string) (*group, bool) {
	first, second := a, b
	if b.born < a.born {
		first, second = b, a
	}
	first.mu.Lock()
	second.mu.Lock()
	ok := a.fam == b.fam && a.gw() == b.gw() && a.idleAt(cursor) && b.idleAt(cursor)
	into, from := a, b
	if ok {
		switch {
		case a.live != b.live:
			if b.live {
				into, from = b, a
			}
		case len(b.members) > len(a.members) || (len(b.members) == len(a.members) && b.born < a.born):
			into, from = b, a
		}
		for m := range from.members {
			into.members[m] = struct{}{}
			m.grp.Store(into)
		}
		clear(from.members)
		// The emptied group admits no one and hands out nothing more;
		// its run ends it (with no member left to tell).
		from.over = true
		from.ended.Store(true)
		from.closed.Store(true)
	}
	second.mu.Unlock()
	first.mu.Unlock()
	if !ok {
		return nil, false
	}
	from.cancel()
	g := into.gw()
	if mt := g.opts.Metrics; mt != nil {
		mt.SubscriptionGroupsMerged.Inc()
	}
	return into, true
}
