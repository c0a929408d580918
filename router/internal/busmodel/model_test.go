// Package busmodel is issue #10's model of the catalog bus through the
// router: a gopter commands model that drives the real router process and
// the real product subgraph process, on the PostgreSQL bus and on the NATS
// bus, with subscribers that join (SSE or WebSocket; live, from the head
// or from an earlier cursor; sharing an identical operation or with a
// unique one), leave and resume, a writer committing events, the router
// and the subgraph SIGKILLed and restarted on their ports, and waits until
// everyone is caught up. The property: every subscriber receives exactly
// the events after its cursor, in order — nothing missing, nothing
// repeated — checked against the bus's own log.
//
// NEXUS_PROP_SEED replays a seed's command sequences (the interleaving of
// the processes with them is the machine's); NEXUS_BUSMODEL_ROUTER runs
// the model against a router binary built elsewhere, e.g. from the commit
// the issue was filed against.
package busmodel

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/commands"
	"github.com/leanovate/gopter/gen"
)

// The model's size: each run is cmdsPerRun commands (the last one waits
// until everyone is caught up and checks everything) on a stack started
// once per bus. Restarts are the slow commands: at most maxRestarts a run.
const (
	runsPerBus  = 20
	cmdsPerRun  = 20
	maxRestarts = 3
	maxActive   = 8
)

// TestModel runs the model on the PostgreSQL bus and on the NATS bus.
func TestModel(t *testing.T) {
	if testing.Short() {
		t.Skip("busmodel: starts the real router and product subgraph and restarts them")
	}
	seed := time.Now().UnixNano()
	if v := os.Getenv("NEXUS_PROP_SEED"); v != "" {
		var err error
		if seed, err = strconv.ParseInt(v, 10, 64); err != nil {
			t.Fatalf("NEXUS_PROP_SEED=%q: %v", v, err)
		}
	}
	t.Logf("gopter seed %d (replay: NEXUS_PROP_SEED=%d go test -run TestModel ./internal/busmodel)", seed, seed)
	for _, bus := range []string{"postgres", "nats"} {
		t.Run(bus, func(t *testing.T) {
			var natsURL, natsMon string
			if bus == "nats" {
				n := startNATS(t)
				natsURL, natsMon = n.url, n.monitor
			}
			st := newStack(t, bus, natsURL, natsMon)
			params := gopter.DefaultTestParameters()
			params.SetSeed(seed)
			params.MinSuccessfulTests = runsPerBus
			if v := os.Getenv("NEXUS_BUSMODEL_RUNS"); v != "" { // a longer soak
				n, err := strconv.Atoi(v)
				if err != nil || n < 1 {
					t.Fatalf("NEXUS_BUSMODEL_RUNS=%q: want a positive whole number", v)
				}
				params.MinSuccessfulTests = n
			}
			params.MinSize, params.MaxSize = cmdsPerRun, cmdsPerRun
			// A failing sequence is reported as generated: each shrink step
			// would replay restarts and deadlines through the real processes.
			params.MaxShrinkCount = 0
			props := gopter.NewProperties(params)
			props.Property("every subscriber receives exactly the events after its cursor", commands.Prop(newModel(t, st)))
			props.TestingRun(t)
		})
	}
}

// modelState is what generation knows: how many commands so far, the
// subscribers joined (numbered in join order) and which are still there.
type modelState struct {
	step     int
	joined   int
	active   []int
	restarts int
}

func newModel(t *testing.T, st *stack) *commands.ProtoCommands {
	run := 0
	return &commands.ProtoCommands{
		NewSystemUnderTestFunc: func(commands.State) commands.SystemUnderTest {
			run++
			return newWorld(t, st, run)
		},
		DestroySystemUnderTestFunc: func(sut commands.SystemUnderTest) { sut.(*world).close() },
		InitialStateGen:            gen.Const(modelState{}),
		GenCommandFunc:             genCommand,
	}
}

