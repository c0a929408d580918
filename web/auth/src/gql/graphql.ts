/* eslint-disable */
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = T | null | undefined;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /**
   * An instant in time, serialised as an RFC 3339 string in UTC
   * (for example `2024-05-01T12:30:00Z`; fractional seconds appear only when non-zero).
   */
  DateTime: { input: string; output: string; }
};

/** A card to save. The test tokenizer stands in for the payment provider: it keeps brand, last 4 and expiry and discards the number. */
export type AddPaymentMethodInput = {
  /** Name on the card, 1 to 100 characters. */
  holderName: Scalars['String']['input'];
  /** Make it the default. */
  isDefault?: Scalars['Boolean']['input'];
  /** A token from `tokenizeTestCard` (later: from the payment provider). */
  token: Scalars['String']['input'];
};

/** A postal address in the address book. */
export type Address = {
  __typename?: 'Address';
  /** City or town. */
  city: Scalars['String']['output'];
  /** ISO 3166-1 alpha-2 country code, upper case. */
  country: Scalars['String']['output'];
  /** Given name of the recipient. */
  firstName: Scalars['String']['output'];
  /** Stable unique identifier. */
  id: Scalars['ID']['output'];
  /** The address used for billing unless another is chosen; at most one. */
  isDefaultBilling: Scalars['Boolean']['output'];
  /** The address used for shipping unless another is chosen; at most one. */
  isDefaultShipping: Scalars['Boolean']['output'];
  /** Family name of the recipient. */
  lastName: Scalars['String']['output'];
  /** Street and number. */
  line1: Scalars['String']['output'];
  /** Apartment, suite, etc.; null when none. */
  line2: Maybe<Scalars['String']['output']>;
  /** Phone in E.164 form. */
  phone: Scalars['String']['output'];
  /** Postal code, normalised for the country (`SW1A 1AA`, `10115`). */
  postalCode: Scalars['String']['output'];
  /** State, province or region; required where the country needs one (US, CA, AU). */
  region: Maybe<Scalars['String']['output']>;
};

/** Countries whose addresses the address book validates, with their rules, so a form can adapt its fields. */
export type AddressCountry = {
  __typename?: 'AddressCountry';
  /** ISO 3166-1 alpha-2 code. */
  code: Scalars['String']['output'];
  /** English name. */
  name: Scalars['String']['output'];
  /** An example postal code (`94105`, `SW1A 1AA`). */
  postalCodeExample: Scalars['String']['output'];
  /** True when `region` is required. */
  requiresRegion: Scalars['Boolean']['output'];
};

/** An address to save. Validated per country; errors name the field (`input.postalCode`). */
export type AddressInput = {
  /** 1 to 100 characters. */
  city: Scalars['String']['input'];
  /** A code from `addressCountries`. */
  country: Scalars['String']['input'];
  /** 1 to 100 characters. */
  firstName: Scalars['String']['input'];
  /** Make it the default billing address. */
  isDefaultBilling?: Scalars['Boolean']['input'];
  /** Make it the default shipping address (the previous default stops being one). */
  isDefaultShipping?: Scalars['Boolean']['input'];
  /** 1 to 100 characters. */
  lastName: Scalars['String']['input'];
  /** 1 to 200 characters. */
  line1: Scalars['String']['input'];
  /** At most 200 characters. */
  line2?: InputMaybe<Scalars['String']['input']>;
  /** A valid phone number: E.164, or national digits for the country (spaces, dashes, parentheses allowed). */
  phone: Scalars['String']['input'];
  /** Valid for the country (US `94105` or `94105-1234`, GB `SW1A 1AA`, DE `10115`, ...). */
  postalCode: Scalars['String']['input'];
  /** Required where `addressCountries` says so; for US, CA and AU a valid state/province/territory code. */
  region?: InputMaybe<Scalars['String']['input']>;
};

/** A free-form attribute of a variant, for example Material = cotton or Weight = 250 g. */
export type Attribute = {
  __typename?: 'Attribute';
  /** Attribute name. */
  name: Scalars['String']['output'];
  /** Attribute value. */
  value: Scalars['String']['output'];
};

/** An attribute as `updateVariant` sets it: name 1 to 60 characters, value 1 to 200. */
export type AttributeInput = {
  /** Attribute name. */
  name: Scalars['String']['input'];
  /** Attribute value. */
  value: Scalars['String']['input'];
};

/** One event of the catalog bus, as `catalogEvents` delivers it. */
export type CatalogEvent = {
  __typename?: 'CatalogEvent';
  /** Id of the product, category or review that changed. */
  aggregateId: Scalars['ID']['output'];
  /** Position on the bus: ordered and gap-free. Pass the last one you saw as `after` to resume without missing or repeating an event. */
  cursor: Scalars['String']['output'];
  /** Unique event id, for deduplication. */
  id: Scalars['ID']['output'];
  /** When the change was committed (RFC 3339). */
  occurredAt: Scalars['String']['output'];
  /** The event's payload as JSON text: the entity as the change left it (as it was, for deletions); stock changes add `variantId`, `delta` and `reason`; review events carry `productId`, `rating` and the product's new `productRating` and `productReviewCount`. */
  payload: Scalars['String']['output'];
  /** For product events other than `product.deleted`, and review events: the product as the change left it. Null otherwise. */
  product: Maybe<Product>;
  /** `product.created`, `product.updated`, `product.deleted`, `product.stock-changed`, `category.created`, `category.updated`, `category.deleted`, `review.created`, `review.updated`, `review.deleted`, `review.hidden` or `review.restored`. */
  type: Scalars['String']['output'];
};

/** A node of the category tree. Products belong to exactly one category. */
export type Category = {
  __typename?: 'Category';
  /** Direct sub-categories, ordered by name; empty for a leaf. */
  children: Array<Category>;
  /** Short description for category pages. */
  description: Scalars['String']['output'];
  /** Stable unique identifier; the federation key. */
  id: Scalars['ID']['output'];
  /** Absolute URL of the category's image. */
  imageUrl: Scalars['String']['output'];
  /** Display name. */
  name: Scalars['String']['output'];
  /** The parent category; null for a top-level category. */
  parent: Maybe<Category>;
  /** URL-friendly unique name, for storefront routes such as `/categories/{slug}`. */
  slug: Scalars['String']['output'];
  /** Edit counter, 1 when created; pass it back in `updateCategory` (see `Product.version`). */
  version: Scalars['Int']['output'];
};

/** A category in the facets. */
export type CategoryFacet = {
  __typename?: 'CategoryFacet';
  /** The category. */
  category: Category;
  /** Matching products in it and its descendants. */
  count: Scalars['Int']['output'];
};

/** A password change by the signed-in user. */
export type ChangePasswordInput = {
  /** The password now in use. */
  currentPassword: Scalars['String']['input'];
  /** The new password; see `passwordPolicy`. */
  newPassword: Scalars['String']['input'];
};

/** A new category. Validated like CreateProductInput. */
export type CreateCategoryInput = {
  /** Plain text, at most 10,000 characters. */
  description?: Scalars['String']['input'];
  /** Absolute http or https URL of the category's image; null for a generated placeholder. */
  imageUrl?: InputMaybe<Scalars['String']['input']>;
  /** Display name, 1 to 120 characters. */
  name: Scalars['String']['input'];
  /** The parent category; null for a top-level category. */
  parentId?: InputMaybe<Scalars['ID']['input']>;
  /** Lower-case words of letters and digits joined by single hyphens, unique among categories. */
  slug: Scalars['String']['input'];
};

/**
 * A new product. Prices are integer minor units of USD (`1999` is 19.99 USD).
 * Every field is validated and every invalid one is reported (code INVALID,
 * `extensions.field` naming it, for example `input.slug`); nothing is written
 * unless all are valid.
 */
export type CreateProductInput = {
  /** The category to list the product in. */
  categoryId: Scalars['ID']['input'];
  /** List price shown struck through; greater than `price`, or null when not on sale. */
  compareAtPrice?: InputMaybe<Scalars['Int']['input']>;
  /** Plain text, at most 10,000 characters. */
  description?: Scalars['String']['input'];
  /** Images in display order, at most 20. */
  images?: Array<ImageInput>;
  /** Display name, 1 to 200 characters. */
  name: Scalars['String']['input'];
  /** Selling price in minor units; 0 or more. */
  price: Scalars['Int']['input'];
  /** Stock keeping unit, unique among products: 1 to 64 letters, digits and `. _ - /`, starting with a letter or digit. */
  sku: Scalars['String']['input'];
  /** Lower-case words of letters and digits joined by single hyphens (`trail-shoe-2`), unique among products. */
  slug: Scalars['String']['input'];
  /** Opening stock, 0 or more; change it later with `adjustStock`. */
  stock?: Scalars['Int']['input'];
  /** At most 20 distinct tags of 1 to 100 characters. */
  tags?: Array<Scalars['String']['input']>;
};

/** Contact details and preferences. */
export type CustomerProfile = {
  __typename?: 'CustomerProfile';
  /** Preferred language as a BCP 47 tag (`en`, `de-CH`). */
  locale: Scalars['String']['output'];
  /** Receive marketing mail. */
  marketingEmails: Scalars['Boolean']['output'];
  /** Phone in E.164 form (`+14155550123`); null when not given. */
  phone: Maybe<Scalars['String']['output']>;
  /** When the profile was last changed. */
  updatedAt: Scalars['DateTime']['output'];
};

/** Which product to generate variants for. */
export type GenerateVariantsInput = {
  /** The product. */
  productId: Scalars['ID']['input'];
  /** The `Product.version` the edit is based on. */
  version: Scalars['Int']['input'];
};

/** An image of a product, served by the product subgraph as an absolute URL. */
export type Image = {
  __typename?: 'Image';
  /** Alternative text for screen readers and broken images. */
  alt: Scalars['String']['output'];
  /** True for the image a storefront shows first (in listings and as the main picture). */
  isPrimary: Scalars['Boolean']['output'];
  /** Absolute URL of the image. */
  url: Scalars['String']['output'];
};

