package product

import (
	"encoding/json"
	"time"
)

// Event types the catalog publishes on the bus, one per kind of committed
// change. Consumers (the subscriptions here, other services) branch on them.
const (
	EventProductCreated      = "product.created"
	EventProductUpdated      = "product.updated"
	EventProductDeleted      = "product.deleted"
	EventProductStockChanged = "product.stock-changed"
	EventCategoryCreated     = "category.created"
	EventCategoryUpdated     = "category.updated"
	EventCategoryDeleted     = "category.deleted"
)

// ProductPayload is the JSON payload of every product.* event: the product
// as the change left it (as it was, for product.deleted). It is a public
// wire format read by other services, so it has its own JSON names and
// never changes with the Go types. Stock-changed events add the move.
type ProductPayload struct {
	ID             string         `json:"id"`
	Name           string         `json:"name"`
	Slug           string         `json:"slug"`
	Description    string         `json:"description"`
	Price          moneyJSON      `json:"price"`
	CompareAtPrice *moneyJSON     `json:"compareAtPrice"`
	CategoryID     string         `json:"categoryId"`
	Tags           []string       `json:"tags"`
	Images         []imagePayload `json:"images"`
	Rating         float64        `json:"rating"`
	ReviewCount    int            `json:"reviewCount"`
	Stock          int            `json:"stock"`
	SKU            string         `json:"sku"`
	Version        int            `json:"version"`
	CreatedAt      time.Time      `json:"createdAt"`
	UpdatedAt      time.Time      `json:"updatedAt"`
	// VariantID, Delta and Reason are set on product.stock-changed only
	// (Stock is then the product's new total); VariantID names the variant
	// whose stock moved. Consumers that predate variants read Delta and
	// Stock as before.
	VariantID string `json:"variantId,omitempty"`
	Delta     *int   `json:"delta,omitempty"`
	Reason    string `json:"reason,omitempty"`
}

type moneyJSON struct {
	Amount   int64  `json:"amount"`
	Currency string `json:"currency"`
}

type imagePayload struct {
	URL       string `json:"url"`
	Alt       string `json:"alt"`
	IsPrimary bool   `json:"isPrimary"`
}

// CategoryPayload is the JSON payload of every category.* event.
type CategoryPayload struct {
	ID          string  `json:"id"`
	Name        string  `json:"name"`
	Slug        string  `json:"slug"`
	Description string  `json:"description"`
	ParentID    *string `json:"parentId"`
	ImageURL    string  `json:"imageUrl"`
	Version     int     `json:"version"`
}

// NewProductPayload returns p's event payload.
func NewProductPayload(p Product) ProductPayload {
	out := ProductPayload{
		ID: p.ID, Name: p.Name, Slug: p.Slug, Description: p.Description,
		Price:      moneyJSON{p.Price.Amount, p.Price.Currency},
		CategoryID: p.CategoryID, Tags: p.Tags, Images: make([]imagePayload, len(p.Images)),
		Rating: p.Rating, ReviewCount: p.ReviewCount, Stock: p.Stock, SKU: p.SKU, Version: p.Version,
		CreatedAt: p.CreatedAt.UTC(), UpdatedAt: p.UpdatedAt.UTC(),
	}
	if out.Tags == nil {
		out.Tags = []string{}
	}
	if c := p.CompareAtPrice; c != nil {
		out.CompareAtPrice = &moneyJSON{c.Amount, c.Currency}
	}
	for i, im := range p.Images {
		out.Images[i] = imagePayload{im.URL, im.Alt, im.IsPrimary}
	}
	return out
}

// Product converts a payload back into the product it describes, so a
// subscriber shows each event's own state of the product, not a later one.
func (pp ProductPayload) Product() Product {
	p := Product{
		ID: pp.ID, Name: pp.Name, Slug: pp.Slug, Description: pp.Description,
		Price:      Money{pp.Price.Amount, pp.Price.Currency},
		CategoryID: pp.CategoryID, Tags: pp.Tags, Images: make([]Image, len(pp.Images)),
		Rating: pp.Rating, ReviewCount: pp.ReviewCount, Stock: pp.Stock, SKU: pp.SKU, Version: pp.Version,
		CreatedAt: pp.CreatedAt, UpdatedAt: pp.UpdatedAt,
	}
	if p.Tags == nil {
		p.Tags = []string{}
	}
	if c := pp.CompareAtPrice; c != nil {
		p.CompareAtPrice = &Money{c.Amount, c.Currency}
	}
	for i, im := range pp.Images {
		p.Images[i] = Image{URL: im.URL, Alt: im.Alt, IsPrimary: im.IsPrimary}
	}
	return p
}

// NewCategoryPayload returns c's event payload.
func NewCategoryPayload(c Category) CategoryPayload {
	return CategoryPayload{ID: c.ID, Name: c.Name, Slug: c.Slug, Description: c.Description,
		ParentID: c.ParentID, ImageURL: c.ImageURL, Version: c.Version}
}

// DecodeProductPayload parses the payload of a product.* event.
func DecodeProductPayload(b []byte) (ProductPayload, error) {
	var pp ProductPayload
	err := json.Unmarshal(b, &pp)
	return pp, err
}
