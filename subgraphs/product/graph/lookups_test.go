package graph_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

func testLookups(t *testing.T, e *env) {
	known := e.fetchPage(t, map[string]any{"first": 1}).Edges[0].Node

	const lookup = `query($id: ID!, $slug: String!) {
  byID: product(id: $id) {
    id slug createdAt updatedAt
    images { url alt isPrimary }
    category { id imageUrl }
  }
  bySlug: productBySlug(slug: $slug) { id }
}`
	var data struct {
		ByID *struct {
			ID        string `json:"id"`
			Slug      string `json:"slug"`
			CreatedAt string `json:"createdAt"`
			UpdatedAt string `json:"updatedAt"`
			Images    []struct {
				URL       string `json:"url"`
				Alt       string `json:"alt"`
				IsPrimary bool   `json:"isPrimary"`
			} `json:"images"`
			Category struct {
				ID       string `json:"id"`
				ImageURL string `json:"imageUrl"`
			} `json:"category"`
		} `json:"byID"`
		BySlug *struct {
			ID string `json:"id"`
		} `json:"bySlug"`
	}
	e.query(t, lookup, map[string]any{"id": known.ID, "slug": known.Slug}, &data)
	if data.ByID == nil || data.ByID.ID != known.ID || data.BySlug == nil || data.BySlug.ID != known.ID {
		t.Fatalf("lookups of %s / %s returned %+v", known.ID, known.Slug, data)
	}
	for _, ts := range []string{data.ByID.CreatedAt, data.ByID.UpdatedAt} {
		if _, err := time.Parse(time.RFC3339, ts); err != nil || !strings.HasSuffix(ts, "Z") {
			t.Errorf("DateTime %q is not RFC 3339 in UTC: %v", ts, err)
		}
	}
	if len(data.ByID.Images) == 0 {
		t.Fatal("seeded product has no images")
	}
	primaries := 0
	for _, img := range data.ByID.Images {
		if !strings.HasPrefix(img.URL, publicURL+"/images/products/") || !strings.HasSuffix(img.URL, ".svg") {
			t.Errorf("image url %q is not an absolute URL under PUBLIC_URL", img.URL)
		}
		if img.IsPrimary {
			primaries++
		}
	}
	if primaries != 1 {
		t.Errorf("%d primary images, want exactly 1", primaries)
	}
	if !strings.HasPrefix(data.ByID.Category.ImageURL, publicURL+"/") {
		t.Errorf("category imageUrl %q is not absolute under PUBLIC_URL", data.ByID.Category.ImageURL)
	}

	// Unknown ids and slugs are null without an error: a nullable lookup.
	resp := e.do(t, lookup, map[string]any{"id": "00000000-0000-0000-0000-000000000000", "slug": "no-such-slug"})
	if len(resp.Errors) != 0 {
		t.Fatalf("lookup of unknown product returned errors: %+v", resp.Errors)
	}
	var nulls map[string]json.RawMessage
	if err := json.Unmarshal(resp.Data, &nulls); err != nil {
		t.Fatal(err)
	}
	if string(nulls["byID"]) != "null" || string(nulls["bySlug"]) != "null" {
		t.Errorf("unknown lookups = %s, want both null", resp.Data)
	}
}
