package gateway

// ForgetDataSources leaves g's planner with no data source, so every
// operation that validates fails to plan: the planner's own failure,
// which no valid supergraph is known to produce (issue 11 fixes the ones
// that did).
func ForgetDataSources(g *Gateway) { g.planCfg.DataSources = nil }
