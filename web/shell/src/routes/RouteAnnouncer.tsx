import { useEffect, useRef, useState } from 'react';
import { useLocation } from 'react-router';

/**
 * Tells screen-reader users that a client-side navigation happened (a full page load would have): after a route
 * change it announces the new document title — which the pages (and remotes) set — in a polite live region.
 */
export function RouteAnnouncer() {
  const { pathname } = useLocation();
  const [message, setMessage] = useState('');
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const titleEl = document.querySelector('title');
    let last = '';
    const announce = () => {
      if (document.title && document.title !== last) setMessage((last = document.title));
    };
    // the page sets its title once its data is there; announce what it is then (and right away if already set)
    const observer = titleEl ? new MutationObserver(announce) : null;
    if (titleEl) observer?.observe(titleEl, { childList: true, characterData: true, subtree: true });
    const t = setTimeout(announce, 0);
    return () => {
      clearTimeout(t);
      observer?.disconnect();
    };
  }, [pathname]);
  return (
    <p aria-live="polite" aria-atomic="true" className="sr-only">
      {message}
    </p>
  );
}
