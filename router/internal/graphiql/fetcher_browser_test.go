package graphiql

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/nexus-commerce/nexus/router/internal/browsertest"
)

// cspProbe runs before the page's scripts and records Content Security
// Policy violations.
const cspProbe = `(() => {
  window.__csp = [];
  document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));
})()`

// TestFetcherInChromium runs the real bundle in headless Chromium against a
// same-origin graphql-transport-ws server and checks the page's side of the
// protocol: the Headers editor's JSON is the connection_init payload, the
// subscribe message carries the operation, every next is shown in turn,
// complete from the server and the stop button both end the subscription
// (the latter with a complete message), a GraphQL error and a refused
// connection are shown with their reason, queries still go over HTTP with
// the headers, the first visit opens the CatalogEvents tab, and Chromium's
// connect-src 'self' lets the same-origin ws: URL through while blocking
// another origin's.
func TestFetcherInChromium(t *testing.T) {
	browsertest.Chromium(t)
	sub, _ := fs.Sub(embedded, "bundle")
	gq := newHandler(sub, Config{Endpoint: "/graphql", Title: "Nexus"})
	if !gq.ok {
		if os.Getenv("NEXUS_REQUIRE_BROWSER") == "1" {
			t.Fatal("GraphiQL bundle not built: run `make graphiql`")
		}
		t.Skip("GraphiQL bundle not built: run `make graphiql`")
	}
	srv := newWSServer(t, gq)
	hs := httptest.NewServer(srv)
	defer hs.Close()

	var tabs string
	var wsURLs []string
	var violations, provoked []string
	var p1, p2, p3 *peer
	var sub1, sub2 wsMsg
	var refused map[string]any
	v := browsertest.Open(t, hs.URL+"/graphql", ".graphiql-container",
		chromedp.ActionFunc(func(ctx context.Context) error {
			_, err := cdppage.AddScriptToEvaluateOnNewDocument(cspProbe).Do(ctx)
			return err
		}),
		chromedp.Reload(),
		chromedp.WaitVisible(".graphiql-query-editor .CodeMirror", chromedp.ByQuery),
		chromedp.Text(".graphiql-tabs", &tabs, chromedp.ByQuery),
		chromedp.Evaluate(`[NexusGraphiQL.wsURL('/graphql', 'https://shop.example/graphql?x=1'), NexusGraphiQL.wsURL('/graphql', location.href)]`, &wsURLs),

		// A subscription with variables and headers.
		chromedp.Click(`button[data-name="headers"]`, chromedp.ByQuery),
		setEditor(".graphiql-editor-tool .graphiql-editor:not(.hidden) .CodeMirror", `{"Authorization": "Bearer t0k3n", "X-Nexus-Test": "from-headers-editor"}`),
		chromedp.Click(`button[data-name="variables"]`, chromedp.ByQuery),
		setEditor(".graphiql-editor-tool .graphiql-editor:not(.hidden) .CodeMirror", `{"n": 2}`),
		setQuery(`subscription Ticks($n: Int) { ticks(n: $n) }`, "Ticks"),
		run(),
		serverStep(func(ctx context.Context) (err error) {
			if p1, err = recv(ctx, srv.Peers, "a WebSocket connection"); err != nil {
				return err
			}
			if sub1, err = recv(ctx, p1.Msgs, "the subscribe message"); err != nil {
				return err
			}
			return p1.send(ctx, wsMsg{ID: sub1.ID, Type: "next", Payload: json.RawMessage(`{"data":{"ticks":1}}`)})
		}),
		waitText(".graphiql-response", `"ticks": 1`),
		waitLabel("Stop"),
		serverStep(func(ctx context.Context) error {
			return p1.send(ctx, wsMsg{ID: sub1.ID, Type: "next", Payload: json.RawMessage(`{"data":{"ticks":2}}`)})
		}),
		waitText(".graphiql-response", `"ticks": 2`),
		serverStep(func(ctx context.Context) error {
			return p1.send(ctx, wsMsg{ID: sub1.ID, Type: "complete"})
		}),
		waitLabel("Execute"),
		serverStep(func(ctx context.Context) error { return closed(ctx, p1, "") }),

		// The stop button completes the subscription on the server.
		run(),
		serverStep(func(ctx context.Context) (err error) {
			if p2, err = recv(ctx, srv.Peers, "a second WebSocket connection"); err != nil {
				return err
			}
			if sub2, err = recv(ctx, p2.Msgs, "the second subscribe message"); err != nil {
				return err
			}
			return p2.send(ctx, wsMsg{ID: sub2.ID, Type: "next", Payload: json.RawMessage(`{"data":{"ticks":7}}`)})
		}),
		waitText(".graphiql-response", `"ticks": 7`),
		run(),
		waitLabel("Execute"),
		serverStep(func(ctx context.Context) error { return closed(ctx, p2, sub2.ID) }),

		// A GraphQL error for the operation is shown as the result.
		run(),
		serverStep(func(ctx context.Context) error {
			var err error
			if p3, err = recv(ctx, srv.Peers, "a third WebSocket connection"); err != nil {
				return err
			}
			s, err := recv(ctx, p3.Msgs, "the third subscribe message")
			if err != nil {
				return err
			}
			return p3.send(ctx, wsMsg{ID: s.ID, Type: "error", Payload: json.RawMessage(`[{"message":"ticks are off","extensions":{"code":"FORBIDDEN"}}]`)})
		}),
		waitText(".graphiql-response", "ticks are off", "FORBIDDEN"),
		waitLabel("Execute"),

		// A refused connection is shown with its close code and reason.
		chromedp.Click(`button[data-name="headers"]`, chromedp.ByQuery),
		setEditor(".graphiql-editor-tool .graphiql-editor:not(.hidden) .CodeMirror", `{"Authorization": "Bearer bad"}`),
		run(),
		serverStep(func(ctx context.Context) (err error) {
			refused, err = recv(ctx, srv.Refused, "the refused connection")
			return err
		}),
		waitText(".graphiql-response", "4403", "Forbidden", "Authorization header"),
		waitLabel("Execute"),

		// Queries still go over HTTP, with the headers.
		setQuery(`query Hello { hello }`, "Hello"),
		run(),
		waitText(".graphiql-response", "over http"),

		// connect-src 'self' must block another origin's WebSocket, or the
		// silence of the recorder above proves nothing.
		chromedp.Evaluate(`window.__csp.slice()`, &violations),
		chromedp.Evaluate(`(() => { try { new WebSocket('ws://127.0.0.1:9/graphql') } catch (e) {} })()`, nil),
		chromedp.Poll(`window.__csp.length > 0`, nil, chromedp.WithPollingTimeout(10*time.Second)),
		chromedp.Evaluate(`window.__csp`, &provoked),
	)

	if !strings.Contains(tabs, "Products") || !strings.Contains(tabs, "CatalogEvents") {
		t.Errorf("first visit tabs = %q, want Products and CatalogEvents", tabs)
	}
	wantWS := "ws" + strings.TrimPrefix(hs.URL, "http") + "/graphql"
	if len(wsURLs) != 2 || wsURLs[0] != "wss://shop.example/graphql" || wsURLs[1] != wantWS {
		t.Errorf("wsURL = %q, want wss://shop.example/graphql and %s", wsURLs, wantWS)
	}
	if p1.Init["Authorization"] != "Bearer t0k3n" || p1.Init["X-Nexus-Test"] != "from-headers-editor" {
		t.Errorf("connection_init payload = %v, want the Headers editor's JSON", p1.Init)
	}
	var payload struct {
		Query         string         `json:"query"`
		OperationName string         `json:"operationName"`
		Variables     map[string]any `json:"variables"`
	}
	if err := json.Unmarshal(sub1.Payload, &payload); err != nil || sub1.ID == "" ||
		!strings.Contains(payload.Query, "ticks(n: $n)") || payload.OperationName != "Ticks" || payload.Variables["n"] != 2.0 {
		t.Errorf("subscribe message = %s %s", sub1.ID, sub1.Payload)
	}
	if refused["Authorization"] != "Bearer bad" {
		t.Errorf("refused connection_init payload = %v", refused)
	}
	posts := srv.Posts()
	if len(posts) != 1 || !strings.Contains(posts[0].Query, "hello") || posts[0].Authorization != "Bearer bad" {
		t.Errorf("HTTP requests besides introspection = %+v, want the Hello query with the editor's Authorization", posts)
	}
	if n := len(srv.Peers); n != 0 {
		t.Errorf("%d unexpected WebSocket connections", n)
	}
	if len(violations) != 0 {
		t.Errorf("CSP violations while subscribing over the same-origin WebSocket: %v", violations)
	}
	if len(provoked) == 0 || !strings.Contains(provoked[0], "connect-src") || !strings.Contains(provoked[0], "ws://127.0.0.1:9") {
		t.Errorf("another origin's WebSocket was not blocked by connect-src: %v", provoked)
	}
	browsertest.AssertLocalOnly(t, v)
	for _, c := range v.Console {
		if strings.HasPrefix(c, "exception") {
			t.Errorf("page error: %s", c)
		}
	}
	if dir := os.Getenv("NEXUS_SCREENSHOT_DIR"); dir != "" {
		_ = os.WriteFile(dir+"/graphiql-fetcher.png", v.Screenshot, 0o644)
	}
}

