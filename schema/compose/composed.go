package compose

import (
	"sort"
	"strings"

	"github.com/vektah/gqlparser/v2/ast"
)

// composedDirective is a custom directive a subgraph asks, through
// @composeDirective(name:), to keep in the supergraph: its definition, its
// applications (carried like the authorization directives, see carry) and
// the @link that imports it, all as Apollo's composition keeps them.
type composedDirective struct {
	def  *ast.DirectiveDefinition
	link *ast.Directive // the non-federation @link importing it, or nil
}

// readComposed records the directives this subgraph composes. A
// @composeDirective naming a directive the SDL does not define fails
// with DIRECTIVE_COMPOSITION_ERROR.
func (p *parsed) readComposed(doc *ast.SchemaDocument) error {
	schemas := append(append(ast.SchemaDefinitionList{}, doc.Schema...), doc.SchemaExtension...)
	for _, sd := range schemas {
		for _, d := range sd.Directives {
			if p.canonical[d.Name] != "composeDirective" {
				continue
			}
			name := strings.TrimPrefix(argString(d, "name"), "@")
			def := doc.Directives.ForName(name)
			if def == nil {
				return &Error{Rule: "DIRECTIVE_COMPOSITION_ERROR", Subgraphs: []string{p.Name}, Message: "@composeDirective(name: \"@" + name + "\") names a directive the subgraph does not define"}
			}
			cd := &composedDirective{def: def}
			for _, sd := range schemas {
				for _, l := range sd.Directives {
					if l.Name == "link" && linkImports(l, name) {
						cd.link = l
					}
				}
			}
			p.composed[name] = cd
		}
	}
	return nil
}

func linkImports(link *ast.Directive, name string) bool {
	imp := link.Arguments.ForName("import")
	if imp == nil || imp.Value == nil {
		return false
	}
	for _, c := range imp.Value.Children {
		if strings.TrimPrefix(c.Value.Raw, "@") == name {
			return true
		}
	}
	return false
}

// composedDirectives returns every subgraph's composed directives by name;
// the first subgraph defining one supplies its definition and link.
func (m *merger) composedDirectives() (names []string, byName map[string]*composedDirective) {
	byName = map[string]*composedDirective{}
	for _, p := range m.graphs {
		for name, cd := range p.composed {
			if byName[name] == nil {
				byName[name] = cd
				names = append(names, name)
			}
		}
	}
	sort.Strings(names)
	return names, byName
}

// composedLinks prints the @link of each composed directive, once per URL.
func (m *merger) composedLinks() string {
	var b strings.Builder
	seen := map[string]bool{}
	names, byName := m.composedDirectives()
	for _, n := range names {
		if l := byName[n].link; l != nil && !seen[argString(l, "url")] {
			seen[argString(l, "url")] = true
			b.WriteString("  " + directiveString(l) + "\n")
		}
	}
	return b.String()
}

// composedDefinitions prints the definition of each composed directive.
func (m *merger) composedDefinitions() string {
	var b strings.Builder
	names, byName := m.composedDirectives()
	for _, n := range names {
		def := byName[n].def
		b.WriteString("directive @" + def.Name)
		if len(def.Arguments) > 0 {
			args := make([]string, len(def.Arguments))
			for i, a := range def.Arguments {
				args[i] = a.Name + ": " + a.Type.String()
				if a.DefaultValue != nil {
					args[i] += " = " + a.DefaultValue.String()
				}
			}
			b.WriteString("(" + strings.Join(args, ", ") + ")")
		}
		if def.IsRepeatable {
			b.WriteString(" repeatable")
		}
		locs := make([]string, len(def.Locations))
		for i, l := range def.Locations {
			locs[i] = string(l)
		}
		b.WriteString(" on " + strings.Join(locs, " | ") + "\n\n")
	}
	return b.String()
}
