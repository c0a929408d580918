// Package data is the in-memory dataset of the federation benchmark: the
// users, products, stock and reviews of the classic accounts / inventory /
// products / reviews demo graph that The Guild's and Apollo's public gateway
// benchmarks serve. It is the same size and shape as theirs (6 users, 9
// products, 11 reviews, long lorem-ipsum review bodies) so the benchmark
// query answers with the same ~88 KB and our figures compare with theirs.
//
// The four subgraphs and the benchmark's expected response are all derived
// from these tables; nothing here changes after start, so readers need no
// locks.
package data

// User is an account (owned by the accounts subgraph).
type User struct {
	ID       string
	Name     string
	Username string
	Birthday int
}

// Product is a catalog entry (owned by the products subgraph).
type Product struct {
	UPC    string
	Name   string
	Price  int
	Weight int
}

// Review is a review of a product (owned by the reviews subgraph).
type Review struct {
	ID         string
	Body       string
	ProductUPC string
}

// Users in id order; the first is `me`.
var Users = []User{
	{ID: "1", Name: "Uri Goldshtein", Username: "urigo", Birthday: 1234567890},
	{ID: "2", Name: "Dotan Simha", Username: "dotansimha", Birthday: 1234567890},
	{ID: "3", Name: "Kamil Kisiela", Username: "kamilkisiela", Birthday: 1234567890},
	{ID: "4", Name: "Arda Tanrikulu", Username: "ardatan", Birthday: 1234567890},
	{ID: "5", Name: "Gil Gardosh", Username: "gilgardosh", Birthday: 1234567890},
	{ID: "6", Name: "Laurin Quast", Username: "laurin", Birthday: 1234567890},
}

// Products in catalog order; topProducts(first: n) is the first n.
var Products = []Product{
	{UPC: "1", Name: "Table", Price: 899, Weight: 100},
	{UPC: "2", Name: "Couch", Price: 1299, Weight: 1000},
	{UPC: "3", Name: "Glass", Price: 15, Weight: 20},
	{UPC: "4", Name: "Chair", Price: 499, Weight: 100},
	{UPC: "5", Name: "TV", Price: 1299, Weight: 1000},
	{UPC: "6", Name: "Lamp", Price: 6999, Weight: 300},
	{UPC: "7", Name: "Grill", Price: 3999, Weight: 2000},
	{UPC: "8", Name: "Fridge", Price: 100000, Weight: 6000},
	{UPC: "9", Name: "Sofa", Price: 9999, Weight: 800},
}

// InStock is the inventory subgraph's stock flag by UPC.
var InStock = map[string]bool{
	"1": true, "2": false, "3": false, "4": false, "5": true,
	"6": true, "7": true, "8": false, "9": true,
}

// Review bodies: classic lorem ipsum of different lengths (the second is
// cut short on purpose, as in the reference data).
const (
	lorem     = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip ex ea commodo consequat. Duis aute irure dolor in reprehenderit in voluptate velit esse cillum dolore eu fugiat nulla pariatur. Excepteur sint occaecat cupidatat non proident, sunt in culpa qui officia deserunt mollit anim id est laborum."
	sedUt     = "Sed ut perspiciatis unde omnis iste natus error sit voluptatem accusantium doloremque laudantium, totam rem aperiam, eaque ipsa quae ab illo inventore veritatis et quasi architecto beatae vitae dicta sunt explicabo. Nemo enim ipsam voluptatem quia voluptas sit aspernatur aut odit aut fugi"
	sedQuia   = "sed quia consequuntur magni dolores eos qui ratione voluptatem sequi nesciunt. Neque porro quisquam est, qui dolorem ipsum quia dolor sit amet, consectetur, adipisci velit, sed quia non numquam eius modi tempora incidunt ut labore et dolore magnam aliquam quaerat voluptatem."
	utEnim    = "Ut enim ad minima veniam, quis nostrum exercitationem ullam corporis suscipit laboriosam, nisi ut aliquid ex ea commodi consequatur? Quis autem"
	atVeroEos = "At vero eos et accusamus et iusto odio dignissimos ducimus qui blanditiis praesentium voluptatum deleniti atque corrupti quos dolores et quas molestias excepturi sint occaecati cupiditate non provident, similique sunt in culpa qui officia deserunt mollitia animi, id est laborum et dolorum fuga. Et harum quidem rerum facilis est et expedita distinctio. Nam libero tempore, cum soluta nobis est eligendi optio cumque nihil impedit quo minus id quod maxime placeat facere possimus, omnis voluptas assumenda est, omnis dolor repellendus. Temporibus autem quibusdam et aut officiis debitis aut rerum necessitatibus saepe eveniet ut et voluptates repudiandae sint et molestiae non recusandae. Itaque earum rerum hic tenetur a sapiente delectus, ut aut reiciendis voluptatibus maiores alias consequatur aut perferendis doloribus asperiores repellat."
)

// Reviews in id order.
var Reviews = []Review{
	{ID: "1", Body: lorem, ProductUPC: "1"},
	{ID: "2", Body: sedUt, ProductUPC: "1"},
	{ID: "3", Body: sedQuia, ProductUPC: "1"},
	{ID: "4", Body: utEnim, ProductUPC: "1"},
	{ID: "5", Body: lorem, ProductUPC: "2"},
	{ID: "6", Body: sedUt, ProductUPC: "2"},
	{ID: "7", Body: sedQuia, ProductUPC: "2"},
	{ID: "8", Body: utEnim, ProductUPC: "2"},
	{ID: "9", Body: utEnim, ProductUPC: "3"},
	{ID: "10", Body: utEnim, ProductUPC: "4"},
	{ID: "11", Body: atVeroEos, ProductUPC: "4"},
}

// AuthorID is the author of every review. The reference data attributes
// all reviews to one user and gives every user the same first two reviews;
// keeping that keeps the response size (and so the benchmark) comparable.
const AuthorID = "1"

// UserReviewCount is how many reviews (the first ones) every user has.
const UserReviewCount = 2

// ShippingEstimate is the inventory subgraph's rule: free over 1000,
// otherwise half the weight.
func ShippingEstimate(price, weight int) int {
	if price > 1000 {
		return 0
	}
	return weight / 2
}

// TopProducts returns the first n products (all of them when n exceeds
// the catalog, none when n <= 0).
func TopProducts(n int) []Product {
	return Products[:max(0, min(n, len(Products)))]
}

// ProductByUPC finds a product.
func ProductByUPC(upc string) (Product, bool) {
	for _, p := range Products {
		if p.UPC == upc {
			return p, true
		}
	}
	return Product{}, false
}

// UserByID finds a user.
func UserByID(id string) (User, bool) {
	for _, u := range Users {
		if u.ID == id {
			return u, true
		}
	}
	return User{}, false
}

// ReviewsOf returns the reviews of a product in id order.
func ReviewsOf(upc string) []Review {
	var out []Review
	for _, r := range Reviews {
		if r.ProductUPC == upc {
			out = append(out, r)
		}
	}
	return out
}
