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
    "mutation RequestPasswordReset($email: String!) {\n  requestPasswordReset(email: $email)\n}": typeof types.RequestPasswordResetDocument,
    "query PasswordPolicy {\n  passwordPolicy {\n    minLength\n    maxLength\n  }\n}": typeof types.PasswordPolicyDocument,
    "mutation Register($input: RegisterInput!) {\n  register(input: $input) {\n    ...SessionFields\n  }\n}": typeof types.RegisterDocument,
    "mutation ResetPassword($input: ResetPasswordInput!) {\n  resetPassword(input: $input)\n}": typeof types.ResetPasswordDocument,
    "fragment SessionFields on Session {\n  accessToken\n  expiresAt\n  user {\n    id\n    email\n    firstName\n    lastName\n    role\n    emailVerified\n  }\n}": typeof types.SessionFieldsFragmentDoc,
    "mutation SignIn($input: SignInInput!) {\n  signIn(input: $input) {\n    ...SessionFields\n  }\n}": typeof types.SignInDocument,
    "mutation ResendVerification {\n  resendVerification\n}": typeof types.ResendVerificationDocument,
    "mutation VerifyEmail($token: String!) {\n  verifyEmail(token: $token) {\n    id\n    emailVerified\n  }\n}": typeof types.VerifyEmailDocument,
};
const documents: Documents = {
    "mutation RequestPasswordReset($email: String!) {\n  requestPasswordReset(email: $email)\n}": types.RequestPasswordResetDocument,
    "query PasswordPolicy {\n  passwordPolicy {\n    minLength\n    maxLength\n  }\n}": types.PasswordPolicyDocument,
    "mutation Register($input: RegisterInput!) {\n  register(input: $input) {\n    ...SessionFields\n  }\n}": types.RegisterDocument,
    "mutation ResetPassword($input: ResetPasswordInput!) {\n  resetPassword(input: $input)\n}": types.ResetPasswordDocument,
    "fragment SessionFields on Session {\n  accessToken\n  expiresAt\n  user {\n    id\n    email\n    firstName\n    lastName\n    role\n    emailVerified\n  }\n}": types.SessionFieldsFragmentDoc,
    "mutation SignIn($input: SignInInput!) {\n  signIn(input: $input) {\n    ...SessionFields\n  }\n}": types.SignInDocument,
    "mutation ResendVerification {\n  resendVerification\n}": types.ResendVerificationDocument,
    "mutation VerifyEmail($token: String!) {\n  verifyEmail(token: $token) {\n    id\n    emailVerified\n  }\n}": types.VerifyEmailDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RequestPasswordReset($email: String!) {\n  requestPasswordReset(email: $email)\n}"): typeof import('./graphql').RequestPasswordResetDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PasswordPolicy {\n  passwordPolicy {\n    minLength\n    maxLength\n  }\n}"): typeof import('./graphql').PasswordPolicyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Register($input: RegisterInput!) {\n  register(input: $input) {\n    ...SessionFields\n  }\n}"): typeof import('./graphql').RegisterDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ResetPassword($input: ResetPasswordInput!) {\n  resetPassword(input: $input)\n}"): typeof import('./graphql').ResetPasswordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment SessionFields on Session {\n  accessToken\n  expiresAt\n  user {\n    id\n    email\n    firstName\n    lastName\n    role\n    emailVerified\n  }\n}"): typeof import('./graphql').SessionFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SignIn($input: SignInInput!) {\n  signIn(input: $input) {\n    ...SessionFields\n  }\n}"): typeof import('./graphql').SignInDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ResendVerification {\n  resendVerification\n}"): typeof import('./graphql').ResendVerificationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation VerifyEmail($token: String!) {\n  verifyEmail(token: $token) {\n    id\n    emailVerified\n  }\n}"): typeof import('./graphql').VerifyEmailDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
