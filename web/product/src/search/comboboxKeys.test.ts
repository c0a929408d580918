import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { comboboxKey } from './comboboxKeys';

const base = { active: -1, count: 6, expanded: true, text: 'dro' };

describe('comboboxKey', () => {
  it('moves down and up with wrap-around', () => {
    expect(comboboxKey('ArrowDown', base)).toEqual({ type: 'move', active: 0 });
    expect(comboboxKey('ArrowDown', { ...base, active: 5 })).toEqual({ type: 'move', active: 0 });
    expect(comboboxKey('ArrowUp', base)).toEqual({ type: 'move', active: 5 });
    expect(comboboxKey('ArrowUp', { ...base, active: 0 })).toEqual({ type: 'move', active: 5 });
  });
  it('Enter picks the highlighted suggestion, otherwise submits the text', () => {
    expect(comboboxKey('Enter', { ...base, active: 2 })).toEqual({ type: 'pick', index: 2 });
    expect(comboboxKey('Enter', base)).toEqual({ type: 'submit' });
    expect(comboboxKey('Enter', { ...base, active: 2, expanded: false })).toEqual({ type: 'submit' });
  });
  it('Escape closes an open list, then clears the text', () => {
    expect(comboboxKey('Escape', base)).toEqual({ type: 'close' });
    expect(comboboxKey('Escape', { ...base, expanded: false })).toEqual({ type: 'clear' });
    expect(comboboxKey('Escape', { ...base, expanded: false, text: '' })).toEqual({ type: 'none' });
  });
  it('the highlight always stays within the list', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom('ArrowDown', 'ArrowUp')), fc.integer({ min: 0, max: 10 }), (keys, count) => {
      let active = -1;
      for (const k of keys) {
        const a = comboboxKey(k, { active, count, expanded: true, text: 'x' });
        if (a.type === 'move') active = a.active;
        expect(active).toBeGreaterThanOrEqual(-1);
        expect(active).toBeLessThan(Math.max(count, 0) || 1);
        if (count > 0 && keys.length > 0) expect(active).toBeGreaterThanOrEqual(0);
      }
    }));
  });
});
