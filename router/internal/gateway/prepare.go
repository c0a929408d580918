package gateway

import (
	"bytes"
	"context"
	"errors"
	"time"

	"github.com/cespare/xxhash/v2"
	lru "github.com/hashicorp/golang-lru/v2"
	"github.com/wundergraph/graphql-go-tools/execution/graphql"
	"github.com/wundergraph/graphql-go-tools/v2/pkg/ast"
	"github.com/wundergraph/graphql-go-tools/v2/pkg/astnormalization"
	"github.com/wundergraph/graphql-go-tools/v2/pkg/astprinter"
	"github.com/wundergraph/graphql-go-tools/v2/pkg/astvalidation"
	"github.com/wundergraph/graphql-go-tools/v2/pkg/engine/plan"
	"github.com/wundergraph/graphql-go-tools/v2/pkg/engine/postprocess"
	"github.com/wundergraph/graphql-go-tools/v2/pkg/operationreport"
	"github.com/wundergraph/graphql-go-tools/v2/pkg/variablesvalidation"

	"github.com/nexus-commerce/nexus/router/internal/limits"
	"github.com/nexus-commerce/nexus/router/internal/metrics"
	"github.com/nexus-commerce/nexus/router/internal/recovery"
)

// maxCachedVariables is the largest variables document whose prepared
// operation is cached by request text; larger ones are prepared each time
// (their plan is still cached), so the cache cannot be filled with big blobs.
const maxCachedVariables = 2048

// prepared is everything execution needs that is a pure function of the
// request text (query, operation name, variables) and the supergraph:
// the plan, the variables after normalisation (defaults applied, inline
// literals extracted) and the variable renaming the planner used.
type prepared struct {
	// query, opName and rawVars are the request text this entry was
	// prepared from: a cache hit compares them, so a (crafted) hash
	// collision can never hand one request another's plan.
	query, opName string
	rawVars       []byte
	// gw is the gateway that prepared it (plans belong to one supergraph).
	gw *Gateway

	opType graphql.OperationType
	// doc is the normalised operation; fixErrors maps error paths to
	// locations in the client's document through it (read-only).
	doc  *ast.Document
	plan plan.Plan
	// id identifies the normalised operation (the plan cache key) and
	// varsHash the final variables: with the forwarded headers they key
	// the inbound single-flight, so only identical requests share a response.
	id, varsHash uint64
	variables    []byte
	remap        map[string]string
	// introspection is true when the operation selects __schema or __type.
	introspection bool
	// live is true for a live-only subscription (liveOnly, or a
	// @resumable field given no cursor): identical clients may share it
	// however late they come.
	live bool
	// resume is set for a subscription to a @resumable field: how its
	// group finds each event's cursor and subscribes again from one.
	resume *resumable
	// unplanned are the root fields of a query the planner could not
	// plan while it planned the others (partialPlan); rootKeys the
	// response keys of every root field, in order, to put them back.
	unplanned []unplanned
	rootKeys  []string
	// err is a cached refusal (syntax, validation, variables): the same
	// text is refused again without parsing it.
	err *RequestError
	// retryAt is set on a refusal that came from a recovered panic: it is
	// served from the cache only until then, so one document that panics
	// costs one stack trace per panicRetry in the logs, not one per request,
	// while a panic from a transient cause is retried soon.
	retryAt time.Time
}

// panicRetry is how long a panic's refusal is cached.
const panicRetry = 10 * time.Second

// caches holds the two bounded caches: prepared operations by request text
// (a hit skips parsing, normalisation, validation and planning) and plans by
// normalised operation (so requests that differ only in variable values or
// literals share one plan).
type caches struct {
	ops   *lru.Cache[uint64, *prepared]
	plans *lru.Cache[uint64, cachedPlan]
	m     *metrics.Metrics
}

func newCaches(size int, m *metrics.Metrics) *caches {
	c := &caches{m: m}
	c.ops, _ = lru.NewWithEvict[uint64, *prepared](size, func(uint64, *prepared) { c.evicted("operation") })
	c.plans, _ = lru.NewWithEvict[uint64, cachedPlan](size, func(uint64, cachedPlan) { c.evicted("plan") })
	return c
}

