import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { EmptyState, buttonBase, buttonSizes, buttonVariants, cx, focusRing } from '@nexus/ui';
import { useClient, useQuery } from '@nexus/client/react';
import { AdminCategoriesDocument, AdminProductDocument, type AdminProductFieldsFragment } from '../gql/graphql';
import { LoadFailed } from '../lib/LoadFailed';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { DeleteProductControl } from './DeleteProductControl';
import { OptionsEditor } from './OptionsEditor';
import { ProductForm } from './ProductForm';
import { StaleAlert } from './StaleAlert';
import { VariantsSection } from './VariantsSection';

const back = (
  <Link to="/admin/products" className={`text-sm text-indigo-700 hover:underline dark:text-indigo-300 ${focusRing}`}>
    ← All products
  </Link>
);

/** /admin/products/new and /admin/products/:id: a new product's fields, or an existing product's fields, options and variants. */
export default function ProductEditorPage() {
  const { id = 'new' } = useParams();
  if (id === 'new') return <NewProduct />;
  return <EditProduct key={id} id={id} />;
}

function NewProduct() {
  useDocumentTitle('New product');
  const categories = useQuery(AdminCategoriesDocument);
  return (
    <div className="space-y-6">
      {back}
      <h1 className="text-2xl font-bold tracking-tight text-zinc-900 dark:text-zinc-50">New product</h1>
      {categories.data ? (
        <ProductForm categories={categories.data.categories} />
      ) : categories.loading ? (
        <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
          Loading categories…
        </p>
      ) : (
        <LoadFailed what="the categories" error={categories.error} onRetry={categories.refetch} retrying={categories.fetching} />
      )}
    </div>
  );
}

/**
 * An existing product. Every section's edit is based on `base`, the version this page last saw through its own
 * reads and saves: a change made elsewhere meanwhile is refused with CONFLICT, never overwritten; "Reload product"
 * fetches the current product and starts the sections again from it.
 */
function EditProduct({ id }: { id: string }) {
  const client = useClient();
  const categories = useQuery(AdminCategoriesDocument).data?.categories ?? [];
  const { data, error, loading, fetching, refetch } = useQuery(AdminProductDocument, { id });
  const [base, setBase] = useState<number | null>(null);
  const [generation, setGeneration] = useState(0);
  const product = data?.product;
  const loadedVersion = product?.version;
  // Pin the version of the first read: later reads (live updates after someone else's change) must not move it.
  useEffect(() => {
    if (base === null && loadedVersion !== undefined) setBase(loadedVersion);
  }, [base, loadedVersion]);
  useDocumentTitle(product ? product.name : data ? 'Product not found' : 'Product');
  if (loading) {
    return (
      <>
        {back}
        <p role="status" className="mt-4 text-sm text-zinc-600 dark:text-zinc-400">
          Loading the product…
        </p>
      </>
    );
  }
  if (!data) {
    return (
      <>
        {back}
        <h1 className="sr-only">Product</h1>
        <LoadFailed what="this product" error={error} onRetry={refetch} retrying={fetching} />
      </>
    );
  }
  if (!product) {
    return (
      <>
        <h1 className="sr-only">Product not found</h1>
        <EmptyState
          title="Product not found"
          description="There is no product with this id; it may have been deleted."
          action={
            <Link to="/admin/products" className={cx(buttonBase, buttonVariants.secondary, buttonSizes.md)}>
              Back to all products
            </Link>
          }
        />
      </>
    );
  }
  const version = base ?? product.version;
  const fresh = async (): Promise<AdminProductFieldsFragment | null> => (await client.query(AdminProductDocument, { id }, { force: true })).product ?? null;
  const onReload = () => {
    void fresh()
      .then((p) => {
        setBase(p?.version ?? null);
        setGeneration((g) => g + 1);
      })
      .catch(() => undefined);
  };
  const saved = (p: AdminProductFieldsFragment) => setBase(p.version);
  return (
    <div className="space-y-6" aria-busy={fetching || undefined}>
      {back}
      <div>
        <h1 className="text-2xl font-bold tracking-tight text-zinc-900 dark:text-zinc-50">{product.name}</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          <Link to={`/products/${product.slug}`} className={`text-indigo-700 underline dark:text-indigo-300 ${focusRing}`}>
            View in the store
          </Link>{' '}
          ·{' '}
          <Link to={`/admin/reviews?product=${product.id}`} className={`text-indigo-700 underline dark:text-indigo-300 ${focusRing}`}>
            {product.reviewCount === 1 ? '1 review' : `${product.reviewCount} reviews`}
          </Link>{' '}
          · version {product.version} · updated {new Date(product.updatedAt).toLocaleString('en', { dateStyle: 'medium', timeStyle: 'short' })}
        </p>
      </div>
      {product.version > version ? (
        <StaleAlert message="Someone else changed this product since you opened it: reload to see their changes before you edit." onReload={onReload} />
      ) : null}
      <ProductForm key={`form|${generation}`} product={product} version={version} categories={categories} onSaved={saved} onReload={onReload} />
      <OptionsEditor key={`options|${generation}`} product={product} version={version} onSaved={saved} onReload={onReload} />
      <VariantsSection product={product} version={version} onProductVersion={setBase} onReload={onReload} />
      <DeleteProductControl id={product.id} name={product.name} />
    </div>
  );
}
