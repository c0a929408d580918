package product

import (
	"slices"
	"strings"
	"testing"
)

const (
	someID  = "6ba7b810-9dad-11d1-80b4-00c04fd430c8"
	otherID = "6ba7b811-9dad-11d1-80b4-00c04fd430c8"
)

func validFields() ProductFields {
	return ProductFields{
		Name: "Trail Shoe", Slug: "trail-shoe", Description: "Grippy.\nLight.", Price: 5999,
		CategoryID: someID, Tags: []string{"running"}, SKU: "NX-TRL-001",
		Images: []Image{{URL: "https://cdn.example.com/a.png", Alt: "side"}},
	}
}

// fieldsOf returns the fields named by err's INVALID errors, sorted.
func fieldsOf(t *testing.T, err error) []string {
	t.Helper()
	var out []string
	for _, e := range FieldErrors(err) {
		if e.Code != Invalid {
			t.Fatalf("%v: code %s, want INVALID", e, e.Code)
		}
		if !strings.HasPrefix(e.Error(), e.Field+": ") {
			t.Fatalf("message %q does not start with its field %q", e.Error(), e.Field)
		}
		out = append(out, e.Field)
	}
	slices.Sort(out)
	return out
}

func TestValidateNewProduct(t *testing.T) {
	i64 := func(v int64) *int64 { return &v }
	tests := []struct {
		name   string
		edit   func(*NewProduct)
		fields []string // nil: valid
	}{
		{"valid", func(*NewProduct) {}, nil},
		{"no images, no tags, free", func(p *NewProduct) { p.Images, p.Tags, p.Price = nil, nil, 0 }, nil},
		{"on sale", func(p *NewProduct) { p.CompareAtPrice = i64(6999) }, nil},
		{"empty name", func(p *NewProduct) { p.Name = "" }, []string{"input.name"}},
		{"blank name", func(p *NewProduct) { p.Name = "   " }, []string{"input.name"}},
		{"name of 200 characters", func(p *NewProduct) { p.Name = strings.Repeat("é", 200) }, nil},
		{"name of 201 characters", func(p *NewProduct) { p.Name = strings.Repeat("é", 201) }, []string{"input.name"}},
		{"name with a newline", func(p *NewProduct) { p.Name = "a\nb" }, []string{"input.name"}},
		{"invalid UTF-8 name", func(p *NewProduct) { p.Name = "\xff" }, []string{"input.name"}},
		{"upper-case slug", func(p *NewProduct) { p.Slug = "Trail-Shoe" }, []string{"input.slug"}},
		{"slug with double hyphen", func(p *NewProduct) { p.Slug = "trail--shoe" }, []string{"input.slug"}},
		{"empty slug", func(p *NewProduct) { p.Slug = "" }, []string{"input.slug"}},
		{"long description", func(p *NewProduct) { p.Description = strings.Repeat("x", MaxDescriptionLength+1) }, []string{"input.description"}},
		{"negative price", func(p *NewProduct) { p.Price = -1 }, []string{"input.price"}},
		{"compare-at equal to price", func(p *NewProduct) { p.CompareAtPrice = i64(5999) }, []string{"input.compareAtPrice"}},
		{"compare-at below price", func(p *NewProduct) { p.CompareAtPrice = i64(100) }, []string{"input.compareAtPrice"}},
		{"category not an id", func(p *NewProduct) { p.CategoryID = "shoes" }, []string{"input.categoryId"}},
		{"empty tag", func(p *NewProduct) { p.Tags = []string{"a", ""} }, []string{"input.tags[1]"}},
		{"duplicate tag", func(p *NewProduct) { p.Tags = []string{"a", "a"} }, []string{"input.tags[1]"}},
		{"21 tags", func(p *NewProduct) { p.Tags = make([]string, 21) }, []string{"input.tags"}},
		{"empty SKU", func(p *NewProduct) { p.SKU = "" }, []string{"input.sku"}},
		{"SKU with a space", func(p *NewProduct) { p.SKU = "NX 1" }, []string{"input.sku"}},
		{"SKU of 65 characters", func(p *NewProduct) { p.SKU = strings.Repeat("A", 65) }, []string{"input.sku"}},
		{"relative image URL", func(p *NewProduct) { p.Images[0].URL = "/images/a.png" }, []string{"input.images[0].url"}},
		{"javascript image URL", func(p *NewProduct) { p.Images[0].URL = "javascript:alert(1)" }, []string{"input.images[0].url"}},
		{"ftp image URL", func(p *NewProduct) { p.Images[0].URL = "ftp://cdn.example.com/a.png" }, []string{"input.images[0].url"}},
		{"image URL with credentials", func(p *NewProduct) { p.Images[0].URL = "https://u:p@cdn.example.com/a.png" }, []string{"input.images[0].url"}},
		{"empty image URL", func(p *NewProduct) { p.Images[0].URL = "" }, []string{"input.images[0].url"}},
		{"two primary images", func(p *NewProduct) {
			p.Images = []Image{{URL: "http://x.test/1", IsPrimary: true}, {URL: "http://x.test/2", IsPrimary: true}}
		}, []string{"input.images[1].isPrimary"}},
		{"21 images", func(p *NewProduct) {
			p.Images = slices.Repeat([]Image{{URL: "http://x.test/1"}}, 21)
		}, []string{"input.images"}},
		{"negative stock", func(p *NewProduct) { p.Stock = -1 }, []string{"input.stock"}},
		{"every field wrong at once", func(p *NewProduct) {
			*p = NewProduct{ProductFields: ProductFields{Price: -5, CategoryID: "x", Images: []Image{{URL: "x"}}}, Stock: -1}
		}, []string{"input.categoryId", "input.images[0].url", "input.name", "input.price", "input.sku", "input.slug", "input.stock"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := NewProduct{ProductFields: validFields(), Stock: 3}
			in.Images = slices.Clone(in.Images)
			tt.edit(&in)
			if got := fieldsOf(t, ValidateNewProduct(in)); !slices.Equal(got, tt.fields) {
				t.Fatalf("invalid fields = %v, want %v", got, tt.fields)
			}
		})
	}
}