/** An image of a product as an admin sets it. */
export type ImageInput = {
  /** Alternative text, at most 300 characters. */
  alt?: Scalars['String']['input'];
  /** Show this image first; at most one image may be primary. When none is, the first one is. */
  isPrimary?: Scalars['Boolean']['input'];
  /** Absolute http or https URL of the image, at most 2048 bytes. */
  url: Scalars['String']['input'];
};

/**
 * An amount of money. Amounts are integers in the currency's minor unit
 * (cents for USD, so `1999` is 19.99 USD) — never floating point.
 * Shareable so that every subgraph may return the same value type.
 */
export type Money = {
  __typename?: 'Money';
  /** The amount in the currency's minor unit (for example cents): `1999` with currency `USD` is 19.99 USD. */
  amount: Scalars['Int']['output'];
  /** The ISO 4217 currency code, for example `USD`. */
  currency: Scalars['String']['output'];
};

/**
 * Sign-up, sign-in and sessions; account administration.
 *
 * Validation errors carry `extensions.code` INVALID and `extensions.field`, the
 * input path of the offending value (`input.email`); a mutation reports every
 * invalid field at once, one error each. Wrong credentials, unknown emails and
 * throttled attempts are indistinguishable to the caller: UNAUTHENTICATED with
 * the same message (throttling adds `extensions.retryAfter`, seconds, and the
 * code TOO_MANY_REQUESTS once the caller's address itself is throttled).
 * Mutations that start or end a session set or clear the session cookie.
 */
export type Mutation = {
  __typename?: 'Mutation';
  /** Save a new address (at most 50). */
  addAddress: Address;
  /** Save a payment method from a token (at most 10). */
  addPaymentMethod: PaymentMethod;
  /** Add a product to the wishlist (idempotent; at most 500). */
  addToWishlist: WishlistItem;
  /** Add `delta` units (negative to remove) to a variant's stock; refused (INVALID on `delta`) when the stock would go below 0. Give `variantId`, or `id` of a product that has exactly one variant (INVALID on `id` otherwise). Publishes `product.stock-changed` with the variant id, the delta and the reason. */
  adjustStock: StockAdjustment;
  /** Change the signed-in user's password. Every other session ends; this one continues with the returned session. */
  changePassword: Session;
  /** Create a category at version 1. Publishes `category.created`. */
  createCategory: Category;
  /** Create a product at version 1. Publishes `product.created`. */
  createProduct: Product;
  /** Delete an address of the signed-in user; returns it as it was. */
  deleteAddress: Address;
  /** Delete an empty category; refused with CONFLICT while it has products or sub-categories. Returns it as it was. Publishes `category.deleted`. */
  deleteCategory: Category;
  /** Delete a saved payment method; returns it as it was. */
  deletePaymentMethod: PaymentMethod;
  /** Delete a product: shoppers no longer see it anywhere (listings, search, lookups, entity references). Returns it as it was. Publishes `product.deleted`. */
  deleteProduct: Product;
  /** Delete the caller's own review (admins: any review). Returns it as it was. Publishes `review.deleted`. */
  deleteReview: Review;
  /** Delete a variant; refused with CONFLICT for a product's last variant or a variant with stock. Returns it as it was. Publishes `product.updated`. */
  deleteVariant: ProductVariant;
  /** Disable an account: it cannot sign in and every session and access token ends at once. Admins only; not yourself. Publishes `user.disabled`. */
  disableUser: User;
  /** Enable a disabled account again (its old sessions stay ended). Admins only. */
  enableUser: User;
  /** Create a variant (stock 0, the product's price, SKU `<product sku>-<values>`) for every combination of the product's options that has none; existing variants are kept. Publishes `product.updated`. */
  generateVariants: Product;
  /** Hide a review from shoppers and from the rating, with a reason (1 to 500 characters) its author sees. Publishes `review.hidden`. */
  hideReview: Review;
  /** A new access token from the session cookie; the refresh token in the cookie is rotated. UNAUTHENTICATED when the cookie is missing, expired or revoked (reusing a rotated token revokes its whole session). */
  refreshSession: Session;
  /** Create a CUSTOMER account, send a verification mail and sign in. Publishes `user.registered`. */
  register: Session;
  /** Remove a product from the wishlist; true when it was there. */
  removeFromWishlist: Scalars['Boolean']['output'];
  /** Mail a reset link if `email` belongs to an account. Always true, whether or not it does. */
  requestPasswordReset: Scalars['Boolean']['output'];
  /** Send the signed-in user a new verification mail (at most one a minute). True when sent; false when already verified. */
  resendVerification: Scalars['Boolean']['output'];
  /** Set a new password with a reset token (single use, valid 1 hour). Every session of the user ends. Returns true; INVALID on `input.token` when the token is unknown, used or expired. */
  resetPassword: Scalars['Boolean']['output'];
  /** Show a hidden review again, with a reason (1 to 500 characters). Publishes `review.restored`. */
  restoreReview: Review;
  /** Make a saved payment method the default. */
  setDefaultPaymentMethod: PaymentMethod;
  /** Replace a product's options (see SetProductOptionsInput). Publishes `product.updated`. */
  setProductOptions: Product;
  /** Change a user's role; their sessions continue but access tokens issued before now are refused. Admins only; an admin cannot change their own role. Publishes `user.role_changed`. */
  setUserRole: User;
  /** Sign in with email and password. Publishes `user.signed_in`. */
  signIn: Session;
  /** End this device's session (the one in the cookie; no access token needed), or with `everywhere` every session of the signed-in user, and clear the cookie. Always true. Publishes `user.signed_out`. */
  signOut: Scalars['Boolean']['output'];
  /** Development and tests only: turn a test card into a token. Refused in production unless the test tokenizer is enabled. */
  tokenizeTestCard: PaymentToken;
  /** Replace an address of the signed-in user. */
  updateAddress: Address;
  /** Replace a category's fields. Publishes `category.updated`. */
  updateCategory: Category;
  /** Change the signed-in user's name. */
  updateMe: User;
  /** Replace a product's fields. Publishes `product.updated`. */
  updateProduct: Product;
  /** Change the profile (own, or with `userId` any user's as an admin). */
  updateProfile: CustomerProfile;
  /** Edit the caller's own review. Publishes `review.updated`. */
  updateReview: Review;
  /** Change a user's name. Admins only. */
  updateUser: User;
  /** Replace a variant's fields. Publishes `product.updated`. */
  updateVariant: ProductVariant;
  /** Mark the email verified with the token from the verification mail (valid 48 hours, single use). */
  verifyEmail: User;
  /** Mark a visible review helpful (true) or take the vote back (false); one vote per customer, repeated calls change nothing; not on one's own review (INVALID). Publishes nothing. */
  voteReviewHelpful: Review;
  /** Write the caller's review of a product; it counts in the rating at once. Publishes `review.created`. */
  writeReview: Review;
};


/**
 * Sign-up, sign-in and sessions; account administration.
 *
 * Validation errors carry `extensions.code` INVALID and `extensions.field`, the
 * input path of the offending value (`input.email`); a mutation reports every
 * invalid field at once, one error each. Wrong credentials, unknown emails and
 * throttled attempts are indistinguishable to the caller: UNAUTHENTICATED with
 * the same message (throttling adds `extensions.retryAfter`, seconds, and the
 * code TOO_MANY_REQUESTS once the caller's address itself is throttled).
 * Mutations that start or end a session set or clear the session cookie.
 */
export type MutationAddAddressArgs = {
  input: AddressInput;
};


/**
 * Sign-up, sign-in and sessions; account administration.
 *
 * Validation errors carry `extensions.code` INVALID and `extensions.field`, the
 * input path of the offending value (`input.email`); a mutation reports every
 * invalid field at once, one error each. Wrong credentials, unknown emails and
 * throttled attempts are indistinguishable to the caller: UNAUTHENTICATED with
 * the same message (throttling adds `extensions.retryAfter`, seconds, and the
 * code TOO_MANY_REQUESTS once the caller's address itself is throttled).
 * Mutations that start or end a session set or clear the session cookie.
 */
export type MutationAddPaymentMethodArgs = {
  input: AddPaymentMethodInput;
};


/**
 * Sign-up, sign-in and sessions; account administration.
 *
 * Validation errors carry `extensions.code` INVALID and `extensions.field`, the
 * input path of the offending value (`input.email`); a mutation reports every
 * invalid field at once, one error each. Wrong credentials, unknown emails and
 * throttled attempts are indistinguishable to the caller: UNAUTHENTICATED with
 * the same message (throttling adds `extensions.retryAfter`, seconds, and the
 * code TOO_MANY_REQUESTS once the caller's address itself is throttled).
 * Mutations that start or end a session set or clear the session cookie.
 */
export type MutationAddToWishlistArgs = {
  productId: Scalars['ID']['input'];
};


/**
 * Sign-up, sign-in and sessions; account administration.
 *
 * Validation errors carry `extensions.code` INVALID and `extensions.field`, the
 * input path of the offending value (`input.email`); a mutation reports every
 * invalid field at once, one error each. Wrong credentials, unknown emails and
 * throttled attempts are indistinguishable to the caller: UNAUTHENTICATED with
 * the same message (throttling adds `extensions.retryAfter`, seconds, and the
 * code TOO_MANY_REQUESTS once the caller's address itself is throttled).
 * Mutations that start or end a session set or clear the session cookie.
 */
export type MutationAdjustStockArgs = {
  delta: Scalars['Int']['input'];
  id: InputMaybe<Scalars['ID']['input']>;
  reason: Scalars['String']['input'];
  variantId: InputMaybe<Scalars['ID']['input']>;
};


/**
 * Sign-up, sign-in and sessions; account administration.
 *
 * Validation errors carry `extensions.code` INVALID and `extensions.field`, the
 * input path of the offending value (`input.email`); a mutation reports every
 * invalid field at once, one error each. Wrong credentials, unknown emails and
 * throttled attempts are indistinguishable to the caller: UNAUTHENTICATED with
 * the same message (throttling adds `extensions.retryAfter`, seconds, and the
 * code TOO_MANY_REQUESTS once the caller's address itself is throttled).
 * Mutations that start or end a session set or clear the session cookie.
 */
