/** The two themes; the bus event 'theme:changed' carries one of them. */
export type Theme = 'light' | 'dark';

/** localStorage key of the user's explicit choice (absent = follow the system). */
export const THEME_KEY = 'nexus:theme';

/** theme-color per theme, matching the header background, for the browser's UI. */
export const THEME_COLORS: Record<Theme, string> = { light: '#ffffff', dark: '#18181b' };

/** Narrows an untrusted value (storage, another tab) to a theme, or null. */
export function asTheme(value: unknown): Theme | null {
  return value === 'light' || value === 'dark' ? value : null;
}

/** The theme to show: the user's stored choice when there is a valid one, else the system preference. */
export function resolveTheme(stored: unknown, prefersDark: boolean): Theme {
  return asTheme(stored) ?? (prefersDark ? 'dark' : 'light');
}

/** Reads the stored choice; storage can be disabled or throw (private mode), which counts as no choice. */
export function readStoredTheme(storage: Pick<Storage, 'getItem'> | undefined): Theme | null {
  try {
    return asTheme(storage?.getItem(THEME_KEY));
  } catch {
    return null;
  }
}

/** Remembers an explicit choice; failures are ignored (the theme still applies for this page). */
export function storeTheme(storage: Pick<Storage, 'setItem'> | undefined, theme: Theme): void {
  try {
    storage?.setItem(THEME_KEY, theme);
  } catch {
    /* storage unavailable: the choice lasts for this page only */
  }
}

/** Puts a theme on the document: the `dark` class the Tailwind variant keys on, color-scheme, and theme-color. */
export function applyTheme(doc: Document, theme: Theme): void {
  const root = doc.documentElement;
  root.classList.toggle('dark', theme === 'dark');
  root.style.colorScheme = theme;
  doc.querySelector('meta[name="theme-color"]')?.setAttribute('content', THEME_COLORS[theme]);
}
