// Package testsubgraph is a test-only gqlgen subgraph with subscriptions,
// served over graphql-transport-ws, graphql-ws and SSE like a real Nexus
// subgraph. Tests publish events on topics and wait for subscribers through
// channels, never through sleeps, and count upstream subscribe calls to
// prove the router shares identical subscriptions.
package testsubgraph

import (
	"context"
	"fmt"
	"net/http"
	"sync"
	"time"

	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/transport"

	"github.com/nexus-commerce/nexus/router/internal/subscriptions/testsubgraph/generated"
	"github.com/nexus-commerce/nexus/router/internal/subscriptions/testsubgraph/model"
)

// Resolver holds the topics and counts subscriptions. The zero value is
// ready to use.
type Resolver struct {
	mu         sync.Mutex
	topics     map[string]*topic
	subscribes int
	// changed is closed (and replaced) whenever a subscriber comes or goes,
	// so waiters re-check without polling.
	changed chan struct{}
}

type topic struct {
	seq  int
	subs map[*subscriber]struct{}
}

type subscriber struct {
	ch   chan *model.ProductEvent
	done <-chan struct{}
}

// Handler serves the subgraph: POST for queries and entity calls, WebSocket
// (both subprotocols) and SSE (POST) for subscriptions.
func (r *Resolver) Handler() http.Handler {
	srv := handler.New(generated.NewExecutableSchema(generated.Config{Resolvers: r}))
	srv.AddTransport(transport.Websocket{KeepAlivePingInterval: 10 * time.Second})
	srv.AddTransport(transport.SSE{})
	srv.AddTransport(transport.POST{})
	srv.Use(extension.Introspection{})
	return srv
}

// notifyLocked wakes every waiter; r.mu must be held.
func (r *Resolver) notifyLocked() {
	if r.changed != nil {
		close(r.changed)
	}
	r.changed = make(chan struct{})
}

func (r *Resolver) topicLocked(name string) *topic {
	if r.topics == nil {
		r.topics = map[string]*topic{}
	}
	t := r.topics[name]
	if t == nil {
		t = &topic{subs: map[*subscriber]struct{}{}}
		r.topics[name] = t
	}
	return t
}

// subscribe adds a subscriber to a topic until ctx ends.
func (r *Resolver) subscribe(ctx context.Context, name string) <-chan *model.ProductEvent {
	s := &subscriber{ch: make(chan *model.ProductEvent, 1024), done: ctx.Done()}
	r.mu.Lock()
	r.subscribes++
	r.topicLocked(name).subs[s] = struct{}{}
	r.notifyLocked()
	r.mu.Unlock()
	context.AfterFunc(ctx, func() {
		r.mu.Lock()
		defer r.mu.Unlock()
		if t := r.topics[name]; t != nil {
			if _, ok := t.subs[s]; ok {
				delete(t.subs, s)
				r.notifyLocked()
			}
		}
	})
	return s.ch
}

// Subscribes is the number of subscribe calls the subgraph has served.
func (r *Resolver) Subscribes() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.subscribes
}

// Subscribers is the number of live subscribers of a topic.
func (r *Resolver) Subscribers(name string) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	if t := r.topics[name]; t != nil {
		return len(t.subs)
	}
	return 0
}

// WaitSubscribers blocks until the topic has exactly n subscribers or ctx
// ends.
func (r *Resolver) WaitSubscribers(ctx context.Context, name string, n int) error {
	for {
		r.mu.Lock()
		got := 0
		if t := r.topics[name]; t != nil {
			got = len(t.subs)
		}
		if r.changed == nil {
			r.changed = make(chan struct{})
		}
		ch := r.changed
		r.mu.Unlock()
		if got == n {
			return nil
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("topic %q has %d subscribers, want %d: %w", name, got, n, ctx.Err())
		case <-ch:
		}
	}
}

// Publish sends an event about product id to every subscriber of a topic
// and returns its sequence number. It blocks while a subscriber's buffer
// is full, so nothing is dropped.
func (r *Resolver) Publish(name, kind, id, note string) int {
	// Sending under the lock keeps Close from closing a channel mid-send;
	// a send waits at most until its subscriber goes away.
	r.mu.Lock()
	defer r.mu.Unlock()
	t := r.topicLocked(name)
	t.seq++
	ev := &model.ProductEvent{Seq: t.seq, Kind: kind, Product: &model.Product{ID: id, Name: Name(id)}, Note: note}
	for s := range t.subs {
		select {
		case s.ch <- ev:
		case <-s.done:
		}
	}
	return ev.Seq
}

// Close completes every subscription of a topic.
func (r *Resolver) Close(name string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if t := r.topics[name]; t != nil {
		for s := range t.subs {
			close(s.ch)
		}
		t.subs = map[*subscriber]struct{}{}
		r.notifyLocked()
	}
}

// Name is the deterministic product name for an id.
func Name(id string) string { return "product " + id }

// Entity returns generated.EntityResolver implementation.
func (r *Resolver) Entity() generated.EntityResolver { return &entityResolver{r} }

// Query returns generated.QueryResolver implementation.
func (r *Resolver) Query() generated.QueryResolver { return &queryResolver{r} }

// Subscription returns generated.SubscriptionResolver implementation.
func (r *Resolver) Subscription() generated.SubscriptionResolver { return &subscriptionResolver{r} }

type entityResolver struct{ *Resolver }

type queryResolver struct{ *Resolver }

type subscriptionResolver struct{ *Resolver }

// FindProductByID answers entity calls for Product.
func (r *entityResolver) FindProductByID(_ context.Context, id string) (*model.Product, error) {
	return &model.Product{ID: id, Name: Name(id)}, nil
}

// Product looks a product up by id (every id exists).
func (r *queryResolver) Product(_ context.Context, id string) (*model.Product, error) {
	return &model.Product{ID: id, Name: Name(id)}, nil
}

// ProductEvents streams the events published on a topic.
func (r *subscriptionResolver) ProductEvents(ctx context.Context, name string) (<-chan *model.ProductEvent, error) {
	return r.subscribe(ctx, name), nil
}

// LiveEvents streams the events published on the topic "live".
func (r *subscriptionResolver) LiveEvents(ctx context.Context) (<-chan *model.ProductEvent, error) {
	return r.subscribe(ctx, "live"), nil
}

// PrivateEvents is ProductEvents behind @authenticated (the router checks).
func (r *subscriptionResolver) PrivateEvents(ctx context.Context, name string) (<-chan *model.ProductEvent, error) {
	return r.subscribe(ctx, name), nil
}

// Ticks sends 1..count and completes.
func (r *subscriptionResolver) Ticks(ctx context.Context, count int) (<-chan *model.Tick, error) {
	if count < 0 || count > 1000 {
		return nil, fmt.Errorf("count must be between 0 and 1000")
	}
	r.mu.Lock()
	r.subscribes++
	r.mu.Unlock()
	ch := make(chan *model.Tick, count)
	for i := 1; i <= count; i++ {
		ch <- &model.Tick{N: i}
	}
	close(ch)
	return ch, nil
}
