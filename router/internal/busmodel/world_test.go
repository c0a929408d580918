package busmodel

import (
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"
)

// world is the system under test for one run of commands: the bus's
// stack (shared by the runs), the run's subscribers and what the writer
// committed. After the first failure it runs nothing more: the failure
// stands and the run ends quickly.
type world struct {
	t   *testing.T
	st  *stack
	run int
	id  string // the product the writer adjusts
	// base is the log's head when the run started, commits how many events
	// the writer committed since.
	base, commits int64
	subs          []*subscriber // by number
	active        map[int]bool
	failed        bool
	// idle is set for a world started after a failure: it runs nothing.
	idle bool
	// history lists the commands run, for the log.
	history []string
	// changed is every subscriber's signal of a change.
	changed chan struct{}
}

func newWorld(t *testing.T, st *stack, run int) *world {
	ctx, cancel := bounded()
	defer cancel()
	head, err := st.head(ctx)
	if err != nil {
		t.Fatalf("run %d: the log's head: %v", run, err)
	}
	// After a failure gopter tries a shrunk sequence even when told not to
	// shrink; it runs as nothing (and so passes), which leaves the
	// sequence that failed as the one reported.
	return &world{t: t, st: st, run: run, id: st.productID(), base: head, active: map[int]bool{},
		changed: make(chan struct{}, 1), failed: st.failed, idle: st.failed}
}

// note records a command as it runs.
func (w *world) note(c fmt.Stringer) { w.history = append(w.history, c.String()) }

// close ends the run: every subscriber still there leaves.
func (w *world) close() {
	for n := range w.active {
		w.subs[n].leave()
	}
	if !w.idle {
		w.t.Log(runSummary(w))
	}
}

// after runs every command's own work, then (unless it failed) checks
// what every subscriber received so far: a gap, a repeat or a wrong order
// is final, whatever arrives later.
func (w *world) after(do func() error) error {
	if w.failed {
		return nil
	}
	err := do()
	if err == nil {
		for _, s := range w.subs {
			if _, err = w.verify(s, -1); err != nil {
				break
			}
		}
	}
	if err != nil {
		w.failed, w.st.failed = true, true
		err = fmt.Errorf("run %d on %s: %w", w.run, w.st.bus, err)
		w.t.Log(err)
	}
	return err
}

func (w *world) join(j join) error {
	return w.after(func() error {
		ctx, cancel := bounded()
		defer cancel()
		head, err := w.st.head(ctx)
		if err != nil {
			return err
		}
		s := &subscriber{n: j.n, how: "SSE", url: w.st.url, pre: w.st.prefix, joinHead: head, changed: w.changed}
		if j.ws {
			s.how = "WebSocket"
		}
		if !j.shared {
			s.name = fmt.Sprintf("U%d_%d", w.run, j.n)
		}
		switch {
		case j.live:
			s.live = true
		case j.like >= 0:
			s.after = w.startOf(w.subs[j.like])
		case j.back < 0:
			s.after = 0
		default:
			s.after = max(0, head-int64(j.back))
		}
		w.subs = append(w.subs, s)
		w.active[j.n] = true
		s.start()
		if !s.live {
			return nil
		}
		// A live subscription starts when its upstream subscription does,
		// which no client can see: the join is complete once it received
		// an event, and its cursor is the one before that event (which
		// must have been committed after it subscribed, see verify).
		for len(s.received()) == 0 {
			if err := w.commitOne(); err != nil {
				return err
			}
			// Another event unless this one arrives soon: the pause only
			// spaces the writer's events out, nothing is decided by it.
			pause := time.NewTimer(300 * time.Millisecond)
			for len(s.received()) == 0 && ctx.Err() == nil {
				select {
				case <-w.changed:
					continue
				case <-pause.C:
				case <-ctx.Done():
				}
				break
			}
			pause.Stop()
			if ctx.Err() != nil {
				return fmt.Errorf("%s never received an event (the writer committed %d meanwhile); ends: %s", s, w.commits, ends(s))
			}
		}
		return nil
	})
}

// startOf is the cursor subscriber s started from (for a live one: the
// event before the first it received).
func (w *world) startOf(s *subscriber) int64 {
	if !s.live {
		return s.after
	}
	if got := s.received(); len(got) > 0 {
		if n, err := w.seq(got[0]); err == nil {
			return n - 1
		}
	}
	return s.joinHead
}

func (w *world) leave(n int) error {
	return w.after(func() error {
		if w.active[n] {
			w.subs[n].leave()
			delete(w.active, n)
		}
		return nil
	})
}

func (w *world) commit(n int) error {
	return w.after(func() error {
		for range n {
			if err := w.commitOne(); err != nil {
				return err
			}
		}
		return nil
	})
}

