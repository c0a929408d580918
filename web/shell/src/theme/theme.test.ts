import { describe, expect, it } from 'vitest';
import { asTheme, readStoredTheme, resolveTheme, storeTheme, THEME_KEY } from './theme.ts';

describe('resolveTheme', () => {
  it('follows the system when the user has not chosen', () => {
    expect(resolveTheme(null, true)).toBe('dark');
    expect(resolveTheme(null, false)).toBe('light');
  });

  it("prefers the user's stored choice over the system", () => {
    expect(resolveTheme('light', true)).toBe('light');
    expect(resolveTheme('dark', false)).toBe('dark');
  });

  it.each(['Dark', 'blue', '', 1, {}, undefined])('ignores an invalid stored value %j', (v) => {
    expect(resolveTheme(v, true)).toBe('dark');
    expect(resolveTheme(v, false)).toBe('light');
  });
});

describe('theme storage', () => {
  it('reads back what it stored', () => {
    const data = new Map<string, string>();
    const storage = { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v) };
    expect(readStoredTheme(storage)).toBeNull();
    storeTheme(storage, 'dark');
    expect(data.get(THEME_KEY)).toBe('dark');
    expect(readStoredTheme(storage)).toBe('dark');
  });

  it('treats storage that throws (private mode, disabled) as no choice', () => {
    const broken = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceeded');
      },
    };
    expect(readStoredTheme(broken)).toBeNull();
    expect(() => storeTheme(broken, 'light')).not.toThrow();
    expect(readStoredTheme(undefined)).toBeNull();
  });

  it('narrows untrusted values', () => {
    expect(asTheme('light')).toBe('light');
    expect(asTheme('LIGHT')).toBeNull();
  });
});
