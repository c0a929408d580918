package gateway

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/cespare/xxhash/v2"
	"github.com/wundergraph/astjson"
	"github.com/wundergraph/graphql-go-tools/v2/pkg/ast"
	"github.com/wundergraph/graphql-go-tools/v2/pkg/astparser"
	"github.com/wundergraph/graphql-go-tools/v2/pkg/astprinter"
	"github.com/wundergraph/graphql-go-tools/v2/pkg/engine/datasource/graphql_datasource/subscriptionclient/common"
	"github.com/wundergraph/graphql-go-tools/v2/pkg/engine/datasource/graphql_datasource/subscriptionclient/transport"

	"github.com/nexus-commerce/nexus/schema/supergraph"
)

// A subscription field declared @resumable (schema/supergraph.Resumable)
// delivers a cursor with every event, and subscribing again with the last
// one as its cursor argument continues right after that event. The router
// relies on it in two ways:
//
//   - live: a subscription to it without the cursor argument (absent or
//     null; the other arguments only filter) streams events from "now" on,
//     so identical clients share it however late they join (share.go);
//   - resume: when the upstream subscription breaks (the subgraph died,
//     the connection was lost), the group subscribes again by itself from
//     the last cursor it delivered, so its clients see no gap, no
//     duplicate and no error (group.run).
//
// The group reads each event's cursor from the payload. A client that did
// not select the cursor field gets it selected for it under resumeAlias,
// which the group strips from what it fans out (once per event, not per
// client).

// resumeAlias is the alias under which the router selects the cursor field
// a client did not select; it is removed before clients see the event.
const resumeAlias = "_nexusResumeCursor"

// resumeVar is the variable a resume request passes the cursor in when the
// client's operation gave the cursor argument no variable of its own.
const resumeVar = "nexusResumeAfter"

// resumable is what a prepared subscription to a @resumable field needs to
// resume: where the cursor is in each payload and the request that
// subscribes again from a cursor.
type resumable struct {
	// rootKey and cursorKey are the response keys of the root field and
	// of the cursor field in it; strip says cursorKey is resumeAlias.
	rootKey, cursorKey string
	strip              bool
	// query subscribes from the cursor passed as variable cursorVar; vars
	// are the operation's other variables, under query's names.
	query, opName, cursorVar string
	vars                     map[string]json.RawMessage
	// from is the cursor the client gave ("" for none, or one that is not
	// a string) and rest the hash of the client's variables without it:
	// with the operation and the caller they make the group's family
	// (converge.go).
	from string
	rest uint64
}

// resumeRequest returns the variables that subscribe again with query
// from right after cursor.
func (r *resumable) resumeRequest(cursor string) []byte {
	vars := make(map[string]json.RawMessage, len(r.vars)+1)
	for k, v := range r.vars {
		vars[k] = v
	}
	c, _ := json.Marshal(cursor)
	vars[r.cursorVar] = c
	out, _ := json.Marshal(vars)
	return out
}

// cursorOf returns the cursor of one event and the payload to fan out:
// without the cursor when the router added it (strip). An event without
// a cursor (an error result) gives "".
func (r *resumable) cursorOf(payload []byte) (cursor string, out []byte) {
	v, err := astjson.ParseBytes(payload)
	if err != nil {
		return "", payload
	}
	root := v.Get("data", r.rootKey)
	if root == nil || root.Type() != astjson.TypeObject {
		return "", payload
	}
	if c := root.Get(r.cursorKey); c != nil && c.Type() == astjson.TypeString {
		b, _ := c.StringBytes()
		cursor = string(b)
	}
	if !r.strip {
		return cursor, payload
	}
	root.Del(r.cursorKey)
	return cursor, v.MarshalTo(nil)
}