// run clicks GraphiQL's execute button, which is also its stop button.
func run() chromedp.Action {
	return chromedp.Click(".graphiql-execute-button", chromedp.ByQuery)
}

// setEditor replaces the text of the CodeMirror editor matching selector,
// as typing would (GraphiQL sees the usual change events).
func setEditor(selector, text string) chromedp.Action {
	return chromedp.Evaluate(fmt.Sprintf(`document.querySelector(%q).CodeMirror.setValue(%q)`, selector, text), nil)
}

// setQuery replaces the operation in the query editor and waits until
// GraphiQL has taken it in: it reads the editor's operation name after a
// debounce, and a run before that would send the new text with the old
// name. The active tab's title shows the name once it has.
func setQuery(text, name string) chromedp.Action {
	return chromedp.Tasks{setEditor(".graphiql-query-editor .CodeMirror", text), waitText(".graphiql-tab-active", name)}
}

// waitText waits until the element's text contains every part; on
// timeout the error quotes what it showed.
func waitText(selector string, parts ...string) chromedp.Action {
	want, _ := json.Marshal(parts)
	js := fmt.Sprintf(`((el, parts) => !!el && parts.every(p => el.innerText.includes(p)))(document.querySelector(%q), %s)`, selector, want)
	return chromedp.ActionFunc(func(ctx context.Context) error {
		if err := chromedp.Poll(js, nil, chromedp.WithPollingTimeout(20*time.Second)).Do(ctx); err != nil {
			var shown string
			_ = chromedp.Evaluate(fmt.Sprintf(`(document.querySelector(%q) || {innerText: '(missing)'}).innerText`, selector), &shown).Do(ctx)
			return fmt.Errorf("%s never showed %q: %w; it shows:\n%s", selector, parts, err, shown)
		}
		return nil
	})
}

