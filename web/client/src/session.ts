/**
 * @nexus/client/session: the page's one session, as every microfrontend sees it. The shell owns the
 * implementation (web/shell/src/session: the access token in memory, restore from the refresh cookie, silent
 * refresh, Web Locks, the auth:* bus events across tabs) and installs it with provideSession() before it renders;
 * remotes read it with `session.get()` / `session.subscribe()` or `useSession()` from @nexus/client/react, and hand
 * it the Session a sign-in or registration returned with `session.signedIn()`. A Module Federation shared
 * singleton; the installed session also lives on a global symbol, so a remote that bundled its own copy of this
 * module still finds the shell's.
 */

/** A user's role, as the auth subgraph names it. */
export type Role = 'CUSTOMER' | 'ADMIN';

/** The signed-in user, as the session keeps it (what the session mutations select). */
export interface SessionUser {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  role: Role;
  emailVerified: boolean;
}

/** What signIn, register, refreshSession and changePassword return (the auth subgraph's `Session`). */
export interface SessionGrant {
  accessToken: string;
  /** RFC 3339. */
  expiresAt: string;
  user: SessionUser;
}

/** 'loading' until the restore on page load has answered. */
export type SessionStatus = 'loading' | 'signed-in' | 'signed-out';

/** An immutable snapshot: a new object on every change (so React's useSyncExternalStore can compare). */
export interface SessionState {
  status: SessionStatus;
  user: SessionUser | null;
}

/** The session API remotes use. The access token is deliberately not part of it: the shared client sends it. */
export interface Session {
  get(): SessionState;
  subscribe(listener: (s: SessionState) => void): () => void;
  /** Adopts the grant a signIn / register / changePassword returned and tells every tab (`auth:login`). */
  signedIn(grant: SessionGrant): void;
  /** Ends this device's session (or every session with `everywhere`) and tells every tab (`auth:logout`). */
  signOut(opts?: { everywhere?: boolean }): Promise<void>;
  /** A new access token from the session cookie now; true when signed in afterwards. */
  refresh(): Promise<boolean>;
  /** Merges changed user fields (a verified email, a new name) into the snapshot. */
  updateUser(patch: Partial<SessionUser>): void;
}

const KEY = Symbol.for('nexus.session');
type Holder = { [KEY]?: Session };

/** A session that is only memory: what a remote's standalone dev page gets when no shell installed one. */
export function memorySession(): Session {
  let state: SessionState = { status: 'signed-out', user: null };
  const ls = new Set<(s: SessionState) => void>();
  const set = (s: SessionState) => {
    state = s;
    for (const l of [...ls]) l(s);
  };
  return {
    get: () => state,
    subscribe: (l) => (ls.add(l), () => void ls.delete(l)),
    signedIn: (g) => set({ status: 'signed-in', user: g.user }),
    signOut: async () => set({ status: 'signed-out', user: null }),
    refresh: async () => state.status == 'signed-in',
    updateUser: (p) => state.user && set({ ...state, user: { ...state.user, ...p } }),
  };
}

/** Installs the page's session (the shell, at bootstrap, before rendering). */
export function provideSession(s: Session): void {
  (globalThis as Holder)[KEY] = s;
}

const current = (): Session => ((globalThis as Holder)[KEY] ??= memorySession());

/** The page's session: every call goes to the one provideSession installed. */
export const session: Session = {
  get: () => current().get(),
  subscribe: (l) => current().subscribe(l),
  signedIn: (g) => current().signedIn(g),
  signOut: (o) => current().signOut(o),
  refresh: () => current().refresh(),
  updateUser: (p) => current().updateUser(p),
};

/** Where sign-in sends a shopper who came without a (usable) `next`. */
export const DEFAULT_NEXT = '/account';

/**
 * The `next` parameter of /account/sign-in made safe to navigate to: only a same-origin path ("/x?y#z") is
 * honoured — never another origin ("//evil", "/\\evil", "https://…", "javascript:…"), never control characters,
 * never the auth pages themselves (a loop) — else DEFAULT_NEXT. Returns path + search + hash.
 */
export function safeNext(next: string | null | undefined, fallback = DEFAULT_NEXT): string {
  if (!next || next.length > 2048 || next[0] != '/' || /^\/[/\\]/.test(next) || /[\u0000-\u001f\u007f\\]/.test(next)) return fallback;
  let u: URL;
  try {
    u = new URL(next, 'https://nexus.invalid');
  } catch {
    return fallback;
  }
  if (u.origin != 'https://nexus.invalid' || /^\/account\/(sign-in|register)(\/|$)/.test(u.pathname)) return fallback;
  return u.pathname + u.search + u.hash;
}

/** The sign-in page's URL that comes back to `path` (path + search) afterwards. */
export const signInPath = (path: string): string => '/account/sign-in?next=' + encodeURIComponent(safeNext(path, '/'));
