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
    "query CatalogCategories {\n  categories {\n    id\n    name\n    slug\n    parent {\n      id\n    }\n  }\n}": typeof types.CatalogCategoriesDocument,
    "query CatalogProducts($first: Int!, $after: String, $filter: ProductFilter, $sort: ProductSort) {\n  products(first: $first, after: $after, filter: $filter, sort: $sort) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        ...ProductCardFields\n      }\n    }\n  }\n}": typeof types.CatalogProductsDocument,
    "query CatalogTags($filter: ProductFilter) {\n  products(first: 100, filter: $filter) {\n    edges {\n      node {\n        id\n        tags\n      }\n    }\n  }\n}": typeof types.CatalogTagsDocument,
    "fragment ProductCardFields on Product {\n  id\n  name\n  slug\n  price {\n    amount\n    currency\n  }\n  compareAtPrice {\n    amount\n    currency\n  }\n  images {\n    url\n    alt\n    isPrimary\n  }\n  rating\n  reviewCount\n  stock\n}": typeof types.ProductCardFieldsFragmentDoc,
    "query ProductDetail($slug: String!) {\n  productBySlug(slug: $slug) {\n    id\n    name\n    slug\n    description\n    sku\n    tags\n    stock\n    rating\n    reviewCount\n    price {\n      amount\n      currency\n    }\n    compareAtPrice {\n      amount\n      currency\n    }\n    images {\n      url\n      alt\n      isPrimary\n    }\n    category {\n      id\n      name\n      slug\n      parent {\n        id\n        name\n        slug\n        parent {\n          id\n          name\n          slug\n          parent {\n            id\n            name\n            slug\n          }\n        }\n      }\n    }\n  }\n}": typeof types.ProductDetailDocument,
    "query RelatedProducts($categoryId: ID!) {\n  products(first: 5, filter: {categoryId: $categoryId}, sort: RATING) {\n    edges {\n      node {\n        ...ProductCardFields\n      }\n    }\n  }\n}": typeof types.RelatedProductsDocument,
    "mutation WriteReview($input: WriteReviewInput!) {\n  writeReview(input: $input) {\n    ...ReviewFields\n    product {\n      id\n      rating\n      reviewCount\n    }\n  }\n}\n\nmutation UpdateReview($input: UpdateReviewInput!) {\n  updateReview(input: $input) {\n    ...ReviewFields\n    product {\n      id\n      rating\n      reviewCount\n    }\n  }\n}\n\nmutation DeleteReview($id: ID!) {\n  deleteReview(id: $id) {\n    id\n    product {\n      id\n      rating\n      reviewCount\n    }\n  }\n}\n\nmutation VoteReviewHelpful($id: ID!, $helpful: Boolean!) {\n  voteReviewHelpful(id: $id, helpful: $helpful) {\n    id\n    helpfulCount\n    viewerFoundHelpful\n  }\n}": typeof types.WriteReviewDocument,
    "fragment ReviewFields on Review {\n  id\n  rating\n  title\n  body\n  authorName\n  verifiedPurchase\n  helpfulCount\n  viewerFoundHelpful\n  viewerIsAuthor\n  status\n  moderationReason\n  createdAt\n  updatedAt\n}\n\nquery ProductReviewSummary($id: ID!) {\n  product(id: $id) {\n    id\n    rating\n    reviewCount\n    ratingDistribution {\n      stars\n      count\n    }\n    viewerReview {\n      ...ReviewFields\n    }\n  }\n}\n\nquery ProductReviewPage($id: ID!, $first: Int!, $after: String, $sort: ReviewSort) {\n  product(id: $id) {\n    id\n    reviews(first: $first, after: $after, sort: $sort) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...ReviewFields\n        }\n      }\n    }\n  }\n}": typeof types.ReviewFieldsFragmentDoc,
    "query SearchSuggestions($search: String!) {\n  products(first: 6, filter: {search: $search}) {\n    edges {\n      node {\n        id\n        name\n        slug\n        price {\n          amount\n          currency\n        }\n      }\n    }\n  }\n}": typeof types.SearchSuggestionsDocument,
    "query WishlistProductIds {\n  myAccount {\n    id\n    wishlist {\n      product {\n        id\n      }\n    }\n  }\n}\n\nmutation AddToWishlist($productId: ID!) {\n  addToWishlist(productId: $productId) {\n    addedAt\n  }\n}\n\nmutation RemoveFromWishlist($productId: ID!) {\n  removeFromWishlist(productId: $productId)\n}": typeof types.WishlistProductIdsDocument,
};
const documents: Documents = {
    "query CatalogCategories {\n  categories {\n    id\n    name\n    slug\n    parent {\n      id\n    }\n  }\n}": types.CatalogCategoriesDocument,
    "query CatalogProducts($first: Int!, $after: String, $filter: ProductFilter, $sort: ProductSort) {\n  products(first: $first, after: $after, filter: $filter, sort: $sort) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        ...ProductCardFields\n      }\n    }\n  }\n}": types.CatalogProductsDocument,
    "query CatalogTags($filter: ProductFilter) {\n  products(first: 100, filter: $filter) {\n    edges {\n      node {\n        id\n        tags\n      }\n    }\n  }\n}": types.CatalogTagsDocument,
    "fragment ProductCardFields on Product {\n  id\n  name\n  slug\n  price {\n    amount\n    currency\n  }\n  compareAtPrice {\n    amount\n    currency\n  }\n  images {\n    url\n    alt\n    isPrimary\n  }\n  rating\n  reviewCount\n  stock\n}": types.ProductCardFieldsFragmentDoc,
    "query ProductDetail($slug: String!) {\n  productBySlug(slug: $slug) {\n    id\n    name\n    slug\n    description\n    sku\n    tags\n    stock\n    rating\n    reviewCount\n    price {\n      amount\n      currency\n    }\n    compareAtPrice {\n      amount\n      currency\n    }\n    images {\n      url\n      alt\n      isPrimary\n    }\n    category {\n      id\n      name\n      slug\n      parent {\n        id\n        name\n        slug\n        parent {\n          id\n          name\n          slug\n          parent {\n            id\n            name\n            slug\n          }\n        }\n      }\n    }\n  }\n}": types.ProductDetailDocument,
    "query RelatedProducts($categoryId: ID!) {\n  products(first: 5, filter: {categoryId: $categoryId}, sort: RATING) {\n    edges {\n      node {\n        ...ProductCardFields\n      }\n    }\n  }\n}": types.RelatedProductsDocument,
    "mutation WriteReview($input: WriteReviewInput!) {\n  writeReview(input: $input) {\n    ...ReviewFields\n    product {\n      id\n      rating\n      reviewCount\n    }\n  }\n}\n\nmutation UpdateReview($input: UpdateReviewInput!) {\n  updateReview(input: $input) {\n    ...ReviewFields\n    product {\n      id\n      rating\n      reviewCount\n    }\n  }\n}\n\nmutation DeleteReview($id: ID!) {\n  deleteReview(id: $id) {\n    id\n    product {\n      id\n      rating\n      reviewCount\n    }\n  }\n}\n\nmutation VoteReviewHelpful($id: ID!, $helpful: Boolean!) {\n  voteReviewHelpful(id: $id, helpful: $helpful) {\n    id\n    helpfulCount\n    viewerFoundHelpful\n  }\n}": types.WriteReviewDocument,
    "fragment ReviewFields on Review {\n  id\n  rating\n  title\n  body\n  authorName\n  verifiedPurchase\n  helpfulCount\n  viewerFoundHelpful\n  viewerIsAuthor\n  status\n  moderationReason\n  createdAt\n  updatedAt\n}\n\nquery ProductReviewSummary($id: ID!) {\n  product(id: $id) {\n    id\n    rating\n    reviewCount\n    ratingDistribution {\n      stars\n      count\n    }\n    viewerReview {\n      ...ReviewFields\n    }\n  }\n}\n\nquery ProductReviewPage($id: ID!, $first: Int!, $after: String, $sort: ReviewSort) {\n  product(id: $id) {\n    id\n    reviews(first: $first, after: $after, sort: $sort) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...ReviewFields\n        }\n      }\n    }\n  }\n}": types.ReviewFieldsFragmentDoc,
    "query SearchSuggestions($search: String!) {\n  products(first: 6, filter: {search: $search}) {\n    edges {\n      node {\n        id\n        name\n        slug\n        price {\n          amount\n          currency\n        }\n      }\n    }\n  }\n}": types.SearchSuggestionsDocument,
    "query WishlistProductIds {\n  myAccount {\n    id\n    wishlist {\n      product {\n        id\n      }\n    }\n  }\n}\n\nmutation AddToWishlist($productId: ID!) {\n  addToWishlist(productId: $productId) {\n    addedAt\n  }\n}\n\nmutation RemoveFromWishlist($productId: ID!) {\n  removeFromWishlist(productId: $productId)\n}": types.WishlistProductIdsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CatalogCategories {\n  categories {\n    id\n    name\n    slug\n    parent {\n      id\n    }\n  }\n}"): typeof import('./graphql').CatalogCategoriesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CatalogProducts($first: Int!, $after: String, $filter: ProductFilter, $sort: ProductSort) {\n  products(first: $first, after: $after, filter: $filter, sort: $sort) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        ...ProductCardFields\n      }\n    }\n  }\n}"): typeof import('./graphql').CatalogProductsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CatalogTags($filter: ProductFilter) {\n  products(first: 100, filter: $filter) {\n    edges {\n      node {\n        id\n        tags\n      }\n    }\n  }\n}"): typeof import('./graphql').CatalogTagsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment ProductCardFields on Product {\n  id\n  name\n  slug\n  price {\n    amount\n    currency\n  }\n  compareAtPrice {\n    amount\n    currency\n  }\n  images {\n    url\n    alt\n    isPrimary\n  }\n  rating\n  reviewCount\n  stock\n}"): typeof import('./graphql').ProductCardFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ProductDetail($slug: String!) {\n  productBySlug(slug: $slug) {\n    id\n    name\n    slug\n    description\n    sku\n    tags\n    stock\n    rating\n    reviewCount\n    price {\n      amount\n      currency\n    }\n    compareAtPrice {\n      amount\n      currency\n    }\n    images {\n      url\n      alt\n      isPrimary\n    }\n    category {\n      id\n      name\n      slug\n      parent {\n        id\n        name\n        slug\n        parent {\n          id\n          name\n          slug\n          parent {\n            id\n            name\n            slug\n          }\n        }\n      }\n    }\n  }\n}"): typeof import('./graphql').ProductDetailDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RelatedProducts($categoryId: ID!) {\n  products(first: 5, filter: {categoryId: $categoryId}, sort: RATING) {\n    edges {\n      node {\n        ...ProductCardFields\n      }\n    }\n  }\n}"): typeof import('./graphql').RelatedProductsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation WriteReview($input: WriteReviewInput!) {\n  writeReview(input: $input) {\n    ...ReviewFields\n    product {\n      id\n      rating\n      reviewCount\n    }\n  }\n}\n\nmutation UpdateReview($input: UpdateReviewInput!) {\n  updateReview(input: $input) {\n    ...ReviewFields\n    product {\n      id\n      rating\n      reviewCount\n    }\n  }\n}\n\nmutation DeleteReview($id: ID!) {\n  deleteReview(id: $id) {\n    id\n    product {\n      id\n      rating\n      reviewCount\n    }\n  }\n}\n\nmutation VoteReviewHelpful($id: ID!, $helpful: Boolean!) {\n  voteReviewHelpful(id: $id, helpful: $helpful) {\n    id\n    helpfulCount\n    viewerFoundHelpful\n  }\n}"): typeof import('./graphql').WriteReviewDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment ReviewFields on Review {\n  id\n  rating\n  title\n  body\n  authorName\n  verifiedPurchase\n  helpfulCount\n  viewerFoundHelpful\n  viewerIsAuthor\n  status\n  moderationReason\n  createdAt\n  updatedAt\n}\n\nquery ProductReviewSummary($id: ID!) {\n  product(id: $id) {\n    id\n    rating\n    reviewCount\n    ratingDistribution {\n      stars\n      count\n    }\n    viewerReview {\n      ...ReviewFields\n    }\n  }\n}\n\nquery ProductReviewPage($id: ID!, $first: Int!, $after: String, $sort: ReviewSort) {\n  product(id: $id) {\n    id\n    reviews(first: $first, after: $after, sort: $sort) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...ReviewFields\n        }\n      }\n    }\n  }\n}"): typeof import('./graphql').ReviewFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SearchSuggestions($search: String!) {\n  products(first: 6, filter: {search: $search}) {\n    edges {\n      node {\n        id\n        name\n        slug\n        price {\n          amount\n          currency\n        }\n      }\n    }\n  }\n}"): typeof import('./graphql').SearchSuggestionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query WishlistProductIds {\n  myAccount {\n    id\n    wishlist {\n      product {\n        id\n      }\n    }\n  }\n}\n\nmutation AddToWishlist($productId: ID!) {\n  addToWishlist(productId: $productId) {\n    addedAt\n  }\n}\n\nmutation RemoveFromWishlist($productId: ID!) {\n  removeFromWishlist(productId: $productId)\n}"): typeof import('./graphql').WishlistProductIdsDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