// commitOne commits one event through the router.
func (w *world) commitOne() error {
	ctx, cancel := bounded()
	defer cancel()
	if err := w.st.adjust(ctx, w.id); err != nil {
		return fmt.Errorf("the writer's mutation failed (after %d commits this run): %w", w.commits, err)
	}
	w.commits++
	return nil
}

func (w *world) restart(what string, after time.Duration) error {
	return w.after(func() error {
		// A random point of the stream, not a wait for anything.
		time.Sleep(after)
		w.st.kill(what)
		if what == "router" {
			return w.st.startRouter()
		}
		return w.st.startProduct()
	})
}

// catchUp waits (bounded) until every subscriber still there has received
// every event of the log, checking each against it; one that left must
// have received a beginning of its events.
func (w *world) catchUp() error {
	return w.after(func() error {
		ctx, cancel := bounded()
		defer cancel()
		head, err := w.st.head(ctx)
		if err != nil {
			return err
		}
		if head != w.base+w.commits {
			return fmt.Errorf("the bus's log grew from %s%d to %s%d during the run, but the writer committed %d events",
				w.st.prefix, w.base, w.st.prefix, head, w.commits)
		}
		for {
			var behind []string
			for _, s := range w.subs {
				done, err := w.verify(s, head)
				if err != nil {
					return err
				}
				if !done && w.active[s.n] {
					behind = append(behind, fmt.Sprintf("%s received %s; ends: %s", s, runs(s.received()), ends(s)))
				}
			}
			if len(behind) == 0 {
				return nil
			}
			if ctx.Err() != nil {
				return fmt.Errorf("after %s the log's head is %s%d, and these subscribers never received every event up to it:\n  %s",
					deadline, w.st.prefix, head, strings.Join(behind, "\n  "))
			}
			select {
			case <-w.changed:
			case <-ctx.Done():
			}
		}
	})
}

// verify checks that s received exactly the events after its cursor, in
// order, so far: a beginning of them, and (done) all of them up to head
// when head >= 0. A live subscriber's cursor is the event before the first
// it received, which must come after the log's head when it joined.
func (w *world) verify(s *subscriber, head int64) (bool, error) {
	got := s.received()
	from := s.after
	if s.live {
		if len(got) == 0 {
			return false, nil
		}
		first, err := w.seq(got[0])
		if err != nil {
			return false, fmt.Errorf("%s: %w", s, err)
		}
		if first <= s.joinHead {
			return false, fmt.Errorf("%s received %s first: an event committed before it subscribed", s, got[0])
		}
		from = first - 1
	}
	for i, c := range got {
		if want := fmt.Sprintf("%s%d", w.st.prefix, from+1+int64(i)); c != want {
			return false, fmt.Errorf("%s: event %d is %s, want %s; received %s; ends: %s", s, i+1, c, want, runs(got), ends(s))
		}
	}
	last := from + int64(len(got))
	if head >= 0 && last > head {
		return false, fmt.Errorf("%s received up to %s%d, past the log's head %s%d", s, w.st.prefix, last, w.st.prefix, head)
	}
	return head >= 0 && last == head, nil
}

// seq is the log position of a cursor of the stack's bus.
func (w *world) seq(cursor string) (int64, error) {
	n, err := strconv.ParseInt(strings.TrimPrefix(cursor, w.st.prefix), 10, 64)
	if err != nil || !strings.HasPrefix(cursor, w.st.prefix) {
		return 0, fmt.Errorf("cursor %q is not %s<n>", cursor, w.st.prefix)
	}
	return n, nil
}

// runs renders cursors as runs of consecutive ones: "[pg:4..pg:9 pg:12]".
func runs(cs []string) string {
	var parts []string
	for i := 0; i < len(cs); {
		j := i
		for j+1 < len(cs) && next(cs[j], cs[j+1]) {
			j++
		}
		if j > i {
			parts = append(parts, cs[i]+".."+cs[j])
		} else {
			parts = append(parts, cs[i])
		}
		i = j + 1
	}
	return "[" + strings.Join(parts, " ") + "]"
}

func next(a, b string) bool {
	i, j := strings.LastIndexByte(a, ':'), strings.LastIndexByte(b, ':')
	if i < 0 || j < 0 || a[:i] != b[:j] {
		return false
	}
	x, err1 := strconv.ParseInt(a[i+1:], 10, 64)
	y, err2 := strconv.ParseInt(b[j+1:], 10, 64)
	return err1 == nil && err2 == nil && y == x+1
}

// ends renders why s's streams ended (the last few).
func ends(s *subscriber) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	e := s.ends
	if len(e) > 4 {
		e = e[len(e)-4:]
	}
	if len(e) == 0 {
		return "none"
	}
	return strings.Join(e, " | ")
}
