package supergraph

import (
	"bytes"
	"strings"

	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/formatter"
)

// isSpecDirective reports directives of the link, join, inaccessible, tag,
// authorization and cost specs: they describe the composition or the
// router's policy and never reach clients (Apollo's API schema drops them too).
func isSpecDirective(name string) bool {
	switch name {
	case "link", "inaccessible", "tag", "authenticated", "requiresScopes", "policy", "cost", "listSize":
		return true
	}
	return strings.HasPrefix(name, "join__")
}

// apiSchema derives the client-facing schema: drops spec definitions and
// applications and every element marked @inaccessible (types, fields,
// arguments, enum values, input fields). With keepInaccessible it derives
// the engine schema instead: the same without dropping the @inaccessible
// types, fields and arguments, which the planner must know to fetch what a
// @requires or a key needs from them (enum values stay dropped).
func apiSchema(doc *ast.SchemaDocument, keepInaccessible bool) string {
	hidden := map[string]bool{}
	for _, d := range append(append(ast.DefinitionList{}, doc.Definitions...), doc.Extensions...) {
		if d.Directives.ForName("inaccessible") != nil && !keepInaccessible {
			hidden[d.Name] = true
		}
	}
	out := &ast.SchemaDocument{}
	for _, sd := range doc.Schema {
		cp := *sd
		cp.Directives = nil
		out.Schema = append(out.Schema, &cp)
	}
	for _, dd := range doc.Directives {
		if !isSpecDirective(dd.Name) {
			out.Directives = append(out.Directives, dd)
		}
	}
	keep := func(list ast.DefinitionList) ast.DefinitionList {
		var res ast.DefinitionList
		for _, d := range list {
			if isSpecType(d.Name) || hidden[d.Name] {
				continue
			}
			res = append(res, cleanDefinition(d, hidden, keepInaccessible))
		}
		return res
	}
	out.Definitions = keep(doc.Definitions)
	out.Extensions = keep(doc.Extensions)
	var buf bytes.Buffer
	formatter.NewFormatter(&buf, formatter.WithIndent("  ")).FormatSchemaDocument(out)
	return buf.String()
}

func cleanDefinition(d *ast.Definition, hidden map[string]bool, keepInaccessible bool) *ast.Definition {
	inaccessible := func(l ast.DirectiveList) bool { return !keepInaccessible && l.ForName("inaccessible") != nil }
	cp := *d
	cp.Directives = cleanDirectives(d.Directives)
	cp.Interfaces = nil
	for _, i := range d.Interfaces {
		if !hidden[i] {
			cp.Interfaces = append(cp.Interfaces, i)
		}
	}
	cp.Types = nil
	for _, t := range d.Types {
		if !hidden[t] {
			cp.Types = append(cp.Types, t)
		}
	}
	cp.TypePositions = nil
	cp.Fields = nil
	for _, f := range d.Fields {
		if inaccessible(f.Directives) {
			continue
		}
		fc := *f
		fc.Directives = cleanDirectives(f.Directives)
		fc.Arguments = nil
		for _, a := range f.Arguments {
			if inaccessible(a.Directives) {
				continue
			}
			ac := *a
			ac.Directives = cleanDirectives(a.Directives)
			fc.Arguments = append(fc.Arguments, &ac)
		}
		cp.Fields = append(cp.Fields, &fc)
	}
	cp.EnumValues = nil
	for _, ev := range d.EnumValues {
		if ev.Directives.ForName("inaccessible") != nil {
			// Dropped from the engine schema as well: the executor checks
			// enum output against it, and an @inaccessible value must
			// reach no client (it becomes null with an error).
			continue
		}
		ec := *ev
		ec.Directives = cleanDirectives(ev.Directives)
		cp.EnumValues = append(cp.EnumValues, &ec)
	}
	return &cp
}

func cleanDirectives(list ast.DirectiveList) ast.DirectiveList {
	var out ast.DirectiveList
	for _, d := range list {
		if !isSpecDirective(d.Name) {
			out = append(out, d)
		}
	}
	return out
}
