package store

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"testing"

	"github.com/google/uuid"
	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/commands"
	"github.com/leanovate/gopter/gen"

	"github.com/nexus-commerce/nexus/subgraphs/product"
)

// The review state machine runs write, edit, hide, restore, delete (by
// the author or an admin) and vote commands of several customers on two
// products against PostgreSQL, and after every command compares the
// database with a model of the contract: the outcome (ok or error code),
// each product's rating (the mean of its visible reviews) and
// reviewCount, each review's rating, status and helpful_count (its votes).
const (
	machineCustomers = 4
	machineProducts  = 2
)

// key is (product, customer): one review at most.
type key struct{ p, c int }

type modelReview struct {
	rating int
	hidden bool
	voters map[int]bool
}

type reviewModel struct {
	reviews map[key]modelReview
	last    string // the outcome the model predicts for the last command
}

func (m reviewModel) clone() reviewModel {
	out := reviewModel{reviews: make(map[key]modelReview, len(m.reviews))}
	for k, r := range m.reviews {
		r.voters = maps.Clone(r.voters)
		out.reviews[k] = r
	}
	return out
}

// machine is the system under test: the store, the users and the ids of
// the reviews written so far.
type machine struct {
	s         *Store
	products  [machineProducts]string
	customers [machineCustomers]string
	admin     string
	ids       map[key]string
}

// id is the review of k, or an id nobody has (the command then targets a
// review that does not exist).
func (m *machine) id(k key) string {
	if id, ok := m.ids[k]; ok {
		return id
	}
	return uuid.NewString()
}

// snapshot is the database state the model is compared with.
type snapshot struct {
	outcome  string
	products [machineProducts]struct {
		rating float64
		count  int
	}
	reviews map[key]modelReview // voters: a set of helpful_count entries
}

type reviewCmd struct {
	name string
	run  func(*machine) error
	next func(*reviewModel) string
}

func (c reviewCmd) String() string { return c.name }
func (c reviewCmd) Run(sut commands.SystemUnderTest) commands.Result {
	m := sut.(*machine)
	return m.snapshot(outcome(c.run(m)))
}
func (c reviewCmd) NextState(s commands.State) commands.State {
	m := s.(reviewModel).clone()
	m.last = c.next(&m)
	return m
}
func (c reviewCmd) PreCondition(commands.State) bool { return true }
func (c reviewCmd) PostCondition(s commands.State, r commands.Result) *gopter.PropResult {
	if msg := compare(s.(reviewModel), r.(snapshot)); msg != "" {
		return &gopter.PropResult{Status: gopter.PropFalse, Error: fmt.Errorf("%s: %s", c.name, msg)}
	}
	return &gopter.PropResult{Status: gopter.PropTrue}
}

func outcome(err error) string {
	var e *product.Error
	switch {
	case err == nil:
		return "ok"
	case errors.As(err, &e) && e.Code != product.Internal:
		return e.Code
	}
	return "error: " + err.Error()
}

func (m *machine) snapshot(out string) snapshot {
	snap := snapshot{outcome: out, reviews: map[key]modelReview{}}
	for p, pid := range m.products {
		if err := m.s.db.QueryRow(`SELECT rating, review_count FROM product.products WHERE id = $1`, pid).
			Scan(&snap.products[p].rating, &snap.products[p].count); err != nil {
			snap.outcome = "snapshot: " + err.Error()
			return snap
		}
	}
	var rows []struct {
		Product string `db:"product_id"`
		Author  string `db:"author_id"`
		Rating  int    `db:"rating"`
		Status  string `db:"status"`
		Helpful int    `db:"helpful_count"`
		Votes   int    `db:"votes"`
	}
	if err := m.s.db.Select(&rows, `SELECT product_id, author_id, rating, status, helpful_count,
		(SELECT count(*) FROM product.review_votes v WHERE v.review_id = r.id) AS votes FROM product.reviews r`); err != nil {
		snap.outcome = "snapshot: " + err.Error()
		return snap
	}
	index := func(ids []string, id string) int {
		for i, x := range ids {
			if x == id {
				return i
			}
		}
		return -1
	}
	for _, r := range rows {
		k := key{index(m.products[:], r.Product), index(m.customers[:], r.Author)}
		if _, dup := snap.reviews[k]; dup || k.p < 0 || k.c < 0 || r.Helpful != r.Votes {
			snap.outcome = fmt.Sprintf("bad review row %+v (duplicate, unknown, or helpful_count not its votes)", r)
		}
		snap.reviews[k] = modelReview{rating: r.Rating, hidden: r.Status == "HIDDEN", voters: helpfulCount(r.Helpful)}
	}
	return snap
}

