import { type Client, createBus, createClient } from '@nexus/client';
import { provideSession } from '@nexus/client/session';
import { bridgeCatalogEvents, connectEvents, type Events } from '@nexus/client/ws';
import { toastStore } from '@nexus/ui';
import { type ConnectionStore, createConnectionStore } from '../connection/connectionState.ts';
import { createErrorReporter } from '../errors/errorReporter.ts';
import { isQuietError } from '../errors/quietErrors.ts';
import { createSessionStore, type SessionStore } from '../session/sessionStore.ts';

/** Everything the shell creates once per page and hands to React. */
export interface ShellServices {
  client: Client;
  /** The page's session (also installed as @nexus/client/session for the remotes). */
  session: SessionStore;
  connection: ConnectionStore;
  /** The page's event stream; replaced by reconnect(). */
  events(): Events;
  /** "Retry now": refetch what the page shows and reconnect the event stream immediately instead of after backoff. */
  reconnect(): void;
}

/**
 * Creates the session (restored from the refresh cookie at once; see session/sessionStore.ts) and the client that sends
 * its access token and asks it to refresh on UNAUTHENTICATED (default options but bound timers, no APQ yet, every final
 * failure reported as a toast — except those a page shows itself, see errors/quietErrors.ts), the page's
 * one WebSocket with the catalog events bridged onto the bus, and the connection facts behind the offline banner.
 */
export function bootstrap(): ShellServices {
  const connection = createConnectionStore({ online: navigator.onLine, socket: 'connecting', wasOpen: false, apiUnreachable: false });
  const report = createErrorReporter({ toasts: toastStore });
  const bus = createBus();
  let client: Client | undefined;
  const session = createSessionStore({ bus, onIdentityChange: () => client?.invalidateAll() });
  provideSession(session);
  client = createClient({
    bus,
    persisted: false,
    token: () => session.token(),
    refresh: () => session.refreshForClient(),
    onError(error, op) {
      if (isQuietError(error, op)) return;
      report(error, op);
      if (error.kind === 'network' || error.kind === 'timeout') connection.update({ apiUnreachable: true });
    },
  });

  let events: Events;
  let stop: Array<() => void> = [];
  const connect = () => {
    events = connectEvents(client);
    connection.update({ socket: events.status });
    stop = [bridgeCatalogEvents(client, events), events.onStatus((socket) => connection.update({ socket }))];
  };
  connect();
  void session.start();

  // read navigator.onLine rather than trusting the event's type (anyone may dispatch a synthetic 'online')
  const onLineChange = () => connection.update({ online: navigator.onLine });
  window.addEventListener('online', onLineChange);
  window.addEventListener('offline', onLineChange);

  return {
    client,
    session,
    connection,
    events: () => events,
    reconnect() {
      // refetch everything on screen now (a new bridge below also starts without the old one's resume cursor, so
      // this covers events it may miss)
      client.invalidateAll();
      if (events.status === 'open') return;
      for (const s of stop) s();
      events.dispose();
      connect();
    },
  };
}
