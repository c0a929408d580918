package graph

import (
	"context"
	"strings"

	"github.com/nexus-commerce/nexus/subgraphs/kit/events"
	product "github.com/nexus-commerce/nexus/subgraphs/product"
	"github.com/nexus-commerce/nexus/subgraphs/product/graph/model"
)

// changedProduct returns the product an event changes: the aggregate of a
// product.* event, the review's product (from the payload) for a review.*
// event; false for other events and undecodable review payloads (logged).
func (r *Resolver) changedProduct(ctx context.Context, ev events.Event) (string, bool) {
	switch {
	case strings.HasPrefix(ev.Type, "product."):
		return ev.AggregateID, true
	case product.IsReviewEvent(ev.Type):
		rp, err := product.DecodeReviewPayload(ev.Payload)
		if err != nil || rp.ProductID == "" {
			r.logger().WarnContext(ctx, "undecodable review event payload", "event", ev.ID, "type", ev.Type, "err", err)
			return "", false
		}
		return rp.ProductID, true
	}
	return "", false
}

// reviewEventProduct is the product of a review event with the rating and
// review count the change left it at (from the payload, so each event
// shows its own figures even when read later); its other fields are read
// now. Nil when the product no longer exists.
func (r *Resolver) reviewEventProduct(ctx context.Context, ev events.Event) *model.Product {
	rp, err := product.DecodeReviewPayload(ev.Payload)
	if err != nil || rp.ProductID == "" {
		r.logger().WarnContext(ctx, "undecodable review event payload", "event", ev.ID, "type", ev.Type, "err", err)
		return nil
	}
	p, err := r.Store.Product(ctx, rp.ProductID)
	if err != nil {
		if !isNotFound(err) {
			r.logger().WarnContext(ctx, "load product of review event", "event", ev.ID, "err", err)
		}
		return nil
	}
	p.Rating, p.ReviewCount = rp.ProductRating, rp.ProductReviewCount
	return &model.Product{Product: p}
}
