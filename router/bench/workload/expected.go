package workload

import (
	"bytes"
	"encoding/json"
	"strconv"

	"github.com/nexus-commerce/nexus/router/bench/subgraphs/data"
)

// Expected is the compact JSON response to Query, field for field in
// selection order as GraphQL requires. It is derived from the dataset by
// following the query by hand, so a router that plans or merges wrongly
// cannot agree with it by accident.
func Expected() []byte {
	var w writer
	author, _ := data.UserByID(data.AuthorID)
	userReviews := data.Reviews[:data.UserReviewCount]
	// authorWithReviews writes ...User plus reviews { ...Review product { ...Product } }.
	authorWithReviews := func(u data.User) {
		w.raw(`{`)
		w.user(u)
		w.raw(`,"reviews":[`)
		for i, r := range userReviews {
			w.sep(i)
			w.raw(`{`)
			w.review(r)
			w.raw(`,"product":{`)
			w.product(r.ProductUPC)
			w.raw(`}}`)
		}
		w.raw(`]}`)
	}
	// productReviews writes reviews { ...Review author { authorWithReviews } }.
	productReviews := func(upc string) {
		w.raw(`"reviews":[`)
		for i, r := range data.ReviewsOf(upc) {
			w.sep(i)
			w.raw(`{`)
			w.review(r)
			w.raw(`,"author":`)
			authorWithReviews(author)
			w.raw(`}`)
		}
		w.raw(`]`)
	}

	w.raw(`{"data":{"users":[`)
	for i, u := range data.Users {
		w.sep(i)
		w.raw(`{`)
		w.user(u)
		w.raw(`,"reviews":[`)
		for j, r := range userReviews {
			w.sep(j)
			w.raw(`{`)
			w.review(r)
			w.raw(`,"product":{`)
			w.product(r.ProductUPC)
			w.raw(`,`)
			productReviews(r.ProductUPC)
			w.raw(`}}`)
		}
		w.raw(`]}`)
	}
	w.raw(`],"topProducts":[`)
	for i, p := range data.TopProducts(5) {
		w.sep(i)
		w.raw(`{`)
		w.product(p.UPC)
		w.raw(`,`)
		productReviews(p.UPC)
		w.raw(`}`)
	}
	w.raw(`]}}`)
	return w.b.Bytes()
}

// ExpectedTopProducts is the compact JSON response of the products
// subgraph to TopProductsQuery.
func ExpectedTopProducts() []byte {
	var w writer
	w.raw(`{"data":{"topProducts":[`)
	for i, p := range data.TopProducts(5) {
		w.sep(i)
		w.raw(`{"name":`)
		w.str(p.Name)
		w.raw(`,"price":` + strconv.Itoa(p.Price) + `,"upc":`)
		w.str(p.UPC)
		w.raw(`,"weight":` + strconv.Itoa(p.Weight) + `}`)
	}
	w.raw(`]}}`)
	return w.b.Bytes()
}

// writer appends JSON in a fixed field order.
type writer struct{ b bytes.Buffer }

func (w *writer) raw(s string) { w.b.WriteString(s) }

func (w *writer) sep(i int) {
	if i > 0 {
		w.b.WriteByte(',')
	}
}

// str writes a JSON string the way routers do: without escaping <, > and &.
func (w *writer) str(s string) {
	enc := json.NewEncoder(&w.b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s)           // a string always encodes
	w.b.Truncate(w.b.Len() - 1) // Encode appends a newline
}

// user writes the fields of fragment User.
func (w *writer) user(u data.User) {
	w.raw(`"id":`)
	w.str(u.ID)
	w.raw(`,"username":`)
	w.str(u.Username)
	w.raw(`,"name":`)
	w.str(u.Name)
}

// review writes the fields of fragment Review.
func (w *writer) review(r data.Review) {
	w.raw(`"id":`)
	w.str(r.ID)
	w.raw(`,"body":`)
	w.str(r.Body)
}

// product writes the fields of fragment Product, joining the products and
// inventory tables as the router joins the two subgraphs.
func (w *writer) product(upc string) {
	p, ok := data.ProductByUPC(upc)
	if !ok {
		panic("workload: dataset names unknown product " + upc)
	}
	w.raw(`"inStock":` + strconv.FormatBool(data.InStock[upc]))
	w.raw(`,"name":`)
	w.str(p.Name)
	w.raw(`,"price":` + strconv.Itoa(p.Price))
	w.raw(`,"shippingEstimate":` + strconv.Itoa(data.ShippingEstimate(p.Price, p.Weight)))
	w.raw(`,"upc":`)
	w.str(p.UPC)
	w.raw(`,"weight":` + strconv.Itoa(p.Weight))
}
