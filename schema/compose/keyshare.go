package compose

import (
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/parser"
)

// nestedKeyFields returns the fields ("Type.field") that the keys of this
// subgraph select below their top level: `@key(fields: "compositeId { one
// two }")` selects CompositeID.one and CompositeID.two. Like a key's
// top-level fields they are shareable without @shareable: every subgraph
// that uses the key must be able to resolve them (Apollo's composition
// treats them the same way).
func (p *parsed) nestedKeyFields() map[string]bool {
	defs := map[string]*ast.Definition{}
	for _, d := range p.types {
		defs[d.Name] = d
	}
	out := map[string]bool{}
	var walk func(typeName string, set ast.SelectionSet, depth int)
	walk = func(typeName string, set ast.SelectionSet, depth int) {
		d := defs[typeName]
		if d == nil || depth > 32 {
			return
		}
		for _, s := range set {
			switch s := s.(type) {
			case *ast.Field:
				if depth > 0 {
					out[typeName+"."+s.Name] = true
				}
				if fd := d.Fields.ForName(s.Name); fd != nil && len(s.SelectionSet) > 0 {
					walk(fd.Type.Name(), s.SelectionSet, depth+1)
				}
			case *ast.InlineFragment:
				if s.TypeCondition != "" {
					walk(s.TypeCondition, s.SelectionSet, depth+1)
				}
			}
		}
	}
	for _, d := range p.types {
		for _, k := range p.directives(d.Directives, "key") {
			doc, err := parser.ParseQuery(&ast.Source{Input: "{" + argString(k, "fields") + "}"})
			if err != nil || len(doc.Operations) != 1 {
				continue
			}
			walk(d.Name, doc.Operations[0].SelectionSet, 0)
		}
	}
	return out
}
