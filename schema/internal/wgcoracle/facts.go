package wgcoracle

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/nexus-commerce/nexus/schema/supergraph"
	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/parser"
)

// Facts are planner metadata flattened into one sorted line per fact
// ("reviews root Product: headline id reviewCount | external: name"), so
// two configurations compare as sets whatever order each tool emits, and a
// difference reads as the one fact that is missing or extra.
type Facts []string

// FromConfig flattens Cosmo's router execution config.
func FromConfig(c *Config) Facts {
	names := map[string]string{}
	for _, s := range c.Subgraphs {
		names[s.ID] = s.Name
	}
	var f Facts
	for _, ds := range c.EngineConfig.DatasourceConfigurations {
		g := names[ds.ID]
		for _, n := range ds.RootNodes {
			f = append(f, nodeFact(g, "root", n.TypeName, n.FieldNames, n.ExternalFieldNames))
		}
		for _, n := range ds.ChildNodes {
			f = append(f, nodeFact(g, "child", n.TypeName, n.FieldNames, n.ExternalFieldNames))
		}
		for _, k := range ds.Keys {
			f = append(f, keyFact(g, k.TypeName, k.SelectionSet, !k.DisableEntityResolver))
		}
		for _, r := range ds.Requires {
			f = append(f, fmt.Sprintf("%s requires %s.%s: %s", g, r.TypeName, r.FieldName, NormalizeSelection(r.SelectionSet)))
		}
		for _, p := range ds.Provides {
			f = append(f, fmt.Sprintf("%s provides %s.%s: %s", g, p.TypeName, p.FieldName, NormalizeSelection(p.SelectionSet)))
		}
		for _, e := range ds.EntityInterfaces {
			f = append(f, ifaceFact(g, "entityInterface", e.InterfaceTypeName, e.ConcreteTypeNames))
		}
		for _, e := range ds.InterfaceObjects {
			f = append(f, ifaceFact(g, "interfaceObject", e.InterfaceTypeName, e.ConcreteTypeNames))
		}
	}
	for _, ds := range c.EngineConfig.DatasourceConfigurations {
		if ds.Cost == nil {
			continue
		}
		for typ, w := range ds.Cost.TypeWeights {
			f = append(f, fmt.Sprintf("cost type %s: %d", typ, w))
		}
		for _, fw := range ds.Cost.FieldWeights {
			if fw.Weight != nil {
				f = append(f, fmt.Sprintf("cost field %s.%s: %d", fw.TypeName, fw.FieldName, *fw.Weight))
			}
			for a, w := range fw.ArgumentWeights {
				f = append(f, fmt.Sprintf("cost arg %s.%s(%s:): %d", fw.TypeName, fw.FieldName, a, w))
			}
		}
		for _, ls := range ds.Cost.ListSizes {
			size := supergraph.ListSize{SlicingArguments: ls.SlicingArguments, SizedFields: ls.SizedFields, RequireOneSlicingArgument: true}
			if ls.AssumedSize != nil {
				size.AssumedSize = *ls.AssumedSize
			}
			if ls.RequireOneSlicingArgument != nil {
				size.RequireOneSlicingArgument = *ls.RequireOneSlicingArgument
			}
			f = append(f, listSizeFact(ls.TypeName+"."+ls.FieldName, size))
		}
	}
	for _, fc := range c.EngineConfig.FieldConfigurations {
		if ac := fc.AuthorizationConfiguration; ac != nil {
			var scopes [][]string
			for _, or := range ac.RequiredOrScopes {
				scopes = append(scopes, or.RequiredAndScopes)
			}
			f = append(f, authFacts(fc.TypeName, fc.FieldName, ac.RequiresAuthentication, scopes, nil)...)
		}
		var args []string
		for _, a := range fc.ArgumentsConfiguration {
			args = append(args, a.Name)
		}
		if len(args) > 0 {
			f = append(f, argsFact(fc.TypeName, fc.FieldName, args))
		}
	}
	return f.sorted()
}

