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
    "query AdminUser($id: ID!) {\n  user(id: $id) {\n    id\n    email\n    firstName\n    lastName\n    role\n    emailVerified\n    disabled\n    createdAt\n    updatedAt\n  }\n  customer(userId: $id) {\n    id\n    profile {\n      phone\n      marketingEmails\n      locale\n    }\n    addresses {\n      id\n      firstName\n      lastName\n      line1\n      line2\n      city\n      region\n      postalCode\n      country\n      isDefaultShipping\n      isDefaultBilling\n    }\n    wishlist {\n      addedAt\n    }\n  }\n}": typeof types.AdminUserDocument,
    "mutation SetUserRole($id: ID!, $role: Role!) {\n  setUserRole(id: $id, role: $role) {\n    id\n    role\n  }\n}\n\nmutation DisableUser($id: ID!, $reason: String!) {\n  disableUser(id: $id, reason: $reason) {\n    id\n    disabled\n  }\n}\n\nmutation EnableUser($id: ID!) {\n  enableUser(id: $id) {\n    id\n    disabled\n  }\n}\n\nmutation UpdateUserName($input: UpdateUserInput!) {\n  updateUser(input: $input) {\n    id\n    firstName\n    lastName\n  }\n}": typeof types.SetUserRoleDocument,
    "query AdminUsers($first: Int, $after: String, $filter: UserFilter) {\n  users(first: $first, after: $after, filter: $filter) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        id\n        email\n        firstName\n        lastName\n        role\n        emailVerified\n        disabled\n        createdAt\n      }\n    }\n  }\n}": typeof types.AdminUsersDocument,
};
const documents: Documents = {
    "query AdminUser($id: ID!) {\n  user(id: $id) {\n    id\n    email\n    firstName\n    lastName\n    role\n    emailVerified\n    disabled\n    createdAt\n    updatedAt\n  }\n  customer(userId: $id) {\n    id\n    profile {\n      phone\n      marketingEmails\n      locale\n    }\n    addresses {\n      id\n      firstName\n      lastName\n      line1\n      line2\n      city\n      region\n      postalCode\n      country\n      isDefaultShipping\n      isDefaultBilling\n    }\n    wishlist {\n      addedAt\n    }\n  }\n}": types.AdminUserDocument,
    "mutation SetUserRole($id: ID!, $role: Role!) {\n  setUserRole(id: $id, role: $role) {\n    id\n    role\n  }\n}\n\nmutation DisableUser($id: ID!, $reason: String!) {\n  disableUser(id: $id, reason: $reason) {\n    id\n    disabled\n  }\n}\n\nmutation EnableUser($id: ID!) {\n  enableUser(id: $id) {\n    id\n    disabled\n  }\n}\n\nmutation UpdateUserName($input: UpdateUserInput!) {\n  updateUser(input: $input) {\n    id\n    firstName\n    lastName\n  }\n}": types.SetUserRoleDocument,
    "query AdminUsers($first: Int, $after: String, $filter: UserFilter) {\n  users(first: $first, after: $after, filter: $filter) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        id\n        email\n        firstName\n        lastName\n        role\n        emailVerified\n        disabled\n        createdAt\n      }\n    }\n  }\n}": types.AdminUsersDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AdminUser($id: ID!) {\n  user(id: $id) {\n    id\n    email\n    firstName\n    lastName\n    role\n    emailVerified\n    disabled\n    createdAt\n    updatedAt\n  }\n  customer(userId: $id) {\n    id\n    profile {\n      phone\n      marketingEmails\n      locale\n    }\n    addresses {\n      id\n      firstName\n      lastName\n      line1\n      line2\n      city\n      region\n      postalCode\n      country\n      isDefaultShipping\n      isDefaultBilling\n    }\n    wishlist {\n      addedAt\n    }\n  }\n}"): typeof import('./graphql').AdminUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SetUserRole($id: ID!, $role: Role!) {\n  setUserRole(id: $id, role: $role) {\n    id\n    role\n  }\n}\n\nmutation DisableUser($id: ID!, $reason: String!) {\n  disableUser(id: $id, reason: $reason) {\n    id\n    disabled\n  }\n}\n\nmutation EnableUser($id: ID!) {\n  enableUser(id: $id) {\n    id\n    disabled\n  }\n}\n\nmutation UpdateUserName($input: UpdateUserInput!) {\n  updateUser(input: $input) {\n    id\n    firstName\n    lastName\n  }\n}"): typeof import('./graphql').SetUserRoleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AdminUsers($first: Int, $after: String, $filter: UserFilter) {\n  users(first: $first, after: $after, filter: $filter) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        id\n        email\n        firstName\n        lastName\n        role\n        emailVerified\n        disabled\n        createdAt\n      }\n    }\n  }\n}"): typeof import('./graphql').AdminUsersDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
