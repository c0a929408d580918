package supergraph

import (
	"strconv"
	"strings"
)

// Options tune how Parse turns a supergraph into planner metadata.
type Options struct {
	// OverrideLabels are the progressive-override labels the router enables
	// (@override(label: "beta") in a subgraph, @join__field(overrideLabel:)
	// in the supergraph). A labelled field belongs to exactly one subgraph:
	// the overriding one while its label is enabled, the overridden one
	// otherwise; the other subgraph keeps it as @external, so keys and
	// @requires that mention it still plan.
	//
	// "percent(100)" is always enabled. Any other "percent(N)" is enabled
	// only when listed here verbatim: Apollo flips a coin per request, but
	// planner metadata is fixed per supergraph and plans are cached, so a
	// per-request choice would need one plan per outcome. Resolving from the
	// overridden subgraph until the rollout reaches 100 (or the label is
	// enabled) is the deterministic reading: nothing moves before it is
	// meant to for everyone. Default: none enabled.
	OverrideLabels []string
}

// overrideEnabled reports whether a progressive-override label is on.
func (o Options) overrideEnabled(label string) bool {
	for _, l := range o.OverrideLabels {
		if l == label {
			return true
		}
	}
	if n, ok := strings.CutPrefix(label, "percent("); ok {
		if n, ok := strings.CutSuffix(n, ")"); ok {
			if f, err := strconv.ParseFloat(strings.TrimSpace(n), 64); err == nil && f >= 100 {
				return true
			}
		}
	}
	return false
}

// overriddenAway reports whether a @join__field with overrideLabel leaves
// its graph without the field under the label's current state: the target
// (with override:) loses it while the label is off, the source (without
// override:) while it is on.
func (o Options) overriddenAway(isTarget bool, label string) bool {
	return o.overrideEnabled(label) != isTarget
}