func TestValidateUpdatesAndStock(t *testing.T) {
	parent := someID
	self := otherID
	tests := []struct {
		name   string
		err    error
		fields []string
	}{
		{"product update", ValidateProductUpdate(ProductUpdate{ID: someID, Version: 1, ProductFields: validFields()}), nil},
		{"product update, version 0", ValidateProductUpdate(ProductUpdate{ID: someID, Version: 0, ProductFields: validFields()}), []string{"input.version"}},
		{"product update, bad id", ValidateProductUpdate(ProductUpdate{ID: "1", Version: 1, ProductFields: validFields()}), []string{"input.id"}},
		{"stock +5", ValidateStockAdjustment(StockAdjustment{ID: someID, Delta: 5, Reason: "delivery"}), nil},
		{"stock -5", ValidateStockAdjustment(StockAdjustment{ID: someID, Delta: -5, Reason: "damaged"}), nil},
		{"stock 0", ValidateStockAdjustment(StockAdjustment{ID: someID, Delta: 0, Reason: "noop"}), []string{"delta"}},
		{"stock, no reason", ValidateStockAdjustment(StockAdjustment{ID: someID, Delta: 1, Reason: " "}), []string{"reason"}},
		{"stock, bad id and huge delta", ValidateStockAdjustment(StockAdjustment{ID: "x", Delta: MaxStock + 1, Reason: "r"}), []string{"delta", "id"}},
		{"category", ValidateNewCategory(CategoryFields{Name: "Shoes", Slug: "shoes", ParentID: &parent}), nil},
		{"category, placeholder image", ValidateNewCategory(CategoryFields{Name: "Shoes", Slug: "shoes", ImageURL: ""}), nil},
		{"category, bad everything", ValidateNewCategory(CategoryFields{Name: strings.Repeat("n", 121), Slug: "-", ImageURL: "data:x", ParentID: new(string)}),
			[]string{"input.imageUrl", "input.name", "input.parentId", "input.slug"}},
		{"category update, own parent", ValidateCategoryUpdate(CategoryUpdate{ID: self, Version: 2, CategoryFields: CategoryFields{Name: "A", Slug: "a", ParentID: &self}}), []string{"input.parentId"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := fieldsOf(t, tt.err); !slices.Equal(got, tt.fields) {
				t.Fatalf("invalid fields = %v, want %v (%v)", got, tt.fields, tt.err)
			}
		})
	}
}
