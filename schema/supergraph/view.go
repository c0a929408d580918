package supergraph

import (
	"strings"

	"github.com/vektah/gqlparser/v2/ast"
)

type graphInfo struct{ enum, name, url string }

// view indexes the join directives of a supergraph by graph.
type view struct {
	doc    *ast.SchemaDocument
	roots  map[string]string
	graphs []graphInfo
	types  []*ast.Definition // merged definitions and extensions, document order
	// implementers maps an interface to its implementing object types.
	implementers map[string][]string
	opts         Options
	byName       map[string]*ast.Definition // built by definition
}

func newView(doc *ast.SchemaDocument, roots map[string]string, opts Options) *view {
	v := &view{doc: doc, roots: roots, implementers: map[string][]string{}, opts: opts}
	byName := map[string]*ast.Definition{}
	for _, d := range append(append(ast.DefinitionList{}, doc.Definitions...), doc.Extensions...) {
		if cur, ok := byName[d.Name]; ok {
			cur.Fields = append(cur.Fields, d.Fields...)
			cur.Directives = append(cur.Directives, d.Directives...)
			cur.Interfaces = append(cur.Interfaces, d.Interfaces...)
			cur.Types = append(cur.Types, d.Types...)
			cur.EnumValues = append(cur.EnumValues, d.EnumValues...)
			continue
		}
		cp := *d
		byName[d.Name] = &cp
		v.types = append(v.types, &cp)
	}
	if g := byName["join__Graph"]; g != nil {
		for _, ev := range g.EnumValues {
			jg := ev.Directives.ForName("join__graph")
			if jg == nil {
				continue
			}
			v.graphs = append(v.graphs, graphInfo{enum: ev.Name, name: arg(jg, "name"), url: arg(jg, "url")})
		}
	}
	for _, d := range v.types {
		if d.Kind == ast.Object {
			for _, i := range d.Interfaces {
				v.implementers[i] = append(v.implementers[i], d.Name)
			}
		}
	}
	return v
}

// typeIn is a type's presence in one graph.
type typeIn struct {
	keys            []FieldSet
	interfaceObject bool
	// extension is true when the graph extends the type (extend type or
	// @extends): Federation 1 marks the key fields of an extension
	// @external although the subgraph resolves them.
	extension bool
}

// typeIn returns how graph g sees type d, or nil when g does not define it.
// A type without any @join__type belongs to every graph.
func (v *view) typeIn(d *ast.Definition, g string) *typeIn {
	jts := d.Directives.ForNames("join__type")
	if len(jts) == 0 {
		return &typeIn{}
	}
	var in *typeIn
	for _, jt := range jts {
		if arg(jt, "graph") != g {
			continue
		}
		if in == nil {
			in = &typeIn{}
		}
		if argBool(jt, "isInterfaceObject") {
			in.interfaceObject = true
		}
		if argBool(jt, "extension") {
			in.extension = true
		}
		if k := arg(jt, "key"); k != "" {
			resolvable := true
			if a := jt.Arguments.ForName("resolvable"); a != nil && a.Value.Raw == "false" {
				resolvable = false
			}
			in.keys = append(in.keys, FieldSet{TypeName: d.Name, SelectionSet: k, Resolvable: resolvable})
		}
	}
	return in
}

// fieldIn is a field's presence in one graph.
type fieldIn struct {
	external           bool
	requires, provides string
	typ                string // the subgraph's own type when it differs
}

// fieldIn returns how graph g sees field f of a type g defines, or nil.
func (v *view) fieldIn(f *ast.FieldDefinition, g string) *fieldIn {
	jfs := f.Directives.ForNames("join__field")
	if len(jfs) == 0 {
		return &fieldIn{}
	}
	for _, jf := range jfs {
		if arg(jf, "graph") != g {
			continue
		}
		external := argBool(jf, "external") || argBool(jf, "usedOverridden")
		if label := arg(jf, "overrideLabel"); label != "" && v.opts.overriddenAway(arg(jf, "override") != "", label) {
			external = true
		}
		return &fieldIn{
			external: external,
			requires: arg(jf, "requires"),
			provides: arg(jf, "provides"),
			typ:      arg(jf, "type"),
		}
	}
	return nil
}

// interfacesIn returns the interfaces type d implements in graph g.
func (v *view) interfacesIn(d *ast.Definition, g string) []string {
	jis := d.Directives.ForNames("join__implements")
	if len(jis) == 0 {
		return d.Interfaces
	}
	var out []string
	for _, ji := range jis {
		if arg(ji, "graph") == g {
			out = append(out, arg(ji, "interface"))
		}
	}
	return out
}

// membersIn returns the members of union d in graph g.
func (v *view) membersIn(d *ast.Definition, g string) []string {
	jus := d.Directives.ForNames("join__unionMember")
	if len(jus) == 0 {
		return d.Types
	}
	var out []string
	for _, ju := range jus {
		if arg(ju, "graph") == g {
			out = append(out, arg(ju, "member"))
		}
	}
	return out
}

// valueIn reports whether enum value ev exists in graph g.
func (v *view) valueIn(ev *ast.EnumValueDefinition, g string) bool {
	jes := ev.Directives.ForNames("join__enumValue")
	if len(jes) == 0 {
		return true
	}
	for _, je := range jes {
		if arg(je, "graph") == g {
			return true
		}
	}
	return false
}

func (v *view) isRoot(name string) bool {
	for _, r := range v.roots {
		if r == name {
			return true
		}
	}
	return false
}

func arg(d *ast.Directive, name string) string {
	a := d.Arguments.ForName(name)
	if a == nil || a.Value == nil {
		return ""
	}
	return a.Value.Raw
}

func argBool(d *ast.Directive, name string) bool {
	return strings.EqualFold(arg(d, name), "true")
}
