package compose

import (
	"fmt"

	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/parser"
)

// checkExternalUsed applies Apollo's EXTERNAL_UNUSED rule to a federation
// v2 subgraph: an @external field must be selected by one of the
// subgraph's @key, @requires or @provides field sets (nested selections
// count, through the types the subgraph gives its fields), or implement a
// field of an interface the type implements there. Anything else is a
// field the subgraph neither resolves nor uses, almost always a leftover.
// Federation v1 subgraphs are exempt: Apollo drops their unused externals
// when it upgrades them.
func (m *merger) checkExternalUsed(p *parsed) {
	if !p.v2 {
		return
	}
	byName := map[string]*ast.Definition{}
	for _, d := range p.types {
		byName[d.Name] = d
	}
	used := map[string]bool{} // "Type.field"
	for _, d := range p.types {
		for _, k := range p.directives(d.Directives, "key") {
			markFieldSet(byName, used, d.Name, argString(k, "fields"))
		}
		for _, f := range d.Fields {
			if r := p.directive(f.Directives, "requires"); r != nil {
				markFieldSet(byName, used, d.Name, argString(r, "fields"))
			}
			if pr := p.directive(f.Directives, "provides"); pr != nil {
				markFieldSet(byName, used, f.Type.Name(), argString(pr, "fields"))
			}
		}
		for _, i := range d.Interfaces {
			if iface := byName[i]; iface != nil {
				for _, f := range iface.Fields {
					used[d.Name+"."+f.Name] = true
				}
			}
		}
	}
	for _, d := range p.types {
		for _, f := range d.Fields {
			if p.directive(f.Directives, "external") != nil && !used[d.Name+"."+f.Name] {
				m.fail("EXTERNAL_UNUSED", d.Name, f.Name, fmt.Sprintf("%s.%s is @external in %s but no @key, @requires or @provides there selects it", d.Name, f.Name, p.Name), p.Name)
			}
		}
	}
}

// markFieldSet records every field a field set selects, starting at type
// typ. A field set that does not parse is left to the rules that check it.
func markFieldSet(types map[string]*ast.Definition, used map[string]bool, typ, fieldSet string) {
	doc, err := parser.ParseQuery(&ast.Source{Input: "{" + fieldSet + "}"})
	if err != nil || len(doc.Operations) == 0 {
		return
	}
	markSelections(types, used, typ, doc.Operations[0].SelectionSet)
}

func markSelections(types map[string]*ast.Definition, used map[string]bool, typ string, set ast.SelectionSet) {
	for _, sel := range set {
		switch s := sel.(type) {
		case *ast.Field:
			used[typ+"."+s.Name] = true
			if d := types[typ]; d != nil && len(s.SelectionSet) > 0 {
				if f := d.Fields.ForName(s.Name); f != nil {
					markSelections(types, used, f.Type.Name(), s.SelectionSet)
				}
			}
		case *ast.InlineFragment:
			on := typ
			if s.TypeCondition != "" {
				on = s.TypeCondition
			}
			markSelections(types, used, on, s.SelectionSet)
		}
	}
}
