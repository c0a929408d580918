// @vitest-environment happy-dom
import { memorySession, provideSession, type Session, type SessionState } from '@nexus/client/session';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RequireSession } from './RequireSession.tsx';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root;
let host: HTMLElement;

/** A session whose state the test sets. */
function fakeSession(initial: SessionState): Session & { set(s: SessionState): void } {
  const m = memorySession();
  let state = initial;
  const ls = new Set<(s: SessionState) => void>();
  return {
    ...m,
    get: () => state,
    subscribe: (l) => (ls.add(l), () => void ls.delete(l)),
    set(s) {
      state = s;
      ls.forEach((l) => l(s));
    },
  };
}

const user = { id: 'u', email: 'a@b.c', firstName: 'Ada', lastName: 'L', role: 'CUSTOMER' as const, emailVerified: true };

function Where() {
  const l = useLocation();
  return <p data-testid="where">{l.pathname + l.search}</p>;
}

async function render(path: string, role?: 'ADMIN') {
  await act(async () =>
    root.render(
      <MemoryRouter initialEntries={[path]}>
        <Routes>
          <Route
            path="/account/:page"
            element={
              <RequireSession role={role}>
                <p>protected content</p>
              </RequireSession>
            }
          />
          <Route path="/account/sign-in" element={<p>sign-in page</p>} />
        </Routes>
        <Where />
      </MemoryRouter>,
    ),
  );
}
const text = () => host.textContent ?? '';

beforeEach(() => {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
});
afterEach(async () => {
  await act(async () => root.unmount());
  host.remove();
  provideSession(memorySession());
});

describe('RequireSession', () => {
  it('property 18: while the session is restored it waits (no page, no redirect), then shows the page', async () => {
    const s = fakeSession({ status: 'loading', user: null });
    provideSession(s);
    await render('/account/addresses');
    expect(text()).toContain('Checking your session');
    expect(text()).not.toContain('protected content');
    expect(text()).toContain('/account/addresses');
    await act(async () => s.set({ status: 'signed-in', user }));
    expect(text()).toContain('protected content');
  });

  it('property 19: signed out, it replaces the page with sign-in and the way back', async () => {
    provideSession(fakeSession({ status: 'signed-out', user: null }));
    await render('/account/addresses?x=1');
    expect(text()).not.toContain('protected content');
    expect(text()).toContain('sign-in page');
    expect(text()).toContain('/account/sign-in?next=%2Faccount%2Faddresses%3Fx%3D1');
  });

  it('a role the user lacks shows "not allowed"; the role shows the page', async () => {
    const s = fakeSession({ status: 'signed-in', user });
    provideSession(s);
    await render('/account/x', 'ADMIN');
    expect(text()).toContain('You are not allowed to see this page');
    await act(async () => s.set({ status: 'signed-in', user: { ...user, role: 'ADMIN' } }));
    expect(text()).toContain('protected content');
  });
});
