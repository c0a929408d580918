package product

import (
	"errors"
	"strings"
	"testing"
)

func TestValidateNamesTheField(t *testing.T) {
	neg, five, ten := int64(-1), int64(5), int64(10)
	rating := Cursor{Order: SortRating, ID: "6ba7b810-9dad-11d1-80b4-00c04fd430c8"}.Encode()
	tests := []struct {
		name  string
		p     ListParams
		field string // "" = valid
	}{
		{"defaults", ListParams{First: 20}, ""},
		{"first 1", ListParams{First: 1}, ""},
		{"first 100", ListParams{First: 100}, ""},
		{"first 0: the GraphQL layer applies the default", ListParams{}, "first"},
		{"first 101", ListParams{First: 101}, "first"},
		{"unknown sort", ListParams{First: 1, Sort: "price_asc"}, "sort"},
		{"search of 200 characters", ListParams{First: 1, Filter: Filter{Search: strings.Repeat("é", 200)}}, ""},
		{"search of 201 characters", ListParams{First: 1, Filter: Filter{Search: strings.Repeat("é", 201)}}, "filter.search"},
		{"category id", ListParams{First: 1, Filter: Filter{CategoryID: "6ba7b810-9dad-11d1-80b4-00c04fd430c8"}}, ""},
		{"category not an id", ListParams{First: 1, Filter: Filter{CategoryID: "electronics"}}, "filter.categoryId"},
		{"min = max", ListParams{First: 1, Filter: Filter{MinPrice: &five, MaxPrice: &five}}, ""},
		{"min > max", ListParams{First: 1, Filter: Filter{MinPrice: &ten, MaxPrice: &five}}, "filter.minPrice"},
		{"negative min", ListParams{First: 1, Filter: Filter{MinPrice: &neg}}, "filter.minPrice"},
		{"negative max", ListParams{First: 1, Filter: Filter{MaxPrice: &neg}}, "filter.maxPrice"},
		{"tags", ListParams{First: 1, Filter: Filter{Tags: []string{"a", "b"}}}, ""},
		{"empty tag", ListParams{First: 1, Filter: Filter{Tags: []string{"a", ""}}}, "filter.tags"},
		{"cursor of the same order", ListParams{First: 1, Sort: SortRating, After: rating}, ""},
		{"cursor of another order", ListParams{First: 1, After: rating}, "after"},
		{"garbage cursor", ListParams{First: 1, After: "garbage"}, "after"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.p.Validate()
			if tt.field == "" {
				if err != nil {
					t.Fatalf("Validate = %v, want nil", err)
				}
				return
			}
			var e *Error
			if !errors.As(err, &e) || e.Code != Invalid || e.ErrorField() != tt.field || !strings.HasPrefix(e.Error(), tt.field+": ") {
				t.Fatalf("Validate = %#v, want INVALID on %s", err, tt.field)
			}
		})
	}
}

func TestOrder(t *testing.T) {
	tests := []struct {
		p                 ListParams
		effective, actual Sort
	}{
		{ListParams{}, SortNewest, SortNewest},
		{ListParams{Filter: Filter{Search: "lamp"}}, SortRelevance, SortRelevance},
		{ListParams{Filter: Filter{Search: " \x00 "}}, SortNewest, SortNewest},
		{ListParams{Sort: SortRelevance}, SortRelevance, SortNewest},
		{ListParams{Sort: SortPriceAsc, Filter: Filter{Search: "lamp"}}, SortPriceAsc, SortPriceAsc},
	}
	for _, tt := range tests {
		if e, a := tt.p.EffectiveSort(), tt.p.Order(); e != tt.effective || a != tt.actual {
			t.Errorf("%+v: EffectiveSort %s Order %s, want %s %s", tt.p, e, a, tt.effective, tt.actual)
		}
	}
}

func TestSearchText(t *testing.T) {
	if got := (Filter{Search: "\tred\x00lamp \u0085"}).SearchText(); got != "red lamp" {
		t.Fatalf("SearchText = %q", got)
	}
}

func TestInternalErrorHidesTheCause(t *testing.T) {
	cause := errors.New(`pq: syntax error at or near "SELECT"`)
	err := InternalError("list products", cause)
	if err.Error() != "internal error" || err.ErrorCode() != Internal || !errors.Is(err, cause) {
		t.Fatalf("InternalError = %q (%s), cause reachable: %v", err.Error(), err.ErrorCode(), errors.Is(err, cause))
	}
}
