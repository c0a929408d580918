import { useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { Button, FormAlert, Select, TextArea, TextField } from '@nexus/ui';
import { useMutation } from '@nexus/client/react';
import { CreateProductDocument, UpdateProductDocument, type AdminCategoriesQuery, type AdminProductFieldsFragment } from '../gql/graphql';
import { isStale, STALE_MESSAGE } from '../lib/conflict';
import { focusFirstInvalid, saveFailure } from '../lib/formSubmit';
import { categoryOptions } from '../products/productsFilter';
import { ImagesEditor } from './ImagesEditor';
import { PRODUCT_FIELDS, checkProduct, draftOf, emptyDraft, imagesOf, slugify, toUpdateInput, type ProductDraft, type ProductErrors } from './productForm';
import { checkImages, imageErrorsFrom, imageFields, type ImageDraft, type ImageErrors } from './productImages';
import { StaleAlert } from './StaleAlert';

/** Props of {@link ProductForm}: a new product when `product` is undefined. */
export interface ProductFormProps {
  product?: AdminProductFieldsFragment;
  /** The version this page's edits are based on (may be behind `product.version` when someone else changed it). */
  version?: number;
  categories: AdminCategoriesQuery['categories'];
  onSaved?: (p: AdminProductFieldsFragment) => void;
  onReload?: () => void;
}

/**
 * The product's own fields (CreateProductInput / UpdateProductInput): checked here first, then the server's
 * errors under their fields (a taken slug or SKU); an edit based on an outdated version is refused and says
 * "changed by someone else — reload" instead of overwriting their change. Images are addresses with alt texts.
 */
export function ProductForm({ product, version, categories, onSaved, onReload }: ProductFormProps) {
  const isNew = product === undefined;
  const navigate = useNavigate();
  const [d, setD] = useState<ProductDraft>(() => (product ? draftOf(product) : emptyDraft()));
  const [slugTouched, setSlugTouched] = useState(!isNew);
  const [images, setImages] = useState<ImageDraft[]>(() => (product ? imagesOf(product) : []));
  const [imageErrors, setImageErrors] = useState<ImageErrors>([]);
  const [errors, setErrors] = useState<ProductErrors>({});
  const [other, setOther] = useState<string[]>([]);
  const [stale, setStale] = useState(false);
  const [saved, setSaved] = useState(false);
  const [create, created] = useMutation(CreateProductDocument);
  const [update, updated] = useMutation(UpdateProductDocument);
  const form = useRef<HTMLFormElement>(null);
  const set = (k: keyof ProductDraft) => (e: { target: { value: string } }) => {
    const value = e.target.value;
    setSaved(false);
    setD((s) => ({ ...s, [k]: value, ...(k === 'name' && !slugTouched ? { slug: slugify(value) } : {}) }));
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setOther([]);
    setStale(false);
    setSaved(false);
    const checked = checkProduct(d, isNew);
    const pictures = checkImages(images);
    setErrors(checked.errors);
    setImageErrors(pictures.errors);
    if (pictures.form) setOther([pictures.form]);
    if (!checked.values || !pictures.values) return focusFirstInvalid(form.current);
    try {
      if (isNew) {
        const r = await create({ input: { ...checked.values, images: pictures.values } });
        navigate(`/admin/products/${r.createProduct.id}`, { replace: true });
        return;
      }
      const r = await update({ input: toUpdateInput(checked.values, pictures.values, product, version ?? product.version) });
      setSaved(true);
      onSaved?.(r.updateProduct);
    } catch (err) {
      if (isStale(err)) return setStale(true);
      const f = saveFailure(err, [...PRODUCT_FIELDS, ...imageFields(images.length)]);
      setErrors(f.fields);
      setImageErrors(imageErrorsFrom(f.fields, images.length));
      setOther(f.other);
      focusFirstInvalid(form.current);
    }
  };
  return (
    <form ref={form} noValidate onSubmit={submit} aria-labelledby="product-form-title" className="space-y-4 rounded-xl border border-zinc-200 p-4 dark:border-zinc-800">
      <h2 id="product-form-title" className="text-base font-semibold text-zinc-900 dark:text-zinc-100">
        Details
      </h2>
      {stale ? <StaleAlert message={STALE_MESSAGE} onReload={onReload} /> : null}
      <FormAlert messages={other} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="Name" aria-required="true" maxLength={200} value={d.name} error={errors.name} onChange={set('name')} />
        <TextField
          label="Slug"
          aria-required="true"
          hint="Used in the product's address: /products/<slug>"
          value={d.slug}
          error={errors.slug}
          onChange={(e) => {
            setSlugTouched(true);
            set('slug')(e);
          }}
        />
        <TextField label="Price (USD)" aria-required="true" inputMode="decimal" value={d.price} error={errors.price} onChange={set('price')} />
        <TextField label="Compare-at price (USD)" hint="The former price, struck through; empty when not on sale" inputMode="decimal" value={d.compareAtPrice} error={errors.compareAtPrice} onChange={set('compareAtPrice')} />
        <Select
          label="Category"
          aria-required="true"
          value={d.categoryId}
          error={errors.categoryId}
          onChange={set('categoryId')}
          options={[{ value: '', label: 'Choose a category' }, ...categoryOptions(categories)]}
        />
        <TextField label="SKU" aria-required="true" maxLength={64} value={d.sku} error={errors.sku} onChange={set('sku')} />
        <TextField label="Tags" hint="Separated by commas" value={d.tags} error={errors.tags} onChange={set('tags')} className="sm:col-span-2" />
        {isNew ? <TextField label="Opening stock" inputMode="numeric" hint="Later, adjust the stock of each variant" value={d.stock} error={errors.stock} onChange={set('stock')} /> : null}
      </div>
      <TextArea label="Description" rows={5} value={d.description} error={errors.description} onChange={set('description')} />
      <ImagesEditor
        images={images}
        errors={imageErrors}
        onChange={(next) => {
          setSaved(false);
          setImages(next);
        }}
      />
      <div className="flex items-center gap-3">
        <Button type="submit" loading={created.loading || updated.loading}>
          {isNew ? 'Create product' : 'Save product'}
        </Button>
        <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
          {saved ? 'Product saved.' : ''}
        </p>
      </div>
    </form>
  );
}
