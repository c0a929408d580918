// Package inventory is the golden corpus's inventory subgraph: stock per
// product (keyed by the compound key id + variation.id), fields computed from
// catalog's fields through @requires, and warehouses it may only partly
// answer for (@provides).
package inventory

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"slices"

	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/transport"

	"github.com/nexus-commerce/nexus/router/internal/golden/subgraphs/inventory/generated"
	"github.com/nexus-commerce/nexus/router/internal/golden/subgraphs/inventory/model"
)

// Resolver serves the fixed stock below; it holds no state.
type Resolver struct{}

// Handler serves the subgraph over HTTP POST, with introspection so that
// _service { sdl } answers.
func (r *Resolver) Handler() http.Handler {
	srv := handler.New(generated.NewExecutableSchema(generated.Config{Resolvers: r}))
	srv.AddTransport(transport.POST{})
	srv.Use(extension.Introspection{})
	return srv
}

type stockRow struct {
	id, variation string
	inStock       int
	warehouse     string
}

// stock is keyed like catalog's products (p3 shares variation v1 with p1).
var stock = []stockRow{
	{"p1", "v1", 5, "w1"},
	{"p2", "v2", 0, "w2"},
	{"p3", "v1", 12, ""},
	{"p4", "v3", 3, "w1"},
}

// provided holds what inventory may answer for a warehouse reached through
// Product.warehouse: its name and city (@provides). The country is not
// provided, so it is deliberately wrong here: a router that asks inventory
// for it instead of catalog shows up in the goldens.
var provided = map[string]*model.Warehouse{
	"w1": {Code: "w1", Name: "North", Address: &model.Address{City: "Oslo", Country: "not-provided-by-inventory"}},
	"w2": {Code: "w2", Name: "South", Address: &model.Address{City: "Madrid", Country: "not-provided-by-inventory"}},
}

var capacity = map[string]int{"w1": 100, "w2": 40}

// rates are cents per gram by zone.
var rates = map[model.Zone]int{model.ZoneDomestic: 1, model.ZoneEu: 2, model.ZoneWorld: 5}

func product(row stockRow) *model.Product {
	p := &model.Product{ID: row.id, Variation: &model.Variation{ID: row.variation}, InStock: row.inStock}
	if w, ok := provided[row.warehouse]; ok {
		p.Warehouse = &model.Warehouse{Code: w.Code, Name: w.Name, Address: w.Address, Capacity: capacity[w.Code]}
	}
	return p
}

// FindProductByIDAndVariationID fails for a product it holds no stock for
// (the @requires values reach each field resolver as federationRequires).
func (r *entityResolver) FindProductByIDAndVariationID(ctx context.Context, id string, variationID string) (*model.Product, error) {
	for _, row := range stock {
		if row.id == id && row.variation == variationID {
			return product(row), nil
		}
	}
	return nil, fmt.Errorf("no stock record for product %s variation %s", id, variationID)
}

// FindWarehouseByCode answers only what inventory owns (capacity); name and
// address are external and left empty so a misplanned fetch is visible.
func (r *entityResolver) FindWarehouseByCode(ctx context.Context, code string) (*model.Warehouse, error) {
	c, ok := capacity[code]
	if !ok {
		return nil, fmt.Errorf("unknown warehouse %s", code)
	}
	return &model.Warehouse{Code: code, Capacity: c, Address: &model.Address{}}, nil
}

// ShippingEstimate is the weight times the zone's rate; it fails when the
// router did not send the weight it @requires.
func (r *productResolver) ShippingEstimate(ctx context.Context, obj *model.Product, zone model.Zone, federationRequires map[string]any) (*model.Money, error) {
	weight, ok := requiredInt(federationRequires, "weight")
	if !ok {
		return nil, errors.New("shippingEstimate: the weight it requires was not sent")
	}
	return &model.Money{Amount: weight * rates[zone], Currency: "EUR"}, nil
}

// Packaging sizes a box from the footprint; it fails when the router did
// not send the dimensions it @requires.
func (r *productResolver) Packaging(ctx context.Context, obj *model.Product, federationRequires map[string]any) (string, error) {
	length, okL := requiredInt(federationRequires, "dimensions", "length")
	width, okW := requiredInt(federationRequires, "dimensions", "width")
	area := length * width
	switch {
	case !okL || !okW:
		return "", errors.New("packaging: the dimensions it requires were not sent")
	case area <= 1000:
		return "box:small", nil
	case area <= 5000:
		return "box:medium", nil
	default:
		return "box:large", nil
	}
}

// requiredInt reads a number at path in the @requires values gqlgen hands
// a field resolver; ok is false when the router did not send it.
func requiredInt(reqs map[string]any, path ...string) (int, bool) {
	var v any = reqs
	for _, k := range path {
		m, ok := v.(map[string]any)
		if !ok {
			return 0, false
		}
		v = m[k]
	}
	switch n := v.(type) {
	case json.Number:
		i, err := n.Int64()
		return int(i), err == nil
	case float64:
		return int(n), true
	case int64:
		return int(n), true
	case int:
		return n, true
	}
	return 0, false
}

// LowStock lists products with fewer than 4 units: p2 and p4.
func (r *queryResolver) LowStock(ctx context.Context) ([]*model.Product, error) {
	var out []*model.Product
	for _, row := range stock {
		if row.inStock < 4 {
			out = append(out, product(row))
		}
	}
	return out, nil
}

// views counts views of catalog's media (inventory sees Media only as an
// @interfaceObject: it never knows whether an id is an Image or a Video).
var views = []struct {
	id    string
	views int
}{
	{"img1", 120},
	{"vid1", 340},
	{"img2", 15},
	{"vid2", 90},
}

// FindMediaByID returns the views of one medium; it fails for an id
// catalog does not hold.
func (r *entityResolver) FindMediaByID(ctx context.Context, id string) (*model.Media, error) {
	for _, v := range views {
		if v.id == id {
			return &model.Media{ID: v.id, Views: v.views}, nil
		}
	}
	return nil, fmt.Errorf("no view count for media %s", id)
}

// TrendingMedia lists media with at least 100 views, most viewed first:
// vid1 (340), then img1 (120).
func (r *queryResolver) TrendingMedia(ctx context.Context) ([]*model.Media, error) {
	var out []*model.Media
	for _, v := range views {
		if v.views >= 100 {
			out = append(out, &model.Media{ID: v.id, Views: v.views})
		}
	}
	slices.SortFunc(out, func(a, b *model.Media) int { return b.Views - a.Views })
	return out, nil
}

// Entity returns generated.EntityResolver implementation.
func (r *Resolver) Entity() generated.EntityResolver { return &entityResolver{r} }

// Product returns generated.ProductResolver implementation.
func (r *Resolver) Product() generated.ProductResolver { return &productResolver{r} }

// Query returns generated.QueryResolver implementation.
func (r *Resolver) Query() generated.QueryResolver { return &queryResolver{r} }

type entityResolver struct{ *Resolver }
type productResolver struct{ *Resolver }
type queryResolver struct{ *Resolver }