// waitLabel waits until the execute button offers to Stop (a subscription
// runs) or to Execute (none does).
func waitLabel(prefix string) chromedp.Action {
	js := fmt.Sprintf(`(document.querySelector('.graphiql-execute-button').getAttribute('aria-label') || '').startsWith(%q)`, prefix)
	return chromedp.ActionFunc(func(ctx context.Context) error {
		if err := chromedp.Poll(js, nil, chromedp.WithPollingTimeout(20*time.Second)).Do(ctx); err != nil {
			return fmt.Errorf("execute button never offered %q: %w", prefix, err)
		}
		return nil
	})
}

// serverStep runs a step of the test server between browser actions.
func serverStep(fn func(ctx context.Context) error) chromedp.Action {
	return chromedp.ActionFunc(fn)
}

// errEnded is recv's error for a channel closed because its connection ended.
var errEnded = errors.New("connection ended")

// recv waits for the next value on ch, failing after 20s or when the
// browser's context ends.
func recv[T any](ctx context.Context, ch <-chan T, what string) (T, error) {
	var zero T
	timer := time.NewTimer(20 * time.Second)
	defer timer.Stop()
	select {
	case v, ok := <-ch:
		if !ok {
			return zero, fmt.Errorf("%w before %s", errEnded, what)
		}
		return v, nil
	case <-timer.C:
		return zero, fmt.Errorf("%s did not come within 20s", what)
	case <-ctx.Done():
		return zero, fmt.Errorf("waiting for %s: %w", what, ctx.Err())
	}
}

// closed waits for the page to close p's connection. With completeID set
// the page must first send complete for that subscription; without, it
// must send nothing more.
func closed(ctx context.Context, p *peer, completeID string) error {
	if completeID != "" {
		m, err := recv(ctx, p.Msgs, "the complete message")
		if err != nil {
			return err
		}
		if m.Type != "complete" || m.ID != completeID {
			return fmt.Errorf("stop sent %+v, want complete for %s", m, completeID)
		}
	}
	m, err := recv(ctx, p.Msgs, "the end of the connection")
	if err == nil {
		return fmt.Errorf("unexpected message %+v after the subscription ended", m)
	}
	if !errors.Is(err, errEnded) {
		return fmt.Errorf("the page kept the WebSocket open: %w", err)
	}
	return nil
}