// FromSupergraph flattens the metadata our supergraph package derives.
func FromSupergraph(sg *supergraph.Supergraph) Facts {
	var f Facts
	for _, g := range sg.Graphs {
		for _, n := range g.RootNodes {
			f = append(f, nodeFact(g.Name, "root", n.TypeName, n.FieldNames, n.ExternalFieldNames))
		}
		for _, n := range g.ChildNodes {
			f = append(f, nodeFact(g.Name, "child", n.TypeName, n.FieldNames, n.ExternalFieldNames))
		}
		for _, k := range g.Keys {
			f = append(f, keyFact(g.Name, k.TypeName, k.SelectionSet, k.Resolvable))
		}
		for _, r := range g.Requires {
			f = append(f, fmt.Sprintf("%s requires %s.%s: %s", g.Name, r.TypeName, r.FieldName, NormalizeSelection(r.SelectionSet)))
		}
		for _, p := range g.Provides {
			f = append(f, fmt.Sprintf("%s provides %s.%s: %s", g.Name, p.TypeName, p.FieldName, NormalizeSelection(p.SelectionSet)))
		}
		for _, e := range g.EntityInterfaces {
			f = append(f, ifaceFact(g.Name, "entityInterface", e.InterfaceTypeName, e.ConcreteTypeNames))
		}
		for _, e := range g.InterfaceObjects {
			f = append(f, ifaceFact(g.Name, "interfaceObject", e.InterfaceTypeName, e.ConcreteTypeNames))
		}
	}
	for _, a := range sg.Arguments {
		f = append(f, argsFact(a.TypeName, a.FieldName, a.ArgumentNames))
	}
	for _, a := range sg.Authorization {
		f = append(f, authFacts(a.TypeName, a.FieldName, a.Authenticated, a.Scopes, a.Policies)...)
	}
	for typ, w := range sg.Costs.TypeWeights {
		f = append(f, fmt.Sprintf("cost type %s: %d", typ, w))
	}
	for coord, w := range sg.Costs.FieldWeights {
		f = append(f, fmt.Sprintf("cost field %s: %d", coord, w))
	}
	for coord, w := range sg.Costs.ArgumentWeights {
		f = append(f, fmt.Sprintf("cost arg %s: %d", coord, w))
	}
	for coord, ls := range sg.Costs.ListSizes {
		f = append(f, listSizeFact(coord, ls))
	}
	return f.sorted()
}

// APIFacts flattens a client schema: every type with its kind, interfaces
// and members, every field with its arguments and type, every enum value.
// Descriptions and directives are not compared (tools print them differently).
func APIFacts(sdl string) (Facts, error) {
	s, err := gqlparser.LoadSchema(&ast.Source{Name: "api", Input: sdl})
	if err != nil {
		return nil, err
	}
	var f Facts
	for name, d := range s.Types {
		if d.BuiltIn || strings.HasPrefix(name, "__") {
			continue
		}
		line := fmt.Sprintf("api %s %s", strings.ToLower(string(d.Kind)), name)
		if len(d.Interfaces) > 0 {
			line += " implements " + strings.Join(sortedCopy(d.Interfaces), " & ")
		}
		if len(d.Types) > 0 {
			line += " = " + strings.Join(sortedCopy(d.Types), " | ")
		}
		f = append(f, line)
		for _, fd := range d.Fields {
			if strings.HasPrefix(fd.Name, "__") {
				continue
			}
			var args []string
			for _, a := range fd.Arguments {
				args = append(args, a.Name+": "+a.Type.String())
			}
			sort.Strings(args)
			f = append(f, fmt.Sprintf("api field %s.%s(%s): %s", name, fd.Name, strings.Join(args, ", "), fd.Type.String()))
		}
		for _, ev := range d.EnumValues {
			f = append(f, fmt.Sprintf("api value %s.%s", name, ev.Name))
		}
	}
	for op, t := range map[string]*ast.Definition{"query": s.Query, "mutation": s.Mutation, "subscription": s.Subscription} {
		if t != nil {
			f = append(f, "api root "+op+": "+t.Name)
		}
	}
	return f.sorted(), nil
}

