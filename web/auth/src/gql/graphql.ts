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

/** One event of the catalog bus, as `catalogEvents` delivers it. */
export type CatalogEvent = {
  __typename?: 'CatalogEvent';
  /** Id of the product or category that changed. */
  aggregateId: Scalars['ID']['output'];
  /** Position on the bus: ordered and gap-free. Pass the last one you saw as `after` to resume without missing or repeating an event. */
  cursor: Scalars['String']['output'];
  /** Unique event id, for deduplication. */
  id: Scalars['ID']['output'];
  /** When the change was committed (RFC 3339). */
  occurredAt: Scalars['String']['output'];
  /** The event's payload as JSON text: the entity as the change left it (as it was, for deletions); stock changes add `delta` and `reason`. */
  payload: Scalars['String']['output'];
  /** For product events other than `product.deleted`: the product as the change left it. Null otherwise. */
  product: Maybe<Product>;
  /** `product.created`, `product.updated`, `product.deleted`, `product.stock-changed`, `category.created`, `category.updated` or `category.deleted`. */
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
  /** Add `delta` units (negative to remove) to a product's stock; refused (INVALID on `delta`) when the stock would go below 0. Publishes `product.stock-changed` with the delta and reason. */
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
  /** Disable an account: it cannot sign in and every session and access token ends at once. Admins only; not yourself. Publishes `user.disabled`. */
  disableUser: User;
  /** Enable a disabled account again (its old sessions stay ended). Admins only. */
  enableUser: User;
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
  /** Make a saved payment method the default. */
  setDefaultPaymentMethod: PaymentMethod;
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
  /** Change a user's name. Admins only. */
  updateUser: User;
  /** Mark the email verified with the token from the verification mail (valid 48 hours, single use). */
  verifyEmail: User;
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
export type MutationVerifyEmailArgs = {
  token: Scalars['String']['input'];
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
  /** Current selling price. */
  price: Money;
  /** Average review rating from 0 to 5; 0 when there are no reviews. */
  rating: Scalars['Float']['output'];
  /** Number of reviews the rating is averaged over. */
  reviewCount: Scalars['Int']['output'];
  /** Stock keeping unit: the merchant's own unique product code. */
  sku: Scalars['String']['output'];
  /** URL-friendly unique name, for storefront routes such as `/products/{slug}`. */
  slug: Scalars['String']['output'];
  /** Units available to sell now (on hand minus units reserved by open orders). */
  stock: Scalars['Int']['output'];
  /** Free-form tags used for filtering, for example `organic` or `bestseller`. */
  tags: Array<Scalars['String']['output']>;
  /** When the product was last changed. */
  updatedAt: Scalars['DateTime']['output'];
  /** Edit counter, 1 when created. Pass it back in `updateProduct` so an edit based on an outdated read is refused with CONFLICT instead of overwriting someone else's change. Stock movements do not change it. */
  version: Scalars['Int']['output'];
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
  /** The event type: `product.created`, `product.updated`, `product.deleted` or `product.stock-changed`. */
  type: Scalars['String']['output'];
};

/** A page of products (a Relay cursor connection). */
export type ProductConnection = {
  __typename?: 'ProductConnection';
  /** The products on this page, in the requested order. */
  edges: Array<ProductEdge>;
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
  /** Full-text search (English word stems, case-insensitive, web-search syntax: quoted phrases, `or`, `-word` to exclude) over product name, category name and description; at most 200 characters. */
  search?: InputMaybe<Scalars['String']['input']>;
  /** Only products that carry every one of these tags (at most 20). */
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
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
  /** A page of products matching `filter`, in `sort` order. */
  products: ProductConnection;
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
export type QueryProductsArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  filter: InputMaybe<ProductFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  sort: InputMaybe<ProductSort>;
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

/** What a user may do. Access tokens carry it as a scope: `customer` or `admin`. */
export type Role =
  /** A shop owner or staff member: every admin operation of every subgraph. */
  | 'ADMIN'
  /** A shopper: their own account, addresses, orders. */
  | 'CUSTOMER';

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
  /** The product with its new stock. */
  product: Product;
  /** Why, as given. */
  reason: Scalars['String']['output'];
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
   * Changes of the given products (of every product when `ids` is null).
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

/** An admin's edit of a user's name. */
export type UpdateUserInput = {
  /** 1 to 100 characters. */
  firstName: Scalars['String']['input'];
  /** The user. */
  id: Scalars['ID']['input'];
  /** 1 to 100 characters. */
  lastName: Scalars['String']['input'];
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