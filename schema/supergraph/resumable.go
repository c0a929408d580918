package supergraph

import (
	"fmt"
	"strings"

	"github.com/vektah/gqlparser/v2/ast"
)

// Resumable is a subscription field's @resumable declaration: subscribing
// again with the cursor of the last event delivered (the payload field
// Field) as the argument Argument continues right after that event.
type Resumable struct {
	// Argument is the field's argument that takes the cursor; without it
	// (or with null) the field streams live events from now on.
	Argument string
	// Field is the payload type's field that carries each event's cursor.
	Field string
}

// resumableURL is the @link url prefix of the spec defining @resumable.
const resumableURL = "https://nexus.dev/subscriptions/"

// resumables reads the @resumable declarations of the subscription root
// type's fields, by field name. A declaration naming an argument the field
// does not have (or one that is not a nullable scalar, so a client can
// leave it out) or a payload field that is not a scalar of the payload
// type is an error: the router would otherwise resume from nowhere.
func resumables(doc *ast.SchemaDocument, types []*ast.Definition, root string) (map[string]Resumable, error) {
	name := resumableName(doc)
	byName := map[string]*ast.Definition{}
	for _, d := range types {
		byName[d.Name] = d
	}
	out := map[string]Resumable{}
	sub := byName[root]
	if sub == nil {
		return out, nil
	}
	for _, f := range sub.Fields {
		d := f.Directives.ForName(name)
		if d == nil {
			continue
		}
		r := Resumable{Argument: arg(d, "argument"), Field: arg(d, "field")}
		where := fmt.Sprintf("supergraph: @%s on %s.%s", name, root, f.Name)
		a := f.Arguments.ForName(r.Argument)
		if a == nil {
			return nil, fmt.Errorf("%s: the field has no argument %q", where, r.Argument)
		}
		if a.Type.NonNull || a.Type.Elem != nil {
			return nil, fmt.Errorf("%s: argument %q must be a nullable scalar (String or ID): %s", where, r.Argument, a.Type.String())
		}
		payload := byName[f.Type.Name()]
		if payload == nil || (payload.Kind != ast.Object && payload.Kind != ast.Interface) {
			return nil, fmt.Errorf("%s: the payload type %s is not an object or interface", where, f.Type.Name())
		}
		pf := payload.Fields.ForName(r.Field)
		if pf == nil {
			return nil, fmt.Errorf("%s: the payload type %s has no field %q", where, payload.Name, r.Field)
		}
		if pf.Type.Elem != nil || len(pf.Arguments) > 0 {
			return nil, fmt.Errorf("%s: the cursor field %s.%s must be a scalar without arguments", where, payload.Name, r.Field)
		}
		if t := byName[pf.Type.Name()]; t != nil && t.Kind != ast.Scalar {
			return nil, fmt.Errorf("%s: the cursor field %s.%s must be a scalar", where, payload.Name, r.Field)
		}
		out[f.Name] = r
	}
	return out, nil
}

// resumableName is the name the supergraph uses for @resumable: the
// default, or what the @link importing it renames it to.
func resumableName(doc *ast.SchemaDocument) string {
	for _, sd := range append(append(ast.SchemaDefinitionList{}, doc.Schema...), doc.SchemaExtension...) {
		for _, l := range sd.Directives.ForNames("link") {
			if !strings.HasPrefix(arg(l, "url"), resumableURL) {
				continue
			}
			imp := l.Arguments.ForName("import")
			if imp == nil || imp.Value == nil {
				continue
			}
			for _, c := range imp.Value.Children {
				if c.Value.Kind != ast.ObjectValue {
					continue
				}
				var name, as string
				for _, f := range c.Value.Children {
					switch f.Name {
					case "name":
						name = strings.TrimPrefix(f.Value.Raw, "@")
					case "as":
						as = strings.TrimPrefix(f.Value.Raw, "@")
					}
				}
				if name == "resumable" && as != "" {
					return as
				}
			}
		}
	}
	return "resumable"
}
