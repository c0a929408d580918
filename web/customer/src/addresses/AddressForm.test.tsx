// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { NexusError } from '@nexus/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AddressInput } from '../gql/graphql';
import { AddressForm } from './AddressForm';
import { emptyAddress, type CountryRule } from './addressRules';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const countries: CountryRule[] = [
  { code: 'GB', name: 'United Kingdom', requiresRegion: false, postalCodeExample: 'SW1A 1AA' },
  { code: 'US', name: 'United States', requiresRegion: true, postalCodeExample: '94105' },
];
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
  return host.querySelector<HTMLInputElement | HTMLSelectElement>(`[id="${l.htmlFor}"]`)!;
};
const errorOf = (label: string) => {
  const ids = (field(label).getAttribute('aria-describedby') ?? '').split(' ');
  return ids.map((id) => document.getElementById(id)).find((el) => el?.id.endsWith('-error'))?.textContent ?? null;
};
const type = async (label: string, value: string) => {
  const el = field(label);
  const proto = el instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
  await act(async () => {
    Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(el, value);
    el.dispatchEvent(new Event(el instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
  });
};
const submit = async () => {
  await act(async () => host.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));
};

async function renderForm(onSave: (input: AddressInput) => Promise<unknown>) {
  await act(async () => root.render(<AddressForm title="New address" submitLabel="Add address" initial={emptyAddress('GB')} countries={countries} onSave={onSave} onCancel={() => {}} />));
}

async function fillValid() {
  await type('First name', 'Ada');
  await type('Last name', 'Lovelace');
  await type('Street address', '1 Market St');
  await type('City', 'San Francisco');
  await type('Postal code', 'ABCDE');
  await type('Phone', '+1 415 555 0100');
}

describe('AddressForm', () => {
  it('checks on the client first: every missing field named inline, nothing sent', async () => {
    const onSave = vi.fn(async () => undefined);
    await renderForm(onSave);
    await submit();
    expect(onSave).not.toHaveBeenCalled();
    expect(errorOf('First name')).toBe('Enter a first name.');
    expect(errorOf('Postal code')).toBe('Enter a postal code.');
    expect(errorOf('Phone')).toBe('Enter a phone number.');
    expect(field('Postal code').getAttribute('aria-invalid')).toBe('true');
    expect(errorOf('State / province (optional)')).toBeNull();
  });

  it("adapts to the country: the region becomes required, the postal code shows the country's example", async () => {
    await renderForm(async () => undefined);
    expect(host.textContent).toContain('For example SW1A 1AA');
    await type('Country', 'US');
    expect(host.textContent).toContain('For example 94105');
    await fillValid();
    await submit();
    expect(errorOf('State / province')).toBe('Enter a state or province.');
  });

  it("puts the server's field errors on their fields and sends the trimmed input", async () => {
    const onSave = vi.fn(async (_: AddressInput) => {
      throw new NexusError('graphql', 'invalid', [{ message: 'input.postalCode: is not a valid United States postal code', extensions: { code: 'INVALID', field: 'input.postalCode' } }]);
    });
    await renderForm(onSave);
    await type('Country', 'US');
    await fillValid();
    await type('State / province', ' CA ');
    await submit();
    expect(onSave).toHaveBeenCalledTimes(1);
    expect(onSave.mock.calls[0]![0]).toMatchObject({ country: 'US', region: 'CA', line2: null, postalCode: 'ABCDE' });
    expect(errorOf('Postal code')).toBe('Is not a valid United States postal code');
    expect(errorOf('City')).toBeNull();
  });
});
