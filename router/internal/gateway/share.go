package gateway

import (
	"slices"

	"github.com/wundergraph/graphql-go-tools/v2/pkg/ast"
)

// Sharing a subscription must never change what a client receives: each
// client gets exactly the stream it would have got subscribing alone. A
// group's members receive the group's results from the moment they join,
// so a client may join a running group only when nothing it would have
// received alone went out before it joined:
//
//   - Before the group's first result (delivered unset), any identical
//     client may join: it receives the group's whole stream, which is the
//     stream its own subscription would have produced — the same
//     operation, variables and caller, started a moment earlier. For a
//     replaying subscription (catalogEvents(after:)) that is exactly the
//     events after its cursor; for a live one the moment it starts is not
//     observable to the client anyway.
//   - After the first result, only a live-only operation admits newcomers
//     (liveOnly): a live stream starts "now" for whoever subscribes, so the
//     group's results from the join on are the newcomer's own. Any other
//     identical client starts a new group with an upstream subscription of
//     its own (a trigger of its own, see group.run); the new group takes
//     over the key and admits the next identical clients until its own
//     first result. A replay is never served from another client's
//     position in the stream.
//   - A group whose stream is over (completed, failed, ended, merged into
//     another: over) admits no one.
//
// Groups split this way merge again once they stand at the same cursor,
// and a client from cursor C may join a group at C (converge.go).
//
// Which subscriptions are live is read from the schema where it says so:
// a root field declared @resumable (resume.go) is live exactly when its
// cursor argument is not given (absent or null) — its other arguments
// only filter — so productChanged(ids: [...]) without `after` is shared
// with late joiners, and a given cursor means a replay. Without a
// declaration, live is decided from the operation alone, conservatively:
// a field given an argument may be given a cursor, so only argument-free
// root fields count as live (see liveOnly). Such subscriptions with
// arguments are still shared by every client that joins before the first
// event, but a client joining later gets a group of its own.
//
// A live group that subscribed again from its last cursor (resumed: its
// upstream was lost or a reload handed it over) replays what its members
// missed meanwhile: events a newcomer must not receive, since they were
// committed before it subscribed. Such a group takes no newcomer; the
// next one starts a group of its own, which converges with it later.

// admit adds m to the group if it may join (see above) and reports whether
// it did. Checked and done under mu, where deliver marks the first result,
// so a member is either in the first result's recipients or refused.
func (grp *group) admit(m *subscriber) bool {
	grp.mu.Lock()
	defer grp.mu.Unlock()
	if grp.over || (grp.delivered && (!grp.live || grp.resumed)) {
		return false
	}
	grp.members[m] = struct{}{}
	m.grp.Store(grp)
	return true
}

// liveOnly reports whether a normalised, validated subscription operation
// is live-only: every root field (inline fragments looked through) is
// given no argument and its schema definition defaults none, so nothing
// can ask it to replay or to start anywhere but "now". A fragment spread
// left in the document, an unknown field or no subscription operation
// named opName is not live-only.
func liveOnly(op, schema *ast.Document, opName string) bool {
	root, ok := schema.Index.FirstNodeByNameBytes(schema.Index.SubscriptionTypeName)
	if !ok {
		return false
	}
	found := false
	for i, def := range op.OperationDefinitions {
		if def.OperationType != ast.OperationTypeSubscription || (opName != "" && op.OperationDefinitionNameString(i) != opName) {
			continue
		}
		if !def.HasSelections || !liveSelections(op, schema, root, def.SelectionSet) {
			return false
		}
		found = true
	}
	return found
}

// liveSelections checks the root selections of one selection set.
func liveSelections(op, schema *ast.Document, root ast.Node, set int) bool {
	for _, ref := range op.SelectionSets[set].SelectionRefs {
		sel := op.Selections[ref]
		switch sel.Kind {
		case ast.SelectionKindField:
			if op.FieldHasArguments(sel.Ref) {
				return false
			}
			def, ok := schema.NodeFieldDefinitionByName(root, op.FieldNameBytes(sel.Ref))
			if !ok {
				return false
			}
			for _, arg := range schema.FieldDefinitionArgumentsDefinitions(def) {
				if schema.InputValueDefinitionHasDefaultValue(arg) {
					return false
				}
			}
		case ast.SelectionKindInlineFragment:
			inner, ok := op.InlineFragmentSelectionSet(sel.Ref)
			if !ok || !liveSelections(op, schema, root, inner) {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// SubscriptionGroups returns the number of clients in each subscription
// group running on this gateway (one resolver subscription each), in
// ascending order: how well identical subscriptions are shared, for tests
// and diagnostics. A group whose members all left may show 0 until its
// resolver subscription has ended.
func (g *Gateway) SubscriptionGroups() []int {
	g.subMu.Lock()
	defer g.subMu.Unlock()
	out := make([]int, 0, len(g.running))
	for grp := range g.running {
		grp.mu.Lock()
		out = append(out, len(grp.members))
		grp.mu.Unlock()
	}
	slices.Sort(out)
	return out
}
