package product

import (
	"strings"
	"unicode"
)

// Combinations returns every combination of the options' values, the
// first option varying slowest (S/Black, S/White, M/Black…): the order a
// product's variants are shown in, so a variant's Position is the index
// of its combination here. No options yield one empty combination, the
// default variant's.
func Combinations(options []Option) [][]SelectedOption {
	out := [][]SelectedOption{{}}
	for _, o := range options {
		next := make([][]SelectedOption, 0, len(out)*len(o.Values))
		for _, prefix := range out {
			for _, v := range o.Values {
				c := make([]SelectedOption, len(prefix), len(prefix)+1)
				copy(c, prefix)
				next = append(next, append(c, SelectedOption{Name: o.Name, Value: v}))
			}
		}
		out = next
	}
	return out
}

// CombinationKey identifies a combination case-insensitively, as option
// names and values are compared, so "size=m" and "Size=M" are one variant.
func CombinationKey(c []SelectedOption) string {
	var b strings.Builder
	for _, o := range c {
		b.WriteString(strings.ToLower(strings.TrimSpace(o.Name)))
		b.WriteByte('=')
		b.WriteString(strings.ToLower(strings.TrimSpace(o.Value)))
		b.WriteByte(0)
	}
	return b.String()
}

// Remap returns the combination a variant with values sel has under the
// options opts, and false when the variant is no longer offered (one of
// its values was removed). An option the variant has no value for (a new
// option) gives it that option's first value, so adding Colour to a
// product sold in sizes keeps every size variant; values of options that
// were removed are dropped. Spelling follows opts.
func Remap(sel []SelectedOption, opts []Option) ([]SelectedOption, bool) {
	have := make(map[string]string, len(sel))
	for _, s := range sel {
		have[strings.ToLower(strings.TrimSpace(s.Name))] = strings.ToLower(strings.TrimSpace(s.Value))
	}
	out := make([]SelectedOption, 0, len(opts))
	for _, o := range opts {
		want, ok := have[strings.ToLower(strings.TrimSpace(o.Name))]
		if !ok {
			out = append(out, SelectedOption{Name: o.Name, Value: o.Values[0]})
			continue
		}
		found := false
		for _, v := range o.Values {
			if strings.ToLower(strings.TrimSpace(v)) == want {
				out = append(out, SelectedOption{Name: o.Name, Value: v})
				found = true
				break
			}
		}
		if !found {
			return nil, false
		}
	}
	return out, true
}

// SKUSuffix is the part a generated variant SKU adds to the product's
// ("m-black" for M / Black): each value lower-cased with runs of anything
// but letters and digits turned into single hyphens, so the SKU stays
// within the SKU alphabet whatever the values hold.
func SKUSuffix(c []SelectedOption) string {
	var b strings.Builder
	hyphen := false
	for _, o := range c {
		for _, r := range strings.ToLower(o.Value) {
			if r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
				if hyphen && b.Len() > 0 {
					b.WriteByte('-')
				}
				hyphen = false
				b.WriteRune(r)
			} else {
				hyphen = true
			}
		}
		hyphen = true
	}
	return b.String()
}