// prepareResumable inspects a normalised, validated subscription whose
// variables were renamed canonically (remap: new name to the name in
// vars). When its one root field is declared in decls it selects the
// cursor field under resumeAlias if the client did not (doc is changed:
// call it before planning) and returns the resume information and whether
// the subscription is live (no cursor given). Otherwise it returns nil.
func prepareResumable(doc, schema *ast.Document, opName string, vars []byte, remap map[string]string, decls map[string]supergraph.Resumable) (*resumable, bool, error) {
	if len(decls) == 0 {
		return nil, false, nil
	}
	_, field, ok := rootField(doc, opName)
	if !ok {
		return nil, false, nil
	}
	decl, ok := decls[doc.FieldNameString(field)]
	if !ok {
		return nil, false, nil
	}
	r := &resumable{rootKey: doc.FieldAliasOrNameString(field), opName: opName, rest: xxhash.Sum64(vars)}
	// The cursor argument: given unless absent or null.
	given := false
	if arg, ok := doc.FieldArgument(field, []byte(decl.Argument)); ok {
		switch val := doc.ArgumentValue(arg); val.Kind {
		case ast.ValueKindNull:
		case ast.ValueKindVariable:
			name := doc.VariableValueNameString(val.Ref)
			r.cursorVar = name
			old := name
			if o, ok := remap[name]; ok {
				old = o
			}
			if v, err := astjson.ParseBytes(vars); err == nil && v.Type() == astjson.TypeObject {
				if c := v.Get(old); c != nil && c.Type() != astjson.TypeNull {
					given = true
					if c.Type() == astjson.TypeString {
						b, _ := c.StringBytes()
						r.from = string(b)
					}
				}
				v.Del(old)
				r.rest = xxhash.Sum64(v.MarshalTo(nil))
			}
		default:
			given = true
		}
	}
	// The cursor field: the client's own selection when it has one that
	// is always there (no @skip/@include), else one the router adds.
	if doc.FieldHasSelections(field) {
		set := doc.Fields[field].SelectionSet
		for _, ref := range doc.SelectionSets[set].SelectionRefs {
			sel := doc.Selections[ref]
			if sel.Kind == ast.SelectionKindField && doc.FieldNameString(sel.Ref) == decl.Field && !doc.FieldHasDirectives(sel.Ref) {
				r.cursorKey = doc.FieldAliasOrNameString(sel.Ref)
				break
			}
		}
		if r.cursorKey == "" {
			f := doc.AddField(ast.Field{
				Name:         doc.Input.AppendInputString(decl.Field),
				Alias:        ast.Alias{IsDefined: true, Name: doc.Input.AppendInputString(resumeAlias)},
				SelectionSet: -1,
			})
			doc.AddSelection(set, ast.Selection{Kind: ast.SelectionKindField, Ref: f.Ref})
			r.cursorKey = resumeAlias
		}
	} else {
		return nil, false, errors.New("gateway: a resumable subscription field without selections")
	}
	r.strip = r.cursorKey == resumeAlias
	// The resume request: this operation with the cursor in a variable.
	printed, err := astprinter.PrintString(doc)
	if err != nil {
		return nil, false, err
	}
	r.vars = map[string]json.RawMessage{}
	var all map[string]json.RawMessage
	if len(vars) > 0 {
		if err := json.Unmarshal(vars, &all); err != nil {
			return nil, false, err
		}
	}
	if len(remap) == 0 {
		r.vars = all
	}
	for newName, old := range remap {
		if v, ok := all[old]; ok {
			r.vars[newName] = v
		}
	}
	if r.cursorVar != "" {
		r.query = printed
		return r, !given, nil
	}
	typeName := "String"
	if root, ok := schema.Index.FirstNodeByNameBytes(schema.Index.SubscriptionTypeName); ok {
		if def := schema.NodeFieldDefinitionArgumentDefinitionByName(root, doc.FieldNameBytes(field), []byte(decl.Argument)); def >= 0 {
			typeName = schema.ResolveTypeNameString(schema.InputValueDefinitionType(def))
		}
	}
	tpl, report := astparser.ParseGraphqlDocumentString(printed)
	if report.HasErrors() {
		return nil, false, report
	}
	tplOp, tplField, ok := rootField(&tpl, opName)
	if !ok {
		return nil, false, errors.New("gateway: resume template lost its root field")
	}
	if arg, ok := tpl.FieldArgument(tplField, []byte(decl.Argument)); ok {
		refs := tpl.Fields[tplField].Arguments.Refs
		kept := refs[:0:0]
		for _, a := range refs {
			if a != arg {
				kept = append(kept, a)
			}
		}
		tpl.Fields[tplField].Arguments.Refs = kept
		tpl.Fields[tplField].HasArguments = len(kept) > 0
	}
	varRef, argRef := tpl.AddVariableValueArgument([]byte(decl.Argument), []byte(resumeVar))
	tpl.AddArgumentToField(tplField, argRef)
	tpl.AddVariableDefinitionToOperationDefinition(tplOp, varRef, tpl.AddNamedType([]byte(typeName)))
	if r.query, err = astprinter.PrintString(&tpl); err != nil {
		return nil, false, err
	}
	r.cursorVar = resumeVar
	return r, !given, nil
}

