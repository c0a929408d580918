package graph_test

import "testing"

// TestReviewTextOverGraphQL: markup round-trips verbatim as JSON text (the
// client escapes it when rendering); NUL and other control characters are
// refused on the field that holds them, with nothing written.
func TestReviewTextOverGraphQL(t *testing.T) {
	t.Parallel()
	e := newReviewEnv(t, 1)
	me := customer()
	const write = `mutation($p: ID!, $t: String!, $b: String!, $n: String!) {
		writeReview(input: {productId: $p, rating: 3, title: $t, body: $b, authorName: $n}) { title body authorName } }`
	hostile := map[string]any{"p": e.products[0], "t": `<script>alert("t")</script>`,
		"b": "<img src=x onerror=alert(1)>\n\t&amp; \"quoted\" 'single' \u202eevil", "n": `Robert'); DROP TABLE product.reviews;--`}
	for name, bad := range map[string]map[string]any{
		"input.title":      {"t": "a\u0000b"},
		"input.body":       {"b": "a\u0007b"},
		"input.authorName": {"n": "line\nbreak"},
	} {
		vars := map[string]any{}
		for k, v := range hostile {
			vars[k] = v
		}
		for k, v := range bad {
			vars[k] = v
		}
		out := e.as(t, me, write, vars)
		if len(out.Errors) != 1 || out.Errors[0].Extensions["code"] != "INVALID" || out.Errors[0].Extensions["field"] != name {
			t.Fatalf("%s: %+v", name, out.Errors)
		}
	}
	var got struct {
		WriteReview struct{ Title, Body, AuthorName string }
	}
	e.must(t, me, write, hostile, &got)
	if got.WriteReview.Title != hostile["t"] || got.WriteReview.Body != hostile["b"] || got.WriteReview.AuthorName != hostile["n"] {
		t.Fatalf("stored %+v, want %v verbatim", got.WriteReview, hostile)
	}
	var n int
	if err := e.db.Get(&n, `SELECT count(*) FROM product.reviews`); err != nil || n != 1 {
		t.Fatalf("%d reviews (%v)", n, err)
	}
}
