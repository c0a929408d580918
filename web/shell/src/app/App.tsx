import { ClientProvider } from '@nexus/client/react';
import { BrowserRouter } from 'react-router';
import { Layout } from '../layout/Layout.tsx';
import type { ShellServices } from './bootstrap.ts';
import { ShellContext } from './ShellContext.tsx';

/** The shell's React root: the shared client for every remote, the router, the layout. */
export function App({ services }: { services: ShellServices }) {
  return (
    <ClientProvider client={services.client}>
      <ShellContext.Provider value={services}>
        <BrowserRouter>
          <Layout />
        </BrowserRouter>
      </ShellContext.Provider>
    </ClientProvider>
  );
}
