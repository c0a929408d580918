package gateway

import "errors"

// QueryPlanScope is the scope a caller needs to see query plans when they
// are restricted (Options.RestrictQueryPlans).
const QueryPlanScope = "admin"

// ErrQueryPlanForbidden refuses a query plan to a caller without
// QueryPlanScope: a plan names the subgraphs and the queries the router
// sends them, which outsiders have no business seeing in production.
var ErrQueryPlanForbidden = &RequestError{
	Err:  errors.New("query plans (X-Nexus-Query-Plan) are available in development mode, or in production to callers with the " + QueryPlanScope + " scope"),
	Code: "FORBIDDEN",
}

// QueryPlanAllowed says whether the caller p (nil: anonymous) may ask for
// a query plan: anyone unless Options.RestrictQueryPlans, else only a
// caller with QueryPlanScope. The refusal is ErrQueryPlanForbidden.
func (g *Gateway) QueryPlanAllowed(p *Principal) error {
	if !g.opts.RestrictQueryPlans || (p != nil && p.hasAll([]string{QueryPlanScope})) {
		return nil
	}
	return ErrQueryPlanForbidden
}
