package store_test

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/commands"
	"github.com/leanovate/gopter/gen"

	auth "github.com/nexus-commerce/nexus/subgraphs/auth"
	"github.com/nexus-commerce/nexus/subgraphs/auth/store"
)

// policy of the property: short enough that sequences reach every expiry.
var policy = store.SessionPolicy{Absolute: 30 * 24 * time.Hour, Idle: 7 * 24 * time.Hour, Grace: store.DefaultGrace}

// fams is how many families (devices) the user has in each sequence.
const fams = 2

// tokModel is one issued refresh token: rotated at (offset from the start), or live.
type tokModel struct {
	rotated  bool
	rotateAt time.Duration
}

// famModel is a family as the contract describes it.
type famModel struct {
	tokens   []tokModel
	revoked  bool
	lastUsed time.Duration
}

// model is the state gopter threads through a sequence; last is the
// outcome the model predicted for the command just run.
type model struct {
	now  time.Duration
	fams [fams]famModel
	last outcome
}

// outcome is what a refresh did: ok, or refused with a reason.
type outcome struct {
	ok     bool
	reason string
}

func (m model) clone() model {
	for i := range m.fams {
		m.fams[i].tokens = slices.Clone(m.fams[i].tokens)
	}
	return m
}

// predict applies the contract to presenting token i of family f.
func (m *model) refresh(f, i int) outcome {
	fm := &m.fams[f]
	t := &fm.tokens[i]
	switch {
	case fm.revoked:
		return outcome{reason: store.ReasonRevoked}
	case m.now >= policy.Absolute || m.now >= fm.lastUsed+policy.Idle:
		return outcome{reason: store.ReasonExpired}
	case t.rotated && m.now-t.rotateAt > policy.Grace:
		fm.revoked = true
		return outcome{reason: store.ReasonReused}
	}
	if !t.rotated {
		t.rotated, t.rotateAt = true, m.now
	}
	fm.lastUsed = m.now
	fm.tokens = append(fm.tokens, tokModel{})
	return outcome{ok: true}
}

// system is the real store with its clock and the raw tokens issued.
type system struct {
	st     *store.Store
	start  time.Time
	now    time.Duration
	user   string
	sids   [fams]string
	tokens [fams][]string
}

// cmd is one command of the state machine.
type cmd struct {
	name string
	run  func(*system) outcome
	next func(model) model
	pre  func(model) bool
}

func (c cmd) Run(s commands.SystemUnderTest) commands.Result { return c.run(s.(*system)) }
func (c cmd) NextState(s commands.State) commands.State      { return c.next(s.(model).clone()) }
func (c cmd) PreCondition(s commands.State) bool {
	return c.pre == nil || c.pre(s.(model))
}
func (c cmd) String() string { return c.name }
func (c cmd) PostCondition(s commands.State, r commands.Result) *gopter.PropResult {
	want, got := s.(model).last, r.(outcome)
	if want != got {
		return &gopter.PropResult{Status: gopter.PropFalse, Error: fmt.Errorf("%s: store %+v, model %+v", c.name, got, want)}
	}
	return &gopter.PropResult{Status: gopter.PropTrue}
}

// refreshCmd presents token i of family f (a live one: rotate; a rotated
// one: reuse, inside or outside the grace).
func refreshCmd(kind string, f, i int) cmd {
	return cmd{
		name: fmt.Sprintf("%s(family %d, token %d)", kind, f, i),
		pre:  func(m model) bool { return i < len(m.fams[f].tokens) },
		run: func(s *system) outcome {
			is, err := s.st.Refresh(context.Background(), s.tokens[f][i], policy)
			if err != nil {
				var re *store.RefreshError
				if asRefreshError(err, &re) {
					return outcome{reason: re.Reason}
				}
				return outcome{reason: "error: " + err.Error()}
			}
			if is.SessionID != s.sids[f] || is.UserID != s.user || !is.ExpiresAt.Equal(s.start.Add(policy.Absolute)) {
				return outcome{reason: fmt.Sprintf("wrong family %+v", is)}
			}
			s.tokens[f] = append(s.tokens[f], is.Token)
			return outcome{ok: true}
		},
		next: func(m model) model { m.last = m.refresh(f, i); return m },
	}
}

