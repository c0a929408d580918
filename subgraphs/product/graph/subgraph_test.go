package graph_test

import "testing"

// TestSubgraph boots one subgraph (one throwaway database, migrated and
// seeded once) and runs every GraphQL-level test against it over HTTP.
// Subtests run sequentially because they share the store's call counters.
func TestSubgraph(t *testing.T) {
	e := newEnv(t)
	for _, tc := range []struct {
		name string
		run  func(*testing.T, *env)
	}{
		{"products", testProducts},
		{"pagination", testPagination},
		{"lookups", testLookups},
		{"service_sdl", testServiceSDL},
		{"entities", testEntities},
		{"argument_errors", testArgumentErrors},
		{"category_batching", testCategoryBatching},
		{"category_tree", testCategoryTree},
		{"variant_batching", testVariantBatching},
		{"variant_entities", testVariantEntities},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e.store.reset()
			tc.run(t, e)
		})
	}
}
