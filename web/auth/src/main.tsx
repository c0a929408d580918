// Standalone dev entry (index.html, `npm run dev -w @nexus/auth`): mounts AuthApp at /account/* with its own client
// (CSRF header and cookie, like the shell's) and the memory session of @nexus/client/session — no refresh, no tabs —
// for working on the forms without the shell.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { createClient } from '@nexus/client';
import { ClientProvider } from '@nexus/client/react';
import AuthApp from './App';
import './standalone.css';

const client = createClient();
if (matchMedia('(prefers-color-scheme: dark)').matches) document.documentElement.classList.add('dark');

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <ClientProvider client={client}>
      <BrowserRouter>
        <main className="mfe-auth">
          <Routes>
            <Route path="/" element={<Navigate to="/account/sign-in" replace />} />
            <Route path="/account/*" element={<AuthApp />} />
          </Routes>
        </main>
      </BrowserRouter>
    </ClientProvider>
  </StrictMode>,
);
