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

/** A password change by the signed-in user. */
export type ChangePasswordInput = {
  /** The password now in use. */
  currentPassword: Scalars['String']['input'];
  /** The new password; see `passwordPolicy`. */
  newPassword: Scalars['String']['input'];
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
  /** Change the signed-in user's password. Every other session ends; this one continues with the returned session. */
  changePassword: Session;
  /** Delete an address of the signed-in user; returns it as it was. */
  deleteAddress: Address;
  /** Delete a saved payment method; returns it as it was. */
  deletePaymentMethod: PaymentMethod;
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
  /** Change the signed-in user's name. */
  updateMe: User;
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
  /** The product's id. */
  id: Scalars['ID']['output'];
};

/** Accounts and sessions. */
export type Query = {
  __typename?: 'Query';
  /** The countries the address book accepts, by name. */
  addressCountries: Array<AddressCountry>;
  /** Any user's customer data. Admins only. */
  customer: Maybe<User>;
  /** The signed-in user. */
  me: User;
  /** The signed-in user (the same entity as the auth subgraph's `me`), with the customer fields. */
  myAccount: User;
  /** The password rules `register`, `changePassword` and `resetPassword` apply. */
  passwordPolicy: PasswordPolicy;
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

/** The signed-in user's own name. */
export type UpdateMeInput = {
  /** 1 to 100 characters. */
  firstName: Scalars['String']['input'];
  /** 1 to 100 characters. */
  lastName: Scalars['String']['input'];
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

export type AdminUserQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type AdminUserQuery = { __typename: 'Query', user: { __typename: 'User', id: string, email: string, firstName: string, lastName: string, role: Role, emailVerified: boolean, disabled: boolean, createdAt: string, updatedAt: string } | null, customer: { __typename: 'User', id: string, profile: { __typename: 'CustomerProfile', phone: string | null, marketingEmails: boolean, locale: string }, addresses: Array<{ __typename: 'Address', id: string, firstName: string, lastName: string, line1: string, line2: string | null, city: string, region: string | null, postalCode: string, country: string, isDefaultShipping: boolean, isDefaultBilling: boolean }>, wishlist: Array<{ __typename: 'WishlistItem', addedAt: string }> } | null };

export type SetUserRoleMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  role: Role;
}>;


export type SetUserRoleMutation = { __typename: 'Mutation', setUserRole: { __typename: 'User', id: string, role: Role } };

export type DisableUserMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
}>;


export type DisableUserMutation = { __typename: 'Mutation', disableUser: { __typename: 'User', id: string, disabled: boolean } };

export type EnableUserMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type EnableUserMutation = { __typename: 'Mutation', enableUser: { __typename: 'User', id: string, disabled: boolean } };

export type UpdateUserNameMutationVariables = Exact<{
  input: UpdateUserInput;
}>;


export type UpdateUserNameMutation = { __typename: 'Mutation', updateUser: { __typename: 'User', id: string, firstName: string, lastName: string } };

export type AdminUsersQueryVariables = Exact<{
  first: InputMaybe<Scalars['Int']['input']>;
  after: InputMaybe<Scalars['String']['input']>;
  filter: InputMaybe<UserFilter>;
}>;


export type AdminUsersQuery = { __typename: 'Query', users: { __typename: 'UserConnection', totalCount: number, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor: string | null }, edges: Array<{ __typename: 'UserEdge', cursor: string, node: { __typename: 'User', id: string, email: string, firstName: string, lastName: string, role: Role, emailVerified: boolean, disabled: boolean, createdAt: string } }> } };

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

export const AdminUserDocument = new TypedDocumentString(`
    query AdminUser($id: ID!) {
  __typename
  user(id: $id) {
    __typename
    id
    email
    firstName
    lastName
    role
    emailVerified
    disabled
    createdAt
    updatedAt
  }
  customer(userId: $id) {
    __typename
    id
    profile {
      __typename
      phone
      marketingEmails
      locale
    }
    addresses {
      __typename
      id
      firstName
      lastName
      line1
      line2
      city
      region
      postalCode
      country
      isDefaultShipping
      isDefaultBilling
    }
    wishlist {
      __typename
      addedAt
    }
  }
}
    `) as unknown as TypedDocumentString<AdminUserQuery, AdminUserQueryVariables>;
export const SetUserRoleDocument = new TypedDocumentString(`
    mutation SetUserRole($id: ID!, $role: Role!) {
  __typename
  setUserRole(id: $id, role: $role) {
    __typename
    id
    role
  }
}
    `) as unknown as TypedDocumentString<SetUserRoleMutation, SetUserRoleMutationVariables>;
export const DisableUserDocument = new TypedDocumentString(`
    mutation DisableUser($id: ID!, $reason: String!) {
  __typename
  disableUser(id: $id, reason: $reason) {
    __typename
    id
    disabled
  }
}
    `) as unknown as TypedDocumentString<DisableUserMutation, DisableUserMutationVariables>;
export const EnableUserDocument = new TypedDocumentString(`
    mutation EnableUser($id: ID!) {
  __typename
  enableUser(id: $id) {
    __typename
    id
    disabled
  }
}
    `) as unknown as TypedDocumentString<EnableUserMutation, EnableUserMutationVariables>;
export const UpdateUserNameDocument = new TypedDocumentString(`
    mutation UpdateUserName($input: UpdateUserInput!) {
  __typename
  updateUser(input: $input) {
    __typename
    id
    firstName
    lastName
  }
}
    `) as unknown as TypedDocumentString<UpdateUserNameMutation, UpdateUserNameMutationVariables>;
export const AdminUsersDocument = new TypedDocumentString(`
    query AdminUsers($first: Int, $after: String, $filter: UserFilter) {
  __typename
  users(first: $first, after: $after, filter: $filter) {
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
        id
        email
        firstName
        lastName
        role
        emailVerified
        disabled
        createdAt
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AdminUsersQuery, AdminUsersQueryVariables>;