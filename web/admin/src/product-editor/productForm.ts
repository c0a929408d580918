import type { AdminProductFieldsFragment, CreateProductInput, ImageInput, UpdateProductInput } from '../gql/graphql';
import { checkMoney, moneyText } from '../lib/money';
import type { ImageDraft } from './productImages';

/** The product form's fields as typed (prices as "19.99", tags comma-separated). */
export interface ProductDraft {
  name: string;
  slug: string;
  description: string;
  price: string;
  compareAtPrice: string;
  categoryId: string;
  tags: string;
  sku: string;
  /** Opening stock, for a new product only (later: adjustStock per variant). */
  stock: string;
}

/** The fields the form shows errors under, named as the API's `input.<field>`. */
export const PRODUCT_FIELDS = ['name', 'slug', 'description', 'price', 'compareAtPrice', 'categoryId', 'tags', 'sku', 'stock'] as const;
export type ProductField = (typeof PRODUCT_FIELDS)[number];
export type ProductErrors = Partial<Record<ProductField, string>>;

/** An empty draft for "New product". */
export const emptyDraft = (): ProductDraft => ({ name: '', slug: '', description: '', price: '', compareAtPrice: '', categoryId: '', tags: '', sku: '', stock: '0' });

/** The draft of an existing product, as the edit form starts. */
export function draftOf(p: AdminProductFieldsFragment): ProductDraft {
  return {
    name: p.name,
    slug: p.slug,
    description: p.description,
    price: moneyText(p.price.amount),
    compareAtPrice: moneyText(p.compareAtPrice?.amount),
    categoryId: p.category.id,
    tags: p.tags.join(', '),
    sku: p.sku,
    stock: String(p.stock),
  };
}

/** A slug proposed from a name ("Trail Shoe 2!" → "trail-shoe-2"), for a new product whose slug was not typed. */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100)
    .replace(/-+$/, '');
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const SKU = /^[A-Za-z0-9][A-Za-z0-9._\-/]{0,63}$/;
const len = (s: string) => [...s].length;

/** Tags as typed, split on commas: trimmed, empty ones dropped, repeats kept once. */
export const parseTags = (text: string): string[] => [...new Set(text.split(',').map((t) => t.trim()).filter((t) => t !== ''))];

/**
 * Checks the draft with the rules of CreateProductInput (the server checks them again and the uniqueness of slug
 * and SKU, which only it can): returns the values to send, or the message under each bad field.
 */
export function checkProduct(d: ProductDraft, isNew: boolean): { errors: ProductErrors; values?: Omit<CreateProductInput, 'images'> } {
  const errors: ProductErrors = {};
  const name = d.name.trim();
  if (name === '') errors.name = 'Enter a name.';
  else if (len(name) > 200) errors.name = 'The name must be at most 200 characters.';
  const slug = d.slug.trim();
  if (slug === '') errors.slug = 'Enter a slug.';
  else if (!SLUG.test(slug)) errors.slug = 'Use lower-case letters and digits in words joined by single hyphens, like trail-shoe-2.';
  if (len(d.description) > 10_000) errors.description = 'The description must be at most 10,000 characters.';
  const price = checkMoney(d.price, true);
  if (price.error) errors.price = price.error;
  const compare = checkMoney(d.compareAtPrice, false);
  if (compare.error) errors.compareAtPrice = compare.error.replace('The price', 'The compare-at price');
  else if (compare.minor !== null && price.minor !== null && compare.minor <= price.minor) errors.compareAtPrice = 'The compare-at price must be above the price (or empty when not on sale).';
  if (d.categoryId === '') errors.categoryId = 'Choose a category.';
  const tags = parseTags(d.tags);
  if (tags.length > 20) errors.tags = 'At most 20 tags.';
  else if (tags.some((t) => len(t) > 100)) errors.tags = 'Each tag must be at most 100 characters.';
  const sku = d.sku.trim();
  if (sku === '') errors.sku = 'Enter a SKU.';
  else if (!SKU.test(sku)) errors.sku = 'Use 1 to 64 letters, digits and . _ - /, starting with a letter or digit.';
  const stock = d.stock.trim();
  if (isNew && !/^\d{1,9}$/.test(stock)) errors.stock = 'Enter a whole number of units, 0 or more.';
  if (Object.keys(errors).length > 0) return { errors };
  return {
    errors,
    values: {
      name,
      slug,
      description: d.description,
      price: price.minor ?? 0,
      compareAtPrice: compare.minor,
      categoryId: d.categoryId,
      tags,
      sku,
      ...(isNew ? { stock: Number(stock) } : {}),
    },
  };
}

/** The images as the product has them, as the images editor starts. */
export const imagesOf = (p: Pick<AdminProductFieldsFragment, 'images'>): ImageDraft[] => p.images.map(({ url, alt, isPrimary }) => ({ url, alt, isPrimary }));

/** updateProduct's input: the checked values and images, and the version the edit is based on. */
export function toUpdateInput(values: Omit<CreateProductInput, 'images'>, images: ImageInput[], p: Pick<AdminProductFieldsFragment, 'id'>, version: number): UpdateProductInput {
  const { stock: _stock, ...rest } = values;
  return { ...rest, id: p.id, version, images };
}