export type MutationChangePasswordArgs = {
  input: ChangePasswordInput;
};


/**
 * Sign-up, sign-in and sessions; account administration.
 *
 * Validation errors carry `extensions.code` INVALID and `extensions.field`, the
 * input path of the offending value (`input.email`); a mutation reports every
 * invalid field at once, one error each. Wrong credentials, unknown emails and
 * throttled attempts are indistinguishable to the caller: UNAUTHENTICATED with
 * the same message (throttling adds `extensions.retryAfter`, seconds, and the
 * code TOO_MANY_REQUESTS once the caller's address itself is throttled).
 * Mutations that start or end a session set or clear the session cookie.
 */
export type MutationCreateCategoryArgs = {
  input: CreateCategoryInput;
};


/**
 * Sign-up, sign-in and sessions; account administration.
 *
 * Validation errors carry `extensions.code` INVALID and `extensions.field`, the
 * input path of the offending value (`input.email`); a mutation reports every
 * invalid field at once, one error each. Wrong credentials, unknown emails and
 * throttled attempts are indistinguishable to the caller: UNAUTHENTICATED with
 * the same message (throttling adds `extensions.retryAfter`, seconds, and the
 * code TOO_MANY_REQUESTS once the caller's address itself is throttled).
 * Mutations that start or end a session set or clear the session cookie.
 */
export type MutationCreateProductArgs = {
  input: CreateProductInput;
};


/**
 * Sign-up, sign-in and sessions; account administration.
 *
 * Validation errors carry `extensions.code` INVALID and `extensions.field`, the
 * input path of the offending value (`input.email`); a mutation reports every
 * invalid field at once, one error each. Wrong credentials, unknown emails and
 * throttled attempts are indistinguishable to the caller: UNAUTHENTICATED with
 * the same message (throttling adds `extensions.retryAfter`, seconds, and the
 * code TOO_MANY_REQUESTS once the caller's address itself is throttled).
 * Mutations that start or end a session set or clear the session cookie.
 */
export type MutationDeleteAddressArgs = {
  id: Scalars['ID']['input'];
};


/**
 * Sign-up, sign-in and sessions; account administration.
 *
 * Validation errors carry `extensions.code` INVALID and `extensions.field`, the
 * input path of the offending value (`input.email`); a mutation reports every
 * invalid field at once, one error each. Wrong credentials, unknown emails and
 * throttled attempts are indistinguishable to the caller: UNAUTHENTICATED with
 * the same message (throttling adds `extensions.retryAfter`, seconds, and the
 * code TOO_MANY_REQUESTS once the caller's address itself is throttled).
 * Mutations that start or end a session set or clear the session cookie.
 */
export type MutationDeleteCategoryArgs = {
  id: Scalars['ID']['input'];
};


/**
 * Sign-up, sign-in and sessions; account administration.
 *
 * Validation errors carry `extensions.code` INVALID and `extensions.field`, the
 * input path of the offending value (`input.email`); a mutation reports every
 * invalid field at once, one error each. Wrong credentials, unknown emails and
 * throttled attempts are indistinguishable to the caller: UNAUTHENTICATED with
 * the same message (throttling adds `extensions.retryAfter`, seconds, and the
 * code TOO_MANY_REQUESTS once the caller's address itself is throttled).
 * Mutations that start or end a session set or clear the session cookie.
 */
export type MutationDeletePaymentMethodArgs = {
  id: Scalars['ID']['input'];
};


/**
 * Sign-up, sign-in and sessions; account administration.
 *
 * Validation errors carry `extensions.code` INVALID and `extensions.field`, the
 * input path of the offending value (`input.email`); a mutation reports every
 * invalid field at once, one error each. Wrong credentials, unknown emails and
 * throttled attempts are indistinguishable to the caller: UNAUTHENTICATED with
 * the same message (throttling adds `extensions.retryAfter`, seconds, and the
 * code TOO_MANY_REQUESTS once the caller's address itself is throttled).
 * Mutations that start or end a session set or clear the session cookie.
 */
export type MutationDeleteProductArgs = {
  id: Scalars['ID']['input'];
};


/**
 * Sign-up, sign-in and sessions; account administration.
 *
 * Validation errors carry `extensions.code` INVALID and `extensions.field`, the
 * input path of the offending value (`input.email`); a mutation reports every
 * invalid field at once, one error each. Wrong credentials, unknown emails and
 * throttled attempts are indistinguishable to the caller: UNAUTHENTICATED with
 * the same message (throttling adds `extensions.retryAfter`, seconds, and the
 * code TOO_MANY_REQUESTS once the caller's address itself is throttled).
 * Mutations that start or end a session set or clear the session cookie.
 */
export type MutationDeleteReviewArgs = {
  id: Scalars['ID']['input'];
};


/**
 * Sign-up, sign-in and sessions; account administration.
 *
 * Validation errors carry `extensions.code` INVALID and `extensions.field`, the
 * input path of the offending value (`input.email`); a mutation reports every
 * invalid field at once, one error each. Wrong credentials, unknown emails and
 * throttled attempts are indistinguishable to the caller: UNAUTHENTICATED with
 * the same message (throttling adds `extensions.retryAfter`, seconds, and the
 * code TOO_MANY_REQUESTS once the caller's address itself is throttled).
 * Mutations that start or end a session set or clear the session cookie.
 */
export type MutationDeleteVariantArgs = {
  id: Scalars['ID']['input'];
};


/**
 * Sign-up, sign-in and sessions; account administration.
 *
 * Validation errors carry `extensions.code` INVALID and `extensions.field`, the
 * input path of the offending value (`input.email`); a mutation reports every
 * invalid field at once, one error each. Wrong credentials, unknown emails and
 * throttled attempts are indistinguishable to the caller: UNAUTHENTICATED with
 * the same message (throttling adds `extensions.retryAfter`, seconds, and the
 * code TOO_MANY_REQUESTS once the caller's address itself is throttled).
 * Mutations that start or end a session set or clear the session cookie.
 */
