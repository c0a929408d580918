package supergraph

import (
	"strings"

	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/parser"
)

// requiresSelection is the @requires selection of a field of type d as the
// planner must see it: inline fragments on types that no subgraph
// resolving the required field knows are dropped, since what those
// subgraphs return can never be of that type.
//
// `@requires(fields: "data { ... on Bar { ... on Baz { x } } }")` where
// Baz exists only in the requiring subgraph (data is @external there)
// made the planner look for a subgraph resolving Baz.x under data, find
// none, and fail ("missing paths"). The selection is returned unchanged
// (byte for byte) when nothing is dropped.
func (v *view) requiresSelection(d *ast.Definition, sel string) string {
	doc, err := parser.ParseQuery(&ast.Source{Input: "{" + sel + "}"})
	if err != nil || len(doc.Operations) != 1 {
		return sel
	}
	set := doc.Operations[0].SelectionSet
	changed := false
	for _, s := range set {
		f, ok := s.(*ast.Field)
		if !ok || len(f.SelectionSet) == 0 {
			continue
		}
		fd := d.Fields.ForName(f.Name)
		if fd == nil {
			continue
		}
		var providers []string
		for _, g := range v.graphs {
			if v.typeIn(d, g.enum) == nil {
				continue
			}
			if fi := v.fieldIn(fd, g.enum); fi != nil && !fi.external {
				providers = append(providers, g.enum)
			}
		}
		known := func(typeName string) bool {
			def := v.definition(typeName)
			if def == nil {
				return false
			}
			for _, p := range providers {
				if v.typeIn(def, p) != nil {
					return true
				}
			}
			return false
		}
		if len(providers) > 0 && pruneFragments(&f.SelectionSet, known) {
			changed = true
		}
	}
	if !changed {
		return sel
	}
	var b strings.Builder
	printSelections(&b, set)
	return b.String()
}

// pruneFragments drops the inline fragments of set (at any depth) whose
// type condition known rejects, keeping each selection set non-empty, and
// reports whether it dropped any.
func pruneFragments(set *ast.SelectionSet, known func(string) bool) bool {
	changed := false
	var out ast.SelectionSet
	for _, s := range *set {
		switch s := s.(type) {
		case *ast.InlineFragment:
			if s.TypeCondition != "" && !known(s.TypeCondition) {
				changed = true
				continue
			}
			if pruneFragments(&s.SelectionSet, known) {
				changed = true
			}
		case *ast.Field:
			if len(s.SelectionSet) > 0 && pruneFragments(&s.SelectionSet, known) {
				changed = true
			}
		}
		out = append(out, s)
	}
	if len(out) == 0 {
		// Every fragment was impossible: the field is still selected.
		out = ast.SelectionSet{&ast.Field{Name: "__typename", Alias: "__typename"}}
	}
	*set = out
	return changed
}

// printSelections writes set as a field set (no outer braces).
func printSelections(b *strings.Builder, set ast.SelectionSet) {
	for i, s := range set {
		if i > 0 {
			b.WriteByte(' ')
		}
		switch s := s.(type) {
		case *ast.Field:
			if s.Alias != "" && s.Alias != s.Name {
				b.WriteString(s.Alias + ": ")
			}
			b.WriteString(s.Name)
			if len(s.Arguments) > 0 {
				b.WriteByte('(')
				for j, a := range s.Arguments {
					if j > 0 {
						b.WriteString(", ")
					}
					b.WriteString(a.Name + ": " + a.Value.String())
				}
				b.WriteByte(')')
			}
			if len(s.SelectionSet) > 0 {
				b.WriteString(" { ")
				printSelections(b, s.SelectionSet)
				b.WriteString(" }")
			}
		case *ast.InlineFragment:
			b.WriteString("...")
			if s.TypeCondition != "" {
				b.WriteString(" on " + s.TypeCondition)
			}
			b.WriteString(" { ")
			printSelections(b, s.SelectionSet)
			b.WriteString(" }")
		case *ast.FragmentSpread:
			b.WriteString("..." + s.Name)
		}
	}
}

// definition returns the merged definition of a type, or nil.
func (v *view) definition(name string) *ast.Definition {
	if v.byName == nil {
		v.byName = make(map[string]*ast.Definition, len(v.types))
		for _, d := range v.types {
			v.byName[d.Name] = d
		}
	}
	return v.byName[name]
}