func genCommand(state commands.State) gopter.Gen {
	m := state.(model)
	var gens []gopter.Gen
	for f := range fams {
		var live, rotated []int
		for i, t := range m.fams[f].tokens {
			if t.rotated {
				rotated = append(rotated, i)
			} else {
				live = append(live, i)
			}
		}
		for _, i := range live {
			gens = append(gens, gen.Const(refreshCmd("rotate", f, i)), gen.Const(refreshCmd("rotate", f, i)))
		}
		for _, i := range rotated {
			gens = append(gens, gen.Const(refreshCmd("reuse", f, i)))
		}
		gens = append(gens, gen.Const(cmd{
			name: fmt.Sprintf("revoke(family %d)", f),
			run: func(s *system) outcome {
				return done(s.st.InTx(context.Background(), "sign out", func(tx *store.Tx) error { return tx.RevokeSession(context.Background(), s.sids[f], "sign-out") }))
			},
			next: func(m model) model { m.fams[f].revoked = true; m.last = outcome{ok: true}; return m },
		}))
	}
	gens = append(gens,
		gen.OneConstOf(time.Second, 3*time.Second, 9*time.Second, 12*time.Second, time.Hour, 24*time.Hour, 6*24*time.Hour, 8*24*time.Hour).Map(func(d time.Duration) commands.Command {
			return cmd{
				name: "expire(advance " + d.String() + ")",
				run:  func(s *system) outcome { s.now += d; return outcome{ok: true} },
				next: func(m model) model { m.now += d; m.last = outcome{ok: true}; return m },
			}
		}),
		gen.Const(cmd{
			name: "signOutEverywhere",
			run: func(s *system) outcome {
				return done(s.st.InTx(context.Background(), "sign out everywhere", func(tx *store.Tx) error {
					return tx.RevokeUserSessions(context.Background(), s.user, "sign-out everywhere", nil)
				}))
			},
			next: func(m model) model {
				for f := range m.fams {
					m.fams[f].revoked = true
				}
				m.last = outcome{ok: true}
				return m
			},
		}),
		gen.Const(cmd{
			name: "unknown token",
			run: func(s *system) outcome {
				_, err := s.st.Refresh(context.Background(), "not-a-token-"+uuid.NewString(), policy)
				var re *store.RefreshError
				if asRefreshError(err, &re) {
					return outcome{reason: re.Reason}
				}
				return outcome{reason: fmt.Sprint("unexpected ", err)}
			},
			next: func(m model) model { m.last = outcome{reason: store.ReasonUnknown}; return m },
		}),
	)
	return gen.OneGenOf(gens...)
}

func done(err error) outcome {
	if err != nil {
		return outcome{reason: "error: " + err.Error()}
	}
	return outcome{ok: true}
}

// TestRefreshFamilyStateMachine runs random sequences of rotate, reuse
// (inside and outside the 10 s grace), revoke, clock advances (idle and
// absolute expiry) and sign-out-everywhere against PostgreSQL, and
// checks every refresh's outcome against the contract's model.
func TestRefreshFamilyStateMachine(t *testing.T) {
	db := migrated(t)
	start := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	proto := &commands.ProtoCommands{
		NewSystemUnderTestFunc: func(commands.State) commands.SystemUnderTest {
			s := &system{st: store.New(db), start: start}
			s.st.Now = func() time.Time { return s.start.Add(s.now) }
			s.user = uuid.NewString()
			err := s.st.InTx(context.Background(), "setup", func(tx *store.Tx) error {
				u := auth.User{ID: s.user, Email: s.user + "@example.com", FirstName: "P", LastName: "Q", Role: auth.RoleCustomer}
				if err := tx.InsertUser(context.Background(), u, "$argon2id$dummy"); err != nil {
					return err
				}
				for f := range fams {
					is, err := tx.CreateSession(context.Background(), s.user, policy)
					if err != nil {
						return err
					}
					s.sids[f], s.tokens[f] = is.SessionID, []string{is.Token}
				}
				return nil
			})
			if err != nil {
				t.Fatalf("setup: %v", err)
			}
			return s
		},
		DestroySystemUnderTestFunc: func(commands.SystemUnderTest) {},
		InitialStateGen: gen.Const(model{fams: [fams]famModel{
			{tokens: []tokModel{{}}}, {tokens: []tokModel{{}}},
		}}),
		GenCommandFunc: genCommand,
	}
	props := gopter.NewProperties(propParams(t, 80))
	props.Property("refresh outcomes follow the family model", commands.Prop(proto))
	props.TestingRun(t)
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
	t.Logf("gopter seed %d (replay: NEXUS_PROP_SEED=%d go test -run '%s' ./store)", seed, seed, t.Name())
	p := gopter.DefaultTestParameters()
	p.SetSeed(seed)
	p.MinSuccessfulTests = runs
	p.MaxSize = 40
	p.MaxShrinkCount = 10
	return p
}