// helpfulCount encodes a count as a set of that size, for comparison.
func helpfulCount(n int) map[int]bool {
	out := make(map[int]bool, n)
	for i := range n {
		out[i] = true
	}
	return out
}

// compare checks a snapshot against the model.
func compare(m reviewModel, snap snapshot) string {
	if snap.outcome != m.last {
		return fmt.Sprintf("outcome %s, model says %s", snap.outcome, m.last)
	}
	for p := range machineProducts {
		sum, n := 0, 0
		for k, r := range m.reviews {
			if k.p == p && !r.hidden {
				sum, n = sum+r.rating, n+1
			}
		}
		want := 0.0
		if n > 0 {
			want = float64(sum) / float64(n)
		}
		if got := snap.products[p]; got.rating != want || got.count != n {
			return fmt.Sprintf("product %d: rating %v count %d, want %v and %d", p, got.rating, got.count, want, n)
		}
	}
	if len(snap.reviews) != len(m.reviews) {
		return fmt.Sprintf("%d reviews, model has %d", len(snap.reviews), len(m.reviews))
	}
	for k, want := range m.reviews {
		got, ok := snap.reviews[k]
		if !ok || got.rating != want.rating || got.hidden != want.hidden || len(got.voters) != len(want.voters) {
			return fmt.Sprintf("review %v: %+v, model %+v", k, got, want)
		}
	}
	return ""
}

