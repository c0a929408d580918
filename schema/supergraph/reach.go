package supergraph

import (
	"strings"

	"github.com/vektah/gqlparser/v2/ast"
)

// reachable returns the types graph g can return to the planner: its root
// types, its entities (entered through _entities) and, transitively, the
// types of the fields it resolves itself — a field that g declares
// @external counts only as part of one of g's keys. A value type outside
// this set occurs in g only below @external fields, so g can answer its
// fields only where a @provides promises them (Apollo's query graph has no
// edge into it otherwise). The planner metadata is flat — a child node's
// fields are resolvable wherever the parent was fetched — so fill marks
// the fields of such types external, and the planner then takes from g
// exactly what the @provides selection names and nothing else.
func (v *view) reachable(g string) map[string]bool {
	byName := map[string]*ast.Definition{}
	for _, d := range v.types {
		byName[d.Name] = d
	}
	seen := map[string]bool{}
	var queue []string
	add := func(name string) {
		if d := byName[name]; d != nil && !seen[name] && v.typeIn(d, g) != nil {
			seen[name] = true
			queue = append(queue, name)
		}
	}
	for _, d := range v.types {
		if in := v.typeIn(d, g); in != nil && (v.isRoot(d.Name) || len(in.keys) > 0) {
			add(d.Name)
			if in.interfaceObject {
				for _, c := range v.implementers[d.Name] {
					seen[c] = true // answered through the interface object
				}
			}
		}
	}
	for len(queue) > 0 {
		d := byName[queue[0]]
		queue = queue[1:]
		switch d.Kind {
		case ast.Object, ast.Interface:
			in := v.typeIn(d, g)
			keyFields := map[string]bool{}
			for _, k := range in.keys {
				for _, f := range topLevelFields(k.SelectionSet) {
					keyFields[f] = true
				}
			}
			for _, f := range d.Fields {
				fi := v.fieldIn(f, g)
				if fi == nil || (fi.external && !keyFields[f.Name]) {
					continue
				}
				add(baseName(typeOf(f.Type, fi)))
			}
			if d.Kind == ast.Interface {
				for _, c := range v.implementers[d.Name] {
					add(c)
				}
			}
			// Selections on an interface reach its fields on every
			// implementation g returns.
			for _, i := range v.interfacesIn(d, g) {
				add(i)
			}
		case ast.Union:
			for _, m := range v.membersIn(d, g) {
				add(m)
			}
		}
	}
	return seen
}

// baseName strips list and non-null wrappers from a printed type.
func baseName(t string) string {
	return strings.Trim(t, "[]! ")
}
