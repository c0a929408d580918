/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query AccountAddresses {\n  myAccount {\n    id\n    addresses {\n      ...AddressFields\n    }\n  }\n  addressCountries {\n    code\n    name\n    requiresRegion\n    postalCodeExample\n  }\n}": typeof types.AccountAddressesDocument,
    "fragment AddressFields on Address {\n  id\n  firstName\n  lastName\n  line1\n  line2\n  city\n  region\n  postalCode\n  country\n  phone\n  isDefaultShipping\n  isDefaultBilling\n}": typeof types.AddressFieldsFragmentDoc,
    "mutation AddAddress($input: AddressInput!) {\n  addAddress(input: $input) {\n    ...AddressFields\n  }\n}\n\nmutation UpdateAddress($id: ID!, $input: AddressInput!) {\n  updateAddress(id: $id, input: $input) {\n    ...AddressFields\n  }\n}\n\nmutation DeleteAddress($id: ID!) {\n  deleteAddress(id: $id) {\n    id\n  }\n}": typeof types.AddAddressDocument,
    "query AccountPaymentMethods {\n  myAccount {\n    id\n    paymentMethods {\n      id\n      type\n      brand\n      last4\n      expMonth\n      expYear\n      holderName\n      isDefault\n      createdAt\n    }\n  }\n}": typeof types.AccountPaymentMethodsDocument,
    "mutation TokenizeTestCard($input: TestCardInput!) {\n  tokenizeTestCard(input: $input) {\n    token\n    brand\n    last4\n  }\n}\n\nmutation AddPaymentMethod($input: AddPaymentMethodInput!) {\n  addPaymentMethod(input: $input) {\n    id\n    isDefault\n  }\n}\n\nmutation SetDefaultPaymentMethod($id: ID!) {\n  setDefaultPaymentMethod(id: $id) {\n    id\n    isDefault\n  }\n}\n\nmutation DeletePaymentMethod($id: ID!) {\n  deletePaymentMethod(id: $id) {\n    id\n  }\n}": typeof types.TokenizeTestCardDocument,
    "query AccountProfile {\n  me {\n    id\n    email\n    emailVerified\n    firstName\n    lastName\n  }\n  myAccount {\n    id\n    profile {\n      phone\n      marketingEmails\n      locale\n      updatedAt\n    }\n  }\n}": typeof types.AccountProfileDocument,
    "mutation UpdateAccountProfile($name: UpdateMeInput!, $profile: UpdateProfileInput!) {\n  updateMe(input: $name) {\n    id\n    firstName\n    lastName\n  }\n  updateProfile(input: $profile) {\n    phone\n    marketingEmails\n    locale\n    updatedAt\n  }\n}": typeof types.UpdateAccountProfileDocument,
    "query AccountWishlist {\n  myAccount {\n    id\n    wishlist {\n      addedAt\n      product {\n        id\n        name\n        slug\n        price {\n          amount\n          currency\n        }\n        images {\n          url\n          alt\n          isPrimary\n        }\n      }\n    }\n  }\n}\n\nmutation RemoveWishlistItem($productId: ID!) {\n  removeFromWishlist(productId: $productId)\n}": typeof types.AccountWishlistDocument,
};
const documents: Documents = {
    "query AccountAddresses {\n  myAccount {\n    id\n    addresses {\n      ...AddressFields\n    }\n  }\n  addressCountries {\n    code\n    name\n    requiresRegion\n    postalCodeExample\n  }\n}": types.AccountAddressesDocument,
    "fragment AddressFields on Address {\n  id\n  firstName\n  lastName\n  line1\n  line2\n  city\n  region\n  postalCode\n  country\n  phone\n  isDefaultShipping\n  isDefaultBilling\n}": types.AddressFieldsFragmentDoc,
    "mutation AddAddress($input: AddressInput!) {\n  addAddress(input: $input) {\n    ...AddressFields\n  }\n}\n\nmutation UpdateAddress($id: ID!, $input: AddressInput!) {\n  updateAddress(id: $id, input: $input) {\n    ...AddressFields\n  }\n}\n\nmutation DeleteAddress($id: ID!) {\n  deleteAddress(id: $id) {\n    id\n  }\n}": types.AddAddressDocument,
    "query AccountPaymentMethods {\n  myAccount {\n    id\n    paymentMethods {\n      id\n      type\n      brand\n      last4\n      expMonth\n      expYear\n      holderName\n      isDefault\n      createdAt\n    }\n  }\n}": types.AccountPaymentMethodsDocument,
    "mutation TokenizeTestCard($input: TestCardInput!) {\n  tokenizeTestCard(input: $input) {\n    token\n    brand\n    last4\n  }\n}\n\nmutation AddPaymentMethod($input: AddPaymentMethodInput!) {\n  addPaymentMethod(input: $input) {\n    id\n    isDefault\n  }\n}\n\nmutation SetDefaultPaymentMethod($id: ID!) {\n  setDefaultPaymentMethod(id: $id) {\n    id\n    isDefault\n  }\n}\n\nmutation DeletePaymentMethod($id: ID!) {\n  deletePaymentMethod(id: $id) {\n    id\n  }\n}": types.TokenizeTestCardDocument,
    "query AccountProfile {\n  me {\n    id\n    email\n    emailVerified\n    firstName\n    lastName\n  }\n  myAccount {\n    id\n    profile {\n      phone\n      marketingEmails\n      locale\n      updatedAt\n    }\n  }\n}": types.AccountProfileDocument,
    "mutation UpdateAccountProfile($name: UpdateMeInput!, $profile: UpdateProfileInput!) {\n  updateMe(input: $name) {\n    id\n    firstName\n    lastName\n  }\n  updateProfile(input: $profile) {\n    phone\n    marketingEmails\n    locale\n    updatedAt\n  }\n}": types.UpdateAccountProfileDocument,
    "query AccountWishlist {\n  myAccount {\n    id\n    wishlist {\n      addedAt\n      product {\n        id\n        name\n        slug\n        price {\n          amount\n          currency\n        }\n        images {\n          url\n          alt\n          isPrimary\n        }\n      }\n    }\n  }\n}\n\nmutation RemoveWishlistItem($productId: ID!) {\n  removeFromWishlist(productId: $productId)\n}": types.AccountWishlistDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AccountAddresses {\n  myAccount {\n    id\n    addresses {\n      ...AddressFields\n    }\n  }\n  addressCountries {\n    code\n    name\n    requiresRegion\n    postalCodeExample\n  }\n}"): typeof import('./graphql').AccountAddressesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment AddressFields on Address {\n  id\n  firstName\n  lastName\n  line1\n  line2\n  city\n  region\n  postalCode\n  country\n  phone\n  isDefaultShipping\n  isDefaultBilling\n}"): typeof import('./graphql').AddressFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AddAddress($input: AddressInput!) {\n  addAddress(input: $input) {\n    ...AddressFields\n  }\n}\n\nmutation UpdateAddress($id: ID!, $input: AddressInput!) {\n  updateAddress(id: $id, input: $input) {\n    ...AddressFields\n  }\n}\n\nmutation DeleteAddress($id: ID!) {\n  deleteAddress(id: $id) {\n    id\n  }\n}"): typeof import('./graphql').AddAddressDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AccountPaymentMethods {\n  myAccount {\n    id\n    paymentMethods {\n      id\n      type\n      brand\n      last4\n      expMonth\n      expYear\n      holderName\n      isDefault\n      createdAt\n    }\n  }\n}"): typeof import('./graphql').AccountPaymentMethodsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation TokenizeTestCard($input: TestCardInput!) {\n  tokenizeTestCard(input: $input) {\n    token\n    brand\n    last4\n  }\n}\n\nmutation AddPaymentMethod($input: AddPaymentMethodInput!) {\n  addPaymentMethod(input: $input) {\n    id\n    isDefault\n  }\n}\n\nmutation SetDefaultPaymentMethod($id: ID!) {\n  setDefaultPaymentMethod(id: $id) {\n    id\n    isDefault\n  }\n}\n\nmutation DeletePaymentMethod($id: ID!) {\n  deletePaymentMethod(id: $id) {\n    id\n  }\n}"): typeof import('./graphql').TokenizeTestCardDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AccountProfile {\n  me {\n    id\n    email\n    emailVerified\n    firstName\n    lastName\n  }\n  myAccount {\n    id\n    profile {\n      phone\n      marketingEmails\n      locale\n      updatedAt\n    }\n  }\n}"): typeof import('./graphql').AccountProfileDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation UpdateAccountProfile($name: UpdateMeInput!, $profile: UpdateProfileInput!) {\n  updateMe(input: $name) {\n    id\n    firstName\n    lastName\n  }\n  updateProfile(input: $profile) {\n    phone\n    marketingEmails\n    locale\n    updatedAt\n  }\n}"): typeof import('./graphql').UpdateAccountProfileDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AccountWishlist {\n  myAccount {\n    id\n    wishlist {\n      addedAt\n      product {\n        id\n        name\n        slug\n        price {\n          amount\n          currency\n        }\n        images {\n          url\n          alt\n          isPrimary\n        }\n      }\n    }\n  }\n}\n\nmutation RemoveWishlistItem($productId: ID!) {\n  removeFromWishlist(productId: $productId)\n}"): typeof import('./graphql').AccountWishlistDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