export type MutationDisableUserArgs = {
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


/**
 * Sign-up, sign-in and sessions; account administration.
 *
 * Validation errors carry `extensions.code` INVALID and `extensions.field`, the
 * input path of the offending value (`input.email`); a mutation reports every
 * invalid field at once, one error each. Wrong credentials, unknown emails and
 * throttled attempts are indistinguishable to the caller: UNAUTHENTICATED with
 * the same message (throttling adds `extensions.retryAfter`, seconds, and the
 * code TOO_MANY_REQUESTS once the caller's address itself is throttled).
 * Mutations that start or end a session set or clear the session cookie.
 */
export type MutationEnableUserArgs = {
  id: Scalars['ID']['input'];
};


/**
 * Sign-up, sign-in and sessions; account administration.
 *
 * Validation errors carry `extensions.code` INVALID and `extensions.field`, the
 * input path of the offending value (`input.email`); a mutation reports every
 * invalid field at once, one error each. Wrong credentials, unknown emails and
 * throttled attempts are indistinguishable to the caller: UNAUTHENTICATED with
 * the same message (throttling adds `extensions.retryAfter`, seconds, and the
 * code TOO_MANY_REQUESTS once the caller's address itself is throttled).
 * Mutations that start or end a session set or clear the session cookie.
 */
export type MutationGenerateVariantsArgs = {
  input: GenerateVariantsInput;
};


/**
 * Sign-up, sign-in and sessions; account administration.
 *
 * Validation errors carry `extensions.code` INVALID and `extensions.field`, the
 * input path of the offending value (`input.email`); a mutation reports every
 * invalid field at once, one error each. Wrong credentials, unknown emails and
 * throttled attempts are indistinguishable to the caller: UNAUTHENTICATED with
 * the same message (throttling adds `extensions.retryAfter`, seconds, and the
 * code TOO_MANY_REQUESTS once the caller's address itself is throttled).
 * Mutations that start or end a session set or clear the session cookie.
 */
export type MutationHideReviewArgs = {
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


/**
 * Sign-up, sign-in and sessions; account administration.
 *
 * Validation errors carry `extensions.code` INVALID and `extensions.field`, the
 * input path of the offending value (`input.email`); a mutation reports every
 * invalid field at once, one error each. Wrong credentials, unknown emails and
 * throttled attempts are indistinguishable to the caller: UNAUTHENTICATED with
 * the same message (throttling adds `extensions.retryAfter`, seconds, and the
 * code TOO_MANY_REQUESTS once the caller's address itself is throttled).
 * Mutations that start or end a session set or clear the session cookie.
 */
export type MutationRegisterArgs = {
  input: RegisterInput;
};


/**
 * Sign-up, sign-in and sessions; account administration.
 *
 * Validation errors carry `extensions.code` INVALID and `extensions.field`, the
 * input path of the offending value (`input.email`); a mutation reports every
 * invalid field at once, one error each. Wrong credentials, unknown emails and
 * throttled attempts are indistinguishable to the caller: UNAUTHENTICATED with
 * the same message (throttling adds `extensions.retryAfter`, seconds, and the
 * code TOO_MANY_REQUESTS once the caller's address itself is throttled).
 * Mutations that start or end a session set or clear the session cookie.
 */
export type MutationRemoveFromWishlistArgs = {
  productId: Scalars['ID']['input'];
};


/**
 * Sign-up, sign-in and sessions; account administration.
 *
 * Validation errors carry `extensions.code` INVALID and `extensions.field`, the
 * input path of the offending value (`input.email`); a mutation reports every
 * invalid field at once, one error each. Wrong credentials, unknown emails and
 * throttled attempts are indistinguishable to the caller: UNAUTHENTICATED with
 * the same message (throttling adds `extensions.retryAfter`, seconds, and the
 * code TOO_MANY_REQUESTS once the caller's address itself is throttled).
 * Mutations that start or end a session set or clear the session cookie.
 */
export type MutationRequestPasswordResetArgs = {
  email: Scalars['String']['input'];
};


/**
 * Sign-up, sign-in and sessions; account administration.
 *
 * Validation errors carry `extensions.code` INVALID and `extensions.field`, the
 * input path of the offending value (`input.email`); a mutation reports every
 * invalid field at once, one error each. Wrong credentials, unknown emails and
 * throttled attempts are indistinguishable to the caller: UNAUTHENTICATED with
 * the same message (throttling adds `extensions.retryAfter`, seconds, and the
 * code TOO_MANY_REQUESTS once the caller's address itself is throttled).
 * Mutations that start or end a session set or clear the session cookie.
 */
export type MutationResetPasswordArgs = {
  input: ResetPasswordInput;
};


/**
 * Sign-up, sign-in and sessions; account administration.
 *
 * Validation errors carry `extensions.code` INVALID and `extensions.field`, the
 * input path of the offending value (`input.email`); a mutation reports every
 * invalid field at once, one error each. Wrong credentials, unknown emails and
 * throttled attempts are indistinguishable to the caller: UNAUTHENTICATED with
 * the same message (throttling adds `extensions.retryAfter`, seconds, and the
 * code TOO_MANY_REQUESTS once the caller's address itself is throttled).
 * Mutations that start or end a session set or clear the session cookie.
 */
export type MutationRestoreReviewArgs = {
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


/**
 * Sign-up, sign-in and sessions; account administration.
 *
 * Validation errors carry `extensions.code` INVALID and `extensions.field`, the
 * input path of the offending value (`input.email`); a mutation reports every
 * invalid field at once, one error each. Wrong credentials, unknown emails and
 * throttled attempts are indistinguishable to the caller: UNAUTHENTICATED with
 * the same message (throttling adds `extensions.retryAfter`, seconds, and the
 * code TOO_MANY_REQUESTS once the caller's address itself is throttled).
 * Mutations that start or end a session set or clear the session cookie.
 */
export type MutationSetDefaultPaymentMethodArgs = {
  id: Scalars['ID']['input'];
};


/**
 * Sign-up, sign-in and sessions; account administration.
 *
 * Validation errors carry `extensions.code` INVALID and `extensions.field`, the
 * input path of the offending value (`input.email`); a mutation reports every
 * invalid field at once, one error each. Wrong credentials, unknown emails and
 * throttled attempts are indistinguishable to the caller: UNAUTHENTICATED with
 * the same message (throttling adds `extensions.retryAfter`, seconds, and the
 * code TOO_MANY_REQUESTS once the caller's address itself is throttled).
 * Mutations that start or end a session set or clear the session cookie.
 */
export type MutationSetProductOptionsArgs = {
  input: SetProductOptionsInput;
};


/**
 * Sign-up, sign-in and sessions; account administration.
 *
 * Validation errors carry `extensions.code` INVALID and `extensions.field`, the
 * input path of the offending value (`input.email`); a mutation reports every
 * invalid field at once, one error each. Wrong credentials, unknown emails and
 * throttled attempts are indistinguishable to the caller: UNAUTHENTICATED with
 * the same message (throttling adds `extensions.retryAfter`, seconds, and the
 * code TOO_MANY_REQUESTS once the caller's address itself is throttled).
 * Mutations that start or end a session set or clear the session cookie.
 */
export type MutationSetUserRoleArgs = {
  id: Scalars['ID']['input'];
  role: Role;
};


/**
 * Sign-up, sign-in and sessions; account administration.
 *
 * Validation errors carry `extensions.code` INVALID and `extensions.field`, the
 * input path of the offending value (`input.email`); a mutation reports every
 * invalid field at once, one error each. Wrong credentials, unknown emails and
 * throttled attempts are indistinguishable to the caller: UNAUTHENTICATED with
 * the same message (throttling adds `extensions.retryAfter`, seconds, and the
 * code TOO_MANY_REQUESTS once the caller's address itself is throttled).
 * Mutations that start or end a session set or clear the session cookie.
 */
export type MutationSignInArgs = {
  input: SignInInput;
};


/**
 * Sign-up, sign-in and sessions; account administration.
 *
 * Validation errors carry `extensions.code` INVALID and `extensions.field`, the
 * input path of the offending value (`input.email`); a mutation reports every
 * invalid field at once, one error each. Wrong credentials, unknown emails and
 * throttled attempts are indistinguishable to the caller: UNAUTHENTICATED with
 * the same message (throttling adds `extensions.retryAfter`, seconds, and the
 * code TOO_MANY_REQUESTS once the caller's address itself is throttled).
 * Mutations that start or end a session set or clear the session cookie.
 */
export type MutationSignOutArgs = {
  everywhere?: Scalars['Boolean']['input'];
};


/**
 * Sign-up, sign-in and sessions; account administration.
 *
 * Validation errors carry `extensions.code` INVALID and `extensions.field`, the
 * input path of the offending value (`input.email`); a mutation reports every
 * invalid field at once, one error each. Wrong credentials, unknown emails and
 * throttled attempts are indistinguishable to the caller: UNAUTHENTICATED with
 * the same message (throttling adds `extensions.retryAfter`, seconds, and the
 * code TOO_MANY_REQUESTS once the caller's address itself is throttled).
 * Mutations that start or end a session set or clear the session cookie.
 */
export type MutationTokenizeTestCardArgs = {
  input: TestCardInput;
};


/**
 * Sign-up, sign-in and sessions; account administration.
 *
 * Validation errors carry `extensions.code` INVALID and `extensions.field`, the
 * input path of the offending value (`input.email`); a mutation reports every
 * invalid field at once, one error each. Wrong credentials, unknown emails and
 * throttled attempts are indistinguishable to the caller: UNAUTHENTICATED with
 * the same message (throttling adds `extensions.retryAfter`, seconds, and the
 * code TOO_MANY_REQUESTS once the caller's address itself is throttled).
 * Mutations that start or end a session set or clear the session cookie.
 */
export type MutationUpdateAddressArgs = {
  id: Scalars['ID']['input'];
  input: AddressInput;
};


/**
 * Sign-up, sign-in and sessions; account administration.
 *
 * Validation errors carry `extensions.code` INVALID and `extensions.field`, the
 * input path of the offending value (`input.email`); a mutation reports every
 * invalid field at once, one error each. Wrong credentials, unknown emails and
 * throttled attempts are indistinguishable to the caller: UNAUTHENTICATED with
 * the same message (throttling adds `extensions.retryAfter`, seconds, and the
 * code TOO_MANY_REQUESTS once the caller's address itself is throttled).
 * Mutations that start or end a session set or clear the session cookie.
 */
export type MutationUpdateCategoryArgs = {
  input: UpdateCategoryInput;
};


/**
 * Sign-up, sign-in and sessions; account administration.
 *
 * Validation errors carry `extensions.code` INVALID and `extensions.field`, the
 * input path of the offending value (`input.email`); a mutation reports every
 * invalid field at once, one error each. Wrong credentials, unknown emails and
 * throttled attempts are indistinguishable to the caller: UNAUTHENTICATED with
 * the same message (throttling adds `extensions.retryAfter`, seconds, and the
 * code TOO_MANY_REQUESTS once the caller's address itself is throttled).
 * Mutations that start or end a session set or clear the session cookie.
 */
export type MutationUpdateMeArgs = {
  input: UpdateMeInput;
};


/**
 * Sign-up, sign-in and sessions; account administration.
 *
 * Validation errors carry `extensions.code` INVALID and `extensions.field`, the
 * input path of the offending value (`input.email`); a mutation reports every
 * invalid field at once, one error each. Wrong credentials, unknown emails and
 * throttled attempts are indistinguishable to the caller: UNAUTHENTICATED with
 * the same message (throttling adds `extensions.retryAfter`, seconds, and the
 * code TOO_MANY_REQUESTS once the caller's address itself is throttled).
 * Mutations that start or end a session set or clear the session cookie.
 */
export type MutationUpdateProductArgs = {
  input: UpdateProductInput;
};


/**
 * Sign-up, sign-in and sessions; account administration.
 *
 * Validation errors carry `extensions.code` INVALID and `extensions.field`, the
 * input path of the offending value (`input.email`); a mutation reports every
 * invalid field at once, one error each. Wrong credentials, unknown emails and
 * throttled attempts are indistinguishable to the caller: UNAUTHENTICATED with
 * the same message (throttling adds `extensions.retryAfter`, seconds, and the
 * code TOO_MANY_REQUESTS once the caller's address itself is throttled).
 * Mutations that start or end a session set or clear the session cookie.
 */
export type MutationUpdateProfileArgs = {
  input: UpdateProfileInput;
  userId: InputMaybe<Scalars['ID']['input']>;
};


/**
 * Sign-up, sign-in and sessions; account administration.
 *
 * Validation errors carry `extensions.code` INVALID and `extensions.field`, the
 * input path of the offending value (`input.email`); a mutation reports every
 * invalid field at once, one error each. Wrong credentials, unknown emails and
 * throttled attempts are indistinguishable to the caller: UNAUTHENTICATED with
 * the same message (throttling adds `extensions.retryAfter`, seconds, and the
 * code TOO_MANY_REQUESTS once the caller's address itself is throttled).
 * Mutations that start or end a session set or clear the session cookie.
 */
export type MutationUpdateReviewArgs = {
  input: UpdateReviewInput;
};


/**
 * Sign-up, sign-in and sessions; account administration.
 *
 * Validation errors carry `extensions.code` INVALID and `extensions.field`, the
 * input path of the offending value (`input.email`); a mutation reports every
 * invalid field at once, one error each. Wrong credentials, unknown emails and
 * throttled attempts are indistinguishable to the caller: UNAUTHENTICATED with
 * the same message (throttling adds `extensions.retryAfter`, seconds, and the
 * code TOO_MANY_REQUESTS once the caller's address itself is throttled).
 * Mutations that start or end a session set or clear the session cookie.
 */
export type MutationUpdateUserArgs = {
  input: UpdateUserInput;
};


/**
 * Sign-up, sign-in and sessions; account administration.
 *
 * Validation errors carry `extensions.code` INVALID and `extensions.field`, the
 * input path of the offending value (`input.email`); a mutation reports every
 * invalid field at once, one error each. Wrong credentials, unknown emails and
 * throttled attempts are indistinguishable to the caller: UNAUTHENTICATED with
 * the same message (throttling adds `extensions.retryAfter`, seconds, and the
 * code TOO_MANY_REQUESTS once the caller's address itself is throttled).
 * Mutations that start or end a session set or clear the session cookie.
 */
export type MutationUpdateVariantArgs = {
  input: UpdateVariantInput;
};


/**
 * Sign-up, sign-in and sessions; account administration.
 *
 * Validation errors carry `extensions.code` INVALID and `extensions.field`, the
 * input path of the offending value (`input.email`); a mutation reports every
 * invalid field at once, one error each. Wrong credentials, unknown emails and
 * throttled attempts are indistinguishable to the caller: UNAUTHENTICATED with
 * the same message (throttling adds `extensions.retryAfter`, seconds, and the
 * code TOO_MANY_REQUESTS once the caller's address itself is throttled).
 * Mutations that start or end a session set or clear the session cookie.
 */
export type MutationVerifyEmailArgs = {
  token: Scalars['String']['input'];
};


/**
 * Sign-up, sign-in and sessions; account administration.
 *
 * Validation errors carry `extensions.code` INVALID and `extensions.field`, the
 * input path of the offending value (`input.email`); a mutation reports every
 * invalid field at once, one error each. Wrong credentials, unknown emails and
 * throttled attempts are indistinguishable to the caller: UNAUTHENTICATED with
 * the same message (throttling adds `extensions.retryAfter`, seconds, and the
 * code TOO_MANY_REQUESTS once the caller's address itself is throttled).
 * Mutations that start or end a session set or clear the session cookie.
 */
export type MutationVoteReviewHelpfulArgs = {
  helpful: Scalars['Boolean']['input'];
  id: Scalars['ID']['input'];
};


/**
 * Sign-up, sign-in and sessions; account administration.
 *
 * Validation errors carry `extensions.code` INVALID and `extensions.field`, the
 * input path of the offending value (`input.email`); a mutation reports every
 * invalid field at once, one error each. Wrong credentials, unknown emails and
 * throttled attempts are indistinguishable to the caller: UNAUTHENTICATED with
 * the same message (throttling adds `extensions.retryAfter`, seconds, and the
 * code TOO_MANY_REQUESTS once the caller's address itself is throttled).
 * Mutations that start or end a session set or clear the session cookie.
 */
export type MutationWriteReviewArgs = {
  input: WriteReviewInput;
};

/** An option in the facets, for example Size. */
export type OptionFacet = {
  __typename?: 'OptionFacet';
  /** Option name. */
  name: Scalars['String']['output'];
  /** Its values with counts. */
  values: Array<OptionValueFacet>;
};

/** A condition on one option: the product has a variant whose value of `name` is one of `values`. */
export type OptionFilter = {
  /** Option name, as in `ProductOption.name` (compared case-insensitively). */
  name: Scalars['String']['input'];
  /** Accepted values (at least 1, at most 50), compared case-insensitively. */
  values: Array<Scalars['String']['input']>;
};

/** An option value in the facets, for example Size: M (41). */
export type OptionValueFacet = {
  __typename?: 'OptionValueFacet';
  /** Matching products that have a variant with it. */
  count: Scalars['Int']['output'];
  /** The value. */
  value: Scalars['String']['output'];
};

/** Relay pagination state of a connection. Shareable so every subgraph may return it. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** Cursor of the last item on the page; pass it as `after` for the next page. Null when the page is empty. */
  endCursor: Maybe<Scalars['String']['output']>;
  /** True when more items follow this page. */
  hasNextPage: Scalars['Boolean']['output'];
  /** True when items precede this page (that is, the page was requested with `after`). */
  hasPreviousPage: Scalars['Boolean']['output'];
  /** Cursor of the first item on the page; null when the page is empty. */
  startCursor: Maybe<Scalars['String']['output']>;
};

/** The rules a new password must meet, so a form can show them before the server refuses. */
export type PasswordPolicy = {
  __typename?: 'PasswordPolicy';
  /** Most characters. */
  maxLength: Scalars['Int']['output'];
  /** Fewest characters (Unicode code points). */
  minLength: Scalars['Int']['output'];
};

/** A saved payment method: a token from the payment provider and what a shopper needs to recognise it. Never a card number. */
export type PaymentMethod = {
  __typename?: 'PaymentMethod';
  /** Card brand (`visa`, `mastercard`, `amex`, ...). */
  brand: Scalars['String']['output'];
  /** When it was saved. */
  createdAt: Scalars['DateTime']['output'];
  /** Expiry month, 1 to 12. */
  expMonth: Scalars['Int']['output'];
  /** Expiry year, four digits. */
  expYear: Scalars['Int']['output'];
  /** Name on the card. */
  holderName: Scalars['String']['output'];
  /** Stable unique identifier. */
  id: Scalars['ID']['output'];
  /** Used at checkout unless another is chosen; at most one. */
  isDefault: Scalars['Boolean']['output'];
  /** The card number's last four digits. */
  last4: Scalars['String']['output'];
  /** Credit or debit. */
  type: PaymentMethodType;
};

/** The kind of a saved payment method. */
export type PaymentMethodType =
  /** A credit card. */
  | 'CREDIT_CARD'
  /** A debit card. */
  | 'DEBIT_CARD';

/** A payment token and what it stands for. */
export type PaymentToken = {
  __typename?: 'PaymentToken';
  /** Detected brand. */
  brand: Scalars['String']['output'];
  /** Last four digits. */
  last4: Scalars['String']['output'];
  /** Opaque token, valid 15 minutes, usable once in `addPaymentMethod`. */
  token: Scalars['String']['output'];
};

/** A price bucket: products whose price amount is at least `min` and below `max`. */
export type PriceBucket = {
  __typename?: 'PriceBucket';
  /** Matching products in the bucket. */
  count: Scalars['Int']['output'];
  /** Upper bound in minor units, exclusive; null for the open-ended top bucket. */
  max: Maybe<Scalars['Int']['output']>;
  /** Lower bound in minor units, inclusive. */
  min: Scalars['Int']['output'];
};

/** Lowest and highest price of a product's variants. */
export type PriceRange = {
  __typename?: 'PriceRange';
  /** The most expensive variant's price. */
  max: Money;
  /** The cheapest variant's price. */
  min: Money;
};

/** A product as the customer subgraph references it; the product subgraph resolves the rest. */
export type Product = {
  __typename?: 'Product';
  /** The category the product is listed in. */
  category: Category;
  /** The former or list price to show struck through when the product is on sale; null when not on sale. */
  compareAtPrice: Maybe<Money>;
  /** When the product was created. */
  createdAt: Scalars['DateTime']['output'];
  /** Long description, plain text. */
  description: Scalars['String']['output'];
  /** The product's id. */
  id: Scalars['ID']['output'];
  /** Images in display order; the primary image is flagged with `isPrimary`. */
  images: Array<Image>;
  /** Display name. */
  name: Scalars['String']['output'];
  /** The options the product is sold in (Size, Colour…), in display order; empty for a product without options. */
  options: Array<ProductOption>;
  /** Current selling price. */
  price: Money;
  /** Lowest and highest price over the variants (both the product's `price` when all variants use it). */
  priceRange: PriceRange;
  /** Mean rating (1 to 5) of the product's visible reviews; 0 when it has none. Kept in the same transaction as every review change. */
  rating: Scalars['Float']['output'];
  /** How many visible reviews gave each number of stars: always five entries, 5 stars first. */
  ratingDistribution: Array<RatingCount>;
  /** Number of visible reviews the rating is the mean of. */
  reviewCount: Scalars['Int']['output'];
  /** Visible reviews, a page at a time; the caller's own review is included even while hidden. */
  reviews: ReviewConnection;
  /** Stock keeping unit of the product itself, unique among products. Each variant has its own `sku`; the default variant of a product without options keeps this one. */
  sku: Scalars['String']['output'];
  /** URL-friendly unique name, for storefront routes such as `/products/{slug}`. */
  slug: Scalars['String']['output'];
  /** Units available to sell now over all variants (the sum of `variants.stock`). */
  stock: Scalars['Int']['output'];
  /** Free-form tags used for filtering, for example `organic` or `bestseller`. */
  tags: Array<Scalars['String']['output']>;
  /** When the product was last changed. */
  updatedAt: Scalars['DateTime']['output'];
  /** The variants for sale, ordered by the options' value order. A product without options has exactly one (default) variant; a cart line always refers to a variant. */
  variants: Array<ProductVariant>;
  /** Edit counter, 1 when created. Pass it back in `updateProduct` so an edit based on an outdated read is refused with CONFLICT instead of overwriting someone else's change. Stock movements do not change it. */
  version: Scalars['Int']['output'];
  /** The signed-in caller's own review of this product (visible or hidden); null when anonymous or not reviewed yet. */
  viewerReview: Maybe<Review>;
};


/** A product as the customer subgraph references it; the product subgraph resolves the rest. */
export type ProductReviewsArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  sort: InputMaybe<ReviewSort>;
};

/** One change of a product, as `productChanged` delivers it. */
export type ProductChange = {
  __typename?: 'ProductChange';
  /** Position of the event on the catalog bus; pass it as `catalogEvents(after:)` to resume. */
  cursor: Scalars['String']['output'];
  /** When the change was committed. */
  occurredAt: Scalars['DateTime']['output'];
  /** The product as this change left it; null for `product.deleted`. */
  product: Maybe<Product>;
  /** The product's id. */
  productId: Scalars['ID']['output'];
  /** The event type: `product.created`, `product.updated`, `product.deleted`, `product.stock-changed`, or a review event of the product (`review.created`, `review.updated`, `review.deleted`, `review.hidden`, `review.restored`) — its rating may have changed. */
  type: Scalars['String']['output'];
};

/** A page of products (a Relay cursor connection). */
export type ProductConnection = {
  __typename?: 'ProductConnection';
  /** The products on this page, in the requested order. */
  edges: Array<ProductEdge>;
  /**
   * Facet counts for this query. Each facet's counts apply every active filter
   * except the facet's own (the usual facet semantics): picking a value with a
   * count above 0 never yields an empty result.
   */
  facets: ProductFacets;
  /** Where this page sits in the whole result, for fetching the next one. */
  pageInfo: PageInfo;
  /** Number of products matching the filter across all pages. */
  totalCount: Scalars['Int']['output'];
};

/** A product on a page, with the cursor that points at it. */
export type ProductEdge = {
  __typename?: 'ProductEdge';
  /** Opaque cursor; pass it as `after` to fetch the products that follow this one. */
  cursor: Scalars['String']['output'];
  /** The product. */
  node: Product;
};

/** Counts of the products a filter value would yield, for a filter sidebar. */
export type ProductFacets = {
  __typename?: 'ProductFacets';
  /** Categories with at least one matching product in their subtree, in `Query.categories` order; counts include descendants. */
  categories: Array<CategoryFacet>;
  /** Matching products in stock (with every filter except `inStock` applied). */
  inStock: Scalars['Int']['output'];
  /** Options of matching products, by name, each with its values and counts (values in the most common display order). */
  options: Array<OptionFacet>;
  /** Matching products sold out (with every filter except `inStock` applied). */
  outOfStock: Scalars['Int']['output'];
  /** Fixed price buckets (0–25, 25–50, 50–100, 100–200, 200–500, 500+ USD), each with its count, all six always present. */
  priceBuckets: Array<PriceBucket>;
  /** Tags of matching products, most frequent first (ties by name), at most 30, plus every tag in the filter. */
  tags: Array<TagFacet>;
};

/** Filters for `Query.products`. All given conditions must hold (logical AND). */
export type ProductFilter = {
  /** Only products in this category or any of its descendants. */
  categoryId?: InputMaybe<Scalars['ID']['input']>;
  /** True: only products in stock. False: only sold-out products (stock 0). Null: both. */
  inStock?: InputMaybe<Scalars['Boolean']['input']>;
  /** Only products whose price amount is at most this many minor units (for example cents); must be at least `minPrice`. */
  maxPrice?: InputMaybe<Scalars['Int']['input']>;
  /** Only products whose price amount is at least this many minor units (for example cents). */
  minPrice?: InputMaybe<Scalars['Int']['input']>;
  /** Only products that have a variant with one of the listed values of each listed option (OR within an option, AND across options); at most 10 options. */
  options?: InputMaybe<Array<OptionFilter>>;
  /**
   * Full-text search over product name, category path names and description;
   * at most 200 characters. Plain words: every word that is not an English
   * stop word must match as a word stem (case-insensitive); the last word may
   * also match as a word prefix (`sne` finds sneakers, as the shopper types);
   * a word of 4 or more letters that matches no product is taken as a typo and
   * matched by trigram similarity to product names (`snekers` finds Sneakers).
   * With web-search syntax (quoted phrases, `or`, `-word` to exclude) the
   * whole text is matched as PostgreSQL's websearch_to_tsquery reads it.
   * RELEVANCE ranks name matches above category and description matches.
   */
  search?: InputMaybe<Scalars['String']['input']>;
  /** Only products that carry every one of these tags (at most 20). */
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** An option a product is sold in, with the values it comes in. */
export type ProductOption = {
  __typename?: 'ProductOption';
  /** Stable id of the option. */
  id: Scalars['ID']['output'];
  /** Name shown to shoppers, for example `Size` or `Colour`; unique within the product (case-insensitively). */
  name: Scalars['String']['output'];
  /** The values in display order, for example `S`, `M`, `L`; unique within the option (case-insensitively). */
  values: Array<Scalars['String']['output']>;
};

/**
 * An option and its values, as `setProductOptions` sets them. Names and values
 * are 1 to 60 characters; at most 3 options per product and 50 values per
 * option, and at most 100 variants per product.
 */
export type ProductOptionInput = {
  /** Option name, unique within the product (case-insensitively). */
  name: Scalars['String']['input'];
  /** Values in display order, at least 1, unique within the option (case-insensitively). */
  values: Array<Scalars['String']['input']>;
};

/** The order of `Query.products`. Ties are broken by id, so pages never skip or repeat a product. */
export type ProductSort =
  /** Most recently created first. */
  | 'NEWEST'
  /** Cheapest first. */
  | 'PRICE_ASC'
  /** Most expensive first. */
  | 'PRICE_DESC'
  /** Best rated first; among equal ratings, the most reviewed first. */
  | 'RATING'
  /** Best match for `filter.search` first; without a search, the same order as NEWEST. */
  | 'RELEVANCE';

/**
 * One sellable combination of a product's options (for example the shirt in
 * size M and colour black), with its own SKU, price, stock and images. Other
 * subgraphs (a cart or order line) reference a variant by its `id`.
 */
export type ProductVariant = {
  __typename?: 'ProductVariant';
  /** Free-form attributes in display order. */
  attributes: Array<Attribute>;
  /** List price shown struck through (the variant's own, else the product's); null when not on sale. Always above `price`. */
  compareAtPrice: Maybe<Money>;
  /** When the variant was created. */
  createdAt: Scalars['DateTime']['output'];
  /** Stable unique identifier; the federation key. */
  id: Scalars['ID']['output'];
  /** The variant's own images in display order; empty means the product's images apply. */
  images: Array<Image>;
  /** True when the variant uses the product's price (it has no price of its own). */
  inheritsPrice: Scalars['Boolean']['output'];
  /** True for the single variant of a product without options. */
  isDefault: Scalars['Boolean']['output'];
  /** Selling price: the variant's own, or the product's `price` when it has none. */
  price: Money;
  /** The product this is a variant of. */
  product: Product;
  /** One entry per product option, in the product's option order; empty for the default variant of a product without options. */
  selectedOptions: Array<SelectedOption>;
  /** Stock keeping unit, unique among variants. */
  sku: Scalars['String']['output'];
  /** Units available to sell now. */
  stock: Scalars['Int']['output'];
  /** The option values joined for display (`M / Black`); `Default` for a product without options. */
  title: Scalars['String']['output'];
  /** When the variant was last changed. */
  updatedAt: Scalars['DateTime']['output'];
  /** Edit counter, 1 when created; pass it back in `updateVariant` (see `Product.version`). Stock movements do not change it. */
  version: Scalars['Int']['output'];
};

/** Accounts and sessions. */
export type Query = {
  __typename?: 'Query';
  /** The countries the address book accepts, by name. */
  addressCountries: Array<AddressCountry>;
  /** Every category, ordered by name path: each category directly followed by its descendants, siblings by name. Walk the tree with `parent` and `children`. */
  categories: Array<Category>;
  /** Any user's customer data. Admins only. */
  customer: Maybe<User>;
  /** The signed-in user. */
  me: User;
  /** The signed-in user (the same entity as the auth subgraph's `me`), with the customer fields. */
  myAccount: User;
  /** The password rules `register`, `changePassword` and `resetPassword` apply. */
  passwordPolicy: PasswordPolicy;
  /** The product with this id; null when there is none. */
  product: Maybe<Product>;
  /** The product with this slug; null when there is none. */
  productBySlug: Maybe<Product>;
  /** The variant with this id; null when there is none. */
  productVariant: Maybe<ProductVariant>;
  /** A page of products matching `filter`, in `sort` order. */
  products: ProductConnection;
  /** Reviews for moderation, newest first, hidden ones included. */
  reviews: ReviewConnection;
  /**
   * Suggestions for a search box: products and categories matching `query`
   * as a word prefix, tolerating typos (for example `snea` and `snekers` both
   * find sneakers). At most 100 characters; an empty query suggests nothing.
   */
  searchSuggestions: SearchSuggestions;
  /** The user with this id; null when there is none. Admins only. */
  user: Maybe<User>;
  /** Users matching `filter`, newest first. Admins only. */
  users: UserConnection;
};


/** Accounts and sessions. */
export type QueryCustomerArgs = {
  userId: Scalars['ID']['input'];
};


/** Accounts and sessions. */
export type QueryProductArgs = {
  id: Scalars['ID']['input'];
};


/** Accounts and sessions. */
export type QueryProductBySlugArgs = {
  slug: Scalars['String']['input'];
};


/** Accounts and sessions. */
export type QueryProductVariantArgs = {
  id: Scalars['ID']['input'];
};


/** Accounts and sessions. */
export type QueryProductsArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  filter: InputMaybe<ProductFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  sort: InputMaybe<ProductSort>;
};


/** Accounts and sessions. */
export type QueryReviewsArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  filter: InputMaybe<ReviewFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** Accounts and sessions. */
export type QuerySearchSuggestionsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  query: Scalars['String']['input'];
};


