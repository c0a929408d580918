package supergraph

import (
	"strconv"

	"github.com/vektah/gqlparser/v2/ast"
)

// CostModel is the @cost / @listSize information the router's cost limit
// uses to estimate an operation before executing it (IBM's GraphQL cost
// spec, as Apollo and Cosmo implement it).
type CostModel struct {
	// TypeWeights: @cost on an object, scalar, enum or input type.
	TypeWeights map[string]int
	// FieldWeights: @cost on a field or input field, key "Type.field".
	FieldWeights map[string]int
	// ArgumentWeights: @cost on an argument, key "Type.field(arg:)".
	ArgumentWeights map[string]int
	// ListSizes: @listSize on a field, key "Type.field".
	ListSizes map[string]ListSize
}

// ListSize tells the cost estimate how many items a list field returns.
type ListSize struct {
	// AssumedSize is used when no slicing argument bounds the list (0: unset).
	AssumedSize int
	// SlicingArguments bound the size ("first", "last").
	SlicingArguments []string
	// SizedFields are the fields of the returned object whose lists the
	// slicing arguments bound (connections: "edges", "nodes").
	SizedFields []string
	// RequireOneSlicingArgument: exactly one slicing argument must be given
	// (the spec's default is true).
	RequireOneSlicingArgument bool
}

func costs(types []*ast.Definition, n specNames) CostModel {
	c := CostModel{TypeWeights: map[string]int{}, FieldWeights: map[string]int{}, ArgumentWeights: map[string]int{}, ListSizes: map[string]ListSize{}}
	weight := func(list ast.DirectiveList) (int, bool) {
		d := list.ForName(n["cost"])
		if d == nil {
			return 0, false
		}
		w, err := strconv.Atoi(arg(d, "weight"))
		return w, err == nil
	}
	for _, d := range types {
		if isSpecType(d.Name) {
			continue
		}
		if w, ok := weight(d.Directives); ok {
			c.TypeWeights[d.Name] = w
		}
		for _, f := range d.Fields {
			coord := d.Name + "." + f.Name
			if w, ok := weight(f.Directives); ok {
				c.FieldWeights[coord] = w
			}
			for _, a := range f.Arguments {
				if w, ok := weight(a.Directives); ok {
					c.ArgumentWeights[coord+"("+a.Name+":)"] = w
				}
			}
			if ls := f.Directives.ForName(n["listSize"]); ls != nil {
				size := ListSize{RequireOneSlicingArgument: true}
				size.AssumedSize, _ = strconv.Atoi(arg(ls, "assumedSize"))
				size.SlicingArguments = stringList(ls, "slicingArguments")
				size.SizedFields = stringList(ls, "sizedFields")
				if a := ls.Arguments.ForName("requireOneSlicingArgument"); a != nil && a.Value != nil {
					size.RequireOneSlicingArgument = a.Value.Raw == "true"
				}
				c.ListSizes[coord] = size
			}
		}
	}
	return c
}

// stringList reads a [String!] argument.
func stringList(d *ast.Directive, name string) []string {
	a := d.Arguments.ForName(name)
	if a == nil || a.Value == nil {
		return nil
	}
	var out []string
	for _, c := range a.Value.Children {
		out = append(out, c.Value.Raw)
	}
	return out
}
