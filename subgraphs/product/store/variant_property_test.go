package store

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/gen"
	"github.com/leanovate/gopter/prop"

	"github.com/nexus-commerce/nexus/subgraphs/product"
)

// optionPool is what generated option sets draw from: names and values in
// varying case, so case-insensitive matching is exercised too.
var optionPool = []product.Option{
	{Name: "Size", Values: []string{"S", "M", "L", "XL"}},
	{Name: "Colour", Values: []string{"Black", "White", "Navy", "Olive"}},
	{Name: "Material", Values: []string{"Cotton", "Linen", "Wool"}},
}

// decodeOptions turns a step's generated numbers into an option set: which
// pool options (in which order), which of their values, in which case.
func decodeOptions(step []int) []product.OptionInput {
	var out []product.OptionInput
	order := []int{0, 1, 2}
	if step[0]%2 == 1 {
		order = []int{1, 0, 2}
	}
	for k, i := range order[:step[1]%4] {
		o := optionPool[i]
		name := o.Name
		if step[2]>>k&1 == 1 {
			name = strings.ToUpper(name)
		}
		var values []string
		for j, v := range o.Values {
			if step[3+k]>>j&1 == 1 {
				values = append(values, v)
			}
		}
		if len(values) == 0 {
			values = o.Values[:1]
		}
		if step[2]>>(k+3)&1 == 1 { // reversed value order
			for a, b := 0, len(values)-1; a < b; a, b = a+1, b-1 {
				values[a], values[b] = values[b], values[a]
			}
		}
		out = append(out, product.OptionInput{Name: name, Values: values})
	}
	return out
}

// TestGenerateVariantsCoversCombinations: after any sequence of
// setProductOptions (+ generateVariants) with stock moves in between, the
// live variants cover exactly the cartesian product of the option values
// (none missing, none twice); a variant whose values are still offered
// keeps its id and stock; an option change that would delete stocked
// variants is refused and changes nothing; products.stock is the sum.
func TestGenerateVariantsCoversCombinations(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, f, _ := writable(t)
	run, applied, refused := 0, 0, 0
	props := gopter.NewProperties(propParams(t, 30))
	props.Property("variants = cartesian product of the options", prop.ForAll(
		func(steps [][]int) string {
			run++
			f.Slug, f.SKU = fmt.Sprintf("p-%d", run), fmt.Sprintf("P%d", run)
			p, err := s.CreateProduct(ctx, product.NewProduct{ProductFields: f, Stock: 2})
			if err != nil {
				return err.Error()
			}
			for si, step := range steps {
				before := liveByID(t, s, p.ID)
				in := decodeOptions(step)
				opts := make([]product.Option, len(in))
				for i, o := range in {
					opts[i] = product.Option{Name: o.Name, Values: o.Values}
				}
				// What must happen, from the old variants mapped onto the new options.
				conflict, kept := false, map[string]bool{}
				seen := map[string]bool{}
				for _, v := range sortedByPosition(before) {
					sel, ok := product.Remap(v.Options, opts)
					if ok && !seen[product.CombinationKey(sel)] {
						seen[product.CombinationKey(sel)] = true
						kept[v.ID] = true
					} else if v.Stock > 0 {
						conflict = true
					}
				}
				got, err := s.SetProductOptions(ctx, product.SetOptions{ProductID: p.ID, Version: p.Version, Options: in})
				if conflict {
					if !isCode(err, product.Conflict) {
						return fmt.Sprintf("step %d: %v: want CONFLICT, got %v", si, in, err)
					}
					if after := liveByID(t, s, p.ID); !sameVariants(before, after) {
						return fmt.Sprintf("step %d: a refused change changed the variants", si)
					}
					refused++
					continue
				}
				if err != nil {
					return fmt.Sprintf("step %d: %v: %v", si, in, err)
				}
				applied++
				if p, err = s.GenerateVariants(ctx, p.ID, got.Version); err != nil {
					return fmt.Sprintf("step %d: generate: %v", si, err)
				}
				after := liveByID(t, s, p.ID)
				if msg := coversExactly(after, opts); msg != "" {
					return fmt.Sprintf("step %d: %v: %s", si, in, msg)
				}
				for id := range kept {
					if a, ok := after[id]; !ok || a.Stock != before[id].Stock {
						return fmt.Sprintf("step %d: variant %s (%s) was kept as %+v", si, id, before[id].Title(), a)
					}
				}
				// Move stock onto a few variants for the next step.
				for k, v := range sortedByPosition(after) {
					if step[6]>>k&1 == 1 {
						if _, err := s.AdjustStock(ctx, product.StockAdjustment{VariantID: v.ID, Delta: 1 + k, Reason: "prop"}); err != nil {
							return err.Error()
						}
					}
				}
				if total, sum := stockSum(t, s, p.ID); total != sum {
					return fmt.Sprintf("step %d: products.stock %d, variants %d", si, total, sum)
				}
			}
			return ""
		},
		gen.SliceOfN(4, gen.SliceOfN(8, gen.IntRange(0, 1<<12))),
	))
	props.TestingRun(t)
	t.Logf("%d option changes applied, %d refused for stocked variants", applied, refused)
}

func liveByID(t *testing.T, s *Store, productID string) map[string]product.Variant {
	out := map[string]product.Variant{}
	for _, v := range variantsOf(t, s, productID) {
		out[v.ID] = v
	}
	return out
}

func sortedByPosition(m map[string]product.Variant) []product.Variant {
	out := make([]product.Variant, 0, len(m))
	for _, v := range m {
		out = append(out, v)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Position < out[j].Position })
	return out
}

func sameVariants(a, b map[string]product.Variant) bool {
	if len(a) != len(b) {
		return false
	}
	for id, v := range a {
		w, ok := b[id]
		if !ok || w.Stock != v.Stock || product.CombinationKey(w.Options) != product.CombinationKey(v.Options) || w.Version != v.Version {
			return false
		}
	}
	return true
}

// coversExactly compares live variants with the cartesian product computed
// here from the option values (not with product.Combinations).
func coversExactly(vs map[string]product.Variant, opts []product.Option) string {
	want := map[string]bool{"": true}
	for _, o := range opts {
		next := map[string]bool{}
		for prefix := range want {
			for _, v := range o.Values {
				next[prefix+strings.ToLower(o.Name)+"="+strings.ToLower(v)+";"] = true
			}
		}
		want = next
	}
	got := map[string]bool{}
	for _, v := range vs {
		k := ""
		for _, o := range v.Options {
			k += strings.ToLower(o.Name) + "=" + strings.ToLower(o.Value) + ";"
		}
		if got[k] {
			return fmt.Sprintf("combination %q twice", k)
		}
		got[k] = true
		if !want[k] {
			return fmt.Sprintf("variant %s has combination %q, not offered", v.SKU, k)
		}
		if v.IsDefault != (len(opts) == 0) {
			return fmt.Sprintf("variant %s isDefault %v with %d options", v.SKU, v.IsDefault, len(opts))
		}
	}
	if len(got) != len(want) {
		return fmt.Sprintf("%d variants for %d combinations", len(got), len(want))
	}
	return ""
}
