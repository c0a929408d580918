// Standalone dev entry (index.html, `npm run dev -w @nexus/product`): mounts
// ProductApp at /products/* with its own client, router and live catalog
// events, as the shell would, for working on the remote alone.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { createClient } from '@nexus/client';
import { ClientProvider } from '@nexus/client/react';
import { bridgeCatalogEvents, connectEvents } from '@nexus/client/ws';
import ProductApp from './App';
import HeaderSearchBox from './SearchBox';
import './standalone.css';

const client = createClient();
bridgeCatalogEvents(client, connectEvents(client));
if (new URLSearchParams(location.search).get('theme') === 'dark' || matchMedia('(prefers-color-scheme: dark)').matches) document.documentElement.classList.add('dark');

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <ClientProvider client={client}>
      <BrowserRouter>
        <header className="border-b border-zinc-200 px-4 py-3 dark:border-zinc-800">
          <HeaderSearchBox />
        </header>
        <main>
          <Routes>
            <Route path="/" element={<Navigate to="/products" replace />} />
            <Route path="/products/*" element={<ProductApp />} />
          </Routes>
        </main>
      </BrowserRouter>
    </ClientProvider>
  </StrictMode>,
);
