package graph

import (
	"context"
	"errors"
	"fmt"

	product "github.com/nexus-commerce/nexus/subgraphs/product"
	"github.com/nexus-commerce/nexus/subgraphs/product/graph/model"
)

// productOptions resolves Product.options through the operation's loader.
func (r *Resolver) productOptions(ctx context.Context, p *model.Product) ([]*product.Option, error) {
	opts, err := r.variantLoaders(ctx).options.Load(ctx, p.ID)
	if err != nil {
		return nil, err
	}
	out := make([]*product.Option, len(opts))
	for i := range opts {
		out[i] = &opts[i]
	}
	return out, nil
}

// productVariants resolves Product.variants; the product itself is primed
// so each variant's product and price cost no further query.
func (r *Resolver) productVariants(ctx context.Context, p *model.Product) ([]*model.ProductVariant, error) {
	l := r.variantLoaders(ctx)
	l.products.Prime(p.ID, &p.Product)
	vs, err := l.variants.Load(ctx, p.ID)
	if err != nil {
		return nil, err
	}
	out := make([]*model.ProductVariant, len(vs))
	for i := range vs {
		out[i] = &model.ProductVariant{Variant: vs[i]}
	}
	return out, nil
}

// priceRange is the lowest and highest effective price over the product's
// variants; the product's price when it has none (never the case for a
// live product, but a price range must always be given).
func (r *Resolver) priceRange(ctx context.Context, p *model.Product) (*model.PriceRange, error) {
	vs, err := r.variantLoaders(ctx).variants.Load(ctx, p.ID)
	if err != nil {
		return nil, err
	}
	lo, hi := p.Price, p.Price
	for i, v := range vs {
		price := v.EffectivePrice(p.Product)
		if i == 0 || price.Amount < lo.Amount {
			lo = price
		}
		if i == 0 || price.Amount > hi.Amount {
			hi = price
		}
	}
	return &model.PriceRange{Min: &lo, Max: &hi}, nil
}

// variantProduct loads a variant's product (batched across variants).
func (r *Resolver) variantProduct(ctx context.Context, v *model.ProductVariant) (*model.Product, error) {
	p, err := r.variantLoaders(ctx).products.Load(ctx, v.ProductID)
	if err != nil {
		return nil, err
	}
	if p == nil {
		return nil, product.InternalError("variant product", fmt.Errorf("variant %s: product %s does not exist", v.ID, v.ProductID))
	}
	return &model.Product{Product: *p}, nil
}

// variantPrice is the variant's effective price (its own, else the product's).
func (r *Resolver) variantPrice(ctx context.Context, v *model.ProductVariant) (*product.Money, error) {
	if v.Price != nil {
		return v.Price, nil
	}
	p, err := r.variantProduct(ctx, v)
	if err != nil {
		return nil, err
	}
	m := v.EffectivePrice(p.Product)
	return &m, nil
}

// variantCompareAtPrice is the variant's effective list price.
func (r *Resolver) variantCompareAtPrice(ctx context.Context, v *model.ProductVariant) (*product.Money, error) {
	if v.CompareAtPrice != nil {
		return v.CompareAtPrice, nil
	}
	p, err := r.variantProduct(ctx, v)
	if err != nil {
		return nil, err
	}
	return v.EffectiveCompareAtPrice(p.Product), nil
}

// variantsByIDs resolves ProductVariant entity batches and
// Query.productVariant with one store call, in ids order, nil where unknown.
func (r *Resolver) variantsByIDs(ctx context.Context, ids []string) ([]*model.ProductVariant, error) {
	if r.Variants == nil {
		return nil, errNoVariantStore
	}
	found, err := r.Variants.VariantsByIDs(ctx, ids)
	if err != nil {
		return nil, err
	}
	r.expectProductsOfVariants(ctx, found)
	out := make([]*model.ProductVariant, len(found))
	for i, v := range found {
		if v != nil {
			out[i] = &model.ProductVariant{Variant: *v}
		}
	}
	return out, nil
}

// productVariant resolves Query.productVariant: null when unknown.
func (r *Resolver) productVariant(ctx context.Context, id string) (*model.ProductVariant, error) {
	vs, err := r.variantsByIDs(ctx, []string{id})
	if err != nil {
		return nil, err
	}
	return vs[0], nil
}

// variantWriter is admin() for the option and variant mutations.
func (r *Resolver) variantWriter(ctx context.Context) (product.VariantWriter, error) {
	if _, err := r.admin(ctx); err != nil {
		return nil, err
	}
	if r.VariantWriter == nil {
		return nil, product.InternalError("mutation", errors.New("graph.Resolver.VariantWriter is not set"))
	}
	return r.VariantWriter, nil
}

func (r *Resolver) setProductOptions(ctx context.Context, in model.SetProductOptionsInput) (*model.Product, error) {
	w, err := r.variantWriter(ctx)
	if err != nil {
		return nil, err
	}
	opts := make([]product.OptionInput, 0, len(in.Options))
	for _, o := range in.Options {
		if o != nil {
			opts = append(opts, product.OptionInput{Name: o.Name, Values: o.Values})
		}
	}
	p, err := w.SetProductOptions(ctx, product.SetOptions{ProductID: in.ProductID, Version: in.Version, Options: opts})
	if err != nil {
		return nil, fail(ctx, err)
	}
	return &model.Product{Product: p}, nil
}

func (r *Resolver) generateVariants(ctx context.Context, in model.GenerateVariantsInput) (*model.Product, error) {
	w, err := r.variantWriter(ctx)
	if err != nil {
		return nil, err
	}
	p, err := w.GenerateVariants(ctx, in.ProductID, in.Version)
	if err != nil {
		return nil, fail(ctx, err)
	}
	return &model.Product{Product: p}, nil
}

func (r *Resolver) updateVariant(ctx context.Context, in model.UpdateVariantInput) (*model.ProductVariant, error) {
	w, err := r.variantWriter(ctx)
	if err != nil {
		return nil, err
	}
	up := product.VariantUpdate{
		ID: in.ID, Version: in.Version, SKU: in.Sku, Price: widen(in.Price), CompareAtPrice: widen(in.CompareAtPrice),
		Images: make([]product.Image, 0, len(in.Images)), Attributes: make([]product.Attribute, 0, len(in.Attributes)),
	}
	for _, im := range in.Images {
		if im != nil {
			up.Images = append(up.Images, product.Image{URL: im.URL, Alt: im.Alt, IsPrimary: im.IsPrimary})
		}
	}
	for _, a := range in.Attributes {
		if a != nil {
			up.Attributes = append(up.Attributes, product.Attribute{Name: a.Name, Value: a.Value})
		}
	}
	v, err := w.UpdateVariant(ctx, up)
	if err != nil {
		return nil, fail(ctx, err)
	}
	return &model.ProductVariant{Variant: v}, nil
}

func (r *Resolver) deleteVariant(ctx context.Context, id string) (*model.ProductVariant, error) {
	w, err := r.variantWriter(ctx)
	if err != nil {
		return nil, err
	}
	v, err := w.DeleteVariant(ctx, id)
	if err != nil {
		return nil, err
	}
	return &model.ProductVariant{Variant: v}, nil
}
