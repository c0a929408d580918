// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { NexusError } from '@nexus/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ReviewForm } from './ReviewForm';
import type { ReviewValues } from './reviewRules';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root;
let host: HTMLElement;
beforeEach(() => {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
});
afterEach(() => {
  act(() => root.unmount());
  host.remove();
});

const field = (label: string) => {
  const l = [...host.querySelectorAll('label')].find((x) => x.textContent === label);
  if (!l) throw new Error(`no field labelled ${label}`);
  return host.querySelector<HTMLInputElement | HTMLTextAreaElement>(`[id="${l.htmlFor}"]`)!;
};
const described = (el: Element) => (el.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent ?? '');
const errorOf = (label: string) => described(field(label)).find((t) => !t.includes(' of ')) ?? null;
const type = async (label: string, value: string) => {
  const el = field(label);
  const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  await act(async () => {
    Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(el, value);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
};
const stars = (n: number) => [...host.querySelectorAll<HTMLInputElement>('input[type=radio]')].find((r) => r.value === String(n))!;
const submit = () => act(async () => host.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));
const group = () => host.querySelector('[role=radiogroup]')!;

async function render(onSave: (v: ReviewValues) => Promise<unknown>, initial: ReviewValues = { rating: 0, title: '', body: '', authorName: 'Ada L.' }) {
  await act(async () => root.render(<ReviewForm heading="Write a review" submitLabel="Submit review" initial={initial} onSave={onSave} onCancel={() => {}} />));
}

describe('ReviewForm', () => {
  it('names what is missing inline and sends nothing', async () => {
    const onSave = vi.fn(async () => undefined);
    await render(onSave);
    await submit();
    expect(onSave).not.toHaveBeenCalled();
    expect(group().getAttribute('aria-invalid')).toBe('true');
    expect(described(group())).toEqual(['Choose a rating from 1 to 5 stars.']);
    expect(errorOf('Title')).toBe('Enter a title.');
    expect(errorOf('Review')).toBe('Enter your review.');
    expect(field('Title').getAttribute('aria-invalid')).toBe('true');
    expect(errorOf('Display name')).toBeNull();
  });

  it('the radios are named "1 star" … "5 stars" in a group named Rating; counters count code points after trimming', async () => {
    await render(async () => undefined);
    const names = [...host.querySelectorAll('input[type=radio]')].map((r) => r.closest('label')!.textContent);
    expect(names).toEqual(['1 star', '2 stars', '3 stars', '4 stars', '5 stars']);
    expect(document.getElementById(group().getAttribute('aria-labelledby')!)!.textContent).toBe('Rating');
    await type('Title', '  Nice 😀  ');
    expect(described(field('Title'))).toContain('6 of 120 characters');
    expect(described(field('Display name')).join(' ')).toContain('6 of 60 characters');
  });

  it("sends trimmed values and puts the server's field errors on their fields, the rest above", async () => {
    const onSave = vi.fn(async (_: ReviewValues) => {
      throw new NexusError('graphql', 'invalid', [
        { message: 'input.body: must be at most 5000 characters', extensions: { code: 'INVALID', field: 'input.body' } },
        { message: 'you already reviewed this product', extensions: { code: 'CONFLICT', field: 'input.productId' } },
      ]);
    });
    await render(onSave);
    await act(async () => stars(4).click());
    await type('Title', ' <img src=x onerror=alert(1)> ');
    await type('Review', ' Line one\nLine two ');
    await submit();
    expect(onSave).toHaveBeenCalledWith({ rating: 4, title: ' <img src=x onerror=alert(1)> ', body: ' Line one\nLine two ', authorName: 'Ada L.' });
    expect(errorOf('Review')).toBe('Must be at most 5000 characters');
    expect(errorOf('Title')).toBeNull();
    expect(host.querySelector('[role=alert]')!.textContent).toBe('You already reviewed this product');
    expect(host.querySelector('img')).toBeNull();
  });
});
