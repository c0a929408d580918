// Package catalog is the golden corpus's catalog subgraph: the fixed
// products, categories, brands, warehouses and media of data.go.
package catalog

import (
	"context"
	"net/http"
	"strings"

	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/transport"

	"github.com/nexus-commerce/nexus/router/internal/golden/subgraphs/catalog/generated"
	"github.com/nexus-commerce/nexus/router/internal/golden/subgraphs/catalog/model"
)

// Resolver serves the fixed catalog; it holds no state.
type Resolver struct{}

// Handler serves the subgraph over HTTP POST, with introspection so that
// _service { sdl } answers.
func (r *Resolver) Handler() http.Handler {
	srv := handler.New(generated.NewExecutableSchema(generated.Config{Resolvers: r}))
	srv.AddTransport(transport.POST{})
	srv.Use(extension.Introspection{})
	return srv
}

func productBySku(sku string) *model.Product {
	for _, p := range products {
		if p.Sku == sku {
			return p
		}
	}
	return nil
}

func productByIDs(id, variationID string) *model.Product {
	for _, p := range products {
		if p.ID == id && p.Variation.ID == variationID {
			return p
		}
	}
	return nil
}

func brandByID(id string) *model.Brand {
	for _, b := range brands {
		if b.ID == id {
			return b
		}
	}
	return nil
}

func categoryByID(id string) *model.Category {
	for _, c := range categories {
		if c.ID == id {
			return c
		}
	}
	return nil
}

func mediaByID(id string) model.Media {
	for _, m := range media {
		if m.GetID() == id {
			return m
		}
	}
	return nil
}

// FindBrandByID is null for an unknown id.
func (r *entityResolver) FindBrandByID(ctx context.Context, id string) (*model.Brand, error) {
	return brandByID(id), nil
}

// FindCategoryByID is null for an unknown id.
func (r *entityResolver) FindCategoryByID(ctx context.Context, id string) (*model.Category, error) {
	return categoryByID(id), nil
}

// FindImageByID is null for an unknown id or one that is not an image.
func (r *entityResolver) FindImageByID(ctx context.Context, id string) (*model.Image, error) {
	img, _ := mediaByID(id).(*model.Image)
	return img, nil
}

// FindMediaByID resolves the entity interface to its concrete member.
func (r *entityResolver) FindMediaByID(ctx context.Context, id string) (model.Media, error) {
	return mediaByID(id), nil
}

// FindProductBySku is null for an unknown sku.
func (r *entityResolver) FindProductBySku(ctx context.Context, sku string) (*model.Product, error) {
	return productBySku(sku), nil
}

// FindProductByIDAndVariationID resolves the compound, nested key.
func (r *entityResolver) FindProductByIDAndVariationID(ctx context.Context, id string, variationID string) (*model.Product, error) {
	return productByIDs(id, variationID), nil
}

// FindVideoByID is null for an unknown id or one that is not a video.
func (r *entityResolver) FindVideoByID(ctx context.Context, id string) (*model.Video, error) {
	v, _ := mediaByID(id).(*model.Video)
	return v, nil
}

// FindWarehouseByCode is null for an unknown code.
func (r *entityResolver) FindWarehouseByCode(ctx context.Context, code string) (*model.Warehouse, error) {
	for _, w := range warehouses {
		if w.Code == code {
			return w, nil
		}
	}
	return nil, nil
}

// Product is null for an unknown sku.
func (r *queryResolver) Product(ctx context.Context, sku string) (*model.Product, error) {
	return productBySku(sku), nil
}

// ProductByID looks a product up by its compound key.
func (r *queryResolver) ProductByID(ctx context.Context, id string, variationID string) (*model.Product, error) {
	return productByIDs(id, variationID), nil
}

// Products lists p1..p4.
func (r *queryResolver) Products(ctx context.Context) ([]*model.Product, error) { return products, nil }

// Brand is null for an unknown id.
func (r *queryResolver) Brand(ctx context.Context, id string) (*model.Brand, error) {
	return brandByID(id), nil
}

// Category is null for an unknown id.
func (r *queryResolver) Category(ctx context.Context, id string) (*model.Category, error) {
	return categoryByID(id), nil
}

// Search lists products, then brands, whose name contains term in any case.
func (r *queryResolver) Search(ctx context.Context, term string) ([]model.SearchResult, error) {
	t := strings.ToLower(term)
	out := []model.SearchResult{}
	for _, p := range products {
		if strings.Contains(strings.ToLower(p.Name), t) {
			out = append(out, p)
		}
	}
	for _, b := range brands {
		if strings.Contains(strings.ToLower(b.Name), t) {
			out = append(out, b)
		}
	}
	return out, nil
}

// Node finds a product (by id), brand or category; null otherwise.
func (r *queryResolver) Node(ctx context.Context, id string) (model.Node, error) {
	for _, p := range products {
		if p.ID == id {
			return p, nil
		}
	}
	if b := brandByID(id); b != nil {
		return b, nil
	}
	if c := categoryByID(id); c != nil {
		return c, nil
	}
	return nil, nil
}

// Media lists img1, vid1, img2, vid2.
func (r *queryResolver) Media(ctx context.Context) ([]model.Media, error) { return media, nil }

// Warehouses lists w1 and w2.
func (r *queryResolver) Warehouses(ctx context.Context) ([]*model.Warehouse, error) {
	return warehouses, nil
}

// InternalProducts is @inaccessible: clients must never reach it.
func (r *queryResolver) InternalProducts(ctx context.Context) ([]*model.Product, error) {
	return products, nil
}

// Entity returns generated.EntityResolver implementation.
func (r *Resolver) Entity() generated.EntityResolver { return &entityResolver{r} }

// Query returns generated.QueryResolver implementation.
func (r *Resolver) Query() generated.QueryResolver { return &queryResolver{r} }

type entityResolver struct{ *Resolver }
type queryResolver struct{ *Resolver }