// rootField returns the subscription operation named opName (or the only
// one) and its single root field, inline fragments looked through.
func rootField(doc *ast.Document, opName string) (op, field int, ok bool) {
	op = -1
	for i, def := range doc.OperationDefinitions {
		if def.OperationType != ast.OperationTypeSubscription || (opName != "" && doc.OperationDefinitionNameString(i) != opName) {
			continue
		}
		if op >= 0 {
			return 0, 0, false
		}
		op = i
	}
	if op < 0 || !doc.OperationDefinitions[op].HasSelections {
		return 0, 0, false
	}
	field = -1
	var walk func(set int) bool
	walk = func(set int) bool {
		for _, ref := range doc.SelectionSets[set].SelectionRefs {
			sel := doc.Selections[ref]
			switch sel.Kind {
			case ast.SelectionKindField:
				if field >= 0 || doc.FieldHasDirectives(sel.Ref) {
					return false
				}
				field = sel.Ref
			case ast.SelectionKindInlineFragment:
				inner, ok := doc.InlineFragmentSelectionSet(sel.Ref)
				if !ok || !walk(inner) {
					return false
				}
			default:
				return false
			}
		}
		return true
	}
	if !walk(doc.OperationDefinitions[op].SelectionSet) || field < 0 {
		return 0, 0, false
	}
	return op, field, true
}

// codeUpstreamLost is the code the engine's subscription client gives a
// lost upstream connection (WithDefaultErrorExtensionCode in New); groups
// act on it and never pass it on.
const codeUpstreamLost = "NEXUS_UPSTREAM_LOST"

// Backoff between attempts to subscribe again after the upstream was lost.
const (
	resumeBackoffMin = 100 * time.Millisecond
	resumeBackoffMax = 5 * time.Second
	// startRetryLimit bounds the retries of a subscription that is not
	// resumable and has delivered nothing yet.
	startRetryLimit = 2 * time.Second
)

// upstreamLost reports whether an error result is the engine's report of
// a lost upstream connection rather than errors the subgraph sent.
func upstreamLost(payload []byte) bool {
	return bytes.Contains(payload, []byte(`"code":"`+codeUpstreamLost+`"`))
}

// unavailablePayload ends a subscription whose upstream was lost and
// cannot be resumed.
func unavailablePayload(subgraph string) []byte {
	msg := "the subscription's subgraph became unavailable"
	ext := map[string]string{"code": "SUBGRAPH_UNAVAILABLE"}
	if subgraph != "" {
		msg = fmt.Sprintf("subgraph %q became unavailable: the subscription's upstream connection was lost", subgraph)
		ext["serviceName"] = subgraph
	}
	body, _ := json.Marshal(map[string]any{"errors": []map[string]any{{"message": msg, "extensions": ext}}})
	return body
}

// attempt is the writer of one resolver subscription of a group: a lost
// upstream is recorded for run instead of ending the members.
type attempt struct {
	grp             *group
	lost, delivered atomic.Bool
}

func (a *attempt) Next(payload []byte) error {
	a.delivered.Store(true)
	return a.grp.Next(payload)
}

func (a *attempt) Complete() { a.grp.Complete() }

func (a *attempt) Error(payload []byte) {
	if upstreamLost(payload) {
		a.lost.Store(true)
		return
	}
	a.grp.Error(payload)
}

func (grp *group) lastCursor() string {
	grp.mu.Lock()
	defer grp.mu.Unlock()
	return grp.cursor
}

func (grp *group) hasDelivered() bool {
	grp.mu.Lock()
	defer grp.mu.Unlock()
	return grp.delivered
}

// connectionFailed reports whether an error starting an upstream
// subscription is the connection's rather than the subgraph's answer: the
// subgraph is down or restarting (dial refused, reset, a gateway in front
// answering 502-504), or the shared connection broke under it.
//
// The last is a race in graphql-go-tools v2.16.0's WebSocket transport,
// not a fault of the subgraph: connections to one subgraph are pooled,
// and with no idle timeout (the default) a connection closes as soon as
// its last subscription ends (wsConnection.removeSub -> closeConn). The
// pool hands out a connection (WSTransport.getOrDial) without reserving
// it, so a subscription starting just as another one on the same
// connection ends gets a connection that is closing: its subscribe
// fails with ErrConnectionClosed ("upstream service error", code "",
// via updater.Error) or, when the close wins the write,
// "use of closed network connection" (returned by Source.Start, reported
// through the async error writer). Nothing was sent to the subgraph, so
// subscribing again is always safe; group.run does.
func connectionFailed(err error) bool {
	if err == nil {
		return false
	}
	var up transport.ErrFailedUpgrade
	if errors.As(err, &up) {
		return up.StatusCode == http.StatusBadGateway || up.StatusCode == http.StatusServiceUnavailable || up.StatusCode == http.StatusGatewayTimeout
	}
	return errors.Is(err, net.ErrClosed) || errors.Is(err, syscall.ECONNREFUSED) || errors.Is(err, syscall.ECONNRESET) ||
		errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, transport.ErrDialFailed) ||
		errors.Is(err, common.ErrConnectionClosed) || strings.Contains(err.Error(), "use of closed network connection")
}
