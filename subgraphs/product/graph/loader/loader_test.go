package loader

import (
	"context"
	"errors"
	"os"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/gen"
	"github.com/leanovate/gopter/prop"
)

// recorder is a FetchFunc that squares keys and remembers every call.
type recorder struct {
	mu    sync.Mutex
	calls [][]int
}

func (r *recorder) fetch(_ context.Context, keys []int) ([]int, error) {
	r.mu.Lock()
	r.calls = append(r.calls, slices.Clone(keys))
	r.mu.Unlock()
	out := make([]int, len(keys))
	for i, k := range keys {
		out[i] = k * k
	}
	return out, nil
}

// propertyParams seeds a property run from GOPTER_SEED when set (to replay a
// failure) or from the clock, and logs the seed either way.
func propertyParams(t *testing.T) *gopter.TestParameters {
	t.Helper()
	seed := time.Now().UnixNano()
	if s := os.Getenv("GOPTER_SEED"); s != "" {
		var err error
		if seed, err = strconv.ParseInt(s, 10, 64); err != nil {
			t.Fatalf("GOPTER_SEED: %v", err)
		}
	}
	t.Logf("property seed %d (replay with GOPTER_SEED=%d)", seed, seed)
	return gopter.DefaultTestParametersWithSeed(seed)
}

// TestConcurrentLoadsKeepOrderAndFetchOnce loads random keys from many
// goroutines at once: every caller gets its own key's value, no key is
// fetched twice, and when every key was expected beforehand there is exactly
// one fetch.
func TestConcurrentLoadsKeepOrderAndFetchOnce(t *testing.T) {
	properties := gopter.NewProperties(propertyParams(t))
	properties.Property("loads are correct, deduplicated and batched", prop.ForAll(
		func(keys []int, expectAll bool, many int) bool {
			rec := &recorder{}
			l := New(rec.fetch)
			if expectAll {
				l.Expect(keys...)
			}
			results := make([][]int, len(keys))
			var wg sync.WaitGroup
			for i := range keys {
				wg.Go(func() {
					// Mix single loads with LoadMany over a window of keys.
					end := min(len(keys), i+1+many%3)
					got, err := l.LoadMany(context.Background(), keys[i:end])
					if err == nil {
						results[i] = got
					}
				})
			}
			wg.Wait()
			for i := range keys {
				end := min(len(keys), i+1+many%3)
				for j, k := range keys[i:end] {
					if results[i] == nil || results[i][j] != k*k {
						return false
					}
				}
			}
			fetched := map[int]int{}
			for _, call := range rec.calls {
				for _, k := range call {
					fetched[k]++
				}
			}
			for _, k := range keys {
				if fetched[k] != 1 {
					return false
				}
			}
			return !expectAll || len(keys) == 0 || len(rec.calls) == 1
		},
		gen.SliceOf(gen.IntRange(0, 30)),
		gen.Bool(),
		gen.IntRange(0, 2),
	))
	properties.TestingRun(t)
}

func TestExpectBatchesTheNextLoad(t *testing.T) {
	rec := &recorder{}
	l := New(rec.fetch)
	l.Expect(3, 1, 3, 2)
	if v, err := l.Load(context.Background(), 2); err != nil || v != 4 {
		t.Fatalf("Load(2) = %d, %v; want 4", v, err)
	}
	if v, err := l.Load(context.Background(), 5); err != nil || v != 25 {
		t.Fatalf("Load(5) = %d, %v; want 25", v, err)
	}
	l.Expect(1, 5) // already known: ignored
	if _, err := l.Load(context.Background(), 1); err != nil {
		t.Fatal(err)
	}
	want := [][]int{{3, 1, 2}, {5}}
	if !slices.EqualFunc(rec.calls, want, slices.Equal) {
		t.Errorf("fetch calls = %v, want %v", rec.calls, want)
	}
}

func TestPrimeAvoidsFetch(t *testing.T) {
	rec := &recorder{}
	l := New(rec.fetch)
	l.Expect(7, 8)
	l.Prime(7, -1)
	l.Prime(7, -2) // first value wins
	got, err := l.LoadMany(context.Background(), []int{7, 8, 7})
	if err != nil || !slices.Equal(got, []int{-1, 64, -1}) {
		t.Fatalf("LoadMany = %v, %v; want [-1 64 -1]", got, err)
	}
	if !slices.EqualFunc(rec.calls, [][]int{{8}}, slices.Equal) {
		t.Errorf("fetch calls = %v, want [[8]]", rec.calls)
	}
}

func TestFetchErrors(t *testing.T) {
	boom := errors.New("boom")
	tests := []struct {
		name  string
		fetch FetchFunc[int, int]
		want  func(error) bool
	}{
		{"error", func(context.Context, []int) ([]int, error) { return nil, boom },
			func(err error) bool { return errors.Is(err, boom) }},
		{"short result", func(context.Context, []int) ([]int, error) { return []int{1}, nil },
			func(err error) bool { return err != nil }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := New(tt.fetch)
			l.Expect(1, 2)
			if _, err := l.Load(context.Background(), 1); !tt.want(err) {
				t.Errorf("Load(1) error = %v", err)
			}
			if _, err := l.Load(context.Background(), 2); !tt.want(err) {
				t.Errorf("Load(2) from the same batch: error = %v", err)
			}
		})
	}
}

func TestPanickingFetchReleasesWaiters(t *testing.T) {
	entered, release := make(chan struct{}), make(chan struct{})
	l := New(func(context.Context, []int) ([]int, error) {
		close(entered)
		<-release
		panic("fetch exploded")
	})
	l.Expect(1, 2)
	panicked := make(chan any)
	go func() {
		defer func() { panicked <- recover() }()
		_, _ = l.Load(context.Background(), 1)
	}()
	<-entered
	waiter := make(chan error)
	go func() {
		_, err := l.Load(context.Background(), 2)
		waiter <- err
	}()
	close(release)
	if p := <-panicked; p == nil {
		t.Error("the fetching caller did not see the panic")
	}
	if err := <-waiter; err == nil {
		t.Error("a waiter on a panicked fetch got no error")
	}
}

func TestWaiterHonoursItsContext(t *testing.T) {
	entered, release := make(chan struct{}), make(chan struct{})
	l := New(func(_ context.Context, keys []int) ([]int, error) {
		close(entered)
		<-release
		return make([]int, len(keys)), nil
	})
	l.Expect(1, 2)
	done := make(chan struct{})
	go func() {
		defer close(done)
		_, _ = l.Load(context.Background(), 1)
	}()
	<-entered
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := l.Load(ctx, 2); !errors.Is(err, context.Canceled) {
		t.Errorf("Load with a cancelled context: error = %v, want context.Canceled", err)
	}
	close(release)
	<-done
}