// genCommand picks the next command; the last of a run is always catchUp.
func genCommand(s commands.State) gopter.Gen {
	st := s.(modelState)
	if st.step == cmdsPerRun-1 {
		return gen.Const(commands.Command(catchUp{}))
	}
	ws := []gen.WeightedGen{
		{Weight: 4, Gen: gen.IntRange(1, 5).Map(func(n int) commands.Command { return commit{n: n} })},
		{Weight: 1, Gen: gen.Const(commands.Command(catchUp{}))},
	}
	if len(st.active) < maxActive {
		ws = append(ws, gen.WeightedGen{Weight: 5, Gen: gen.IntRange(0, 1<<30).Map(func(r int) commands.Command { return newJoin(st, r) })})
	}
	if len(st.active) > 0 {
		ws = append(ws, gen.WeightedGen{Weight: 1, Gen: gen.IntRange(0, len(st.active)-1).Map(func(i int) commands.Command { return leave{n: st.active[i]} })})
	}
	if st.restarts < maxRestarts {
		ws = append(ws,
			gen.WeightedGen{Weight: 1, Gen: gen.IntRange(0, 250).Map(func(ms int) commands.Command { return restart{what: "router", ms: ms} })},
			gen.WeightedGen{Weight: 1, Gen: gen.IntRange(0, 250).Map(func(ms int) commands.Command { return restart{what: "product", ms: ms} })})
	}
	return gen.Weighted(ws)
}

// base is what every command shares: no precondition (every generated
// sequence is valid), the step count, and a postcondition that holds
// unless Run returned an error.
type base struct{}

func (base) PreCondition(commands.State) bool { return true }

func (base) PostCondition(_ commands.State, r commands.Result) *gopter.PropResult {
	if err, ok := r.(error); ok && err != nil {
		return gopter.NewPropResult(false, err.Error())
	}
	return gopter.NewPropResult(true, "")
}

func step(s commands.State, edit func(*modelState)) commands.State {
	st := s.(modelState)
	st.active = slices.Clone(st.active)
	st.step++
	if edit != nil {
		edit(&st)
	}
	return st
}

// join: a subscriber joins over SSE or WebSocket, live, from the head or
// from an earlier cursor, with the anonymous operation identical clients
// share or with an operation name of its own; like >= 0 subscribes from
// the cursor subscriber like started from, with the shared operation
// (the case A: an identical operation, a moment later).
type join struct {
	base
	n      int
	ws     bool
	live   bool
	back   int // events before the head (0: the head, -1: the oldest); not with live or like
	like   int // -1: none
	shared bool
}

func newJoin(st modelState, r int) join {
	j := join{n: st.joined, ws: r%2 == 1, like: -1, shared: (r/2)%2 == 0}
	switch mode := (r / 4) % 6; {
	case mode == 0:
		j.live = true
	case mode == 1:
		// from the head
	case mode == 2 && st.joined > 0, mode == 3 && st.joined > 0:
		j.like, j.shared = (r/24)%st.joined, true
	case mode == 4:
		// from the oldest event: a replay of the whole log (hundreds of
		// events once a few runs are done)
		j.back = -1
	default:
		j.back = 1 + (r/24)%30
	}
	return j
}

func (j join) String() string {
	how := "SSE"
	if j.ws {
		how = "WebSocket"
	}
	from := "live"
	switch {
	case j.like >= 0:
		from = fmt.Sprintf("like subscriber %d", j.like)
	case !j.live && j.back == 0:
		from = "after head"
	case j.back < 0:
		from = "after the oldest"
	case !j.live:
		from = fmt.Sprintf("after head-%d", j.back)
	}
	op := "unique op"
	if j.shared {
		op = "shared op"
	}
	return fmt.Sprintf("join(%d %s %s %s)", j.n, how, from, op)
}

func (j join) NextState(s commands.State) commands.State {
	return step(s, func(st *modelState) { st.joined++; st.active = append(st.active, j.n) })
}

