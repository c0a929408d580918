import { useEffect } from 'react';

/** Sets the tab title ("<title> — Nexus") while a page is shown, so history, tabs and screen readers name the page. */
export function useDocumentTitle(title: string | null): void {
  useEffect(() => {
    if (title !== null) document.title = `${title} — Nexus`;
  }, [title]);
}
