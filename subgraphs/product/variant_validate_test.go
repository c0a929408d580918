package product

import (
	"slices"
	"strings"
	"testing"
)

func TestValidateVariantInputs(t *testing.T) {
	price, low, zero := int64(1000), int64(900), int64(0)
	opts := func(o ...OptionInput) SetOptions { return SetOptions{ProductID: someID, Version: 1, Options: o} }
	tests := []struct {
		name   string
		err    error
		fields []string
	}{
		{"no options", ValidateSetOptions(opts()), nil},
		{"size and colour", ValidateSetOptions(opts(OptionInput{"Size", []string{"S", "M"}}, OptionInput{"Colour", []string{"Black"}})), nil},
		{"bad product and version", ValidateSetOptions(SetOptions{ProductID: "p", Version: 0}), []string{"input.productId", "input.version"}},
		{"four options", ValidateSetOptions(opts(OptionInput{"A", []string{"1"}}, OptionInput{"B", []string{"1"}}, OptionInput{"C", []string{"1"}}, OptionInput{"D", []string{"1"}})),
			[]string{"input.options"}},
		{"names clash case-insensitively", ValidateSetOptions(opts(OptionInput{"Size", []string{"S"}}, OptionInput{" size", []string{"M"}})), []string{"input.options[1].name"}},
		{"blank name, no values", ValidateSetOptions(opts(OptionInput{" ", nil})), []string{"input.options[0].name", "input.options[0].values"}},
		{"values clash, blank, too long, control", ValidateSetOptions(opts(OptionInput{"Size", []string{"S", "M", "s", "", strings.Repeat("x", 61), "a\x00"}})),
			[]string{"input.options[0].values[2]", "input.options[0].values[3]", "input.options[0].values[4]", "input.options[0].values[5]"}},
		{"51 values", ValidateSetOptions(opts(OptionInput{"Size", values(51)})), []string{"input.options[0].values"}},
		{"50 x 2 = 100 combinations", ValidateSetOptions(opts(OptionInput{"Size", values(50)}, OptionInput{"Colour", []string{"a", "b"}})), nil},
		{"50 x 3 combinations", ValidateSetOptions(opts(OptionInput{"Size", values(50)}, OptionInput{"Colour", []string{"a", "b", "c"}})), []string{"input.options"}},
		{"variant update", ValidateVariantUpdate(VariantUpdate{ID: someID, Version: 1, SKU: "NX-1-M", Price: &price,
			Images: []Image{{URL: "https://cdn.example.com/m.png"}}, Attributes: []Attribute{{"Fit", "slim"}}}), nil},
		{"variant update, free price 0", ValidateVariantUpdate(VariantUpdate{ID: someID, Version: 1, SKU: "A", Price: &zero}), nil},
		{"variant update, everything wrong", ValidateVariantUpdate(VariantUpdate{ID: "v", Version: 0, SKU: "has space", Price: &price, CompareAtPrice: &low,
			Images:     []Image{{URL: "javascript:alert(1)"}, {URL: "https://a.example/x.png", IsPrimary: true}, {URL: "https://a.example/y.png", IsPrimary: true}},
			Attributes: []Attribute{{"Fit", "slim"}, {"fit", ""}}}),
			[]string{"input.attributes[1].name", "input.attributes[1].value", "input.compareAtPrice", "input.id", "input.images[0].url", "input.images[2].isPrimary", "input.sku", "input.version"}},
		{"variant update, negative price", ValidateVariantUpdate(VariantUpdate{ID: someID, Version: 1, SKU: "A", Price: new(int64(-1))}), []string{"input.price"}},
		{"variant update, 21 attributes", ValidateVariantUpdate(VariantUpdate{ID: someID, Version: 1, SKU: "A", Attributes: attributes(21)}), []string{"input.attributes"}},
		{"variant update, 20 attributes", ValidateVariantUpdate(VariantUpdate{ID: someID, Version: 1, SKU: "A", Attributes: attributes(20)}), nil},
		{"stock by variant", ValidateStockAdjustment(StockAdjustment{VariantID: someID, Delta: 1, Reason: "r"}), nil},
		{"stock by neither", ValidateStockAdjustment(StockAdjustment{Delta: 1, Reason: "r"}), []string{"variantId"}},
		{"stock by both", ValidateStockAdjustment(StockAdjustment{ID: someID, VariantID: otherID, Delta: 1, Reason: "r"}), []string{"variantId"}},
		{"stock by bad variant", ValidateStockAdjustment(StockAdjustment{VariantID: "x", Delta: 1, Reason: "r"}), []string{"variantId"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := fieldsOf(t, tt.err); !slices.Equal(got, tt.fields) {
				t.Fatalf("invalid fields = %v, want %v (%v)", got, tt.fields, tt.err)
			}
		})
	}
}

func attributes(n int) []Attribute {
	out := make([]Attribute, n)
	for i := range out {
		out[i] = Attribute{Name: values(n)[i], Value: "v"}
	}
	return out
}

func values(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = string(rune('a'+i%26)) + strings.Repeat("x", i/26)
	}
	return out
}

func TestCombinationsRemapAndSKUSuffix(t *testing.T) {
	opts := []Option{{Name: "Size", Values: []string{"S", "M"}}, {Name: "Colour", Values: []string{"Black", "Off White"}}}
	var titles []string
	for _, c := range Combinations(opts) {
		titles = append(titles, Variant{Options: c}.Title()+"|"+SKUSuffix(c))
	}
	want := []string{"S / Black|s-black", "S / Off White|s-off-white", "M / Black|m-black", "M / Off White|m-off-white"}
	if !slices.Equal(titles, want) {
		t.Fatalf("combinations %v, want %v", titles, want)
	}
	if c := Combinations(nil); len(c) != 1 || len(c[0]) != 0 {
		t.Fatalf("no options: %v", c)
	}
	if s := SKUSuffix([]SelectedOption{{"Size", "½ / ünï"}}); s != "n" {
		t.Fatalf("suffix of non-ASCII: %q", s)
	}
	remap := func(sel []SelectedOption, o []Option) string {
		got, ok := Remap(sel, o)
		if !ok {
			return "dropped"
		}
		return Variant{Options: got}.Title()
	}
	for _, tt := range []struct {
		sel  []SelectedOption
		opts []Option
		want string
	}{
		{nil, opts, "S / Black"}, // the default variant becomes the first combination
		{[]SelectedOption{{"size", "m"}}, opts, "M / Black"},
		{[]SelectedOption{{"Size", "L"}}, opts, "dropped"},
		{[]SelectedOption{{"Size", "M"}, {"Colour", "Black"}}, opts[1:], "Black"},
		{[]SelectedOption{{"Size", "M"}}, nil, "Default"},
	} {
		if got := remap(tt.sel, tt.opts); got != tt.want {
			t.Errorf("Remap(%v) = %s, want %s", tt.sel, got, tt.want)
		}
	}
}
