import { isObj } from './document.ts';
import { NexusError, toErrors, type GraphQLErrorItem } from './error.ts';
import { aborted, parseRetryAfter, type Timers } from './retry.ts';

/** A GraphQL-over-HTTP request's parameters. */
export interface Payload {
  query?: string;
  variables?: unknown;
  operationName?: string;
  extensions?: unknown;
}

/** A 2xx response with a well-formed body: data (maybe null) and normalised errors. */
export interface Result {
  data: Record<string, unknown> | null;
  errors: GraphQLErrorItem[];
}

/** What one HTTP attempt needs. */
export interface Wire extends Timers {
  url: string;
  fetch: typeof fetch;
  timeout: number;
  now: () => number;
}

/**
 * Sends one attempt (GET with the parameters in the URL, or a JSON POST with
 * `X-Nexus-CSRF: 1` and same-origin credentials)
 * and maps every outcome to a Result or a NexusError: a fetch failure is
 * 'network', the per-attempt timer 'timeout', the caller's signal
 * 'aborted', a non-2xx 'http' (with the GraphQL errors of its body when it
 * has some, and Retry-After), a 2xx body that is neither data nor errors
 * 'http' with code BAD_RESPONSE. Nothing else is ever thrown.
 */
export async function send(
  w: Wire,
  p: Payload,
  get: boolean,
  headers: Record<string, string>,
  signal?: AbortSignal,
): Promise<Result> {
  const ctl = new AbortController();
  let timedOut = false;
  const t = w.setTimer(() => {
    timedOut = true;
    ctl.abort();
  }, w.timeout);
  const stop = () => ctl.abort();
  signal?.addEventListener('abort', stop);
  try {
    if (signal?.aborted) throw aborted();
    let url = w.url;
    // application/json, not application/graphql-response+json: with the
    // latter the router answers a response whose data is null with a 5xx,
    // which would be retried; GraphQL errors must come with a 200.
    const init: RequestInit = { headers: { accept: 'application/json', ...headers }, signal: ctl.signal };
    if (get)
      url +=
        (url.includes('?') ? '&' : '?') +
        Object.entries(p)
          .filter((e) => e[1] !== undefined)
          .map(([k, v]) => k + '=' + encodeURIComponent(typeof v == 'string' ? v : JSON.stringify(v)))
          .join('&');
    else {
      // X-Nexus-CSRF: the router forwards the session cookie only with this header (a cross-site form cannot set
      // it); same-origin credentials so the HttpOnly cookie travels (and its Set-Cookie is kept) with the POST.
      init.method = 'POST';
      init.body = JSON.stringify(p);
      init.credentials = 'same-origin';
      Object.assign(init.headers as Record<string, string>, { 'content-type': 'application/json', 'x-nexus-csrf': '1' });
    }
    const [res, text] = await Promise.race([
      w.fetch(url, init).then(async (r) => [r, await r.text()] as const),
      new Promise<never>((_, rej) => ctl.signal.addEventListener('abort', () => rej(0))),
    ]).catch((e: unknown) => {
      throw signal?.aborted
        ? aborted()
        : timedOut
          ? new NexusError('timeout', `No response within ${w.timeout} ms`)
          : new NexusError('network', 'Network error: ' + ((e as Error)?.message ?? e));
    });
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {}
    const b = isObj(body) ? body : {};
    const errors = toErrors(b.errors);
    const data = isObj(b.data) ? b.data : null;
    const status = res.status;
    if (status < 200 || status > 299)
      throw new NexusError('http', errors[0]?.message ?? 'HTTP ' + status, errors, status, parseRetryAfter(res.headers.get('retry-after'), w.now()));
    if (!data && !errors.length)
      throw new NexusError('http', 'Malformed GraphQL response', [{ message: 'Malformed GraphQL response', extensions: { code: 'BAD_RESPONSE' } }], status);
    return { data, errors };
  } catch (e) {
    throw e instanceof NexusError ? e : new NexusError('network', String(e));
  } finally {
    w.clearTimer(t);
    signal?.removeEventListener('abort', stop);
  }
}
