// Standalone dev entry (index.html, `npm run dev -w @nexus/admin`): mounts
// AdminApp at /admin/* with its own client and router, as the shell
// would. The page has no sign-in of its own: it restores the session from the
// refresh cookie (sign in on the storefront of the same origin first) and
// keeps the access token in memory, like the shell.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { createClient } from '@nexus/client';
import { ClientProvider } from '@nexus/client/react';
import AdminApp from './App';
import './standalone.css';

let token: string | undefined;
const refresh = async (): Promise<boolean> => {
  const res = await fetch('/graphql', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', 'X-Nexus-CSRF': '1' },
    body: JSON.stringify({ query: 'mutation { refreshSession { accessToken } }' }),
  });
  const body = (await res.json()) as { data?: { refreshSession?: { accessToken: string } } };
  token = body.data?.refreshSession?.accessToken;
  return token !== undefined;
};
const client = createClient({ token: () => token, refresh, headers: { 'X-Nexus-CSRF': '1' } });
if (new URLSearchParams(location.search).get('theme') === 'dark' || matchMedia('(prefers-color-scheme: dark)').matches) document.documentElement.classList.add('dark');

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
await refresh().catch(() => false);
createRoot(root).render(
  <StrictMode>
    <ClientProvider client={client}>
      <BrowserRouter>
        <main className="mfe-admin">
          <Routes>
            <Route path="/" element={<Navigate to="/admin/users" replace />} />
            <Route path="/admin/*" element={<AdminApp />} />
          </Routes>
        </main>
      </BrowserRouter>
    </ClientProvider>
  </StrictMode>,
);