func genReviewCommand(commands.State) gopter.Gen {
	target := gopter.CombineGens(gen.IntRange(0, machineProducts-1), gen.IntRange(0, machineCustomers-1))
	stars := gen.Weighted([]gen.WeightedGen{{Weight: 9, Gen: gen.IntRange(1, 5)}, {Weight: 1, Gen: gen.OneConstOf(0, 6)}})
	withKey := func(g gopter.Gen, f func(k key, extra any) reviewCmd) gopter.Gen {
		return gopter.CombineGens(target, g).Map(func(v []any) commands.Command {
			kv := v[0].([]any)
			return f(key{kv[0].(int), kv[1].(int)}, v[1])
		})
	}
	ctx := context.Background()
	return gen.Weighted([]gen.WeightedGen{
		{Weight: 4, Gen: withKey(stars, func(k key, x any) reviewCmd {
			stars := x.(int)
			return reviewCmd{
				name: fmt.Sprintf("write(product %d, customer %d, %d stars)", k.p, k.c, stars),
				run: func(m *machine) error {
					rv, err := m.s.WriteReview(ctx, m.customers[k.c], review(m.products[k.p], stars))
					if err == nil {
						m.ids[k] = rv.ID
					}
					return err
				},
				next: func(m *reviewModel) string {
					if stars < 1 || stars > 5 {
						return product.Invalid
					}
					if _, ok := m.reviews[k]; ok {
						return product.Conflict
					}
					m.reviews[k] = modelReview{rating: stars, voters: map[int]bool{}}
					return "ok"
				},
			}
		})},
		{Weight: 2, Gen: withKey(stars, func(k key, x any) reviewCmd {
			stars := x.(int)
			return reviewCmd{
				name: fmt.Sprintf("edit(product %d, customer %d, %d stars)", k.p, k.c, stars),
				run: func(m *machine) error {
					_, err := m.s.UpdateReview(ctx, m.customers[k.c], m.id(k), review(m.products[k.p], stars))
					return err
				},
				next: func(m *reviewModel) string {
					r, ok := m.reviews[k]
					switch {
					case stars < 1 || stars > 5:
						return product.Invalid
					case !ok:
						return product.NotFound
					}
					r.rating = stars
					m.reviews[k] = r
					return "ok"
				},
			}
		})},
		{Weight: 2, Gen: withKey(gen.Bool(), func(k key, x any) reviewCmd {
			hide := x.(bool)
			status, verb := product.ReviewVisible, "restore"
			if hide {
				status, verb = product.ReviewHidden, "hide"
			}
			return reviewCmd{
				name: fmt.Sprintf("%s(product %d, customer %d)", verb, k.p, k.c),
				run: func(m *machine) error {
					_, err := m.s.SetReviewStatus(ctx, m.admin, m.id(k), status, "moderated in a test")
					return err
				},
				next: func(m *reviewModel) string {
					r, ok := m.reviews[k]
					if !ok {
						return product.NotFound
					}
					r.hidden = hide
					m.reviews[k] = r
					return "ok"
				},
			}
		})},
		{Weight: 1, Gen: withKey(gen.IntRange(-1, machineCustomers-1), func(k key, x any) reviewCmd {
			by := x.(int) // -1: an admin
			return reviewCmd{
				name: fmt.Sprintf("delete(product %d, customer %d, by %d)", k.p, k.c, by),
				run: func(m *machine) error {
					caller := m.admin
					if by >= 0 {
						caller = m.customers[by]
					}
					_, err := m.s.DeleteReview(ctx, caller, m.id(k), by < 0)
					if err == nil {
						delete(m.ids, k)
					}
					return err
				},
				next: func(m *reviewModel) string {
					if _, ok := m.reviews[k]; !ok || (by >= 0 && by != k.c) {
						return product.NotFound
					}
					delete(m.reviews, k)
					return "ok"
				},
			}
		})},
		{Weight: 4, Gen: withKey(gopter.CombineGens(gen.IntRange(0, machineCustomers-1), gen.Bool()), func(k key, x any) reviewCmd {
			v := x.([]any)
			voter, helpful := v[0].(int), v[1].(bool)
			return reviewCmd{
				name: fmt.Sprintf("vote(product %d, customer %d, voter %d, %v)", k.p, k.c, voter, helpful),
				run: func(m *machine) error {
					_, err := m.s.VoteHelpful(ctx, m.customers[voter], m.id(k), helpful)
					return err
				},
				next: func(m *reviewModel) string {
					r, ok := m.reviews[k]
					switch {
					case !ok || r.hidden:
						return product.NotFound
					case voter == k.c:
						return product.Invalid
					}
					if helpful {
						r.voters[voter] = true
					} else {
						delete(r.voters, voter)
					}
					return "ok"
				},
			}
		})},
	})
}

func TestReviewStateMachine(t *testing.T) {
	t.Parallel()
	s, products := reviewable(t, machineProducts)
	proto := &commands.ProtoCommands{
		NewSystemUnderTestFunc: func(commands.State) commands.SystemUnderTest {
			if _, err := s.db.Exec(`DELETE FROM product.reviews`); err != nil {
				t.Fatal(err)
			}
			if _, err := s.db.Exec(`UPDATE product.products SET rating = 0, review_count = 0`); err != nil {
				t.Fatal(err)
			}
			m := &machine{s: s, admin: uuid.NewString(), ids: map[key]string{}}
			copy(m.products[:], products)
			for i := range m.customers {
				m.customers[i] = uuid.NewString()
			}
			return m
		},
		DestroySystemUnderTestFunc: func(commands.SystemUnderTest) {},
		InitialStateGen:            gen.Const(reviewModel{reviews: map[key]modelReview{}}),
		GenCommandFunc:             genReviewCommand,
	}
	params := propParams(t, 60)
	params.MaxSize = 40
	props := gopter.NewProperties(params)
	props.Property("ratings, counts and votes follow the review model", commands.Prop(proto))
	props.TestingRun(t)
}
