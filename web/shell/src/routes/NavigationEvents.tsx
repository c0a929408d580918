import { useClient } from '@nexus/client/react';
import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';

/**
 * Emits 'navigation:change' on the bus for every route change (path + query), so remotes and other listeners
 * know where the shopper is; scrolls to the top when the page (pathname) changes.
 */
export function NavigationEvents() {
  const client = useClient();
  const { pathname, search } = useLocation();
  const lastPath = useRef(pathname);
  useEffect(() => {
    client.bus.emit('navigation:change', { path: pathname + search });
  }, [client, pathname, search]);
  useEffect(() => {
    if (lastPath.current !== pathname) window.scrollTo(0, 0);
    lastPath.current = pathname;
  }, [pathname]);
  return null;
}