/** Accounts and sessions. */
export type QueryUserArgs = {
  id: Scalars['ID']['input'];
};


/** Accounts and sessions. */
export type QueryUsersArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  filter: InputMaybe<UserFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** How many visible reviews gave a number of stars. */
export type RatingCount = {
  __typename?: 'RatingCount';
  /** Number of visible reviews with that many stars. */
  count: Scalars['Int']['output'];
  /** Stars, 1 to 5. */
  stars: Scalars['Int']['output'];
};

/** A new account. */
export type RegisterInput = {
  /** A valid email address, at most 254 characters; not already registered (checked case-insensitively). */
  email: Scalars['String']['input'];
  /** 1 to 100 characters. */
  firstName: Scalars['String']['input'];
  /** 1 to 100 characters. */
  lastName: Scalars['String']['input'];
  /** The password; see `passwordPolicy`. */
  password: Scalars['String']['input'];
};

/** A password reset with the token from the reset mail. */
export type ResetPasswordInput = {
  /** The new password; see `passwordPolicy`. */
  newPassword: Scalars['String']['input'];
  /** The token from the link in the mail. */
  token: Scalars['String']['input'];
};

/**
 * A customer's review of a product: one per customer and product. Title and
 * body are plain text (stored as written, rendered escaped by clients).
 */
