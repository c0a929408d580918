/** An image as the schema returns it. */
export interface ProductImage {
  url: string;
  alt: string;
  isPrimary: boolean;
}

/** Images in display order with the primary one first (the API flags it; the rest keep their order). */
export function primaryFirst<T extends ProductImage>(images: ReadonlyArray<T>): T[] {
  const i = images.findIndex((img) => img.isPrimary);
  if (i <= 0) return [...images];
  return [images[i] as T, ...images.slice(0, i), ...images.slice(i + 1)];
}
