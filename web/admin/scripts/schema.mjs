// The admin remote's API schema: the auth, customer and product subgraph
// SDLs merged by web/product/scripts/schema.mjs (users come from auth, their
// addresses and wishlist from customer's `customer(userId:)`; the catalog,
// options, variants and review moderation from product).
// Usage: node scripts/schema.mjs [out] (default
// src/gql/schema.graphql).
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { apiSchemaSDL, subgraphSDL } from '../../product/scripts/schema.mjs';

/** The subgraphs this remote's documents use, in the order their descriptions win. */
export const SUBGRAPHS = ['auth', 'customer', 'product'];

/** The API schema SDL this remote's codegen reads. */
export const schemaSDL = () => apiSchemaSDL(SUBGRAPHS.map(subgraphSDL));

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  writeFileSync(resolve(process.cwd(), process.argv[2] ?? 'src/gql/schema.graphql'), schemaSDL());
}
