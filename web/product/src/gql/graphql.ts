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
 * Catalog administration. Every field requires the `admin` scope (FORBIDDEN
 * otherwise) and writes its change and its catalog event in one transaction:
 * an event is published exactly for every committed change.
 * Errors carry `extensions.code`: INVALID (with `extensions.field`),
 * NOT_FOUND, CONFLICT (stale `version`, or a category that is not empty).
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
  /** Remove a product from the wishlist; true when it was there. */
  removeFromWishlist: Scalars['Boolean']['output'];
  /** Make a saved payment method the default. */
  setDefaultPaymentMethod: PaymentMethod;
  /** Development and tests only: turn a test card into a token. Refused in production unless the test tokenizer is enabled. */
  tokenizeTestCard: PaymentToken;
  /** Replace an address of the signed-in user. */
  updateAddress: Address;
  /** Replace a category's fields. Publishes `category.updated`. */
  updateCategory: Category;
  /** Replace a product's fields. Publishes `product.updated`. */
  updateProduct: Product;
  /** Change the profile (own, or with `userId` any user's as an admin). */
  updateProfile: CustomerProfile;
};


/**
 * Catalog administration. Every field requires the `admin` scope (FORBIDDEN
 * otherwise) and writes its change and its catalog event in one transaction:
 * an event is published exactly for every committed change.
 * Errors carry `extensions.code`: INVALID (with `extensions.field`),
 * NOT_FOUND, CONFLICT (stale `version`, or a category that is not empty).
 */
export type MutationAddAddressArgs = {
  input: AddressInput;
};


/**
 * Catalog administration. Every field requires the `admin` scope (FORBIDDEN
 * otherwise) and writes its change and its catalog event in one transaction:
 * an event is published exactly for every committed change.
 * Errors carry `extensions.code`: INVALID (with `extensions.field`),
 * NOT_FOUND, CONFLICT (stale `version`, or a category that is not empty).
 */
export type MutationAddPaymentMethodArgs = {
  input: AddPaymentMethodInput;
};


/**
 * Catalog administration. Every field requires the `admin` scope (FORBIDDEN
 * otherwise) and writes its change and its catalog event in one transaction:
 * an event is published exactly for every committed change.
 * Errors carry `extensions.code`: INVALID (with `extensions.field`),
 * NOT_FOUND, CONFLICT (stale `version`, or a category that is not empty).
 */
export type MutationAddToWishlistArgs = {
  productId: Scalars['ID']['input'];
};


/**
 * Catalog administration. Every field requires the `admin` scope (FORBIDDEN
 * otherwise) and writes its change and its catalog event in one transaction:
 * an event is published exactly for every committed change.
 * Errors carry `extensions.code`: INVALID (with `extensions.field`),
 * NOT_FOUND, CONFLICT (stale `version`, or a category that is not empty).
 */
