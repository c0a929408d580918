import { createToastStore } from '@nexus/ui';
import { describe, expect, it } from 'vitest';
import { createErrorReporter } from './errorReporter.ts';

function setup() {
  let now = 0;
  const timers: Array<{ at: number; fn: () => void; live: boolean }> = [];
  const toasts = createToastStore({
    setTimer: (fn, ms) => {
      const t = { at: now + ms, fn, live: true };
      timers.push(t);
      return t;
    },
    clearTimer: (h) => {
      (h as { live: boolean }).live = false;
    },
  });
  const advance = (ms: number) => {
    now += ms;
    for (const t of timers) if (t.live && t.at <= now) (t.live = false), t.fn();
  };
  const report = createErrorReporter({ toasts, now: () => now, quietMs: 15_000, log: () => {} });
  return { toasts, report, advance };
}

const network = { kind: 'network' as const, message: 'fetch failed', errors: [] };
const op = { kind: 'query' as const, name: 'Products' };

describe('createErrorReporter (seed property 28)', () => {
  it('shows one toast for a burst of identical failures', () => {
    const { toasts, report } = setup();
    for (let i = 0; i < 10; i++) report(network, op);
    expect(toasts.getSnapshot()).toHaveLength(1);
    expect(toasts.getSnapshot()[0]).toMatchObject({ type: 'error', repeats: 9 });
  });

  it('shows different problems as different toasts', () => {
    const { toasts, report } = setup();
    report(network, op);
    report({ kind: 'http', status: 503, message: '503', errors: [] }, op);
    expect(toasts.getSnapshot()).toHaveLength(2);
  });

  it('keeps a closed toast quiet for a while, then shows it again', () => {
    const { toasts, report, advance } = setup();
    report(network, op);
    const [t] = toasts.getSnapshot();
    toasts.dismiss(t!.id);
    advance(5_000);
    report(network, op);
    expect(toasts.getSnapshot()).toHaveLength(0);
    advance(11_000);
    report(network, op);
    expect(toasts.getSnapshot()).toHaveLength(1);
  });

  it('lets the toast dismiss itself, and ignores aborted requests', () => {
    const { toasts, report, advance } = setup();
    report(network, op);
    advance(8_000);
    expect(toasts.getSnapshot()).toHaveLength(0);
    report({ kind: 'aborted', message: 'aborted', errors: [] }, op);
    advance(20_000);
    report({ kind: 'aborted', message: 'aborted', errors: [] }, op);
    expect(toasts.getSnapshot()).toHaveLength(0);
  });
});
