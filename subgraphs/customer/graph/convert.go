package graph

import (
	customer "github.com/nexus-commerce/nexus/subgraphs/customer"
	"github.com/nexus-commerce/nexus/subgraphs/customer/graph/model"
)

func profileModel(p customer.Profile) *model.CustomerProfile {
	return &model.CustomerProfile{Phone: p.Phone, MarketingEmails: p.MarketingEmails, Locale: p.Locale, UpdatedAt: p.UpdatedAt}
}

func addressModel(a customer.Address) *model.Address {
	return &model.Address{
		ID: a.ID, FirstName: a.FirstName, LastName: a.LastName, Line1: a.Line1, Line2: a.Line2, City: a.City,
		Region: a.Region, PostalCode: a.PostalCode, Country: a.Country, Phone: a.Phone,
		IsDefaultShipping: a.IsDefaultShipping, IsDefaultBilling: a.IsDefaultBilling,
	}
}

func addressInput(in model.AddressInput) customer.AddressInput {
	return customer.AddressInput{
		FirstName: in.FirstName, LastName: in.LastName, Line1: in.Line1, Line2: in.Line2, City: in.City,
		Region: in.Region, PostalCode: in.PostalCode, Country: in.Country, Phone: in.Phone,
		IsDefaultShipping: in.IsDefaultShipping, IsDefaultBilling: in.IsDefaultBilling,
	}
}

func paymentModel(p customer.PaymentMethod) *model.PaymentMethod {
	return &model.PaymentMethod{
		ID: p.ID, Type: model.PaymentMethodType(p.Type), Brand: p.Brand, Last4: p.Last4,
		ExpMonth: p.ExpMonth, ExpYear: p.ExpYear, HolderName: p.HolderName, IsDefault: p.IsDefault, CreatedAt: p.CreatedAt,
	}
}

func wishlistModel(w customer.WishlistItem) *model.WishlistItem {
	return &model.WishlistItem{Product: &model.Product{ID: w.ProductID}, AddedAt: w.AddedAt}
}

func countryModel(c *customer.Country) *model.AddressCountry {
	return &model.AddressCountry{Code: c.Code, Name: c.Name, RequiresRegion: c.RequiresRegion(), PostalCodeExample: c.PostalCodeExample}
}

// mapAll converts a list with f.
func mapAll[T, M any](in []T, f func(T) *M) []*M {
	out := make([]*M, len(in))
	for i, v := range in {
		out[i] = f(v)
	}
	return out
}
