package gateway

import (
	"encoding/json"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/wundergraph/graphql-go-tools/v2/pkg/engine/plan"
	"github.com/wundergraph/graphql-go-tools/v2/pkg/engine/resolve"

	"github.com/nexus-commerce/nexus/router/internal/limits"
	"github.com/nexus-commerce/nexus/schema/supergraph"
)

// Principal is who a request acts for, as the router verified it: nil for
// anonymous requests.
type Principal struct {
	Subject string
	Scopes  []string
	// Expires is when the caller's token stops being valid (zero: it does
	// not say). Subscriptions end then: they run long after the request
	// that authenticated them.
	Expires time.Time
}

func (p *Principal) hasAll(scopes []string) bool {
	for _, s := range scopes {
		if !slices.Contains(p.Scopes, s) {
			return false
		}
	}
	return true
}

// rules maps "Type.field" to its authorisation requirement.
type rules map[string]supergraph.FieldAuthorization

func newRules(in []supergraph.FieldAuthorization) rules {
	r := make(rules, len(in))
	for _, fa := range in {
		r[fa.TypeName+"."+fa.FieldName] = fa
	}
	return r
}

// withAuthorization marks every protected field so the planner asks the
// authorizer for it, merging into existing field configurations (the
// planner uses the first configuration it finds for a field).
func withAuthorization(fields plan.FieldConfigurations, in []supergraph.FieldAuthorization) plan.FieldConfigurations {
	idx := map[string]int{}
	for i, f := range fields {
		idx[f.TypeName+"."+f.FieldName] = i
	}
	for _, fa := range in {
		if i, ok := idx[fa.TypeName+"."+fa.FieldName]; ok {
			fields[i].HasAuthorizationRule = true
			continue
		}
		idx[fa.TypeName+"."+fa.FieldName] = len(fields)
		fields = append(fields, plan.FieldConfiguration{TypeName: fa.TypeName, FieldName: fa.FieldName, HasAuthorizationRule: true})
	}
	return fields
}

// authorizer decides @authenticated / @requiresScopes / @policy per field
// for one request. A denied field becomes null with an error at its path
// (the resolver propagates the null per the spec); a denied root field of
// a mutation is never sent to its subgraph.
type authorizer struct {
	rules rules
	who   *Principal
	// mutation: denied root fields are refused before their fetch (a
	// mutation must not run at all); for queries the fetch runs and the
	// denied fields are dropped from its result, keeping their siblings.
	mutation bool
}

// deny explains why the principal may not read the field, or "" if it may.
func (a *authorizer) deny(c resolve.GraphCoordinate) string {
	rule, ok := a.rules[c.TypeName+"."+c.FieldName]
	if !ok {
		return ""
	}
	if a.who == nil && (rule.Authenticated || len(rule.Scopes) > 0 || len(rule.Policies) > 0) {
		return "not authenticated"
	}
	if len(rule.Scopes) > 0 {
		ok := false
		for _, set := range rule.Scopes {
			if a.who.hasAll(set) {
				ok = true
				break
			}
		}
		if !ok {
			alts := make([]string, len(rule.Scopes))
			for i, set := range rule.Scopes {
				alts[i] = strings.Join(set, " and ")
			}
			return "requires scopes " + strings.Join(alts, " or ")
		}
	}
	// @policy needs a policy engine the router does not have yet; a field
	// behind a policy is refused (failing closed) rather than served.
	if len(rule.Policies) > 0 {
		return "policy not satisfied"
	}
	return ""
}

func (a *authorizer) AuthorizePreFetch(_ *resolve.Context, _ string, _ json.RawMessage, c resolve.GraphCoordinate) (*resolve.AuthorizationDeny, error) {
	if !a.mutation {
		return nil, nil
	}
	if reason := a.deny(c); reason != "" {
		return &resolve.AuthorizationDeny{Reason: reason}, nil
	}
	return nil, nil
}

func (a *authorizer) AuthorizeObjectField(_ *resolve.Context, _ string, _ json.RawMessage, c resolve.GraphCoordinate) (*resolve.AuthorizationDeny, error) {
	if reason := a.deny(c); reason != "" {
		return &resolve.AuthorizationDeny{Reason: reason}, nil
	}
	return nil, nil
}

func (a *authorizer) HasResponseExtensionData(*resolve.Context) bool            { return false }
func (a *authorizer) RenderResponseExtension(*resolve.Context, io.Writer) error { return nil }

// costModel converts the supergraph's @cost/@listSize model for the limits package.
func costModel(c supergraph.CostModel) *limits.CostModel {
	m := &limits.CostModel{TypeWeights: c.TypeWeights, FieldWeights: c.FieldWeights, ArgumentWeights: c.ArgumentWeights,
		ListSizes: map[string]limits.ListSize{}}
	for k, ls := range c.ListSizes {
		m.ListSizes[k] = limits.ListSize{AssumedSize: ls.AssumedSize, SlicingArguments: ls.SlicingArguments,
			SizedFields: ls.SizedFields, RequireOneSlicingArgument: ls.RequireOneSlicingArgument}
	}
	return m
}
