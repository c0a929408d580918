package index

import (
	"context"
	"encoding/json"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/nexus-commerce/nexus/subgraphs/kit/events"
)

// maxBatch bounds how many events one refresh applies: a burst (an import,
// a seed) becomes a few reloads instead of one per event.
const maxBatch = 512

// Run builds the index and keeps it current until ctx ends. It subscribes
// to the bus before building, so no change committed after the build's
// snapshot is missed (events already reflected are re-applied harmlessly:
// a refresh reloads current rows). Any bus failure (lost connection,
// CURSOR_EXPIRED) rebuilds from scratch and subscribes again; failures are
// retried with a capped backoff. It returns ctx's error.
func (x *Index) Run(ctx context.Context, bus events.Bus) error {
	backoff := 100 * time.Millisecond
	for {
		err := x.follow(ctx, bus)
		if ctx.Err() != nil {
			return ctx.Err()
		}
		x.log.Warn("catalog index: rebuilding", "err", err)
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(backoff): // retry pacing, not synchronisation
		}
		backoff = min(2*backoff, 5*time.Second)
	}
}

// follow is one subscription's life: subscribe, build, apply batches.
func (x *Index) follow(ctx context.Context, bus events.Bus) error {
	sub, err := bus.Subscribe(ctx, "")
	if err != nil {
		return err
	}
	defer sub.Close()
	if err := x.Build(ctx); err != nil {
		return err
	}
	evc := make(chan events.Event)
	errc := make(chan error, 1)
	go func() {
		for {
			ev, err := sub.Next(ctx)
			if err != nil {
				errc <- err
				return
			}
			select {
			case evc <- ev:
			case <-ctx.Done():
				return
			}
		}
	}()
	for {
		var batch []events.Event
		select {
		case ev := <-evc:
			batch = append(batch, ev)
		case err := <-errc:
			return err
		case <-ctx.Done():
			return ctx.Err()
		}
	drain: // take what has already arrived, without waiting for more
		for len(batch) < maxBatch {
			select {
			case ev := <-evc:
				batch = append(batch, ev)
			default:
				break drain
			}
		}
		if err := x.apply(ctx, batch); err != nil {
			return err
		}
	}
}

// apply reloads what a batch of events changed: the products named by
// product.* events (and any event whose payload names a productId, such
// as review and variant events); anything else that may move many
// products (category.*, unknown types) rebuilds the whole index.
func (x *Index) apply(ctx context.Context, batch []events.Event) error {
	last := batch[len(batch)-1].Cursor
	var ids []string
	for _, ev := range batch {
		switch {
		case strings.HasPrefix(ev.Type, "product."):
			ids = append(ids, ev.AggregateID)
		case productIDOf(ev) != "":
			ids = append(ids, productIDOf(ev))
		default:
			return x.build(ctx, last)
		}
	}
	return x.Refresh(ctx, ids, last)
}

// productIDOf is the payload's productId, or "".
func productIDOf(ev events.Event) string {
	var p struct {
		ProductID string `json:"productId"`
	}
	if json.Unmarshal(ev.Payload, &p) != nil {
		return ""
	}
	return p.ProductID
}

// canonical lower-cases parsable ids (they key the snapshot) and drops the rest.
func canonical(ids []string) []string {
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		if u, err := uuid.Parse(id); err == nil {
			out = append(out, u.String())
		}
	}
	return out
}
