import type { ImageInput } from '../gql/graphql';

/** Limits of ImageInput (schema): at most 20 images, URLs of at most 2048 bytes, alt texts of at most 300 characters. */
export const MAX_IMAGES = 20;
export const MAX_URL_BYTES = 2048;
export const MAX_ALT = 300;

/** One image row as the form holds it. */
export interface ImageDraft {
  url: string;
  alt: string;
  isPrimary: boolean;
}

/** Errors per image row, named as the API names them under `input.images[i]`. */
export type ImageErrors = Array<{ url?: string; alt?: string }>;

/** The server's field names of row i, for mapping its errors inline ("images[2].url"). */
export const imageFields = (count: number): string[] => Array.from({ length: count }, (_, i) => [`images[${i}].url`, `images[${i}].alt`]).flat();

/**
 * Checks the images as the server will: an absolute http(s) URL each, alt text of at most 300 characters, at most 20.
 * Returns the input (primary flag on at most one, the first when none is chosen, as the server reads it) or errors.
 */
export function checkImages(images: ReadonlyArray<ImageDraft>): { errors: ImageErrors; form?: string; values?: ImageInput[] } {
  const errors: ImageErrors = images.map(() => ({}));
  let bad = false;
  images.forEach((im, i) => {
    const row = errors[i] as { url?: string; alt?: string };
    const url = im.url.trim();
    let parsed: URL | null = null;
    try {
      parsed = new URL(url);
    } catch {
      parsed = null;
    }
    if (url === '') row.url = 'Enter the image address, or remove the image.';
    else if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) row.url = 'Enter an absolute http or https address, like https://example.com/shoe.jpg.';
    else if (new TextEncoder().encode(url).length > MAX_URL_BYTES) row.url = `The address must be at most ${MAX_URL_BYTES} bytes.`;
    if ([...im.alt.trim()].length > MAX_ALT) row.alt = `The alt text must be at most ${MAX_ALT} characters.`;
    bad ||= row.url !== undefined || row.alt !== undefined;
  });
  const form = images.length > MAX_IMAGES ? `A product has at most ${MAX_IMAGES} images.` : undefined;
  if (bad || form) return { errors, form };
  const primary = Math.max(0, images.findIndex((im) => im.isPrimary));
  return { errors, values: images.map((im, i) => ({ url: im.url.trim(), alt: im.alt.trim(), isPrimary: i === primary })) };
}

/** Maps the server's errors on `images[i].url` / `images[i].alt` (input. prefix dropped) to rows. */
export function imageErrorsFrom(fields: Partial<Record<string, string>>, count: number): ImageErrors {
  return Array.from({ length: count }, (_, i) => {
    const row: { url?: string; alt?: string } = {};
    const url = fields[`images[${i}].url`];
    const alt = fields[`images[${i}].alt`];
    if (url) row.url = url;
    if (alt) row.alt = alt;
    return row;
  });
}