func (c *caches) evicted(cache string) {
	if c.m != nil {
		c.m.PlanCacheEvictions.WithLabelValues(cache).Inc()
	}
}

func (c *caches) lookup(cache string, hit bool) {
	if c.m == nil {
		return
	}
	result := "miss"
	if hit {
		result = "hit"
	}
	c.m.PlanCache.WithLabelValues(cache, result).Inc()
	switch cache {
	case "operation":
		c.m.PlanCacheSize.WithLabelValues(cache).Set(float64(c.ops.Len()))
	case "plan":
		c.m.PlanCacheSize.WithLabelValues(cache).Set(float64(c.plans.Len()))
	}
}

// cachedPlan keeps the printed operation next to its plan so a hit is
// checked against the operation, not only its hash.
type cachedPlan struct {
	printed string
	plan    plan.Plan
}

// requestKey hashes the request text. The separators keep ("ab","c") and
// ("a","bc") apart.
func requestKey(query, opName string, variables []byte) uint64 {
	d := xxhash.New()
	_, _ = d.WriteString(opName)
	_, _ = d.Write([]byte{0})
	_, _ = d.WriteString(query)
	_, _ = d.Write([]byte{0})
	_, _ = d.Write(variables)
	return d.Sum64()
}

// prepare returns the prepared operation for a request, from the cache
// when the same text was prepared before. It stops between stages when ctx
// ends (ErrTimeout, not cached); every stage is bounded by the limits
// checked before it.
func (g *Gateway) prepare(ctx context.Context, query, opName string, variables []byte) *prepared {
	variables = bytes.TrimSpace(variables)
	if bytes.Equal(variables, []byte("null")) {
		variables = nil
	}
	cacheable := len(variables) <= maxCachedVariables
	var key uint64
	if cacheable {
		key = requestKey(query, opName, variables)
		if p, ok := g.cache.ops.Get(key); ok && p.query == query && p.opName == opName && bytes.Equal(p.rawVars, variables) &&
			(p.retryAt.IsZero() || time.Now().Before(p.retryAt)) {
			g.cache.lookup("operation", true)
			return p
		}
		g.cache.lookup("operation", false)
	}
	p := g.prepareGuarded(ctx, query, opName, variables)
	if p.err == ErrTimeout {
		return p // the request's deadline, not the text: never cached
	}
	p.query, p.opName, p.rawVars, p.gw = query, opName, append([]byte(nil), variables...), g
	if cacheable {
		g.cache.ops.Add(key, p)
	}
	return p
}

// errPrepareFailed is what a client sees of a panic while preparing.
var errPrepareFailed = &RequestError{Err: recovery.ErrPanic, Code: "INTERNAL_SERVER_ERROR"}

// prepareGuarded runs prepareUncached, turning a panic in the engine's
// parser, normaliser, validator or planner into INTERNAL_SERVER_ERROR for
// this request alone (logged with the request id and counted).
func (g *Gateway) prepareGuarded(ctx context.Context, query, opName string, variables []byte) (p *prepared) {
	defer recovery.Guard(g.opts.Log, g.opts.Metrics, recovery.KindPrepare, RequestID(ctx), func(error) {
		p = &prepared{err: errPrepareFailed, retryAt: time.Now().Add(panicRetry)}
	})
	return g.prepareUncached(ctx, query, opName, variables)
}

