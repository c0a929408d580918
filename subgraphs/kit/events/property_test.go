package events

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/commands"
	"github.com/leanovate/gopter/gen"
	"github.com/lib/pq"
)

// nSubs is how many subscribers a sequence can have.
const nSubs = 3

// Subscriber states in the model.
const (
	never = iota
	on
	off
)

// model is what the generator needs to pick applicable commands.
type model struct {
	relay bool
	subs  [nSubs]int
}

// cmd is one command of the sequence; run acts on the system, next
// updates the model, pre says when it applies (also while shrinking).
type cmd struct {
	name string
	run  func(*propSystem) error
	next func(model) model
	pre  func(model) bool
}

func (c cmd) Run(sut commands.SystemUnderTest) commands.Result { return c.run(sut.(*propSystem)) }
func (c cmd) NextState(s commands.State) commands.State {
	if c.next == nil {
		return s
	}
	return c.next(s.(model))
}
func (c cmd) PreCondition(s commands.State) bool { return c.pre == nil || c.pre(s.(model)) }
func (c cmd) PostCondition(_ commands.State, r commands.Result) *gopter.PropResult {
	if err, _ := r.(error); err != nil {
		return &gopter.PropResult{Status: gopter.PropFalse, Labels: []string{c.name + ": " + err.Error()}}
	}
	return &gopter.PropResult{Status: gopter.PropTrue}
}
func (c cmd) String() string { return c.name }

// perms are the orders in which three transactions can end.
var perms = [][]int{{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}}

func genCommand(state commands.State) gopter.Gen {
	m := state.(model)
	commit := gen.IntRange(1, 4).Map(func(k int) commands.Command {
		return cmd{name: fmt.Sprintf("commit(%d)", k), run: func(s *propSystem) error { return s.write([]int{k}, []bool{false}, []int{0}) }}
	})
	rollback := gen.IntRange(1, 3).Map(func(k int) commands.Command {
		return cmd{name: fmt.Sprintf("rollback(%d)", k), run: func(s *propSystem) error { return s.write([]int{k}, []bool{true}, []int{0}) }}
	})
	// Three transactions insert their outbox rows in order 0, 1, 2 and end
	// in another order, some rolling back: ids commit out of order.
	interleave := gopter.CombineGens(gen.SliceOfN(3, gen.IntRange(1, 3)), gen.IntRange(0, 7), gen.IntRange(0, len(perms)-1)).
		Map(func(v []any) commands.Command {
			sizes, mask, order := v[0].([]int), v[1].(int), perms[v[2].(int)]
			if len(sizes) != 3 { // shrunk
				sizes = []int{1, 1, 1}
			}
			rb := []bool{mask&1 != 0 && mask&4 == 0, mask&2 != 0 && mask&4 == 0, mask == 7}
			return cmd{name: fmt.Sprintf("interleave(sizes %v, rollback %v, end order %v)", sizes, rb, order),
				run: func(s *propSystem) error { return s.write(sizes, rb, order) }}
		})
	gens := []gopter.Gen{commit, commit, commit, rollback, interleave, interleave,
		gen.Const(cmd{name: "restart bus client", run: (*propSystem).restartBus}),
		gen.Const(cmd{name: "fail next publish after it went through", run: func(s *propSystem) error { s.faults.Add(1); return nil }}),
	}
	if m.relay {
		gens = append(gens,
			gen.Const(cmd{name: "stop relay", run: func(s *propSystem) error { s.stopRelay(); return nil },
				pre: func(m model) bool { return m.relay }, next: func(m model) model { m.relay = false; return m }}),
			gen.Const(cmd{name: "check", run: (*propSystem).check, pre: func(m model) bool { return m.relay }}))
	} else {
		gens = append(gens, gen.Const(cmd{name: "start relay", run: func(s *propSystem) error { s.startRelay(); return nil },
			pre: func(m model) bool { return !m.relay }, next: func(m model) model { m.relay = true; return m }}))
	}
	for i := range nSubs {
		switch m.subs[i] {
		case never:
			gens = append(gens, gen.Bool().Map(func(oldest bool) commands.Command {
				return cmd{name: fmt.Sprintf("connect subscriber %d (from oldest: %v)", i, oldest),
					run:  func(s *propSystem) error { return s.connect(i, oldest) },
					pre:  func(m model) bool { return m.subs[i] == never },
					next: func(m model) model { m.subs[i] = on; return m }}
			}))
		case on:
			gens = append(gens, gen.Const(cmd{name: fmt.Sprintf("disconnect subscriber %d", i),
				run:  func(s *propSystem) error { s.subs[i].disconnect(); return nil },
				pre:  func(m model) bool { return m.subs[i] == on },
				next: func(m model) model { m.subs[i] = off; return m }}))
		case off:
			gens = append(gens, gen.Const(cmd{name: fmt.Sprintf("reconnect subscriber %d with its last cursor", i),
				run:  func(s *propSystem) error { return s.subs[i].reconnect(s.bus) },
				pre:  func(m model) bool { return m.subs[i] == off },
				next: func(m model) model { m.subs[i] = on; return m }}))
		}
	}
	return gen.OneGenOf(gens...)
}

// connect starts subscriber i, recording the head around a from-now
// Subscribe so its first event can be checked.
func (s *propSystem) connect(i int, oldest bool) error {
	ctx := context.Background()
	sb := &subscriber{fromOldest: oldest, changed: make(chan struct{})}
	cursor := FromOldest
	if !oldest {
		cursor = ""
		before, err := s.bus.Latest(ctx)
		if err != nil {
			return err
		}
		sb.floor = mustSeq(before)
	}
	if err := sb.connect(s.bus, cursor); err != nil {
		return err
	}
	if !oldest {
		after, err := s.bus.Latest(ctx)
		if err != nil {
			return err
		}
		sb.ceil = mustSeq(after)
	}
	s.subs[i] = sb
	return nil
}

