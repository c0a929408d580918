import { useBus, useClient } from '@nexus/client/react';
import { useCallback, useEffect, useState } from 'react';
import { applyTheme, readStoredTheme, resolveTheme, storeTheme, type Theme } from './theme.ts';

function systemPrefersDark(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia('(prefers-color-scheme: dark)').matches;
}

/** The theme at start-up (index.html applies the same rule before React, so there is no flash). */
export function initialTheme(): Theme {
  return resolveTheme(readStoredTheme(window.localStorage), systemPrefersDark());
}

/**
 * The page's theme and its toggle. Toggling stores the choice and emits 'theme:changed' on the bus, which reaches
 * every microfrontend and every other tab; a 'theme:changed' from anywhere is applied here too.
 */
export function useTheme(): { theme: Theme; toggle: () => void } {
  const client = useClient();
  const [theme, setTheme] = useState<Theme>(() => {
    const t = initialTheme();
    applyTheme(document, t);
    return t;
  });
  useEffect(() => {
    // without an explicit choice, follow the system when it switches (e.g. at sunset)
    if (typeof window.matchMedia !== 'function') return;
    const mq = window.matchMedia('(prefers-color-scheme: dark)');
    const onChange = () => {
      if (readStoredTheme(window.localStorage)) return;
      const next: Theme = mq.matches ? 'dark' : 'light';
      applyTheme(document, next);
      setTheme(next);
    };
    mq.addEventListener('change', onChange);
    return () => mq.removeEventListener('change', onChange);
  }, []);
  useBus('theme:changed', ({ theme: next }) => {
    if (next !== 'light' && next !== 'dark') return;
    applyTheme(document, next);
    setTheme(next);
  });
  const toggle = useCallback(() => {
    const next: Theme = theme === 'dark' ? 'light' : 'dark';
    storeTheme(window.localStorage, next);
    applyTheme(document, next);
    setTheme(next);
    client.bus.emit('theme:changed', { theme: next });
  }, [client, theme]);
  return { theme, toggle };
}
