package store_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"

	auth "github.com/nexus-commerce/nexus/subgraphs/auth"
	"github.com/nexus-commerce/nexus/subgraphs/auth/store"
)

func newUser(t *testing.T, st *store.Store) (string, store.Issued) {
	t.Helper()
	id := uuid.NewString()
	var is store.Issued
	err := st.InTx(context.Background(), "setup", func(tx *store.Tx) error {
		if err := tx.InsertUser(context.Background(), auth.User{ID: id, Email: id + "@example.com", FirstName: "A", LastName: "B", Role: auth.RoleCustomer}, "x"); err != nil {
			return err
		}
		var err error
		is, err = tx.CreateSession(context.Background(), id, policy)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return id, is
}

// Two tabs refreshing with the same token at once both get a new token of
// the same family: the family row lock orders them, and the second falls
// in the grace of the first's rotation.
func TestConcurrentRefreshOfOneToken(t *testing.T) {
	st := store.New(migrated(t))
	_, is := newUser(t, st)
	var wg sync.WaitGroup
	results := make([]store.Issued, 2)
	errs := make([]error, 2)
	for i := range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i], errs[i] = st.Refresh(context.Background(), is.Token, policy)
		}()
	}
	wg.Wait()
	for i := range 2 {
		if errs[i] != nil || results[i].SessionID != is.SessionID {
			t.Fatalf("refresh %d: %v", i, errs[i])
		}
	}
	if results[0].Token == results[1].Token {
		t.Fatal("both tabs got the same token")
	}
	for _, r := range results {
		if _, err := st.Refresh(context.Background(), r.Token, policy); err != nil {
			t.Fatalf("a tab's new token: %v", err)
		}
	}
}

func TestPrune(t *testing.T) {
	db := migrated(t)
	st := store.New(db)
	now := time.Now().UTC()
	st.Now = func() time.Time { return now }
	uid, live := newUser(t, st)
	_, ended := newUser(t, st)
	err := st.InTx(context.Background(), "end", func(tx *store.Tx) error {
		if err := tx.RevokeSession(context.Background(), ended.SessionID, "sign-out"); err != nil {
			return err
		}
		_, err := tx.CreateEmailToken(context.Background(), uid, store.PurposeReset, time.Hour)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.Attempt(context.Background(), "signin:addr:x", store.Rule{Max: 3, Window: time.Minute}); err != nil {
		t.Fatal(err)
	}
	if n, err := st.Prune(context.Background()); err != nil || n != 0 {
		t.Fatalf("fresh rows pruned: %d %v", n, err)
	}
	now = now.Add(store.Keep + 2*time.Hour)
	n, err := st.Prune(context.Background())
	if err != nil || n != 3 { // the ended session, the expired token, the idle counter
		t.Fatalf("pruned %d (%v), want 3", n, err)
	}
	var left int
	if err := db.Get(&left, `SELECT count(*) FROM auth.sessions WHERE id = $1`, live.SessionID); err != nil || left != 1 {
		t.Fatal("a live session was pruned")
	}
	if err := db.Get(&left, `SELECT count(*) FROM auth.revocations`); err != nil || left != 1 {
		t.Fatal("revocations were pruned")
	}
}
