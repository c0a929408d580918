import { describe, expect, it } from 'vitest';
import { saveFailure } from '../lib/formSubmit';
import { PRODUCT_FIELDS } from './productForm';
import { checkImages, imageErrorsFrom, imageFields } from './productImages';

describe('product images', () => {
  it('sends trimmed images with exactly one primary (the first when none is chosen)', () => {
    const r = checkImages([
      { url: ' https://img.example/a.jpg ', alt: ' front ', isPrimary: false },
      { url: 'http://img.example/b.jpg', alt: '', isPrimary: false },
    ]);
    expect(r.values).toEqual([
      { url: 'https://img.example/a.jpg', alt: 'front', isPrimary: true },
      { url: 'http://img.example/b.jpg', alt: '', isPrimary: false },
    ]);
    expect(checkImages([{ url: 'https://a.example/1', alt: '', isPrimary: false }, { url: 'https://a.example/2', alt: '', isPrimary: true }]).values?.map((i) => i.isPrimary)).toEqual([false, true]);
    expect(checkImages([]).values).toEqual([]);
  });

  it('names the row and field of each problem', () => {
    const r = checkImages([
      { url: '', alt: '', isPrimary: false },
      { url: 'javascript:alert(1)', alt: '', isPrimary: false },
      { url: '/relative.jpg', alt: 'x'.repeat(301), isPrimary: false },
      { url: `https://a.example/${'x'.repeat(2048)}`, alt: '', isPrimary: false },
    ]);
    expect(r.values).toBeUndefined();
    expect(r.errors[0]?.url).toMatch(/Enter the image address/);
    expect(r.errors[1]?.url).toMatch(/absolute http or https/);
    expect(r.errors[2]).toEqual({ url: expect.stringMatching(/absolute/), alt: 'The alt text must be at most 300 characters.' });
    expect(r.errors[3]?.url).toMatch(/2048 bytes/);
  });

  it('refuses more than 20 images', () => {
    const many = Array.from({ length: 21 }, (_, i) => ({ url: `https://a.example/${i}`, alt: '', isPrimary: false }));
    expect(checkImages(many).form).toMatch(/at most 20/);
  });

  it("maps the server's image field errors to rows", () => {
    expect(imageFields(2)).toEqual(['images[0].url', 'images[0].alt', 'images[1].url', 'images[1].alt']);
    expect(imageErrorsFrom({ 'images[1].url': 'Is not reachable', name: 'x' }, 2)).toEqual([{}, { url: 'Is not reachable' }]);
  });

  it('puts a failed updateProduct under the right fields and image rows, other refusals apart', () => {
    const error = {
      kind: 'graphql',
      errors: [
        { message: 'input.images[1].url: must be an absolute http or https URL', extensions: { code: 'INVALID', field: 'input.images[1].url' } },
        { message: 'input.slug: "x" is taken', extensions: { code: 'INVALID', field: 'input.slug' } },
        { message: 'the product was changed meanwhile', extensions: { code: 'CONFLICT', field: 'input.version' } },
      ],
    };
    const f = saveFailure(error, [...PRODUCT_FIELDS, ...imageFields(2)]);
    expect(f.fields.slug).toBe('"x" is taken');
    expect(imageErrorsFrom(f.fields, 2)).toEqual([{}, { url: 'Must be an absolute http or https URL' }]);
    expect(f.other).toEqual(['The product was changed meanwhile']);
  });
});