// Diff returns the facts only in a and only in b.
func Diff(a, b Facts) (onlyA, onlyB []string) {
	inA, inB := map[string]bool{}, map[string]bool{}
	for _, s := range a {
		inA[s] = true
	}
	for _, s := range b {
		inB[s] = true
	}
	for _, s := range a {
		if !inB[s] {
			onlyA = append(onlyA, s)
		}
	}
	for _, s := range b {
		if !inA[s] {
			onlyB = append(onlyB, s)
		}
	}
	return onlyA, onlyB
}

// NormalizeSelection prints a field set canonically: single spaces, no
// commas, and the selections of every level sorted. Order inside a field
// set carries no meaning (the planner selects the same fields either way),
// and the tools print it differently ("weight size" vs "size weight").
func NormalizeSelection(s string) string {
	doc, err := parser.ParseQuery(&ast.Source{Input: "{" + s + "}"})
	if err != nil || len(doc.Operations) != 1 {
		return "INVALID(" + strings.Join(strings.Fields(s), " ") + ")"
	}
	return printSelections(doc.Operations[0].SelectionSet)
}

func printSelections(set ast.SelectionSet) string {
	parts := make([]string, 0, len(set))
	for _, sel := range set {
		switch s := sel.(type) {
		case *ast.Field:
			p := s.Name
			if len(s.SelectionSet) > 0 {
				p += " { " + printSelections(s.SelectionSet) + " }"
			}
			parts = append(parts, p)
		case *ast.InlineFragment:
			parts = append(parts, "... on "+s.TypeCondition+" { "+printSelections(s.SelectionSet)+" }")
		default:
			parts = append(parts, fmt.Sprintf("UNSUPPORTED(%T)", sel))
		}
	}
	sort.Strings(parts)
	return strings.Join(parts, " ")
}

// authFacts prints a field's requirements. Scopes imply authentication
// (Cosmo states it, Apollo implies it), so both print "authenticated".
func authFacts(typ, field string, authenticated bool, scopes, policies [][]string) []string {
	var out []string
	if authenticated || len(scopes) > 0 {
		out = append(out, fmt.Sprintf("auth %s.%s authenticated", typ, field))
	}
	if len(scopes) > 0 {
		out = append(out, fmt.Sprintf("auth %s.%s scopes: %s", typ, field, orOfAnd(scopes)))
	}
	if len(policies) > 0 {
		out = append(out, fmt.Sprintf("auth %s.%s policies: %s", typ, field, orOfAnd(policies)))
	}
	return out
}

func orOfAnd(sets [][]string) string {
	alts := make([]string, len(sets))
	for i, s := range sets {
		alts[i] = strings.Join(sortedCopy(s), " ")
	}
	sort.Strings(alts)
	return strings.Join(slices.Compact(alts), " | ")
}

func listSizeFact(coord string, ls supergraph.ListSize) string {
	return fmt.Sprintf("listSize %s: assumed=%d slicing=%v sized=%v requireOne=%v", coord, ls.AssumedSize, ls.SlicingArguments, ls.SizedFields, ls.RequireOneSlicingArgument)
}

func nodeFact(graph, kind, typ string, fields, external []string) string {
	s := fmt.Sprintf("%s %s %s: %s", graph, kind, typ, strings.Join(sortedCopy(fields), " "))
	if len(external) > 0 {
		s += " | external: " + strings.Join(sortedCopy(external), " ")
	}
	return s
}

func keyFact(graph, typ, sel string, resolvable bool) string {
	s := fmt.Sprintf("%s key %s: %s", graph, typ, NormalizeSelection(sel))
	if !resolvable {
		s += " (resolvable: false)"
	}
	return s
}

func ifaceFact(graph, kind, iface string, concrete []string) string {
	return fmt.Sprintf("%s %s %s: %s", graph, kind, iface, strings.Join(sortedCopy(concrete), " "))
}

func argsFact(typ, field string, args []string) string {
	return fmt.Sprintf("args %s.%s(%s)", typ, field, strings.Join(sortedCopy(args), " "))
}

func sortedCopy(s []string) []string {
	c := slices.Clone(s)
	sort.Strings(c)
	return c
}

func (f Facts) sorted() Facts {
	sort.Strings(f)
	return slices.Compact(f)
}
