package auth

import (
	"fmt"

	"go.yaml.in/yaml/v3"
)

// Audiences are the aud values the router accepts. In YAML it is one
// string (audience: nexus) or a list (audience: [nexus, nexus-admin]), as
// identity providers document either.
type Audiences []string

// UnmarshalYAML accepts a scalar or a sequence of scalars.
func (a *Audiences) UnmarshalYAML(n *yaml.Node) error {
	switch n.Kind {
	case yaml.ScalarNode:
		var s string
		if err := n.Decode(&s); err != nil {
			return err
		}
		if s == "" {
			*a = nil
			return nil
		}
		*a = Audiences{s}
		return nil
	case yaml.SequenceNode:
		var l []string
		if err := n.Decode(&l); err != nil {
			return err
		}
		*a = l
		return nil
	}
	return fmt.Errorf("line %d: audience must be a string or a list of strings", n.Line)
}
