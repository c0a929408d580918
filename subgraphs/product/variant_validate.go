package product

import (
	"fmt"
	"strings"
)

// MaxAttributeValueLength is the longest attribute value, in characters.
const MaxAttributeValueLength = 200

// ValidateSetOptions checks setProductOptions' input, naming fields as the
// GraphQL argument does (input.options[1].values[0]). The limits are the
// ones the SDL documents; a product whose options would make more than
// MaxVariants combinations is refused on input.options.
func ValidateSetOptions(in SetOptions) error {
	var fe fieldErrors
	checkID(&fe, "input.productId", in.ProductID)
	checkVersion(&fe, "input.version", in.Version)
	if len(in.Options) > MaxOptions {
		fe.add("input.options", "at most %d options, got %d", MaxOptions, len(in.Options))
		return fe.err()
	}
	names := make(map[string]int, len(in.Options))
	combinations := 1
	for i, o := range in.Options {
		field := fmt.Sprintf("input.options[%d]", i)
		checkText(&fe, field+".name", o.Name, 1, MaxOptionNameLength, false)
		key := strings.ToLower(strings.TrimSpace(o.Name))
		if j, dup := names[key]; dup && key != "" {
			fe.add(field+".name", "option %q is already input.options[%d] (names are compared case-insensitively)", o.Name, j)
		} else {
			names[key] = i
		}
		switch {
		case len(o.Values) == 0:
			fe.add(field+".values", "must hold at least one value")
		case len(o.Values) > MaxOptionValues:
			fe.add(field+".values", "at most %d values, got %d", MaxOptionValues, len(o.Values))
		}
		seen := make(map[string]int, len(o.Values))
		for j, v := range o.Values {
			vf := fmt.Sprintf("%s.values[%d]", field, j)
			checkText(&fe, vf, v, 1, MaxOptionNameLength, false)
			k := strings.ToLower(strings.TrimSpace(v))
			if prev, dup := seen[k]; dup && k != "" {
				fe.add(vf, "value %q is already values[%d] (values are compared case-insensitively)", v, prev)
			} else {
				seen[k] = j
			}
		}
		if n := len(o.Values); n > 0 && combinations <= MaxVariants {
			combinations *= n
		}
	}
	if combinations > MaxVariants {
		fe.add("input.options", "these options make more than %d combinations (variants); offer fewer values", MaxVariants)
	}
	return fe.err()
}

// ValidateVariantUpdate checks updateVariant's input. Whether the SKU is
// free and the list price is above the product's price (for a variant
// without its own price) need the database: the store checks them.
func ValidateVariantUpdate(in VariantUpdate) error {
	var fe fieldErrors
	checkID(&fe, "input.id", in.ID)
	checkVersion(&fe, "input.version", in.Version)
	checkSKU(&fe, "input.sku", in.SKU)
	if in.Price != nil && *in.Price < 0 {
		fe.add("input.price", "must not be negative, got %d", *in.Price)
	}
	if c := in.CompareAtPrice; c != nil {
		switch {
		case *c <= 0:
			fe.add("input.compareAtPrice", "must be positive, got %d", *c)
		case in.Price != nil && *c <= *in.Price:
			fe.add("input.compareAtPrice", "must be greater than price (%d), got %d; leave it null when the variant is not on sale", *in.Price, *c)
		}
	}
	checkImages(&fe, "input.images", in.Images)
	if len(in.Attributes) > MaxAttributes {
		fe.add("input.attributes", "at most %d attributes, got %d", MaxAttributes, len(in.Attributes))
	}
	names := make(map[string]int, len(in.Attributes))
	for i, a := range in.Attributes {
		field := fmt.Sprintf("input.attributes[%d]", i)
		checkText(&fe, field+".name", a.Name, 1, MaxOptionNameLength, false)
		checkText(&fe, field+".value", a.Value, 1, MaxAttributeValueLength, false)
		k := strings.ToLower(strings.TrimSpace(a.Name))
		if j, dup := names[k]; dup && k != "" {
			fe.add(field+".name", "attribute %q is already input.attributes[%d]", a.Name, j)
		} else {
			names[k] = i
		}
	}
	return fe.err()
}

// checkSKU applies the product SKU rules to a product's or a variant's SKU.
func checkSKU(fe *fieldErrors, field, sku string) {
	checkText(fe, field, sku, 1, MaxSKULength, false)
	if sku != "" && !skuPattern.MatchString(sku) {
		fe.add(field, "may hold only letters, digits and . _ - /, starting with a letter or digit")
	}
}

// checkImages applies the product image rules (count, URLs, alt text, at
// most one primary) to a list of images named field.
func checkImages(fe *fieldErrors, field string, images []Image) {
	if len(images) > MaxImages {
		fe.add(field, "at most %d images, got %d", MaxImages, len(images))
	}
	primary := -1
	for i, im := range images {
		f := fmt.Sprintf("%s[%d]", field, i)
		checkURL(fe, f+".url", im.URL, true)
		checkText(fe, f+".alt", im.Alt, 0, MaxAltLength, false)
		if im.IsPrimary {
			if primary >= 0 {
				fe.add(f+".isPrimary", "only one image may be primary; images[%d] already is", primary)
			}
			primary = i
		}
	}
}