export type Review = {
  __typename?: 'Review';
  /** The name the author chose to show, 1 to 60 characters. */
  authorName: Scalars['String']['output'];
  /** The review text, 1 to 5,000 characters. */
  body: Scalars['String']['output'];
  /** When the review was written. */
  createdAt: Scalars['DateTime']['output'];
  /** Number of customers who found the review helpful. */
  helpfulCount: Scalars['Int']['output'];
  /** Stable unique identifier; the federation key. */
  id: Scalars['ID']['output'];
  /** Why an admin hid it; visible to its author and admins only, null otherwise and while visible. */
  moderationReason: Maybe<Scalars['String']['output']>;
  /** The reviewed product. */
  product: Product;
  /** Stars from 1 to 5. */
  rating: Scalars['Int']['output'];
  /** VISIBLE or HIDDEN. */
  status: ReviewStatus;
  /** Headline, 1 to 120 characters. */
  title: Scalars['String']['output'];
  /** When the author last edited it (same as `createdAt` when never edited). */
  updatedAt: Scalars['DateTime']['output'];
  /** True when the author bought the product (set from orders once the order subgraph exists; false until then). */
  verifiedPurchase: Scalars['Boolean']['output'];
  /** True when the signed-in caller voted this review helpful. */
  viewerFoundHelpful: Scalars['Boolean']['output'];
  /** True when the signed-in caller wrote this review (so it can be edited or deleted). */
  viewerIsAuthor: Scalars['Boolean']['output'];
};

