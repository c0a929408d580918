package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/nexus-commerce/nexus/router/internal/browsertest"
	"github.com/nexus-commerce/nexus/router/internal/testenv"
)

// TestGraphiQLInChromium opens the router's GraphiQL in headless Chromium,
// runs the default products query through the real router and subgraph,
// and proves no request left the machine.
func TestGraphiQLInChromium(t *testing.T) {
	browsertest.Chromium(t)
	testenv.Run(t, func(t *testing.T, env *testenv.Env) {
		var result string
		v := browsertest.Open(t, env.RouterURL, ".graphiql-container",
			chromedp.WaitVisible(".graphiql-execute-button", chromedp.ByQuery),
			chromedp.Click(".graphiql-execute-button", chromedp.ByQuery),
			chromedp.Poll(`(document.querySelector('.graphiql-response') || {innerText: ''}).innerText.includes('totalCount')`, nil),
			chromedp.Text(".graphiql-response", &result, chromedp.ByQuery),
		)
		if !strings.Contains(result, "totalCount") || !strings.Contains(result, "currency") {
			t.Fatalf("result pane = %q", result)
		}
		browsertest.AssertLocalOnly(t, v)
		sawAssets := false
		for _, r := range v.Requests {
			if strings.Contains(r, "/graphiql/assets/graphiql.js") {
				sawAssets = true
			}
		}
		if !sawAssets {
			t.Fatalf("GraphiQL bundle was not loaded from the router: %v", v.Requests)
		}
		if dir := os.Getenv("NEXUS_SCREENSHOT_DIR"); dir != "" {
			_ = os.WriteFile(filepath.Join(dir, "graphiql.png"), v.Screenshot, 0o644)
		}
		for _, c := range v.Console {
			if strings.HasPrefix(c, "exception") {
				t.Errorf("page error: %s", c)
			}
		}
	})
}

// spanning needs the product subgraph for products and the reviews subgraph
// for reviewSummary, so its plan holds a root fetch and an entity fetch.
const spanning = `query Spanning { products(first: 2) { edges { node { id name reviewSummary { headline } } } } }`

// pageProbe runs before any of the page's scripts: it records Content
// Security Policy violations and the query plan requests the page makes
// (with their headers), without changing what the page does.
const pageProbe = `(() => {
  window.__csp = [];
  document.addEventListener('securitypolicyviolation', e =>
    window.__csp.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber));
  window.__plans = [];
  const fetch = window.fetch;
  window.fetch = function (url, init) {
    const h = Object.fromEntries(new Headers((init && init.headers) || {}));
    if ('x-nexus-query-plan' in h) window.__plans.push(h);
    return fetch.apply(this, arguments);
  };
})()`

// renderFixture renders a plan with every field the view knows into a
// detached element and returns its text and its <pre> blocks.
const renderFixture = `(() => {
  const plan = {version: "1", kind: "Sequence", children: [
    {kind: "Single", fetch: {kind: "Single", subgraphName: "product", fetchId: 0, query: "{ products { id } }"}},
    {kind: "Parallel", children: [
      {kind: "Single", fetch: {kind: "MultiEntity", path: "products.@", subgraphName: "reviews", fetchId: 3,
        dependsOnFetchIds: [0], mergedFetchIds: [1, 2], entries: [{alias: "a0", path: "products.@"}],
        representations: [{kind: "@key", typeName: "Product", fragment: "fragment Key on Product { id }"}],
        query: "query($representations: [_Any!]!) { _entities(representations: $representations) { __typename } }"}}]}]};
  const el = document.createElement('div');
  ReactDOM.flushSync(() => ReactDOM.createRoot(el).render(React.createElement(NexusGraphiQL.PlanView, {plan})));
  return {text: el.innerText || el.textContent, pres: Array.from(el.querySelectorAll('.nexus-plan-query')).map(p => p.textContent)};
})()`

// setEditor replaces the text of the CodeMirror editor matching selector,
// as typing would (GraphiQL sees the usual change events).
func setEditor(selector, text string) chromedp.Action {
	js := fmt.Sprintf(`document.querySelector(%q).CodeMirror.setValue(%q)`, selector, text)
	return chromedp.Evaluate(js, nil)
}

