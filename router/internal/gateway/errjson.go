package gateway

// JSON handling for fixErrors: objects as ordered members, errors edited
// in place so untouched bytes stay as the engine wrote them.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
)

// member is one key of a JSON object with its raw value.
type member struct {
	key string
	val json.RawMessage
}

type members []member

func (ms members) index(key string) int {
	for i, m := range ms {
		if m.key == key {
			return i
		}
	}
	return -1
}

// splitObject splits a JSON object into its members in order, keeping each
// value's bytes as they were.
func splitObject(b []byte) (members, bool) {
	dec := json.NewDecoder(bytes.NewReader(b))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return nil, false
	}
	var out members
	for dec.More() {
		t, err := dec.Token()
		k, isKey := t.(string)
		if err != nil || !isKey {
			return nil, false
		}
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return nil, false
		}
		out = append(out, member{key: k, val: v})
	}
	if t, err := dec.Token(); err != nil || t != json.Delim('}') {
		return nil, false
	}
	return out, true
}

// gqlError is one entry of the errors list: its members in order, and the
// message and path read from them.
type gqlError struct {
	raw     json.RawMessage
	members members
	message string
	path    []any // strings and json.Number; nil without a path
	changed bool
	// synthesized: made by the router from a failed fetch.
	synthesized bool
}

func parseError(raw json.RawMessage) (*gqlError, bool) {
	ms, ok := splitObject(raw)
	if !ok {
		return nil, false
	}
	e := &gqlError{raw: raw, members: ms}
	if m := e.member("message"); m != nil {
		_ = json.Unmarshal(m, &e.message)
	}
	if m := e.member("path"); m != nil {
		var p []any
		if decodeJSON(m, &p) == nil && p != nil {
			e.path = p
		}
	}
	return e, true
}

func newError(msg string, path []any, ext string) *gqlError {
	e := &gqlError{message: msg, changed: true, synthesized: true}
	e.members = append(e.members, member{key: "message", val: encode(msg)})
	if path != nil {
		e.setPath(path)
	}
	e.members = append(e.members, member{key: "extensions", val: json.RawMessage(ext)})
	return e
}

func (e *gqlError) member(key string) json.RawMessage {
	if i := e.members.index(key); i >= 0 {
		return e.members[i].val
	}
	return nil
}

// set replaces key's value, or inserts it after the member named after
// (at the end if there is none).
func (e *gqlError) set(key string, val json.RawMessage, after string) {
	e.changed = true
	if i := e.members.index(key); i >= 0 {
		e.members[i].val = val
		return
	}
	i := e.members.index(after) + 1
	if i == 0 {
		i = len(e.members)
	}
	e.members = append(e.members[:i], append(members{{key: key, val: val}}, e.members[i:]...)...)
}

// clone returns a copy of e that can be changed on its own.
func (e *gqlError) clone() *gqlError {
	c := *e
	c.members = append(members(nil), e.members...)
	c.path = append([]any(nil), e.path...)
	return &c
}

func (e *gqlError) setPath(p []any) {
	e.path = p
	e.set("path", encode(p), "locations")
}

// isBareStatusError reports whether e is the engine's error for a subgraph
// HTTP status without a GraphQL body: {"message":"500: Internal Server
// Error","extensions":{"statusCode":500}}.
func (e *gqlError) isBareStatusError() bool {
	if e.path != nil || e.member("locations") != nil || len(e.message) < 3 {
		return false
	}
	var ext struct {
		StatusCode  int    `json:"statusCode"`
		ServiceName string `json:"serviceName"`
	}
	if json.Unmarshal(e.member("extensions"), &ext) != nil || ext.StatusCode == 0 || ext.ServiceName != "" {
		return false
	}
	return strings.HasPrefix(e.message, fmt.Sprint(ext.StatusCode))
}

// fromSubgraph reports whether the engine passed e through from a subgraph:
// it then carries extensions.serviceName.
func (e *gqlError) fromSubgraph() bool {
	var ext struct {
		ServiceName *string `json:"serviceName"`
	}
	return json.Unmarshal(e.member("extensions"), &ext) == nil && ext.ServiceName != nil
}

func (e *gqlError) writeTo(b *bytes.Buffer) {
	if !e.changed {
		b.Write(e.raw)
		return
	}
	b.WriteByte('{')
	for i, m := range e.members {
		if i > 0 {
			b.WriteByte(',')
		}
		writeJSON(b, m.key)
		b.WriteByte(':')
		b.Write(m.val)
	}
	b.WriteByte('}')
}
