import { describe, expect, it } from 'vitest';
import { createToastStore } from './toastStore.ts';

function fakeClock() {
  let t = 0;
  let timers: Array<{ at: number; fn: () => void }> = [];
  return {
    now: () => t,
    setTimer: (fn: () => void, ms: number) => {
      const h = { at: t + ms, fn };
      timers.push(h);
      return h;
    },
    clearTimer: (h: unknown) => {
      timers = timers.filter((x) => x !== h);
    },
    advance(ms: number) {
      t += ms;
      const due = timers.filter((x) => x.at <= t);
      timers = timers.filter((x) => x.at > t);
      for (const d of due) d.fn();
    },
  };
}

describe('toast store', () => {
  it('dismisses by itself after its duration; 0 means sticky', () => {
    const c = fakeClock();
    const s = createToastStore(c);
    s.show({ message: 'saved', type: 'success', duration: 1000 });
    s.show({ message: 'sticky', duration: 0 });
    c.advance(999);
    expect(s.getSnapshot()).toHaveLength(2);
    c.advance(1);
    expect(s.getSnapshot().map((t) => t.message)).toEqual(['sticky']);
  });

  it('de-duplicates by id: the toast on screen is refreshed and counts repeats', () => {
    const c = fakeClock();
    const s = createToastStore(c);
    s.show({ id: 'x', message: 'down', type: 'error', duration: 1000 });
    c.advance(900);
    s.show({ id: 'x', message: 'down', type: 'error', duration: 1000 });
    c.advance(900);
    expect(s.getSnapshot()).toMatchObject([{ id: 'x', repeats: 1 }]);
    c.advance(100);
    expect(s.getSnapshot()).toHaveLength(0);
  });

  it('pauses while hovered or focused and resumes with the time that was left', () => {
    const c = fakeClock();
    const s = createToastStore(c);
    const id = s.show({ message: 'hi', duration: 5000 });
    c.advance(3000);
    s.pause(id);
    c.advance(60_000);
    expect(s.getSnapshot()).toHaveLength(1);
    s.resume(id);
    c.advance(1999);
    expect(s.getSnapshot()).toHaveLength(1);
    c.advance(1);
    expect(s.getSnapshot()).toHaveLength(0);
  });

  it('keeps at most max toasts, dropping the oldest, and notifies subscribers', () => {
    const c = fakeClock();
    const s = createToastStore({ ...c, max: 2 });
    let calls = 0;
    const off = s.subscribe(() => calls++);
    s.show({ message: 'a' });
    s.show({ message: 'b' });
    s.show({ message: 'c' });
    expect(s.getSnapshot().map((t) => t.message)).toEqual(['b', 'c']);
    expect(calls).toBe(3);
    off();
    s.clear();
    expect(calls).toBe(3);
    expect(s.getSnapshot()).toHaveLength(0);
  });
});
