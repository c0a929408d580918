package gateway

import (
	"context"
	"fmt"
	"math/rand/v2"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nexus-commerce/nexus/router/internal/metrics"
)

// A family is the operation, the caller and the variables without the
// cursor argument: subscriptions that differ only in their cursor are of
// one family, any other difference makes another.
func TestFamily(t *testing.T) {
	g := resumableGateway(t)
	const byVar = `subscription($a: String) { events(after: $a) { n at } }`
	const changes = `subscription($ids: [ID!], $c: ID) { changes(ids: $ids, since: $c) { n at } }`
	type sub struct {
		query, vars string
		who         uint64
	}
	for _, tt := range []struct {
		name string
		a, b sub
		same bool
	}{
		{"cursors in a variable", sub{byVar, `{"a":"c1"}`, 0}, sub{byVar, `{"a":"c9"}`, 0}, true},
		{"cursors inline", sub{`subscription { events(after: "c1") { n at } }`, "", 0}, sub{`subscription { events(after: "c2") { n at } }`, "", 0}, true},
		{"a cursor and a null one (live)", sub{byVar, `{"a":"c1"}`, 0}, sub{byVar, `{"a":null}`, 0}, true},
		{"the same filter, other cursors", sub{changes, `{"ids":["1"],"c":"c1"}`, 0}, sub{changes, `{"ids":["1"],"c":"c2"}`, 0}, true},
		{"another filter", sub{changes, `{"ids":["1"],"c":"c1"}`, 0}, sub{changes, `{"ids":["2"],"c":"c1"}`, 0}, false},
		{"another caller", sub{byVar, `{"a":"c1"}`, 1}, sub{byVar, `{"a":"c2"}`, 2}, false},
		{"another selection", sub{byVar, `{"a":"c1"}`, 0}, sub{`subscription($a: String) { events(after: $a) { at } }`, `{"a":"c1"}`, 0}, false},
		{"another field", sub{byVar, `{"a":"c1"}`, 0}, sub{`subscription($c: ID) { changes(since: $c) { n at } }`, `{"c":"c1"}`, 0}, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			fam := func(s sub) groupKey {
				t.Helper()
				p := g.prepare(context.Background(), s.query, "", []byte(s.vars))
				if p.err != nil {
					t.Fatalf("prepare %s: %v", s.query, p.err)
				}
				if p.resume == nil {
					t.Fatalf("%s: not resumable", s.query)
				}
				return familyKey(p, s.who)
			}
			if got := fam(tt.a) == fam(tt.b); got != tt.same {
				t.Fatalf("same family = %v, want %v", got, tt.same)
			}
		})
	}
	p := g.prepare(context.Background(), byVar, "", []byte(`{"a":"c7"}`))
	if p.resume.from != "c7" {
		t.Fatalf("from = %q, want c7", p.resume.from)
	}
}

// hammerLog is an ever-growing ordered log of events c1, c2, ...: what
// the upstream of every group in the hammer test reads from.
type hammerLog struct {
	mu   sync.Mutex
	head int
	grew chan struct{}
}

func (l *hammerLog) now() (int, <-chan struct{}) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.head, l.grew
}

func (l *hammerLog) append() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.head++
	close(l.grew)
	l.grew = make(chan struct{})
}

// hammerWriter checks what one client receives: consecutive events, from
// right after its cursor (a live client: from any event on).
type hammerWriter struct {
	mu       sync.Mutex
	last     int // the last event received (the cursor joined from)
	live     bool
	got      int
	paced    bool
	failures []string
	arrived  chan struct{}
}

