package catalog

import "github.com/nexus-commerce/nexus/router/internal/golden/subgraphs/catalog/model"

// The fixed catalog every golden file is reasoned from. p3's status is a
// value no schema knows and p4's is @inaccessible, for the enum cases.

func str(s string) *string                 { return &s }
func num(n int) *int                       { return &n }
func flt(f float64) *float64               { return &f }
func status(s string) *model.ProductStatus { v := model.ProductStatus(s); return &v }

var (
	home     = &model.Category{ID: "c1", Name: "Home"}
	lighting = &model.Category{ID: "c2", Name: "Lighting", Parent: home}
	lumo     = &model.Brand{ID: "b1", Name: "Lumo"}
	sitwell  = &model.Brand{ID: "b2", Name: "Sitwell"}

	img1 = &model.Image{ID: "img1", URL: "https://cdn.example/img1.png", Alt: "Lamp photo"}
	vid1 = &model.Video{ID: "vid1", URL: "https://cdn.example/vid1.mp4", Seconds: 30}
	img2 = &model.Image{ID: "img2", URL: "https://cdn.example/img2.png", Alt: "Chair photo"}
	vid2 = &model.Video{ID: "vid2", URL: "https://cdn.example/vid2.mp4", Seconds: 45}

	media      = []model.Media{img1, vid1, img2, vid2}
	categories = []*model.Category{home, lighting}
	brands     = []*model.Brand{lumo, sitwell}
	warehouses = []*model.Warehouse{
		{Code: "w1", Name: "North", Address: &model.Address{City: "Oslo", Country: "Norway"}},
		{Code: "w2", Name: "South", Address: &model.Address{City: "Madrid", Country: "Spain"}},
	}

	products = []*model.Product{
		{ID: "p1", Sku: "SKU-1", Variation: &model.Variation{ID: "v1", Color: "red"}, Name: "Lamp",
			Price: &model.Money{Amount: 1999, Currency: "EUR"}, Weight: 1200,
			Dimensions: &model.Dimensions{Length: 30, Width: 20, Height: 50},
			Category:   lighting, Brand: lumo, Status: status("ACTIVE"), InternalCode: str("INT-1"),
			Tags: []string{"home", "light"}, Media: []model.Media{img1, vid1},
			Attachments: []model.Attachment{&model.Manual{Label: "Lamp manual", Pages: 12}, &model.Warranty{Label: "2 years", Months: 24}},
			Rating:      flt(4.5), Popularity: num(80), Badge: str("new-SKU-1")},
		{ID: "p2", Sku: "SKU-2", Variation: &model.Variation{ID: "v2", Color: "blue"}, Name: "Chair",
			Price: &model.Money{Amount: 4999, Currency: "EUR"}, Weight: 8000,
			Dimensions: &model.Dimensions{Length: 60, Width: 60, Height: 90},
			Category:   home, Brand: sitwell, Status: status("DISCONTINUED"), InternalCode: str("INT-2"),
			Tags: []string{"home"}, Media: []model.Media{img2},
			Attachments: []model.Attachment{&model.Warranty{Label: "1 year", Months: 12}},
			Rating:      flt(3.9), Popularity: num(55), Badge: str("new-SKU-2")},
		{ID: "p3", Sku: "SKU-3", Variation: &model.Variation{ID: "v1", Color: "green"}, Name: "Rug",
			Price: &model.Money{Amount: 2500, Currency: "EUR"}, Weight: 3000,
			Dimensions: &model.Dimensions{Length: 200, Width: 140, Height: 1},
			Status:     status("ARCHIVED"), Tags: []string{}, Media: []model.Media{}, Attachments: []model.Attachment{},
			Popularity: num(10), Badge: str("new-SKU-3")},
		{ID: "p4", Sku: "SKU-4", Variation: &model.Variation{ID: "v3", Color: "black"}, Name: "Vase",
			Price: &model.Money{Amount: 1500, Currency: "EUR"}, Weight: 900,
			Dimensions: &model.Dimensions{Length: 15, Width: 15, Height: 40},
			Category:   lighting, Brand: lumo, Status: status("HIDDEN"), InternalCode: str("INT-4"),
			Tags: []string{"decor"}, Media: []model.Media{vid2},
			Attachments: []model.Attachment{&model.Manual{Label: "Vase care", Pages: 2}},
			Rating:      flt(2), Popularity: num(20), Badge: str("new-SKU-4")},
	}
)

// init links brands to their products, which refer back to the brands.
func init() {
	lumo.Products = []*model.Product{products[0], products[3]}
	sitwell.Products = []*model.Product{products[1]}
}
