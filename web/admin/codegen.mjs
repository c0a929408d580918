// GraphQL Code Generator config, as web/product's: the client preset types
// every `.graphql` document beside the components against the API schema
// (scripts/schema.mjs writes it to src/gql/schema.graphql first), documents
// as TypedDocumentString, __typename on every selection (the client
// invalidates cached results by __typename and id).
import { addTypenameSelectionDocumentTransform } from '@graphql-codegen/client-preset';

const out = process.env.CODEGEN_OUT ?? 'src/gql/';

/** @type {import('@graphql-codegen/cli').CodegenConfig} */
const config = {
  schema: 'src/gql/schema.graphql',
  documents: ['src/**/*.graphql', '!src/gql/**'],
  ignoreNoDocuments: false,
  generates: {
    [out]: {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        documentMode: 'string',
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTime: 'string', ID: 'string' },
        strictScalars: true,
        avoidOptionals: { field: true, inputValue: false, object: true },
      },
      documentTransforms: [addTypenameSelectionDocumentTransform],
    },
  },
  silent: true,
};
export default config;