func (j join) Run(sut commands.SystemUnderTest) commands.Result {
	w := sut.(*world)
	w.note(j)
	return w.join(j)
}

// leave: subscriber n ends its subscription.
type leave struct {
	base
	n int
}

func (l leave) String() string { return fmt.Sprintf("leave(%d)", l.n) }

func (l leave) NextState(s commands.State) commands.State {
	return step(s, func(st *modelState) {
		st.active = slices.DeleteFunc(st.active, func(n int) bool { return n == l.n })
	})
}

func (l leave) Run(sut commands.SystemUnderTest) commands.Result {
	w := sut.(*world)
	w.note(l)
	return w.leave(l.n)
}

// commit: the writer commits n events (stock adjustments through the
// router); it does not wait for their delivery.
type commit struct {
	base
	n int
}

func (c commit) String() string                            { return fmt.Sprintf("commit(%d)", c.n) }
func (c commit) NextState(s commands.State) commands.State { return step(s, nil) }
func (c commit) Run(sut commands.SystemUnderTest) commands.Result {
	w := sut.(*world)
	w.note(c)
	return w.commit(c.n)
}

// restart: SIGKILL the router or the product subgraph ms milliseconds
// after the previous command (a random point of what is in flight: events
// in the outbox, being delivered, replays, resubscribes) and start it
// again on the same port.
type restart struct {
	base
	what string
	ms   int
}

func (r restart) String() string { return fmt.Sprintf("restart(%s after %dms)", r.what, r.ms) }

func (r restart) NextState(s commands.State) commands.State {
	return step(s, func(st *modelState) { st.restarts++ })
}

func (r restart) Run(sut commands.SystemUnderTest) commands.Result {
	w := sut.(*world)
	w.note(r)
	return w.restart(r.what, time.Duration(r.ms)*time.Millisecond)
}

// catchUp waits until every subscriber still there has every event of
// the log, and checks each received exactly the events after its cursor.
type catchUp struct{ base }

func (catchUp) String() string                            { return "catchUp" }
func (catchUp) NextState(s commands.State) commands.State { return step(s, nil) }
func (c catchUp) Run(sut commands.SystemUnderTest) commands.Result {
	w := sut.(*world)
	w.note(c)
	return w.catchUp()
}

// runSummary renders a run's counters for the log.
func runSummary(w *world) string {
	var b strings.Builder
	fmt.Fprintf(&b, "run %d on %s: %d events committed, %d subscribers", w.run, w.st.bus, w.commits, len(w.subs))
	resumes, ends := 0, map[string]int{}
	for _, s := range w.subs {
		s.mu.Lock()
		resumes += max(0, s.subscribed-1)
		for _, e := range s.ends {
			ends[endKind(e)]++
		}
		s.mu.Unlock()
	}
	fmt.Fprintf(&b, ", %d resubscribes", resumes)
	fmt.Fprintf(&b, "; commands: %s", strings.Join(w.history, " "))
	if len(ends) > 0 {
		keys := make([]string, 0, len(ends))
		for k := range ends {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		b.WriteString("; streams ended by:")
		for _, k := range keys {
			fmt.Fprintf(&b, " %s ×%d;", k, ends[k])
		}
	}
	return b.String()
}

// endKind shortens why a stream ended to its kind, for counting.
func endKind(why string) string {
	for _, k := range []string{"upstream service error", "SUBGRAPH_UNAVAILABLE", "SHUTTING_DOWN", "CURSOR_EXPIRED", "4013"} {
		if strings.Contains(why, k) {
			return k
		}
	}
	if i := strings.IndexAny(why, ":("); i > 0 {
		return strings.TrimSpace(why[:i])
	}
	return why
}

// deadline bounds every wait of the model for what must happen: long
// enough never to decide a verdict on a loaded machine, short enough that
// a lost event fails the run instead of hanging it.
const deadline = 45 * time.Second

func bounded() (context.Context, context.CancelFunc) {
	return context.WithTimeout(context.Background(), deadline)
}
