package supergraph

import (
	"strings"

	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/parser"
)

// implicitKeys gives every subgraph the keys other subgraphs declare for
// an entity it also holds, as unresolvable keys (Resolvable false: it
// cannot be fetched by them), wherever it resolves every field of the key
// itself.
//
// The planner jumps from subgraph S to subgraph T for an entity only by a
// key both know: T resolves the entity by it, S provides its fields. With
// User @key(fields: "id") in A and @key(fields: "email") in B, A must know
// "email" as a key of its own to be the source of `{ user { id nickname } }`
// (email from A, nickname from B by email); without it the planner built
// B's fetch as a root query and failed ("Cannot query field "nickname" on
// type "Query""). Composition does not write these keys into the
// supergraph, so they are derived here, as other routers derive them from
// the supergraph.
func (v *view) implicitKeys(graphs []*Graph) {
	defs := map[string]*ast.Definition{}
	for _, d := range v.types {
		defs[d.Name] = d
	}
	// resolvable[graph][type][field]: the graph resolves the field itself.
	resolvable := make([]map[string]map[string]bool, len(graphs))
	for i, g := range graphs {
		m := map[string]map[string]bool{}
		for _, tf := range append(append([]TypeFields{}, g.RootNodes...), g.ChildNodes...) {
			if m[tf.TypeName] == nil {
				m[tf.TypeName] = map[string]bool{}
			}
			for _, f := range tf.FieldNames {
				m[tf.TypeName][f] = true
			}
		}
		resolvable[i] = m
	}
	type key struct{ typeName, fields string }
	var all []FieldSet
	seen := map[key]bool{}
	for _, g := range graphs {
		for _, k := range g.Keys {
			kk := key{k.TypeName, normalizeFieldSet(k.SelectionSet)}
			if k.Resolvable && !seen[kk] {
				seen[kk] = true
				all = append(all, k)
			}
		}
	}
	for i, g := range graphs {
		has := map[key]bool{}
		for _, k := range g.Keys {
			has[key{k.TypeName, normalizeFieldSet(k.SelectionSet)}] = true
		}
		for _, k := range all {
			kk := key{k.TypeName, normalizeFieldSet(k.SelectionSet)}
			if has[kk] || resolvable[i][k.TypeName] == nil {
				continue
			}
			sel, err := parser.ParseQuery(&ast.Source{Input: "{" + k.SelectionSet + "}"})
			if err != nil || len(sel.Operations) != 1 {
				continue
			}
			if resolves(resolvable[i], defs, k.TypeName, sel.Operations[0].SelectionSet) {
				g.Keys = append(g.Keys, FieldSet{TypeName: k.TypeName, SelectionSet: k.SelectionSet})
				has[kk] = true
			}
		}
	}
}

// resolves reports whether a graph resolves every field of set on typeName
// itself (r as built by implicitKeys).
func resolves(r map[string]map[string]bool, defs map[string]*ast.Definition, typeName string, set ast.SelectionSet) bool {
	d := defs[typeName]
	if d == nil || len(set) == 0 {
		return false
	}
	for _, s := range set {
		f, ok := s.(*ast.Field)
		if !ok || !r[typeName][f.Name] {
			return false // keys hold no fragments
		}
		if len(f.SelectionSet) == 0 {
			continue
		}
		fd := d.Fields.ForName(f.Name)
		if fd == nil || !resolves(r, defs, fd.Type.Name(), f.SelectionSet) {
			return false
		}
	}
	return true
}

// normalizeFieldSet is a field set with its whitespace and commas made
// canonical, so "id  org { id }" and "id org{id}" compare equal.
func normalizeFieldSet(s string) string {
	return strings.Join(strings.Fields(strings.NewReplacer("{", " { ", "}", " } ", ",", " ").Replace(s)), " ")
}