// prepareUncached runs the pipeline: count tokens, parse, check the parsed
// document (limits measured as if fragments were inlined, then precheck),
// normalise (fragments inlined, unused variables dropped), validate
// against the client schema, extract literals into variables, rename
// variables canonically, validate the variables, then plan (from the plan
// cache when the normalised operation was planned before) and
// post-process. Nothing is expanded before the limits have bounded what
// expansion produces (limits.max_fields); ctx is checked between stages.
func (g *Gateway) prepareUncached(ctx context.Context, query, opName string, variables []byte) *prepared {
	refuse := func(err error, code string) *prepared {
		return &prepared{err: &RequestError{Err: err, Code: code}}
	}
	if err := limits.CheckTokens([]byte(query), g.opts.Limits.MaxTokens); err != nil {
		return refuse(err, limitCode(err))
	}
	if err := checkVariables(variables); err != nil {
		var re *RequestError
		errors.As(err, &re)
		return &prepared{err: re}
	}
	if ctx.Err() != nil {
		return &prepared{err: ErrTimeout}
	}
	req := &graphql.Request{Query: query, OperationName: opName, Variables: variables}
	// The operation type is known before validation so that a GET carrying
	// a mutation is refused as such even when the schema has no mutations.
	opType, err := req.OperationType()
	if err != nil {
		return refuse(err, "GRAPHQL_PARSE_FAILED")
	}
	refuse = func(err error, code string) *prepared {
		return &prepared{opType: opType, err: &RequestError{Err: err, Code: code}}
	}
	// Limits first: they are linear in the document and bound everything
	// after them; then the checks the engine must not meet unchecked.
	if err := limits.Check(req.Document(), g.schema.Document(), opName, req.Variables, g.opts.Limits, g.opts.Cost); err != nil {
		code := limitCode(err)
		if code == limits.CodeOperation {
			code = "GRAPHQL_VALIDATION_FAILED" // as the engine reports it
		}
		return refuse(err, code)
	}
	if err := precheck(req.Document(), g.schema.Document()); err != nil {
		return refuse(err, "GRAPHQL_VALIDATION_FAILED")
	}
	if opName == "" && len(req.Document().OperationDefinitions) > 1 {
		// GetOperation (GraphQL spec 6.1): the planner would be the first
		// to notice, and its refusals are the router's failures.
		return refuse(errors.New("operation name is required when providing multiple operations"), "GRAPHQL_VALIDATION_FAILED")
	}
	if ctx.Err() != nil {
		return &prepared{err: ErrTimeout}
	}
	res, err := req.Normalize(g.schema,
		astnormalization.WithRemoveFragmentDefinitions(),
		astnormalization.WithRemoveUnusedVariables(),
		astnormalization.WithInlineFragmentSpreads(),
		astnormalization.WithPrevalidationRules(astvalidation.DirectivesAreInValidLocations()),
	)
	// The text parsed (OperationType above), so what normalisation
	// refuses is a validation problem (unknown operation type or name,
	// misplaced directives).
	if err != nil {
		return refuse(err, "GRAPHQL_VALIDATION_FAILED")
	}
	if !res.Successful {
		return refuse(res.Errors, codeOf(res.Errors, "GRAPHQL_VALIDATION_FAILED"))
	}
	if ctx.Err() != nil {
		return &prepared{err: ErrTimeout}
	}
	vres, err := req.ValidateForSchema(g.schema)
	if err != nil {
		return refuse(err, "GRAPHQL_VALIDATION_FAILED")
	}
	if !vres.Valid {
		return refuse(vres.Errors, "GRAPHQL_VALIDATION_FAILED")
	}
	if err := checkNumbers(req.Document(), g.schema.Document(), opName, req.Variables); err != nil {
		return refuse(err.(*RequestError).Err, "BAD_USER_INPUT")
	}
	res, err = req.Normalize(g.schema, astnormalization.WithExtractVariables())
	if err != nil {
		return refuse(err, "GRAPHQL_VALIDATION_FAILED")
	}
	if !res.Successful {
		return refuse(res.Errors, "GRAPHQL_VALIDATION_FAILED")
	}
	if ctx.Err() != nil {
		return &prepared{err: ErrTimeout}
	}
	doc := req.Document()
	var report operationreport.Report
	remap := astnormalization.NewVariablesMapper().NormalizeOperation(doc, g.schema.Document(), &report)
	if report.HasErrors() {
		return refuse(report, "GRAPHQL_VALIDATION_FAILED")
	}
	if len(req.Variables) > 0 && req.Variables[0] == '{' {
		v := variablesvalidation.NewVariablesValidator(variablesvalidation.VariablesValidatorOptions{})
		if err := v.ValidateWithRemap(doc, g.schema.Document(), req.Variables, remap); err != nil {
			return refuse(err, "BAD_USER_INPUT")
		}
	}
	if ctx.Err() != nil {
		return &prepared{err: ErrTimeout}
	}
	var resume *resumable
	live := false
	if opType == graphql.OperationTypeSubscription {
		// Before planning: it may select the cursor field for the router.
		if resume, live, err = prepareResumable(doc, g.schema.Document(), opName, req.Variables, remap, g.sg.Resumable); err != nil {
			return refuse(err, "INTERNAL_SERVER_ERROR")
		}
		if resume == nil {
			live = liveOnly(doc, g.schema.Document(), opName)
		}
	}
	p, id, text, err := g.planForText(doc, opName)
	var rootKeys []string
	var failed []unplanned
	if err != nil {
		// The operation validated: what the planner cannot plan is ours.
		// A query whose other root fields plan still answers them, with
		// the failing ones null and an error each.
		pp, pid, keys, f, ok := g.partialPlan(text, opName)
		if !ok {
			return &prepared{opType: opType, err: g.planFailed(err)}
		}
		p, id, rootKeys, failed = pp, pid, keys, f
	}
	return &prepared{
		rootKeys:      rootKeys,
		unplanned:     failed,
		opType:        opType,
		doc:           doc,
		plan:          p,
		id:            id,
		varsHash:      xxhash.Sum64(req.Variables),
		variables:     append([]byte(nil), req.Variables...),
		remap:         remap,
		introspection: selectsIntrospection(doc),
		live:          live,
		resume:        resume,
	}
}

