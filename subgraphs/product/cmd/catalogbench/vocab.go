package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"slices"
	"strings"
	"unicode"

	product "github.com/nexus-commerce/nexus/subgraphs/product"
)

// vocab is what random requests are made of, read from the catalog once
// through the router before the load starts.
type vocab struct {
	words      []string // lower-case words of product names (4+ letters)
	categories []string
	tags       []string
	options    map[string][]string
}

const vocabQuery = `{ categories { id }
  products(first: 100, sort: RATING) { edges { node { name } } facets { tags { tag } options { name values { value } } } } }`

func loadVocab(ctx context.Context, url string) (vocab, error) {
	body, _ := json.Marshal(map[string]any{"query": vocabQuery})
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return vocab{}, err
	}
	defer resp.Body.Close()
	var out struct {
		Data struct {
			Categories []struct{ ID string }
			Products   struct {
				Edges  []struct{ Node struct{ Name string } }
				Facets struct {
					Tags    []struct{ Tag string }
					Options []struct {
						Name   string
						Values []struct{ Value string }
					}
				}
			}
		}
		Errors []json.RawMessage
	}
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil || len(out.Errors) > 0 {
		return vocab{}, fmt.Errorf("vocabulary query: %v %s", err, out.Errors)
	}
	v := vocab{options: map[string][]string{}}
	for _, c := range out.Data.Categories {
		v.categories = append(v.categories, c.ID)
	}
	for _, e := range out.Data.Products.Edges {
		for _, w := range strings.FieldsFunc(strings.ToLower(e.Node.Name), func(r rune) bool { return !unicode.IsLetter(r) }) {
			if len(w) >= 4 && !slices.Contains(v.words, w) {
				v.words = append(v.words, w)
			}
		}
	}
	for _, t := range out.Data.Products.Facets.Tags {
		v.tags = append(v.tags, t.Tag)
	}
	for _, o := range out.Data.Products.Facets.Options {
		for _, val := range o.Values {
			v.options[o.Name] = append(v.options[o.Name], val.Value)
		}
	}
	if len(v.words) == 0 || len(v.categories) == 0 {
		return vocab{}, fmt.Errorf("vocabulary: the catalog looks empty")
	}
	return v, nil
}

// searchWord is a vocabulary word as a shopper types it: whole, a
// prefix, or with one letter dropped (a typo).
func (v vocab) searchWord(r *rand.Rand) string {
	w := v.words[r.IntN(len(v.words))]
	switch x := r.IntN(10); {
	case x < 2 && len(w) > 4:
		return w[:3+r.IntN(len(w)-3)]
	case x < 4 && len(w) >= 5:
		i := 1 + r.IntN(len(w)-2)
		return w[:i] + w[i+1:]
	}
	return w
}

// listing builds one random listing request's variables.
func (v vocab) listing(r *rand.Rand) map[string]any {
	f := map[string]any{}
	if r.IntN(2) == 0 {
		s := v.searchWord(r)
		if r.IntN(4) == 0 {
			s = v.searchWord(r) + " " + s
		}
		f["search"] = s
	}
	if r.IntN(5) < 2 {
		f["categoryId"] = v.categories[r.IntN(len(v.categories))]
	}
	if r.IntN(10) < 3 {
		lo := product.PriceBucketBounds[r.IntN(len(product.PriceBucketBounds))]
		f["minPrice"] = lo + int64(r.IntN(1000))
		if r.IntN(2) == 0 {
			f["maxPrice"] = lo + 5000 + int64(r.IntN(50000))
		}
	}
	if len(v.tags) > 0 && r.IntN(5) == 0 {
		f["tags"] = []string{v.tags[r.IntN(len(v.tags))]}
	}
	if r.IntN(10) < 3 {
		f["inStock"] = r.IntN(4) > 0
	}
	if len(v.options) > 0 && r.IntN(10) < 3 {
		for name, vals := range v.options {
			f["options"] = []map[string]any{{"name": name, "values": []string{vals[r.IntN(len(vals))]}}}
			break // map order: a random option
		}
	}
	vars := map[string]any{"f": f, "n": 10 + r.IntN(21)}
	if s := []string{"", "PRICE_ASC", "PRICE_DESC", "RATING", "NEWEST", "RELEVANCE"}[r.IntN(6)]; s != "" {
		vars["s"] = s
	}
	return vars
}

// suggestion builds one random searchSuggestions request's variables.
func (v vocab) suggestion(r *rand.Rand) map[string]any {
	return map[string]any{"q": v.searchWord(r)}
}