func (w *hammerWriter) Next(p []byte) error {
	s := string(p)
	i := strings.Index(s, `"at":"c`)
	n, err := strconv.Atoi(s[i+7 : strings.IndexByte(s[i+7:], '"')+i+7])
	w.mu.Lock()
	defer w.mu.Unlock()
	switch {
	case err != nil:
		w.failures = append(w.failures, "bad payload "+s)
	case w.live && w.got == 0:
		// A live stream starts wherever its group is.
	case n != w.last+1:
		w.failures = append(w.failures, fmt.Sprintf("event %d after %d", n, w.last))
	}
	w.last, w.got = n, w.got+1
	if n%3 == 0 {
		// Widen the window in which a group is handing an event out.
		runtime.Gosched()
	}
	select {
	case w.arrived <- struct{}{}:
	default:
	}
	return nil
}

func (w *hammerWriter) Complete() {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.failures = append(w.failures, "complete")
}

func (w *hammerWriter) Error(p []byte) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.failures = append(w.failures, "error "+string(p))
}

func (w *hammerWriter) Paced(paced bool) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.paced = paced
}

// Many clients join from random cursors (or live) and leave while events
// flow and groups merge, each group fed by a goroutine of its own as the
// resolver would: every client receives consecutive events from right
// after its cursor, nothing lost or repeated; once the log stops growing
// and everyone has caught up, every group of the family has merged into
// one, the live one, whose members are all unpaced. Run with -race.
func TestConvergeHammer(t *testing.T) {
	seed := time.Now().UnixNano()
	t.Logf("seed %d", seed)
	rng := rand.New(rand.NewPCG(uint64(seed), 0))
	g := resumableGateway(t)
	g.opts.Metrics = metrics.New()
	const query = `subscription($a: String) { events(after: $a) { n at } }`
	log := &hammerLog{grew: make(chan struct{})}
	for range 20 {
		log.append()
	}
	var feeders sync.WaitGroup
	t.Cleanup(feeders.Wait)
	// feed is the resolver subscription of one group, from event from on.
	feed := func(ctx context.Context, grp *group, from int) {
		defer feeders.Done()
		defer grp.end(false, nil)
		for k := from + 1; ; k++ {
			for {
				head, grew := log.now()
				if head >= k {
					break
				}
				select {
				case <-ctx.Done():
					return
				case <-grew:
				}
			}
			if ctx.Err() != nil {
				return
			}
			if grp.Next([]byte(fmt.Sprintf(`{"data":{"events":{"n":%d,"at":"c%d"}}}`, k, k))) != nil {
				return
			}
		}
	}
	type client struct {
		w *hammerWriter
		m *subscriber
	}
	var mu sync.Mutex
	var clients, left []*client
	join := func(live bool, from int) *client {
		vars := fmt.Sprintf(`{"a":"c%d"}`, from)
		if live {
			vars = `{"a":null}`
			from, _ = log.now()
		}
		p := g.prepare(context.Background(), query, "", []byte(vars))
		if p.err != nil {
			t.Fatal(p.err)
		}
		w := &hammerWriter{last: from, live: live, arrived: make(chan struct{}, 1)}
		m := &subscriber{g: g, w: w}
		if !g.subscribeStart() {
			t.Fatal("gateway closed")
		}
		grp, ctx := g.place(p, groupKey{op: p.id, vars: p.varsHash}, m)
		if grp != nil {
			feeders.Add(1)
			go feed(ctx, grp, from)
		}
		c := &client{w: w, m: m}
		mu.Lock()
		clients = append(clients, c)
		mu.Unlock()
		return c
	}
	t.Cleanup(func() {
		// Before feeders.Wait: a failed run ends its groups too.
		mu.Lock()
		defer mu.Unlock()
		for _, c := range clients {
			c.m.stop()
		}
	})
	join(true, 0)
	var wg sync.WaitGroup
	for i := range 8 {
		r := rand.New(rand.NewPCG(rng.Uint64(), uint64(i)))
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 150 {
				head, _ := log.now()
				switch op := r.IntN(10); {
				case op < 6:
					join(op == 0, max(head-r.IntN(15), 1))
				case op < 8:
					log.append()
				default:
					mu.Lock()
					if len(clients) > 2 {
						i := 1 + r.IntN(len(clients)-1) // the first live client stays
						c := clients[i]
						clients = append(clients[:i], clients[i+1:]...)
						left = append(left, c)
						mu.Unlock()
						c.m.stop()
						continue
					}
					mu.Unlock()
				}
			}
		}()
	}
	wg.Wait()
	log.append()
	head, _ := log.now()
	deadline := time.After(30 * time.Second)
	for _, c := range clients {
		for {
			c.w.mu.Lock()
			last := c.w.last
			c.w.mu.Unlock()
			if last == head {
				break
			}
			select {
			case <-c.w.arrived:
			case <-deadline:
				t.Fatalf("a client stopped at event %d of %d", last, head)
			}
		}
	}
	for _, c := range append(clients, left...) {
		c.w.mu.Lock()
		if len(c.w.failures) > 0 {
			t.Errorf("client: %v", c.w.failures)
		}
		c.w.mu.Unlock()
	}
	// All caught up at head: every group has settled there and merged.
	var groups []int
	for {
		groups = groups[:0]
		for _, n := range g.SubscriptionGroups() {
			if n > 0 {
				groups = append(groups, n)
			}
		}
		if len(groups) == 1 {
			break
		}
		select {
		case <-time.After(time.Millisecond):
		case <-deadline:
			t.Fatalf("groups %v never merged into one (head %d): %s", groups, head, groupStates(g))
		}
	}
	if groups[0] != len(clients) {
		t.Fatalf("the one group has %d members, want %d", groups[0], len(clients))
	}
	// The survivor is the live group: one more event reaches everyone unpaced.
	log.append()
	head++
	for _, c := range clients {
		for {
			c.w.mu.Lock()
			last, paced := c.w.last, c.w.paced
			c.w.mu.Unlock()
			if last == head {
				if paced {
					t.Fatalf("a client in the live group is still paced")
				}
				break
			}
			select {
			case <-c.w.arrived:
			case <-deadline:
				t.Fatalf("a client stopped at event %d of %d", last, head)
			}
		}
	}
	t.Logf("%d clients (%d left), %d merges", len(clients), len(left), int(counterValue(g.opts.Metrics)))
	// Everyone leaves, concurrently: every group ends, no member is left
	// behind in one.
	var stops sync.WaitGroup
	for _, c := range clients {
		stops.Add(1)
		go func() { defer stops.Done(); c.m.stop() }()
	}
	stops.Wait()
	feeders.Wait()
	if groups := g.SubscriptionGroups(); len(groups) > 0 {
		t.Fatalf("groups %v remain after every client left", groups)
	}
	if n := g.Subscriptions(); n != 0 {
		t.Fatalf("%d subscriptions counted after every client left", n)
	}
}

// counterValue reads the merged-groups counter.
func counterValue(m *metrics.Metrics) float64 {
	fams, _ := m.Registry().Gather()
	for _, f := range fams {
		if f.GetName() == "nexus_router_subscription_groups_merged_total" {
			return f.GetMetric()[0].GetCounter().GetValue()
		}
	}
	return -1
}

// groupStates describes the gateway's groups and family index, for a
// failure message.
func groupStates(g *Gateway) string {
	g.subMu.Lock()
	defer g.subMu.Unlock()
	var b strings.Builder
	for grp := range g.running {
		grp.mu.Lock()
		fmt.Fprintf(&b, "\n group %d: %d members, at %q, busy %d, live %v, over %v, ended %v, fam %p", grp.born, len(grp.members), grp.at, grp.busy, grp.live, grp.over, grp.ended.Load(), grp.fam)
		grp.mu.Unlock()
	}
	for _, fam := range g.families {
		fam.mu.Lock()
		fmt.Fprintf(&b, "\n family %p (%d groups):", fam, fam.n)
		for c, grp := range fam.idle {
			fmt.Fprintf(&b, " %s=%d(%s)", c, grp.born, grp.indexed)
		}
		fam.mu.Unlock()
	}
	return b.String()
}