export type MutationAdjustStockArgs = {
  delta: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


/**
 * Catalog administration. Every field requires the `admin` scope (FORBIDDEN
 * otherwise) and writes its change and its catalog event in one transaction:
 * an event is published exactly for every committed change.
 * Errors carry `extensions.code`: INVALID (with `extensions.field`),
 * NOT_FOUND, CONFLICT (stale `version`, or a category that is not empty).
 */
export type MutationCreateCategoryArgs = {
  input: CreateCategoryInput;
};


/**
 * Catalog administration. Every field requires the `admin` scope (FORBIDDEN
 * otherwise) and writes its change and its catalog event in one transaction:
 * an event is published exactly for every committed change.
 * Errors carry `extensions.code`: INVALID (with `extensions.field`),
 * NOT_FOUND, CONFLICT (stale `version`, or a category that is not empty).
 */
export type MutationCreateProductArgs = {
  input: CreateProductInput;
};


/**
 * Catalog administration. Every field requires the `admin` scope (FORBIDDEN
 * otherwise) and writes its change and its catalog event in one transaction:
 * an event is published exactly for every committed change.
 * Errors carry `extensions.code`: INVALID (with `extensions.field`),
 * NOT_FOUND, CONFLICT (stale `version`, or a category that is not empty).
 */
export type MutationDeleteAddressArgs = {
  id: Scalars['ID']['input'];
};


/**
 * Catalog administration. Every field requires the `admin` scope (FORBIDDEN
 * otherwise) and writes its change and its catalog event in one transaction:
 * an event is published exactly for every committed change.
 * Errors carry `extensions.code`: INVALID (with `extensions.field`),
 * NOT_FOUND, CONFLICT (stale `version`, or a category that is not empty).
 */
export type MutationDeleteCategoryArgs = {
  id: Scalars['ID']['input'];
};


/**
 * Catalog administration. Every field requires the `admin` scope (FORBIDDEN
 * otherwise) and writes its change and its catalog event in one transaction:
 * an event is published exactly for every committed change.
 * Errors carry `extensions.code`: INVALID (with `extensions.field`),
 * NOT_FOUND, CONFLICT (stale `version`, or a category that is not empty).
 */
export type MutationDeletePaymentMethodArgs = {
  id: Scalars['ID']['input'];
};


/**
 * Catalog administration. Every field requires the `admin` scope (FORBIDDEN
 * otherwise) and writes its change and its catalog event in one transaction:
 * an event is published exactly for every committed change.
 * Errors carry `extensions.code`: INVALID (with `extensions.field`),
 * NOT_FOUND, CONFLICT (stale `version`, or a category that is not empty).
 */
export type MutationDeleteProductArgs = {
  id: Scalars['ID']['input'];
};


/**
 * Catalog administration. Every field requires the `admin` scope (FORBIDDEN
 * otherwise) and writes its change and its catalog event in one transaction:
 * an event is published exactly for every committed change.
 * Errors carry `extensions.code`: INVALID (with `extensions.field`),
 * NOT_FOUND, CONFLICT (stale `version`, or a category that is not empty).
 */
export type MutationRemoveFromWishlistArgs = {
  productId: Scalars['ID']['input'];
};


/**
 * Catalog administration. Every field requires the `admin` scope (FORBIDDEN
 * otherwise) and writes its change and its catalog event in one transaction:
 * an event is published exactly for every committed change.
 * Errors carry `extensions.code`: INVALID (with `extensions.field`),
 * NOT_FOUND, CONFLICT (stale `version`, or a category that is not empty).
 */
export type MutationSetDefaultPaymentMethodArgs = {
  id: Scalars['ID']['input'];
};


/**
 * Catalog administration. Every field requires the `admin` scope (FORBIDDEN
 * otherwise) and writes its change and its catalog event in one transaction:
 * an event is published exactly for every committed change.
 * Errors carry `extensions.code`: INVALID (with `extensions.field`),
 * NOT_FOUND, CONFLICT (stale `version`, or a category that is not empty).
 */
export type MutationTokenizeTestCardArgs = {
  input: TestCardInput;
};


/**
 * Catalog administration. Every field requires the `admin` scope (FORBIDDEN
 * otherwise) and writes its change and its catalog event in one transaction:
 * an event is published exactly for every committed change.
 * Errors carry `extensions.code`: INVALID (with `extensions.field`),
 * NOT_FOUND, CONFLICT (stale `version`, or a category that is not empty).
 */
export type MutationUpdateAddressArgs = {
  id: Scalars['ID']['input'];
  input: AddressInput;
};


/**
 * Catalog administration. Every field requires the `admin` scope (FORBIDDEN
 * otherwise) and writes its change and its catalog event in one transaction:
 * an event is published exactly for every committed change.
 * Errors carry `extensions.code`: INVALID (with `extensions.field`),
 * NOT_FOUND, CONFLICT (stale `version`, or a category that is not empty).
 */
export type MutationUpdateCategoryArgs = {
  input: UpdateCategoryInput;
};


/**
 * Catalog administration. Every field requires the `admin` scope (FORBIDDEN
 * otherwise) and writes its change and its catalog event in one transaction:
 * an event is published exactly for every committed change.
 * Errors carry `extensions.code`: INVALID (with `extensions.field`),
 * NOT_FOUND, CONFLICT (stale `version`, or a category that is not empty).
 */
export type MutationUpdateProductArgs = {
  input: UpdateProductInput;
};


/**
 * Catalog administration. Every field requires the `admin` scope (FORBIDDEN
 * otherwise) and writes its change and its catalog event in one transaction:
 * an event is published exactly for every committed change.
 * Errors carry `extensions.code`: INVALID (with `extensions.field`),
 * NOT_FOUND, CONFLICT (stale `version`, or a category that is not empty).
 */
export type MutationUpdateProfileArgs = {
  input: UpdateProfileInput;
  userId: InputMaybe<Scalars['ID']['input']>;
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

/**
 * Something a shopper can buy. Other subgraphs reference a product by its `id`
 * (for example an order line) and the router resolves the rest here.
 */
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
  /** Stable unique identifier; the federation key. */
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

/** The catalog: products and their categories. */
export type Query = {
  __typename?: 'Query';
  /** The countries the address book accepts, by name. */
  addressCountries: Array<AddressCountry>;
  /** Every category, ordered by name path: each category directly followed by its descendants, siblings by name. Walk the tree with `parent` and `children`. */
  categories: Array<Category>;
  /** Any user's customer data. Admins only. */
  customer: Maybe<User>;
  /** The signed-in user (the same entity as the auth subgraph's `me`), with the customer fields. */
  myAccount: User;
  /** The product with this id; null when there is none. */
  product: Maybe<Product>;
  /** The product with this slug; null when there is none. */
  productBySlug: Maybe<Product>;
  /** A page of products matching `filter`, in `sort` order. */
  products: ProductConnection;
};


/** The catalog: products and their categories. */
export type QueryCustomerArgs = {
  userId: Scalars['ID']['input'];
};


/** The catalog: products and their categories. */
export type QueryProductArgs = {
  id: Scalars['ID']['input'];
};


/** The catalog: products and their categories. */
export type QueryProductBySlugArgs = {
  slug: Scalars['String']['input'];
};


/** The catalog: products and their categories. */
export type QueryProductsArgs = {
  after: InputMaybe<Scalars['String']['input']>;
  filter: InputMaybe<ProductFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  sort: InputMaybe<ProductSort>;
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

/**
 * The customer side of a user: profile, address book, saved payment methods
 * and wishlist. A user sees and changes only their own; an admin reads any
 * user's and may edit the profile. Anyone else gets FORBIDDEN.
 */
export type User = {
  __typename?: 'User';
  /** Saved addresses, default shipping first, then default billing, then newest. */
  addresses: Array<Address>;
  /** The user's id (owned by the auth subgraph). */
  id: Scalars['ID']['output'];
  /** Saved payment methods (tokens only), default first, then newest. */
  paymentMethods: Array<PaymentMethod>;
  /** Phone, preferences. */
  profile: CustomerProfile;
  /** Products saved for later, most recently added first. */
  wishlist: Array<WishlistItem>;
};

/** A product on the wishlist. */
export type WishlistItem = {
  __typename?: 'WishlistItem';
  /** When it was added. */
  addedAt: Scalars['DateTime']['output'];
  /** The product. */
  product: Product;
};

export type CatalogCategoriesQueryVariables = Exact<{ [key: string]: never; }>;


export type CatalogCategoriesQuery = { __typename: 'Query', categories: Array<{ __typename: 'Category', id: string, name: string, slug: string, parent: { __typename: 'Category', id: string } | null }> };

export type CatalogProductsQueryVariables = Exact<{
  first: Scalars['Int']['input'];
  after: InputMaybe<Scalars['String']['input']>;
  filter: InputMaybe<ProductFilter>;
  sort: InputMaybe<ProductSort>;
}>;


export type CatalogProductsQuery = { __typename: 'Query', products: { __typename: 'ProductConnection', totalCount: number, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor: string | null }, edges: Array<{ __typename: 'ProductEdge', cursor: string, node: { __typename: 'Product', id: string, name: string, slug: string, rating: number, reviewCount: number, stock: number, price: { __typename: 'Money', amount: number, currency: string }, compareAtPrice: { __typename: 'Money', amount: number, currency: string } | null, images: Array<{ __typename: 'Image', url: string, alt: string, isPrimary: boolean }> } }> } };

export type CatalogTagsQueryVariables = Exact<{
  filter: InputMaybe<ProductFilter>;
}>;


export type CatalogTagsQuery = { __typename: 'Query', products: { __typename: 'ProductConnection', edges: Array<{ __typename: 'ProductEdge', node: { __typename: 'Product', id: string, tags: Array<string> } }> } };

export type ProductCardFieldsFragment = { __typename: 'Product', id: string, name: string, slug: string, rating: number, reviewCount: number, stock: number, price: { __typename: 'Money', amount: number, currency: string }, compareAtPrice: { __typename: 'Money', amount: number, currency: string } | null, images: Array<{ __typename: 'Image', url: string, alt: string, isPrimary: boolean }> };

export type ProductDetailQueryVariables = Exact<{
  slug: Scalars['String']['input'];
}>;


export type ProductDetailQuery = { __typename: 'Query', productBySlug: { __typename: 'Product', id: string, name: string, slug: string, description: string, sku: string, tags: Array<string>, stock: number, rating: number, reviewCount: number, price: { __typename: 'Money', amount: number, currency: string }, compareAtPrice: { __typename: 'Money', amount: number, currency: string } | null, images: Array<{ __typename: 'Image', url: string, alt: string, isPrimary: boolean }>, category: { __typename: 'Category', id: string, name: string, slug: string, parent: { __typename: 'Category', id: string, name: string, slug: string, parent: { __typename: 'Category', id: string, name: string, slug: string, parent: { __typename: 'Category', id: string, name: string, slug: string } | null } | null } | null } } | null };

export type RelatedProductsQueryVariables = Exact<{
  categoryId: Scalars['ID']['input'];
}>;


export type RelatedProductsQuery = { __typename: 'Query', products: { __typename: 'ProductConnection', edges: Array<{ __typename: 'ProductEdge', node: { __typename: 'Product', id: string, name: string, slug: string, rating: number, reviewCount: number, stock: number, price: { __typename: 'Money', amount: number, currency: string }, compareAtPrice: { __typename: 'Money', amount: number, currency: string } | null, images: Array<{ __typename: 'Image', url: string, alt: string, isPrimary: boolean }> } }> } };

export type SearchSuggestionsQueryVariables = Exact<{
  search: Scalars['String']['input'];
}>;


export type SearchSuggestionsQuery = { __typename: 'Query', products: { __typename: 'ProductConnection', edges: Array<{ __typename: 'ProductEdge', node: { __typename: 'Product', id: string, name: string, slug: string, price: { __typename: 'Money', amount: number, currency: string } } }> } };

export type WishlistProductIdsQueryVariables = Exact<{ [key: string]: never; }>;


export type WishlistProductIdsQuery = { __typename: 'Query', myAccount: { __typename: 'User', id: string, wishlist: Array<{ __typename: 'WishlistItem', product: { __typename: 'Product', id: string } }> } };

export type AddToWishlistMutationVariables = Exact<{
  productId: Scalars['ID']['input'];
}>;


export type AddToWishlistMutation = { __typename: 'Mutation', addToWishlist: { __typename: 'WishlistItem', addedAt: string } };

export type RemoveFromWishlistMutationVariables = Exact<{
  productId: Scalars['ID']['input'];
}>;


export type RemoveFromWishlistMutation = { __typename: 'Mutation', removeFromWishlist: boolean };

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
export const ProductCardFieldsFragmentDoc = new TypedDocumentString(`
    fragment ProductCardFields on Product {
  __typename
  id
  name
  slug
  price {
    __typename
    amount
    currency
  }
  compareAtPrice {
    __typename
    amount
    currency
  }
  images {
    __typename
    url
    alt
    isPrimary
  }
  rating
  reviewCount
  stock
}
    `, {"fragmentName":"ProductCardFields"}) as unknown as TypedDocumentString<ProductCardFieldsFragment, unknown>;
export const CatalogCategoriesDocument = new TypedDocumentString(`
    query CatalogCategories {
  __typename
  categories {
    __typename
    id
    name
    slug
    parent {
      __typename
      id
    }
  }
}
    `) as unknown as TypedDocumentString<CatalogCategoriesQuery, CatalogCategoriesQueryVariables>;
export const CatalogProductsDocument = new TypedDocumentString(`
    query CatalogProducts($first: Int!, $after: String, $filter: ProductFilter, $sort: ProductSort) {
  __typename
  products(first: $first, after: $after, filter: $filter, sort: $sort) {
    __typename
    totalCount
    pageInfo {
      __typename
      hasNextPage
      endCursor
    }
    edges {
      __typename
      cursor
      node {
        __typename
        ...ProductCardFields
      }
    }
  }
}
    fragment ProductCardFields on Product {
  __typename
  id
  name
  slug
  price {
    __typename
    amount
    currency
  }
  compareAtPrice {
    __typename
    amount
    currency
  }
  images {
    __typename
    url
    alt
    isPrimary
  }
  rating
  reviewCount
  stock
}`) as unknown as TypedDocumentString<CatalogProductsQuery, CatalogProductsQueryVariables>;
export const CatalogTagsDocument = new TypedDocumentString(`
    query CatalogTags($filter: ProductFilter) {
  __typename
  products(first: 100, filter: $filter) {
    __typename
    edges {
      __typename
      node {
        __typename
        id
        tags
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CatalogTagsQuery, CatalogTagsQueryVariables>;
export const ProductDetailDocument = new TypedDocumentString(`
    query ProductDetail($slug: String!) {
  __typename
  productBySlug(slug: $slug) {
    __typename
    id
    name
    slug
    description
    sku
    tags
    stock
    rating
    reviewCount
    price {
      __typename
      amount
      currency
    }
    compareAtPrice {
      __typename
      amount
      currency
    }
    images {
      __typename
      url
      alt
      isPrimary
    }
    category {
      __typename
      id
      name
      slug
      parent {
        __typename
        id
        name
        slug
        parent {
          __typename
          id
          name
          slug
          parent {
            __typename
            id
            name
            slug
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ProductDetailQuery, ProductDetailQueryVariables>;
export const RelatedProductsDocument = new TypedDocumentString(`
    query RelatedProducts($categoryId: ID!) {
  __typename
  products(first: 5, filter: {categoryId: $categoryId}, sort: RATING) {
    __typename
    edges {
      __typename
      node {
        __typename
        ...ProductCardFields
      }
    }
  }
}
    fragment ProductCardFields on Product {
  __typename
  id
  name
  slug
  price {
    __typename
    amount
    currency
  }
  compareAtPrice {
    __typename
    amount
    currency
  }
  images {
    __typename
    url
    alt
    isPrimary
  }
  rating
  reviewCount
  stock
}`) as unknown as TypedDocumentString<RelatedProductsQuery, RelatedProductsQueryVariables>;
export const SearchSuggestionsDocument = new TypedDocumentString(`
    query SearchSuggestions($search: String!) {
  __typename
  products(first: 6, filter: {search: $search}) {
    __typename
    edges {
      __typename
      node {
        __typename
        id
        name
        slug
        price {
          __typename
          amount
          currency
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SearchSuggestionsQuery, SearchSuggestionsQueryVariables>;
export const WishlistProductIdsDocument = new TypedDocumentString(`
    query WishlistProductIds {
  __typename
  myAccount {
    __typename
    id
    wishlist {
      __typename
      product {
        __typename
        id
      }
    }
  }
}
    `) as unknown as TypedDocumentString<WishlistProductIdsQuery, WishlistProductIdsQueryVariables>;
export const AddToWishlistDocument = new TypedDocumentString(`
    mutation AddToWishlist($productId: ID!) {
  __typename
  addToWishlist(productId: $productId) {
    __typename
    addedAt
  }
}
    `) as unknown as TypedDocumentString<AddToWishlistMutation, AddToWishlistMutationVariables>;
export const RemoveFromWishlistDocument = new TypedDocumentString(`
    mutation RemoveFromWishlist($productId: ID!) {
  __typename
  removeFromWishlist(productId: $productId)
}
    `) as unknown as TypedDocumentString<RemoveFromWishlistMutation, RemoveFromWishlistMutationVariables>;