// Package customer is the Nexus customer domain: profile, address book,
// saved payment methods (tokens only) and wishlist, extending the auth
// subgraph's User by id. Every read and write is keyed by the user id of
// the caller's verified claims (or, for an admin, of the user named), so a
// customer never reaches another customer's rows.
package customer

import (
	"context"
	"time"
)

// Limits per user, enforced by the store inside the write's transaction.
const (
	MaxAddresses      = 50
	MaxPaymentMethods = 10
	MaxWishlistItems  = 500
)

// DefaultLocale is the locale of a profile nobody has edited yet.
const DefaultLocale = "en"

// Profile is the customer's contact details and preferences. A profile row
// is created, with defaults, the first time anyone authorised reads or
// writes it: the auth subgraph owns users, this domain learns of them then.
type Profile struct {
	UserID          string
	Phone           *string // E.164
	MarketingEmails bool
	Locale          string
	UpdatedAt       time.Time
}

// ProfileUpdate changes the fields that are not nil; an empty Phone
// removes the phone.
type ProfileUpdate struct {
	Phone           *string
	MarketingEmails *bool
	Locale          *string
}

// AddressInput is an address as submitted (addAddress, updateAddress);
// ValidateAddress turns it into its normalised form.
type AddressInput struct {
	FirstName, LastName string
	Line1               string
	Line2               *string
	City                string
	Region              *string
	PostalCode          string
	Country             string
	Phone               string
	IsDefaultShipping   bool
	IsDefaultBilling    bool
}

// Address is a saved address: the normalised input plus identity.
type Address struct {
	ID     string
	UserID string
	AddressInput
	CreatedAt time.Time
}

// Card types of PaymentMethod.Type.
const (
	CreditCard = "CREDIT_CARD"
	DebitCard  = "DEBIT_CARD"
)

// Card is what a payment token stands for: never the number, only what a
// shopper needs to recognise the card.
type Card struct {
	Type     string // CreditCard or DebitCard
	Brand    string // visa, mastercard, amex, ...
	Last4    string
	ExpMonth int
	ExpYear  int
}

// PaymentMethod is a saved card: the provider's reference stays in the
// store, clients see the Card and the holder's name.
type PaymentMethod struct {
	ID     string
	UserID string
	Card
	HolderName string
	IsDefault  bool
	CreatedAt  time.Time
}

// WishlistItem is a product saved for later; the product subgraph resolves
// the product from its id.
type WishlistItem struct {
	ProductID string
	AddedAt   time.Time
}

// Store is the customer data in PostgreSQL. userID (and every id of
// userIDs) is always the id of a user whose data is read or changed,
// taken from the caller's verified claims (or the admin's explicit
// choice) and never from client input, so every method touches only those
// users' rows. The reads take several users, so one entity batch costs one
// query per field. Ids of another user's rows are NOT_FOUND, exactly like
// unknown ids.
type Store interface {
	// ProfilesOf returns the profiles of users, by user id, creating the
	// missing ones with defaults first.
	ProfilesOf(ctx context.Context, userIDs []string) (map[string]Profile, error)
	// UpdateProfile applies a validated update. Errors: INTERNAL.
	UpdateProfile(ctx context.Context, userID string, u ProfileUpdate) (Profile, error)

	// AddressesOf lists the address books of users, by user id, each
	// default shipping first, then default billing, then newest.
	AddressesOf(ctx context.Context, userIDs []string) (map[string][]Address, error)
	// AddAddress saves a validated address, taking over the defaults it
	// claims in the same transaction. Errors: CONFLICT past MaxAddresses.
	AddAddress(ctx context.Context, userID string, in AddressInput) (Address, error)
	// UpdateAddress replaces an address. Errors: NOT_FOUND.
	UpdateAddress(ctx context.Context, userID, id string, in AddressInput) (Address, error)
	// DeleteAddress deletes an address and returns it. Errors: NOT_FOUND.
	DeleteAddress(ctx context.Context, userID, id string) (Address, error)

	// SaveToken keeps a test token's SHA-256 hash with its card until
	// expires. Errors: INTERNAL.
	SaveToken(ctx context.Context, userID string, hash []byte, c Card, expires time.Time) error
	// PaymentMethodsOf lists the saved cards of users, by user id, each
	// default first, then newest.
	PaymentMethodsOf(ctx context.Context, userIDs []string) (map[string][]PaymentMethod, error)
	// AddPaymentMethod consumes the user's unexpired token (single use) and
	// saves its card. Errors: INVALID on input.token (unknown, used,
	// expired or another user's), CONFLICT past MaxPaymentMethods.
	AddPaymentMethod(ctx context.Context, userID string, tokenHash []byte, holderName string, isDefault bool) (PaymentMethod, error)
	// SetDefaultPaymentMethod makes one card the default. Errors: NOT_FOUND.
	SetDefaultPaymentMethod(ctx context.Context, userID, id string) (PaymentMethod, error)
	// DeletePaymentMethod deletes a card and returns it. Errors: NOT_FOUND.
	DeletePaymentMethod(ctx context.Context, userID, id string) (PaymentMethod, error)

	// WishlistsOf lists the wishlists of users, by user id, each most
	// recently added first.
	WishlistsOf(ctx context.Context, userIDs []string) (map[string][]WishlistItem, error)
	// AddToWishlist adds a product, or returns it when already there.
	// Errors: CONFLICT past MaxWishlistItems.
	AddToWishlist(ctx context.Context, userID, productID string) (WishlistItem, error)
	// RemoveFromWishlist removes a product; false when it was not there.
	RemoveFromWishlist(ctx context.Context, userID, productID string) (bool, error)
}
