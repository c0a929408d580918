package supergraph

import (
	"slices"
	"strings"

	"github.com/vektah/gqlparser/v2/ast"
)

// fill computes graph's planner metadata and its SDL.
func (v *view) fill(graph *Graph) {
	g := graph.Enum
	var sdl strings.Builder
	reachable := v.reachable(g)
	for _, d := range v.types {
		if isSpecType(d.Name) || strings.HasPrefix(d.Name, "__") {
			continue
		}
		in := v.typeIn(d, g)
		if in == nil {
			continue
		}
		switch d.Kind {
		case ast.Object, ast.Interface:
			v.fillComposite(graph, d, in, reachable[d.Name], &sdl)
		case ast.Union:
			if members := v.membersIn(d, g); len(members) > 0 {
				sdl.WriteString("union " + d.Name + " = " + strings.Join(members, " | ") + "\n\n")
			}
		case ast.Enum:
			sdl.WriteString("enum " + d.Name + " {")
			for _, ev := range d.EnumValues {
				if v.valueIn(ev, g) {
					sdl.WriteString(" " + ev.Name)
				}
			}
			sdl.WriteString(" }\n\n")
		case ast.InputObject:
			sdl.WriteString("input " + d.Name + " {\n")
			for _, f := range d.Fields {
				if fi := v.fieldIn(f, g); fi != nil {
					sdl.WriteString("  " + f.Name + ": " + typeOf(f.Type, fi))
					if f.DefaultValue != nil {
						sdl.WriteString(" = " + f.DefaultValue.String())
					}
					sdl.WriteString("\n")
				}
			}
			sdl.WriteString("}\n\n")
		case ast.Scalar:
			if !builtinScalar(d.Name) {
				sdl.WriteString("scalar " + d.Name + "\n\n")
			}
		}
	}
	graph.SDL = sdl.String()
}

// fillComposite adds object or interface d to graph; reachable is false
// for a value type g holds only below its @external fields (see reachable).
func (v *view) fillComposite(graph *Graph, d *ast.Definition, in *typeIn, reachable bool, sdl *strings.Builder) {
	g := graph.Enum
	tf := TypeFields{TypeName: d.Name}
	kw := "type"
	if d.Kind == ast.Interface && !in.interfaceObject {
		kw = "interface"
	}
	sdl.WriteString(kw + " " + d.Name)
	if ifaces := v.interfacesIn(d, g); len(ifaces) > 0 && kw == "type" {
		sdl.WriteString(" implements " + strings.Join(ifaces, " & "))
	}
	keyFields := map[string]bool{}
	for _, k := range in.keys {
		sdl.WriteString(" @key(fields: " + quote(k.SelectionSet) + ")")
		for _, f := range topLevelFields(k.SelectionSet) {
			keyFields[f] = true
		}
	}
	sdl.WriteString(" {\n")
	for _, f := range d.Fields {
		fi := v.fieldIn(f, g)
		if fi == nil {
			continue
		}
		sdl.WriteString("  " + f.Name + argsOf(f) + ": " + typeOf(f.Type, fi))
		// A key field the subgraph marks @external is one it cannot
		// resolve: it knows the value only from a representation.
		// Treating it as resolvable let the planner read Chat.id from a
		// subgraph whose node(id:) returns Chats it cannot identify
		// (issue 11, class 4). The exception is a type extension, where
		// Federation 1 marks key fields @external although the subgraph
		// resolves them (it returns references); Apollo's upgrade of v1
		// subgraphs and Cosmo treat those as resolvable.
		keyOfExtension := keyFields[f.Name] && in.extension
		if unreached := !reachable && !v.isRoot(d.Name) && len(in.keys) == 0; (fi.external && !keyOfExtension) || (unreached && !keyFields[f.Name]) {
			tf.ExternalFieldNames = append(tf.ExternalFieldNames, f.Name)
			sdl.WriteString(" @external")
		} else {
			tf.FieldNames = append(tf.FieldNames, f.Name)
		}
		sdl.WriteString("\n")
		if fi.requires != "" {
			graph.Requires = append(graph.Requires, FieldSet{TypeName: d.Name, FieldName: f.Name, SelectionSet: v.requiresSelection(d, fi.requires), Resolvable: true})
		}
		if fi.provides != "" {
			graph.Provides = append(graph.Provides, FieldSet{TypeName: d.Name, FieldName: f.Name, SelectionSet: fi.provides, Resolvable: true})
		}
	}
	sdl.WriteString("}\n\n")

	// The planner expects __typename selectable on every node it plans.
	switch {
	case v.isRoot(d.Name):
		graph.RootNodes = append(graph.RootNodes, tf)
	case len(in.keys) > 0:
		graph.Keys = append(graph.Keys, in.keys...)
		graph.RootNodes = append(graph.RootNodes, tf)
		if d.Kind == ast.Interface {
			ei := EntityInterface{InterfaceTypeName: d.Name, ConcreteTypeNames: slices.Clone(v.implementers[d.Name])}
			if in.interfaceObject {
				graph.InterfaceObjects = append(graph.InterfaceObjects, ei)
				// The subgraph answers for every implementation through
				// the interface object: graphql-go-tools plans an entity
				// fetch for a concrete type only where that type is a
				// root node with a key (Cosmo's router config does the same).
				for _, c := range ei.ConcreteTypeNames {
					graph.RootNodes = append(graph.RootNodes, TypeFields{TypeName: c, FieldNames: slices.Clone(tf.FieldNames)})
					for _, k := range in.keys {
						graph.Keys = append(graph.Keys, FieldSet{TypeName: c, SelectionSet: k.SelectionSet, Resolvable: k.Resolvable})
					}
				}
			} else {
				graph.EntityInterfaces = append(graph.EntityInterfaces, ei)
			}
		}
	default:
		graph.ChildNodes = append(graph.ChildNodes, tf)
	}
}

func typeOf(t *ast.Type, fi *fieldIn) string {
	if fi.typ != "" {
		return fi.typ
	}
	return t.String()
}

func argsOf(f *ast.FieldDefinition) string {
	if len(f.Arguments) == 0 {
		return ""
	}
	parts := make([]string, len(f.Arguments))
	for i, a := range f.Arguments {
		parts[i] = a.Name + ": " + a.Type.String()
		if a.DefaultValue != nil {
			parts[i] += " = " + a.DefaultValue.String()
		}
	}
	return "(" + strings.Join(parts, ", ") + ")"
}

func builtinScalar(n string) bool {
	switch n {
	case "String", "Int", "Float", "Boolean", "ID":
		return true
	}
	return false
}

func quote(s string) string {
	return (&ast.Value{Kind: ast.StringValue, Raw: s}).String()
}

// topLevelFields returns the top-level field names of a field set.
func topLevelFields(fs string) []string {
	var out []string
	depth := 0
	for _, tok := range strings.Fields(strings.NewReplacer("{", " { ", "}", " } ", ",", " ").Replace(fs)) {
		switch tok {
		case "{":
			depth++
		case "}":
			depth--
		default:
			if depth == 0 && !strings.HasPrefix(tok, "...") && tok != "on" {
				out = append(out, tok)
			}
		}
	}
	return out
}
