import { describe, expect, it } from 'vitest';
import { parseManifest, safeRemoteUrl } from './manifest.ts';

const page = 'https://shop.example/products?q=x';

describe('parseManifest', () => {
  it('resolves same-origin paths against the page', () => {
    const m = parseManifest('{"product": "/mfe/product/remoteEntry.js"}', page);
    expect(m.get('product')).toBe('https://shop.example/mfe/product/remoteEntry.js');
  });

  it('accepts absolute http(s) URLs on other origins (a CDN)', () => {
    const m = parseManifest('{"product": "https://cdn.example/p/remoteEntry.js", "cart": "http://127.0.0.1:5175/remoteEntry.js"}', page);
    expect([...m.keys()]).toEqual(['product', 'cart']);
  });

  it.each(['not json', '', '[]', '["/x.js"]', 'null', '42', '"str"', '{"product": '])('rejects a manifest that is not a JSON object: %j', (text) => {
    expect(() => parseManifest(text, page)).toThrow(/remote manifest/);
  });

  it('skips hostile or malformed entries and keeps the good ones', () => {
    const warnings: string[] = [];
    const m = parseManifest(
      JSON.stringify({
        product: '/mfe/product/remoteEntry.js',
        js: 'javascript:alert(1)',
        js2: ' JaVaScRiPt:alert(1)',
        data: 'data:text/javascript,alert(1)',
        blob: 'blob:https://shop.example/1234',
        file: 'file:///etc/passwd',
        creds: 'https://user:pw@evil.example/x.js',
        num: 42,
        obj: { url: '/x.js' },
        nul: null,
        empty: '  ',
        'bad name': '/x.js',
        cart: '/ok.js',
      }),
      page,
      (w) => warnings.push(w),
    );
    expect([...m.entries()]).toEqual([
      ['product', 'https://shop.example/mfe/product/remoteEntry.js'],
      ['cart', 'https://shop.example/ok.js'],
    ]);
    expect(warnings.length).toBe(11);
  });

  it('does not let "__proto__" pollute anything', () => {
    const m = parseManifest('{"__proto__": "/evil.js"}', page);
    expect(m.size).toBe(0);
    expect(({} as Record<string, unknown>).evil).toBeUndefined();
  });
});

describe('safeRemoteUrl', () => {
  it('refuses non-strings and overlong values', () => {
    expect(safeRemoteUrl(undefined, page)).toBeNull();
    expect(safeRemoteUrl(['/x.js'], page)).toBeNull();
    expect(safeRemoteUrl('/' + 'a'.repeat(5000), page)).toBeNull();
  });

  it('resolves relative paths and protocol-relative URLs to http(s)', () => {
    expect(safeRemoteUrl('mfe/x.js', page)).toBe('https://shop.example/mfe/x.js');
    expect(safeRemoteUrl('//cdn.example/x.js', page)).toBe('https://cdn.example/x.js');
  });
});