// planFor returns the plan of a normalised operation, planning it on a miss.
func (g *Gateway) planFor(doc *ast.Document, opName string) (plan.Plan, uint64, error) {
	p, id, _, err := g.planForText(doc, opName)
	return p, id, err
}

// planForText is planFor also returning, on a planning failure, the
// operation's text as it was before the planner changed the document.
func (g *Gateway) planForText(doc *ast.Document, opName string) (plan.Plan, uint64, []byte, error) {
	var printed bytes.Buffer
	printed.WriteString(opName)
	printed.WriteByte(0)
	if err := astprinter.Print(doc, &printed); err != nil {
		return nil, 0, nil, err
	}
	key := xxhash.Sum64(printed.Bytes())
	if p, ok := g.cache.plans.Get(key); ok && p.printed == printed.String() {
		g.cache.lookup("plan", true)
		return p.plan, key, nil, nil
	}
	g.cache.lookup("plan", false)
	planner, err := plan.NewPlanner(g.planCfg)
	if err != nil {
		return nil, 0, nil, err
	}
	var report operationreport.Report
	// The fetches keep their subgraph query text so a requested query plan
	// (X-Nexus-Query-Plan) can show it; it costs memory once per cached plan.
	p := planner.Plan(doc, g.engine.Document(), opName, &report, plan.IncludeQueryPlanInResponse())
	if report.HasErrors() {
		return nil, 0, printed.Bytes()[len(opName)+1:], report
	}
	postprocess.NewProcessor().Process(p)
	g.cache.plans.Add(key, cachedPlan{printed: printed.String(), plan: p})
	return p, key, nil, nil
}

// selectsIntrospection reports whether a validated operation selects
// __schema or __type. Validation guarantees such fields can only be the
// introspection root fields: no schema type may define a field named "__…".
func selectsIntrospection(doc *ast.Document) bool {
	for i := range doc.Fields {
		switch doc.FieldNameString(i) {
		case "__schema", "__type":
			return true
		}
	}
	return false
}

// limitCode is the code of a limits refusal.
func limitCode(err error) string {
	var le *limits.Error
	if errors.As(err, &le) {
		return le.Code
	}
	return "GRAPHQL_VALIDATION_FAILED"
}

// codeOf keeps a code the error already carries, else def.
func codeOf(err error, def string) string {
	var r operationreport.Report
	if errors.As(err, &r) && len(r.InternalErrors) > 0 {
		return "INTERNAL_SERVER_ERROR"
	}
	return def
}
