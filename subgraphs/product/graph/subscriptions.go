package graph

import (
	"context"
	"errors"
	"log/slog"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/nexus-commerce/nexus/subgraphs/kit/events"
	product "github.com/nexus-commerce/nexus/subgraphs/product"
	"github.com/nexus-commerce/nexus/subgraphs/product/graph/model"
)

// MaxWatchedIDs caps productChanged(ids:), so one subscription cannot make
// every event cost a lookup in a huge set.
const MaxWatchedIDs = 100

// catalogEvents runs Subscription.catalogEvents: every bus event after
// the cursor (live ones only without it), in cursor order.
func (r *Resolver) catalogEvents(ctx context.Context, after string) (<-chan *model.CatalogEvent, error) {
	sub, err := r.subscribe(ctx, after)
	if err != nil {
		return nil, err
	}
	return stream(ctx, r, sub, func(ev events.Event) (*model.CatalogEvent, bool) {
		return &model.CatalogEvent{
			Cursor: ev.Cursor, ID: ev.ID, Type: ev.Type, AggregateID: ev.AggregateID,
			OccurredAt: ev.OccurredAt.UTC().Format(time.RFC3339Nano), Payload: string(ev.Payload),
			Product: r.eventProduct(ctx, ev),
		}, true
	}), nil
}

// productChanged runs Subscription.productChanged: product events (and
// review events, which change the product's rating) after
// the cursor (live ones only without it), of the given products only when
// ids is set. Resuming after the cursor of the last change delivered
// misses nothing: the events skipped in between were filtered out anyway.
func (r *Resolver) productChanged(ctx context.Context, ids []string, after string) (<-chan *model.ProductChange, error) {
	var watch map[string]bool
	if ids != nil {
		if len(ids) > MaxWatchedIDs {
			return nil, product.Errorf(product.Invalid, "ids", "at most %d ids, got %d", MaxWatchedIDs, len(ids))
		}
		watch = make(map[string]bool, len(ids))
		for _, id := range ids {
			u, err := uuid.Parse(id)
			if err != nil {
				return nil, product.Errorf(product.Invalid, "ids", "%q is not a product id", id)
			}
			watch[u.String()] = true
		}
	}
	sub, err := r.subscribe(ctx, after)
	if err != nil {
		return nil, err
	}
	return stream(ctx, r, sub, func(ev events.Event) (*model.ProductChange, bool) {
		productID, ok := r.changedProduct(ctx, ev)
		if !ok || (watch != nil && !watch[productID]) {
			return nil, false
		}
		return &model.ProductChange{
			Type: ev.Type, Cursor: ev.Cursor, ProductID: productID,
			Product: r.eventProduct(ctx, ev), OccurredAt: ev.OccurredAt,
		}, true
	}), nil
}

// subscribe opens a bus subscription, turning cursor problems into client
// errors on the argument "after": CURSOR_EXPIRED (the bus's message tells
// the client to refetch) or INVALID.
func (r *Resolver) subscribe(ctx context.Context, after string) (events.Subscription, error) {
	if r.Bus == nil {
		return nil, product.InternalError("subscribe", errors.New("graph.Resolver.Bus is not set"))
	}
	sub, err := r.Bus.Subscribe(ctx, after)
	if err != nil {
		return nil, subscribeError(err)
	}
	return sub, nil
}

func subscribeError(err error) error {
	switch {
	case errors.Is(err, events.ErrCursorExpired):
		msg := "the cursor is older than the retained events; refetch the current state and subscribe without a cursor"
		var ce *events.CursorExpiredError
		if errors.As(err, &ce) {
			msg = ce.Error()
		}
		return &product.Error{Code: product.CursorExpired, Field: "after", Message: msg, Err: err}
	case errors.Is(err, events.ErrBadCursor):
		return &product.Error{Code: product.Invalid, Field: "after", Message: "not a cursor of this catalog's events; pass the cursor of an event you received", Err: err}
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return err
	}
	return product.InternalError("subscribe to catalog events", err)
}

// stream pumps sub into a channel for gqlgen until ctx ends (the client
// unsubscribed or disconnected) or the subscription fails. A failure is
// recorded for the operation (see streamErrors) and ends the stream, so the
// client gets one last message with the error and can resume with the
// cursor of the last event it received. convert returns false to skip an
// event. The channel is unbuffered: a slow client slows only its own
// subscription, which reads the bus at its own pace.
func stream[T any](ctx context.Context, r *Resolver, sub events.Subscription, convert func(events.Event) (T, bool)) <-chan T {
	out := make(chan T)
	go func() {
		defer close(out)
		defer sub.Close()
		for {
			ev, err := sub.Next(ctx)
			if err != nil {
				if ctx.Err() == nil && !errors.Is(err, events.ErrClosed) {
					r.logger().WarnContext(ctx, "catalog subscription failed", "err", err)
					setStreamError(ctx, subscribeError(err))
				}
				return
			}
			v, ok := convert(ev)
			if !ok {
				continue
			}
			select {
			case out <- v:
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}

// eventProduct is the product a product or review event describes, as
// the change left it; nil for deletions, category events and an undecodable payload
// (logged: the event itself is still delivered).
func (r *Resolver) eventProduct(ctx context.Context, ev events.Event) *model.Product {
	if product.IsReviewEvent(ev.Type) {
		return r.reviewEventProduct(ctx, ev)
	}
	if !strings.HasPrefix(ev.Type, "product.") || ev.Type == product.EventProductDeleted {
		return nil
	}
	pp, err := product.DecodeProductPayload(ev.Payload)
	if err != nil || pp.ID == "" {
		r.logger().WarnContext(ctx, "undecodable product event payload", "event", ev.ID, "type", ev.Type, "err", err)
		return nil
	}
	return &model.Product{Product: pp.Product()}
}

func (r *Resolver) logger() *slog.Logger {
	if r.Log == nil {
		return slog.New(slog.DiscardHandler)
	}
	return r.Log
}
