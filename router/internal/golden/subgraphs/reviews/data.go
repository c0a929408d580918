package reviews

import "github.com/nexus-commerce/nexus/router/internal/golden/subgraphs/reviews/model"

// The fixed reviews every golden file is reasoned from. Names of users,
// products and brands are external here: reviews holds them only where a
// @provides promises them (Review.author, subject, highlight); everywhere
// else they stay empty, so a router that trusts reviews for an unprovided
// name shows up in the goldens as an empty string.

type product struct{ sku, id, name string }
type user struct{ id, name string }

var (
	productRows = []product{{"SKU-1", "p1", "Lamp"}, {"SKU-2", "p2", "Chair"}, {"SKU-3", "p3", "Rug"}, {"SKU-4", "p4", "Vase"}}
	userRows    = []user{{"u1", "Ada"}, {"u2", "Bob"}, {"u3", "Cy"}}
	brandNames  = map[string]string{"b1": "Lumo", "b2": "Sitwell"}
)

type reviewRow struct {
	id, sku, author string // author "" means none
	stars           int
	body            string
	subject         string // "SKU-n" or "bn"
	highlight       string // "SKU-n", "rn" or ""
	attachments     []model.Attachment
}

// attachment entries name their photographer by user id in TakenBy.ID.
var reviewRows = []reviewRow{
	{"r1", "SKU-1", "u1", 5, "Bright and warm", "SKU-1", "SKU-1", []model.Attachment{&model.Photo{Label: "my lamp", TakenBy: &model.User{ID: "u1"}}}},
	{"r2", "SKU-1", "u2", 3, "A bit small", "b1", "", []model.Attachment{&model.Warranty{Label: "2 years", Months: 24}}},
	{"r3", "SKU-2", "u1", 4, "Comfy", "SKU-2", "SKU-2", []model.Attachment{}},
	{"r4", "SKU-4", "u3", 1, "Cracked", "SKU-4", "r1", []model.Attachment{&model.Photo{Label: "crack", TakenBy: &model.User{ID: "u3"}}, &model.Warranty{Label: "none", Months: 0}}},
	{"r5", "SKU-3", "", 2, "Ok rug", "SKU-3", "", []model.Attachment{}},
}

// store is the object graph built from the rows.
type store struct {
	reviews []*model.Review
	byID    map[string]*model.Review
}

func newStore() *store {
	s := &store{byID: map[string]*model.Review{}}
	for _, row := range reviewRows {
		r := &model.Review{ID: row.id, Body: row.body, Stars: row.stars, Attachments: row.attachments}
		s.reviews = append(s.reviews, r)
		s.byID[r.ID] = r
	}
	for i, row := range reviewRows {
		r := s.reviews[i]
		r.Product = s.product(row.sku, false)
		if row.author != "" {
			r.Author = s.user(row.author, true)
		}
		if b, ok := brandNames[row.subject]; ok {
			r.Subject = &model.Brand{ID: row.subject, Name: b}
		} else {
			r.Subject = s.product(row.subject, true)
		}
		switch {
		case row.highlight == "":
		case s.byID[row.highlight] != nil:
			r.Highlight = s.byID[row.highlight]
		default:
			r.Highlight = s.product(row.highlight, true)
		}
		for _, a := range r.Attachments {
			if p, ok := a.(*model.Photo); ok {
				p.TakenBy = s.user(p.TakenBy.ID, false)
			}
		}
	}
	return s
}

// product returns a fresh Product; named is true only where @provides
// promises the name.
func (s *store) product(sku string, named bool) *model.Product {
	p := &model.Product{Sku: sku, Reviews: []*model.Review{}}
	for _, row := range productRows {
		if row.sku == sku {
			p.ID = row.id
			if named {
				p.Name = row.name
			}
		}
	}
	for _, r := range s.reviews {
		if reviewRows[indexOf(r.ID)].sku == sku {
			p.Reviews = append(p.Reviews, r)
		}
	}
	return p
}

// user returns a fresh User; named is true only where @provides promises it.
func (s *store) user(id string, named bool) *model.User {
	u := &model.User{ID: id, Reviews: []*model.Review{}}
	for _, row := range userRows {
		if row.id == id && named {
			u.Name = row.name
		}
	}
	for _, r := range s.reviews {
		if reviewRows[indexOf(r.ID)].author == id {
			u.Reviews = append(u.Reviews, r)
		}
	}
	u.ReviewCount = len(u.Reviews)
	return u
}

func indexOf(reviewID string) int {
	for i, row := range reviewRows {
		if row.id == reviewID {
			return i
		}
	}
	return -1
}