// panelHas waits until the text of the element matching selector contains
// every string; on timeout the error quotes what the element showed.
func panelHas(selector string, parts ...string) chromedp.Action {
	js := fmt.Sprintf(`((el, parts) => !!el && parts.every(p => el.innerText.includes(p)))(document.querySelector(%q), %s)`,
		selector, mustJSON(parts))
	return chromedp.ActionFunc(func(ctx context.Context) error {
		err := chromedp.Poll(js, nil, chromedp.WithPollingTimeout(20*time.Second)).Do(ctx)
		if err != nil {
			var shown string
			_ = chromedp.Evaluate(fmt.Sprintf(`(document.querySelector(%q) || {innerText: '(missing)'}).innerText`, selector), &shown).Do(ctx)
			return fmt.Errorf("%s never showed %q: %w; it shows:\n%s", selector, parts, err, shown)
		}
		return nil
	})
}

func mustJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// planFetch is one fetch of the router's query plan, as the panel must show it.
type planFetch struct {
	Kind         string `json:"kind"`
	Path         string `json:"path"`
	SubgraphName string `json:"subgraphName"`
	Query        string `json:"query"`
}

type planNode struct {
	Kind     string      `json:"kind"`
	Fetch    *planFetch  `json:"fetch"`
	Children []*planNode `json:"children"`
}

func (n *planNode) fetches() []*planFetch {
	var out []*planFetch
	if n.Fetch != nil {
		out = append(out, n.Fetch)
	}
	for _, c := range n.Children {
		out = append(out, c.fetches()...)
	}
	return out
}

