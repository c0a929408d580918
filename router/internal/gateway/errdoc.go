package gateway

// The document side of fixErrors: from a response path to the fields of
// the client's operation and their locations.

import (
	"bytes"
	"encoding/json"

	"github.com/wundergraph/graphql-go-tools/v2/pkg/ast"
)

// location is a spec "locations" entry.
type location struct {
	Line   uint32 `json:"line"`
	Column uint32 `json:"column"`
}

// addLocations gives a subgraph's field error (a path, extensions.serviceName,
// no locations) the locations of the fields its path points to in the
// operation. Errors the router raises itself (a null in a non-null field, an
// enum value it cannot represent, a failed fetch) stay without locations, as
// the golden corpus states them.
func (fx *fixer) addLocations(e *gqlError) {
	if e.path == nil || e.synthesized || e.member("locations") != nil || !e.fromSubgraph() {
		return
	}
	var keys []string
	for _, p := range e.path {
		if s, ok := p.(string); ok && s != "@" {
			keys = append(keys, s)
		}
	}
	fields := fx.fieldsAt(keys)
	if len(fields) == 0 {
		return
	}
	locs := make([]location, 0, len(fields))
	for _, f := range fields {
		pos := fx.doc.Fields[f].Position
		l := location{Line: pos.LineStart, Column: pos.CharStart}
		if !containsLoc(locs, l) {
			locs = append(locs, l)
		}
	}
	e.set("locations", encode(locs), "message")
}

func containsLoc(ls []location, l location) bool {
	for _, x := range ls {
		if x == l {
			return true
		}
	}
	return false
}

// fieldsAt walks the operation along response keys and returns the fields
// the last key selects (several where inline fragments select it more than
// once); none when a key selects nothing.
func (fx *fixer) fieldsAt(keys []string) []int {
	if fx.doc == nil || fx.op < 0 || len(keys) == 0 {
		return nil
	}
	od := fx.doc.OperationDefinitions[fx.op]
	if !od.HasSelections {
		return nil
	}
	sets := []int{od.SelectionSet}
	var fields []int
	for i, key := range keys {
		fields = fields[:0:0]
		for _, s := range sets {
			fx.eachField(s, 0, func(f int) {
				if fx.doc.FieldAliasOrNameString(f) == key {
					fields = append(fields, f)
				}
			})
		}
		if len(fields) == 0 || i == len(keys)-1 {
			break
		}
		sets = sets[:0:0]
		for _, f := range fields {
			if fx.doc.Fields[f].HasSelections {
				sets = append(sets, fx.doc.Fields[f].SelectionSet)
			}
		}
	}
	return fields
}

// responseKeys returns the response keys under which the operation selects
// the named fields on the objects at a fetch's response path.
func (fx *fixer) responseKeys(path []string, names []string) []string {
	var keys []string
	for _, p := range path {
		if p != "@" {
			keys = append(keys, p)
		}
	}
	var sets []int
	if len(keys) == 0 {
		if fx.doc != nil && fx.op >= 0 && fx.doc.OperationDefinitions[fx.op].HasSelections {
			sets = append(sets, fx.doc.OperationDefinitions[fx.op].SelectionSet)
		}
	} else {
		for _, f := range fx.fieldsAt(keys) {
			if fx.doc.Fields[f].HasSelections {
				sets = append(sets, fx.doc.Fields[f].SelectionSet)
			}
		}
	}
	var out []string
	for _, name := range names {
		for _, s := range sets {
			fx.eachField(s, 0, func(f int) {
				if fx.doc.FieldNameString(f) == name {
					if k := fx.doc.FieldAliasOrNameString(f); !contains(out, k) {
						out = append(out, k)
					}
				}
			})
		}
	}
	return out
}

// eachField calls fn for every field of a selection set, looking into inline
// fragments and fragment spreads (the operation may not be normalised).
func (fx *fixer) eachField(set, depth int, fn func(field int)) {
	if depth > 32 {
		return // fragment cycles are invalid; never loop on one
	}
	d := fx.doc
	for _, s := range d.SelectionSets[set].SelectionRefs {
		sel := d.Selections[s]
		switch sel.Kind {
		case ast.SelectionKindField:
			fn(sel.Ref)
		case ast.SelectionKindInlineFragment:
			if d.InlineFragments[sel.Ref].HasSelections {
				fx.eachField(d.InlineFragments[sel.Ref].SelectionSet, depth+1, fn)
			}
		case ast.SelectionKindFragmentSpread:
			name := d.FragmentSpreadNameString(sel.Ref)
			for i := range d.FragmentDefinitions {
				if d.FragmentDefinitionNameString(i) == name && d.FragmentDefinitions[i].HasSelections {
					fx.eachField(d.FragmentDefinitions[i].SelectionSet, depth+1, fn)
				}
			}
		}
	}
}

// findOperation returns the operation named opName, or the only operation
// when opName is empty; -1 if there is none.
func findOperation(doc *ast.Document, opName string) int {
	if doc == nil {
		return -1
	}
	found := -1
	for _, n := range doc.RootNodes {
		if n.Kind != ast.NodeKindOperationDefinition {
			continue
		}
		if opName == "" {
			if found >= 0 {
				return -1
			}
			found = n.Ref
			continue
		}
		if doc.OperationDefinitionNameString(n.Ref) == opName {
			return n.Ref
		}
	}
	return found
}

// encode marshals v without HTML escaping.
func encode(v any) json.RawMessage {
	var b bytes.Buffer
	writeJSON(&b, v)
	return b.Bytes()
}

func writeJSON(b *bytes.Buffer, v any) {
	enc := json.NewEncoder(b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
	b.Truncate(b.Len() - 1) // Encode appends a newline
}

func quote(s string) string { return string(encode(s)) }
