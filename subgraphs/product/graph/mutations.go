package graph

import (
	"context"
	"errors"

	"github.com/99designs/gqlgen/graphql"

	kitauth "github.com/nexus-commerce/nexus/subgraphs/kit/auth"
	product "github.com/nexus-commerce/nexus/subgraphs/product"
	"github.com/nexus-commerce/nexus/subgraphs/product/graph/model"
)

// AdminScope is the scope every catalog mutation requires. The router
// enforces @requiresScopes first; the subgraph checks again because it
// may be reached directly, and trusts only router-signed claims.
const AdminScope = "admin"

// admin returns the writer when the caller holds the admin scope:
// UNAUTHENTICATED for an anonymous caller, FORBIDDEN for a signed-in one
// without it (checked before any input is looked at, so a caller learns
// nothing about validation rules or ids).
func (r *Resolver) admin(ctx context.Context) (product.Writer, error) {
	if err := requireAdmin(ctx); err != nil {
		return nil, err
	}
	if r.Writer == nil {
		return nil, product.InternalError("mutation", errors.New("graph.Resolver.Writer is not set"))
	}
	return r.Writer, nil
}

// fail reports every field error inside err as its own GraphQL error, so
// a form can mark each invalid field; the last one is returned for gqlgen
// to add, the others are added here.
func fail(ctx context.Context, err error) error {
	errs := product.FieldErrors(err)
	if len(errs) <= 1 {
		return err
	}
	for _, e := range errs[:len(errs)-1] {
		graphql.AddError(ctx, e)
	}
	return errs[len(errs)-1]
}

// productFields converts the shared fields of the product inputs.
func productFields(name, slug, description string, price int, compareAt *int, categoryID string, tags []string, sku string, images []*model.ImageInput) product.ProductFields {
	f := product.ProductFields{
		Name: name, Slug: slug, Description: description, Price: int64(price),
		CompareAtPrice: widen(compareAt), CategoryID: categoryID, Tags: tags, SKU: sku,
		Images: make([]product.Image, 0, len(images)),
	}
	for _, im := range images {
		if im != nil {
			f.Images = append(f.Images, product.Image{URL: im.URL, Alt: im.Alt, IsPrimary: im.IsPrimary})
		}
	}
	return f
}

func newProduct(in model.CreateProductInput) product.NewProduct {
	return product.NewProduct{
		ProductFields: productFields(in.Name, in.Slug, in.Description, in.Price, in.CompareAtPrice, in.CategoryID, in.Tags, in.Sku, in.Images),
		Stock:         in.Stock,
	}
}

func productUpdate(in model.UpdateProductInput) product.ProductUpdate {
	return product.ProductUpdate{
		ID: in.ID, Version: in.Version,
		ProductFields: productFields(in.Name, in.Slug, in.Description, in.Price, in.CompareAtPrice, in.CategoryID, in.Tags, in.Sku, in.Images),
	}
}

func categoryFields(name, slug, description string, parentID, imageURL *string) product.CategoryFields {
	return product.CategoryFields{Name: name, Slug: slug, Description: description, ParentID: parentID, ImageURL: deref(imageURL)}
}

// requireAdmin is the subgraph's own check behind the router's
// @requiresScopes(admin), with the router's codes: UNAUTHENTICATED without
// claims, FORBIDDEN without the scope.
func requireAdmin(ctx context.Context) error {
	switch {
	case kitauth.ClaimsFrom(ctx) == nil:
		return product.Errorf(product.Unauthenticated, "", "sign in as an admin: this operation requires the %q scope", AdminScope)
	case !kitauth.HasScope(ctx, AdminScope):
		return product.Errorf(product.Forbidden, "", "this operation requires the %q scope", AdminScope)
	}
	return nil
}