var sequences atomic.Int64

// propStats shows in the test log that the sequences did real work.
type propStats struct{ events, rolled, subs, delivered, restarts atomic.Int64 }

var stats propStats

// propCommands builds the gopter commands for one bus implementation;
// open returns a client of a fresh log for sequence n.
func propCommands(t *testing.T, db propDB, open func(n int64, schema string) (positioned, error)) *commands.ProtoCommands {
	return &commands.ProtoCommands{
		NewSystemUnderTestFunc: func(commands.State) commands.SystemUnderTest {
			n := sequences.Add(1)
			schema := "prop" + strconv.FormatInt(n, 10)
			createSchema(t, db.db, schema)
			s := &propSystem{t: t, db: db.db, dsn: db.dsn, schema: schema, ok: map[string]bool{}, rolled: map[string]bool{},
				open: func() (positioned, error) { return open(n, schema) }}
			b, err := s.open()
			if err != nil {
				t.Fatalf("open bus: %v", err)
			}
			s.bus = b
			s.startRelay()
			return s
		},
		DestroySystemUnderTestFunc: func(sut commands.SystemUnderTest) {
			s := sut.(*propSystem)
			// Every sequence ends with a full check, whatever its last command.
			s.startRelay()
			// Faults still queued make the relay back off (doubling up to
			// 5 s) once per fault before it publishes the rest: ten of them
			// outlast check's deadline (hang) by themselves. Let the relay
			// use them up first; check then has its usual deadline.
			if err := s.awaitFaults(); err != nil {
				t.Errorf("final check after the sequence: %v", err)
			} else if err := s.check(); err != nil {
				t.Errorf("final check after the sequence: %v", err)
			}
			stats.events.Add(int64(len(s.order)))
			stats.rolled.Add(int64(len(s.rolled)))
			stats.restarts.Add(int64(s.restarts))
			for _, sb := range s.subs {
				if sb != nil {
					stats.subs.Add(1)
					stats.delivered.Add(int64(len(sb.got)))
				}
			}
			s.stopRelay()
			for _, sb := range s.subs {
				if sb != nil && sb.connected() {
					sb.disconnect()
				}
			}
			s.bus.Close()
			if _, err := db.db.Exec(`DROP SCHEMA ` + schemaQ(s.schema) + ` CASCADE`); err != nil {
				t.Errorf("drop schema: %v", err)
			}
		},
		InitialStateGen: gen.Const(model{relay: true}),
		GenCommandFunc:  genCommand,
	}
}

// propParams returns gopter's parameters with a logged seed: from
// NEXUS_PROP_SEED to replay a failure, else from the clock.
func propParams(t *testing.T, runs int) *gopter.TestParameters {
	t.Helper()
	seed := time.Now().UnixNano()
	if v := os.Getenv("NEXUS_PROP_SEED"); v != "" {
		var err error
		if seed, err = strconv.ParseInt(v, 10, 64); err != nil {
			t.Fatalf("NEXUS_PROP_SEED=%q: %v", v, err)
		}
	}
	t.Logf("gopter seed %d (replay: NEXUS_PROP_SEED=%d go test -run '%s' ./events)", seed, seed, t.Name())
	p := gopter.DefaultTestParameters()
	p.SetSeed(seed)
	p.MinSuccessfulTests = runs
	p.MaxSize = 40
	p.MaxShrinkCount = 10
	return p
}

type propDB struct {
	db  *sqlx.DB
	dsn string
}

// TestPropertyEveryCommittedEventOnceInOrder: random interleavings of
// writers (some rolling back, some committing out of order), subscribers
// connecting from the oldest event or from now, disconnecting and
// resuming with their last cursor, relay stops and restarts, publishes
// that "fail" after going through, and bus client restarts; every
// subscriber sees every committed event exactly once, in cursor order,
// with gap-free cursors, and never an event of a rolled-back transaction.
func TestPropertyEveryCommittedEventOnceInOrder(t *testing.T) {
	runs := 40
	if testing.Short() {
		runs = 3
	}
	for _, kind := range []string{"postgres", "nats"} {
		t.Run(kind, func(t *testing.T) {
			db, dsn := testDB(t)
			var open func(n int64, schema string) (positioned, error)
			switch kind {
			case "postgres":
				open = func(_ int64, schema string) (positioned, error) {
					return NewPGBus(context.Background(), db, dsn, schema, PGOptions{})
				}
			case "nats":
				srv := startNATS(t)
				open = func(n int64, _ string) (positioned, error) {
					return NewNATSBus(context.Background(), NATSOptions{URL: srv.URL,
						Stream: fmt.Sprintf("prop_%d", n), Subject: fmt.Sprintf("prop.%d.events", n)})
				}
			}
			props := gopter.NewProperties(propParams(t, runs))
			props.Property("every committed event once, in cursor order", commands.Prop(propCommands(t, propDB{db, dsn}, open)))
			stats = propStats{}
			first := sequences.Load()
			props.TestingRun(t)
			t.Logf("%d sequences: %d committed and %d rolled-back events, %d subscribers received %d events, %d bus client restarts",
				sequences.Load()-first, stats.events.Load(), stats.rolled.Load(), stats.subs.Load(), stats.delivered.Load(), stats.restarts.Load())
		})
	}
}

func schemaQ(s string) string { return pq.QuoteIdentifier(s) }