/** A page of reviews (a Relay cursor connection). */
export type ReviewConnection = {
  __typename?: 'ReviewConnection';
  /** The reviews on this page, in the requested order. */
  edges: Array<ReviewEdge>;
  /** Pagination state. */
  pageInfo: PageInfo;
  /** Number of reviews across all pages. */
  totalCount: Scalars['Int']['output'];
};

/** A review on a page, with its cursor. */
export type ReviewEdge = {
  __typename?: 'ReviewEdge';
  /** Opaque cursor; pass it as `after` for the reviews that follow. */
  cursor: Scalars['String']['output'];
  /** The review. */
  node: Review;
};

/** Filters for the admins' `reviews` moderation list. */
export type ReviewFilter = {
  /** Only reviews of this product. */
  productId?: InputMaybe<Scalars['ID']['input']>;
  /** Only reviews with this many stars (1 to 5). */
  rating?: InputMaybe<Scalars['Int']['input']>;
  /** Only reviews with this status. */
  status?: InputMaybe<ReviewStatus>;
};

/** The order of a product's reviews. Ties are broken by newest first, then id. */
export type ReviewSort =
  /** Most stars first. */
  | 'HIGHEST'
  /** Fewest stars first. */
  | 'LOWEST'
  /** Most helpful votes first. */
  | 'MOST_HELPFUL'
  /** Most recently written first. */
  | 'NEWEST';

/** Whether shoppers see a review. */
export type ReviewStatus =
  /** Hidden by an admin (with a reason): not shown to shoppers, not counted. Its author still sees it. */
  | 'HIDDEN'
  /** Shown on the product page and counted in the rating. */
  | 'VISIBLE';

/** What a user may do. Access tokens carry it as a scope: `customer` or `admin`. */
export type Role =
  /** A shop owner or staff member: every admin operation of every subgraph. */
  | 'ADMIN'
  /** A shopper: their own account, addresses, orders. */
  | 'CUSTOMER';

/** Suggestions for a search box as the shopper types. */
export type SearchSuggestions = {
  __typename?: 'SearchSuggestions';
  /** Categories whose name matches. */
  categories: Array<Category>;
  /** Best-matching products: prefix and typo tolerant. */
  products: Array<Product>;
  /** The query as it was searched (trimmed). */
  query: Scalars['String']['output'];
};

/** One option value a variant has, for example Size = M. */
export type SelectedOption = {
  __typename?: 'SelectedOption';
  /** The option's name (`ProductOption.name`). */
  name: Scalars['String']['output'];
  /** The value (one of `ProductOption.values`). */
  value: Scalars['String']['output'];
};

/**
 * A signed-in session as the client sees it. The refresh token is never in
 * the response body: it travels only in the `HttpOnly`, `SameSite=Strict`
 * session cookie the router passes through (docs/auth.md).
 */
export type Session = {
  __typename?: 'Session';
  /** A JWT to send as `Authorization: Bearer <accessToken>`; keep it in memory only. */
  accessToken: Scalars['String']['output'];
  /** When `accessToken` expires (about 15 minutes after it was issued); refresh a little before. */
  expiresAt: Scalars['DateTime']['output'];
  /** The signed-in user. */
  user: User;
};

/** The options of a product, replacing all of them. */
export type SetProductOptionsInput = {
  /**
   * The new options (empty: the product has none and keeps one default
   * variant). Variants whose values are no longer offered are deleted — refused
   * with CONFLICT while one of them has stock; the first time options are set
   * the default variant becomes the first combination, keeping its SKU and stock.
   */
  options: Array<ProductOptionInput>;
  /** The product. */
  productId: Scalars['ID']['input'];
  /** The `Product.version` the edit is based on; CONFLICT when the product has changed since. */
  version: Scalars['Int']['input'];
};

/** Credentials for `signIn`. */
export type SignInInput = {
  /** The account's email, in any letter case. */
  email: Scalars['String']['input'];
  /** The account's password. */
  password: Scalars['String']['input'];
};

/** The outcome of `adjustStock`. */
export type StockAdjustment = {
  __typename?: 'StockAdjustment';
  /** The change applied. */
  delta: Scalars['Int']['output'];
  /** The product with its new total stock. */
  product: Product;
  /** Why, as given. */
  reason: Scalars['String']['output'];
  /** The variant with its new stock. */
  variant: ProductVariant;
};

/** Live catalog changes, fed by the catalog's event bus. */
export type Subscription = {
  __typename?: 'Subscription';
  /**
   * Every catalog event in order. Without `after`, from now on; with the
   * `cursor` of the last event you received, from right after it: nothing
   * missed, nothing repeated. A cursor older than the retained events fails
   * with code CURSOR_EXPIRED: refetch the data and subscribe without `after`.
   */
  catalogEvents: CatalogEvent;
  /**
   * Changes of the given products (of every product when `ids` is null),
   * including their review events, which may change their rating.
   * Without `after`, from now on; with the `cursor` of the last change you
   * received, from right after it: nothing missed, nothing repeated. A cursor
   * older than the retained events fails with code CURSOR_EXPIRED.
   */
  productChanged: ProductChange;
};


/** Live catalog changes, fed by the catalog's event bus. */
export type SubscriptionCatalogEventsArgs = {
  after: InputMaybe<Scalars['String']['input']>;
};


/** Live catalog changes, fed by the catalog's event bus. */
export type SubscriptionProductChangedArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  ids: InputMaybe<Array<Scalars['ID']['input']>>;
};

/** A tag in the facets. */
export type TagFacet = {
  __typename?: 'TagFacet';
  /** Matching products carrying it. */
  count: Scalars['Int']['output'];
  /** The tag. */
  tag: Scalars['String']['output'];
};

/** A test card for `tokenizeTestCard`. */
export type TestCardInput = {
  /** 3 or 4 digits; checked, never stored. */
  cvc: Scalars['String']['input'];
  /** 1 to 12. */
  expMonth: Scalars['Int']['input'];
  /** This year or later, four digits; not expired. */
  expYear: Scalars['Int']['input'];
  /** 13 to 19 digits passing the Luhn check (spaces allowed). */
  number: Scalars['String']['input'];
};

/** A category's new fields, replacing all of them, only if it is still at `version`. */
export type UpdateCategoryInput = {
  /** As in CreateCategoryInput. */
  description?: Scalars['String']['input'];
  /** The category to change. */
  id: Scalars['ID']['input'];
  /** As in CreateCategoryInput. */
  imageUrl?: InputMaybe<Scalars['String']['input']>;
  /** As in CreateCategoryInput. */
  name: Scalars['String']['input'];
  /** As in CreateCategoryInput; moving a category moves its whole subtree, never below itself. */
  parentId?: InputMaybe<Scalars['ID']['input']>;
  /** As in CreateCategoryInput. */
  slug: Scalars['String']['input'];
  /** The `Category.version` the edit is based on; a category changed since then is refused with CONFLICT. */
  version: Scalars['Int']['input'];
};

/** The signed-in user's own name. */
export type UpdateMeInput = {
  /** 1 to 100 characters. */
  firstName: Scalars['String']['input'];
  /** 1 to 100 characters. */
  lastName: Scalars['String']['input'];
};

/**
 * A product's new fields. An update replaces every field listed here (send
 * what the edit form shows), and only if the product is still at `version`.
 * Stock changes through `adjustStock`.
 */
export type UpdateProductInput = {
  /** As in CreateProductInput. */
  categoryId: Scalars['ID']['input'];
  /** As in CreateProductInput; null takes the product off sale. */
  compareAtPrice?: InputMaybe<Scalars['Int']['input']>;
  /** As in CreateProductInput. */
  description?: Scalars['String']['input'];
  /** The product to change. */
  id: Scalars['ID']['input'];
  /** As in CreateProductInput. */
  images?: Array<ImageInput>;
  /** As in CreateProductInput. */
  name: Scalars['String']['input'];
  /** As in CreateProductInput. */
  price: Scalars['Int']['input'];
  /** As in CreateProductInput. */
  sku: Scalars['String']['input'];
  /** As in CreateProductInput. */
  slug: Scalars['String']['input'];
  /** As in CreateProductInput. */
  tags?: Array<Scalars['String']['input']>;
  /** The `Product.version` the edit is based on; a product changed since then is refused with CONFLICT. */
  version: Scalars['Int']['input'];
};

/** Profile changes; fields left out stay as they are. */
export type UpdateProfileInput = {
  /** BCP 47 language tag, 2 to 35 characters. */
  locale?: InputMaybe<Scalars['String']['input']>;
  /** Receive marketing mail. */
  marketingEmails?: InputMaybe<Scalars['Boolean']['input']>;
  /** E.164 phone (`+14155550123`; spaces, dashes and parentheses are removed first), or empty to remove it. */
  phone?: InputMaybe<Scalars['String']['input']>;
};