// routerPlan asks the router itself for the plan of query.
func routerPlan(t *testing.T, url, query string) *planNode {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query})
	req, _ := http.NewRequest(http.MethodPost, url, bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Nexus-Query-Plan", "only")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out struct {
		Extensions struct {
			QueryPlan *planNode `json:"queryPlan"`
		} `json:"extensions"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil || out.Extensions.QueryPlan == nil {
		t.Fatalf("router returned no query plan (err %v)", err)
	}
	return out.Extensions.QueryPlan
}

// TestGraphiQLQueryPlan opens the "Query plan" plugin on an operation that
// spans the product and reviews subgraphs: the panel must show the plan the
// router computes (both subgraphs, the entity fetch, its path and
// dependency) without any subgraph being called, forward the user's headers,
// show validation errors, refetch on Refresh, and break no CSP rule.
func TestGraphiQLQueryPlan(t *testing.T) {
	browsertest.Chromium(t)
	testenv.Run(t, func(t *testing.T, env *testenv.Env) {
		want := routerPlan(t, env.RouterURL, spanning)
		var panel, errs, status string
		var before, after int
		var plans []map[string]string
		var violations, provoked []string
		var fixture struct {
			Text string   `json:"text"`
			Pres []string `json:"pres"`
		}
		v := browsertest.Open(t, env.RouterURL, ".graphiql-container",
			chromedp.ActionFunc(func(ctx context.Context) error {
				_, err := page.AddScriptToEvaluateOnNewDocument(pageProbe).Do(ctx)
				return err
			}),
			chromedp.Reload(),
			chromedp.WaitVisible(".graphiql-query-editor .CodeMirror", chromedp.ByQuery),
			chromedp.Click(`button[data-name="headers"]`, chromedp.ByQuery),
			setEditor(".graphiql-editor-tool .graphiql-editor:not(.hidden) .CodeMirror", `{"X-Nexus-Test": "from-headers-editor"}`),
			setEditor(".graphiql-query-editor .CodeMirror", `{ products(first: 2) { nope } }`),
			chromedp.Click(`button[aria-label="Show Query plan"]`, chromedp.ByQuery),
			panelHas(".nexus-plan-errors", `Cannot query field "nope"`),
			chromedp.Text(".nexus-plan-errors", &errs, chromedp.ByQuery),

			// With two operations the panel plans the chosen one.
			setEditor(".graphiql-query-editor .CodeMirror", `query Recent { recentlyReviewed } query Products { products(first: 1) { totalCount } }`),
			panelHas(".nexus-plan", "Planned Recent", "1 fetch to reviews"),
			chromedp.Evaluate(`(s => { s.value = 'Products'; s.dispatchEvent(new Event('change', {bubbles: true})); })(document.querySelector('.nexus-plan-picker select'))`, nil),
			panelHas(".nexus-plan", "Planned Products", "1 fetch to product"),

			setEditor(".graphiql-query-editor .CodeMirror", spanning),
			panelHas(".nexus-plan", "reviews", "product", "BatchEntity", "Planned Spanning"),
			chromedp.Text(".nexus-plan", &panel, chromedp.ByQuery),
			chromedp.Text(".nexus-plan-status", &status, chromedp.ByQuery),

			chromedp.Evaluate(`window.__plans.length`, &before),
			chromedp.Click(".nexus-plan-refresh", chromedp.ByQuery),
			chromedp.ActionFunc(func(ctx context.Context) error {
				err := chromedp.Poll(fmt.Sprintf(`window.__plans.length > %d`, before), nil,
					chromedp.WithPollingTimeout(10*time.Second)).Do(ctx)
				if err != nil {
					return fmt.Errorf("Refresh sent no plan request: %w", err)
				}
				return nil
			}),
			chromedp.Poll(`document.querySelector('.nexus-plan').getAttribute('aria-busy') === 'false'`, nil),
			chromedp.Evaluate(`window.__plans.length`, &after),
			chromedp.Evaluate(`window.__plans`, &plans),
			chromedp.Evaluate(`window.__csp`, &violations),
			// Fields this router's plans do not carry yet (subgraph query
			// text, representations, merged entity fetches) render too.
			chromedp.Evaluate(renderFixture, &fixture),

			// The recorder must see a violation when there is one, or its
			// silence above would prove nothing.
			chromedp.Evaluate(`(() => { const s = document.createElement('script'); s.textContent = 'window.__inline = 1'; document.body.appendChild(s); })()`, nil),
			chromedp.Poll(`window.__csp.length > 0`, nil, chromedp.WithPollingTimeout(5*time.Second)),
			chromedp.Evaluate(`window.__csp`, &provoked),
		)

		fetches := want.fetches()
		subgraphs := map[string]bool{}
		entity := false
		for _, f := range fetches {
			subgraphs[f.SubgraphName] = true
			entity = entity || strings.Contains(f.Kind, "Entity")
			for _, s := range []string{f.SubgraphName, f.Kind, f.Path, f.Query} {
				if !strings.Contains(panel, s) {
					t.Errorf("panel does not show %q of fetch %+v:\n%s", s, f, panel)
				}
			}
		}
		if !subgraphs["product"] || !subgraphs["reviews"] || !entity {
			t.Fatalf("router plan lacks the product and reviews fetches or an entity fetch: %+v", fetches)
		}
		for _, s := range []string{"Sequence", "Depends on", "#0", "products.edges.@.node"} {
			if !strings.Contains(panel, s) {
				t.Errorf("panel lacks %q:\n%s", s, panel)
			}
		}
		if n := len(env.Reviews.Batches()); n != 0 {
			t.Errorf("planning called the reviews subgraph %d times", n)
		}
		if !strings.Contains(errs, "GRAPHQL_VALIDATION_FAILED") {
			t.Errorf("error display lacks the code: %q", errs)
		}
		if after <= before {
			t.Errorf("Refresh sent no plan request (%d before, %d after)", before, after)
		}
		for _, h := range plans {
			if h["x-nexus-query-plan"] != "only" || h["x-nexus-test"] != "from-headers-editor" {
				t.Errorf("plan request headers = %v, want X-Nexus-Query-Plan: only and the headers editor's", h)
			}
		}
		for _, s := range []string{"Parallel", "at the same time", "MultiEntity", "Merges", "#1, #2", "a0 at products.@", "Product @key", "id"} {
			if !strings.Contains(fixture.Text, s) {
				t.Errorf("fixture plan lacks %q:\n%s", s, fixture.Text)
			}
		}
		if len(fixture.Pres) < 2 || !strings.Contains(fixture.Pres[0], "{ products { id } }") || !strings.Contains(fixture.Pres[1], "_entities(representations: $representations)") {
			t.Errorf("subgraph queries not shown in <pre>: %q", fixture.Pres)
		}
		if len(violations) != 0 {
			t.Errorf("CSP violations: %v", violations)
		}
		if len(provoked) == 0 || !strings.Contains(provoked[0], "script-src") {
			t.Errorf("CSP recorder missed an inline script: %v", provoked)
		}
		browsertest.AssertLocalOnly(t, v)
		for _, c := range v.Console {
			if strings.HasPrefix(c, "exception") || strings.Contains(c, "Content Security Policy") && !strings.Contains(c, "__inline") {
				t.Errorf("console: %s", c)
			}
		}
		if dir := os.Getenv("NEXUS_SCREENSHOT_DIR"); dir != "" {
			_ = os.WriteFile(filepath.Join(dir, "graphiql-query-plan.png"), v.Screenshot, 0o644)
		}
		t.Logf("status: %s", status)
	})
}