/** An edit of the caller's own review, replacing its fields. */
export type UpdateReviewInput = {
  /** As in WriteReviewInput. */
  authorName: Scalars['String']['input'];
  /** As in WriteReviewInput. */
  body: Scalars['String']['input'];
  /** The review; only its author may edit it (NOT_FOUND for anyone else). */
  id: Scalars['ID']['input'];
  /** As in WriteReviewInput. */
  rating: Scalars['Int']['input'];
  /** As in WriteReviewInput. */
  title: Scalars['String']['input'];
};

/** An admin's edit of a user's name. */
export type UpdateUserInput = {
  /** 1 to 100 characters. */
  firstName: Scalars['String']['input'];
  /** The user. */
  id: Scalars['ID']['input'];
  /** 1 to 100 characters. */
  lastName: Scalars['String']['input'];
};

/** A variant's new fields, replacing all of them, only if it is still at `version`. Stock changes through `adjustStock`; option values through `setProductOptions`. */
export type UpdateVariantInput = {
  /** Attributes in display order, at most 20, names unique. */
  attributes?: Array<AttributeInput>;
  /** Own list price, above the variant's price; null to use the product's (when that is above the variant's price) or none. */
  compareAtPrice?: InputMaybe<Scalars['Int']['input']>;
  /** The variant to change. */
  id: Scalars['ID']['input'];
  /** Own images, at most 20; empty to use the product's. */
  images?: Array<ImageInput>;
  /** Own price in minor units, 0 or more; null to use the product's price. */
  price?: InputMaybe<Scalars['Int']['input']>;
  /** Unique among variants; same rules as `CreateProductInput.sku`. */
  sku: Scalars['String']['input'];
  /** The `ProductVariant.version` the edit is based on; CONFLICT when it has changed since. */
  version: Scalars['Int']['input'];
};

/**
 * A person with an account. Owned by the auth subgraph; other subgraphs extend
 * it by `id` (the customer subgraph adds the profile, addresses, payment
 * methods and wishlist). A user sees only their own record; an admin sees
 * every record. Anyone else gets FORBIDDEN for the fields below `id`.
 */
export type User = {
  __typename?: 'User';
  /** Saved addresses, default shipping first, then default billing, then newest. */
  addresses: Array<Address>;
  /** When the account was created. */
  createdAt: Scalars['DateTime']['output'];
  /** True while an admin has disabled the account: it cannot sign in and every session and access token it held is refused. */
  disabled: Scalars['Boolean']['output'];
  /** Sign-in address, unique regardless of letter case; stored as entered, compared case-insensitively. */
  email: Scalars['String']['output'];
  /** True once the user opened the link of a verification mail. */
  emailVerified: Scalars['Boolean']['output'];
  /** Given name. */
  firstName: Scalars['String']['output'];
  /** Stable unique identifier (a UUID); the federation key and the access token's `sub`. */
  id: Scalars['ID']['output'];
  /** Family name. */
  lastName: Scalars['String']['output'];
  /** Saved payment methods (tokens only), default first, then newest. */
  paymentMethods: Array<PaymentMethod>;
  /** Phone, preferences. */
  profile: CustomerProfile;
  /** What the user may do. */
  role: Role;
  /** When the account was last changed. */
  updatedAt: Scalars['DateTime']['output'];
  /** Products saved for later, most recently added first. */
  wishlist: Array<WishlistItem>;
};

/** One page of users, newest first. */
export type UserConnection = {
  __typename?: 'UserConnection';
  /** The users of this page. */
  edges: Array<UserEdge>;
  /** Pagination state; pass `endCursor` as `after` for the next page. */
  pageInfo: PageInfo;
  /** How many users match the filter in all. */
  totalCount: Scalars['Int']['output'];
};

/** A user in a `UserConnection`. */
export type UserEdge = {
  __typename?: 'UserEdge';
  /** Opaque position of this user in the listing. */
  cursor: Scalars['String']['output'];
  /** The user. */
  node: User;
};

/** Filters for `Query.users`; all given conditions must hold. */
export type UserFilter = {
  /** True: only disabled users; false: only enabled ones; null: both. */
  disabled?: InputMaybe<Scalars['Boolean']['input']>;
  /** Only users with this role. */
  role?: InputMaybe<Role>;
  /** Case-insensitive substring of the email, first or last name; at most 200 characters. */
  search?: InputMaybe<Scalars['String']['input']>;
};

/** A product on the wishlist. */
export type WishlistItem = {
  __typename?: 'WishlistItem';
  /** When it was added. */
  addedAt: Scalars['DateTime']['output'];
  /** The product. */
  product: Product;
};

/** A new review. Every invalid field is reported (`extensions.field`, for example `input.rating`). */
export type WriteReviewInput = {
  /** The name to show, 1 to 60 characters after trimming. */
  authorName: Scalars['String']['input'];
  /** Text, 1 to 5,000 characters after trimming. */
  body: Scalars['String']['input'];
  /** The product to review; a customer reviews a product once (CONFLICT for a second review: edit the first). */
  productId: Scalars['ID']['input'];
  /** Stars, 1 to 5. */
  rating: Scalars['Int']['input'];
  /** Headline, 1 to 120 characters after trimming. */
  title: Scalars['String']['input'];
};

export type RequestPasswordResetMutationVariables = Exact<{
  email: Scalars['String']['input'];
}>;


export type RequestPasswordResetMutation = { __typename: 'Mutation', requestPasswordReset: boolean };

export type PasswordPolicyQueryVariables = Exact<{ [key: string]: never; }>;


export type PasswordPolicyQuery = { __typename: 'Query', passwordPolicy: { __typename: 'PasswordPolicy', minLength: number, maxLength: number } };

export type RegisterMutationVariables = Exact<{
  input: RegisterInput;
}>;


export type RegisterMutation = { __typename: 'Mutation', register: { __typename: 'Session', accessToken: string, expiresAt: string, user: { __typename: 'User', id: string, email: string, firstName: string, lastName: string, role: Role, emailVerified: boolean } } };

export type ResetPasswordMutationVariables = Exact<{
  input: ResetPasswordInput;
}>;


export type ResetPasswordMutation = { __typename: 'Mutation', resetPassword: boolean };

export type SessionFieldsFragment = { __typename: 'Session', accessToken: string, expiresAt: string, user: { __typename: 'User', id: string, email: string, firstName: string, lastName: string, role: Role, emailVerified: boolean } };

export type SignInMutationVariables = Exact<{
  input: SignInInput;
}>;


export type SignInMutation = { __typename: 'Mutation', signIn: { __typename: 'Session', accessToken: string, expiresAt: string, user: { __typename: 'User', id: string, email: string, firstName: string, lastName: string, role: Role, emailVerified: boolean } } };

export type ResendVerificationMutationVariables = Exact<{ [key: string]: never; }>;


export type ResendVerificationMutation = { __typename: 'Mutation', resendVerification: boolean };

export type VerifyEmailMutationVariables = Exact<{
  token: Scalars['String']['input'];
}>;


export type VerifyEmailMutation = { __typename: 'Mutation', verifyEmail: { __typename: 'User', id: string, emailVerified: boolean } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const SessionFieldsFragmentDoc = new TypedDocumentString(`
    fragment SessionFields on Session {
  __typename
  accessToken
  expiresAt
  user {
    __typename
    id
    email
    firstName
    lastName
    role
    emailVerified
  }
}
    `, {"fragmentName":"SessionFields"}) as unknown as TypedDocumentString<SessionFieldsFragment, unknown>;
export const RequestPasswordResetDocument = new TypedDocumentString(`
    mutation RequestPasswordReset($email: String!) {
  __typename
  requestPasswordReset(email: $email)
}
    `) as unknown as TypedDocumentString<RequestPasswordResetMutation, RequestPasswordResetMutationVariables>;
export const PasswordPolicyDocument = new TypedDocumentString(`
    query PasswordPolicy {
  __typename
  passwordPolicy {
    __typename
    minLength
    maxLength
  }
}
    `) as unknown as TypedDocumentString<PasswordPolicyQuery, PasswordPolicyQueryVariables>;
export const RegisterDocument = new TypedDocumentString(`
    mutation Register($input: RegisterInput!) {
  __typename
  register(input: $input) {
    __typename
    ...SessionFields
  }
}
    fragment SessionFields on Session {
  __typename
  accessToken
  expiresAt
  user {
    __typename
    id
    email
    firstName
    lastName
    role
    emailVerified
  }
}`) as unknown as TypedDocumentString<RegisterMutation, RegisterMutationVariables>;
export const ResetPasswordDocument = new TypedDocumentString(`
    mutation ResetPassword($input: ResetPasswordInput!) {
  __typename
  resetPassword(input: $input)
}
    `) as unknown as TypedDocumentString<ResetPasswordMutation, ResetPasswordMutationVariables>;
export const SignInDocument = new TypedDocumentString(`
    mutation SignIn($input: SignInInput!) {
  __typename
  signIn(input: $input) {
    __typename
    ...SessionFields
  }
}
    fragment SessionFields on Session {
  __typename
  accessToken
  expiresAt
  user {
    __typename
    id
    email
    firstName
    lastName
    role
    emailVerified
  }
}`) as unknown as TypedDocumentString<SignInMutation, SignInMutationVariables>;
export const ResendVerificationDocument = new TypedDocumentString(`
    mutation ResendVerification {
  __typename
  resendVerification
}
    `) as unknown as TypedDocumentString<ResendVerificationMutation, ResendVerificationMutationVariables>;
export const VerifyEmailDocument = new TypedDocumentString(`
    mutation VerifyEmail($token: String!) {
  __typename
  verifyEmail(token: $token) {
    __typename
    id
    emailVerified
  }
}
    `) as unknown as TypedDocumentString<VerifyEmailMutation, VerifyEmailMutationVariables>;