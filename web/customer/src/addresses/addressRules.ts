import type { AddressInput } from '../gql/graphql';

/** What `addressCountries` says about a country: the form adapts to it (region required, postal code example). */
export interface CountryRule {
  code: string;
  name: string;
  requiresRegion: boolean;
  postalCodeExample: string;
}

/** The address form's values, as typed (strings; the checkboxes as booleans). */
export interface AddressValues {
  firstName: string;
  lastName: string;
  line1: string;
  line2: string;
  city: string;
  region: string;
  postalCode: string;
  country: string;
  phone: string;
  isDefaultShipping: boolean;
  isDefaultBilling: boolean;
}

/** The text fields of the form, in display order; also the names the server's `extensions.field` maps to. */
export const ADDRESS_FIELDS = ['firstName', 'lastName', 'line1', 'line2', 'city', 'region', 'postalCode', 'country', 'phone'] as const;
/** One text field of the address form. */
export type AddressField = (typeof ADDRESS_FIELDS)[number];
/** Inline errors by field. */
export type AddressErrors = Partial<Record<AddressField, string>>;

/** Length limits of AddressInput (customer.graphqls): [required, max]. */
export const ADDRESS_LIMITS: Record<Exclude<AddressField, 'country' | 'region' | 'postalCode' | 'phone'>, [boolean, number]> = {
  firstName: [true, 100],
  lastName: [true, 100],
  line1: [true, 200],
  line2: [false, 200],
  city: [true, 100],
};

const LABELS: Record<AddressField, string> = {
  firstName: 'first name',
  lastName: 'last name',
  line1: 'street address',
  line2: 'apartment, suite, etc.',
  city: 'city',
  region: 'state or province',
  postalCode: 'postal code',
  country: 'country',
  phone: 'phone number',
};

/** Characters a phone number may be typed with: digits, an optional leading +, spaces, dashes, dots and parentheses. */
const PHONE = /^\+?[\d\s().-]+$/;

/** Counts Unicode code points (what the server's limits count), not UTF-16 units. */
const length = (s: string) => [...s].length;

/** The empty form, for a new address in `country`. */
export function emptyAddress(country = 'US'): AddressValues {
  return { firstName: '', lastName: '', line1: '', line2: '', city: '', region: '', postalCode: '', country, phone: '', isDefaultShipping: false, isDefaultBilling: false };
}

/**
 * The client-side checks, one message per field: required fields, length limits, a known country, the region where
 * the country requires one, and a plausible phone (4 to 15 digits). The postal code's format per country stays the
 * server's call (the example is shown as a hint): the form never refuses what the server would accept.
 */
export function validateAddress(v: AddressValues, countries: ReadonlyArray<CountryRule>): AddressErrors {
  const errors: AddressErrors = {};
  for (const [field, [required, max]] of Object.entries(ADDRESS_LIMITS) as [keyof typeof ADDRESS_LIMITS, [boolean, number]][]) {
    const value = v[field].trim();
    if (required && value === '') errors[field] = `Enter a ${LABELS[field]}.`;
    else if (length(value) > max) errors[field] = `The ${LABELS[field]} must be at most ${max} characters.`;
  }
  const rule = countries.find((c) => c.code === v.country);
  if (!rule) errors.country = 'Choose a country.';
  if (rule?.requiresRegion && v.region.trim() === '') errors.region = `Enter a ${LABELS.region}.`;
  else if (length(v.region.trim()) > 100) errors.region = 'The state or province must be at most 100 characters.';
  if (v.postalCode.trim() === '') errors.postalCode = 'Enter a postal code.';
  else if (length(v.postalCode.trim()) > 20) errors.postalCode = 'The postal code must be at most 20 characters.';
  const phone = v.phone.trim();
  const digits = phone.replace(/\D/g, '').length;
  if (phone === '') errors.phone = 'Enter a phone number.';
  else if (!PHONE.test(phone) || digits < 4 || digits > 15) errors.phone = 'Enter a phone number with 4 to 15 digits.';
  return errors;
}

/** The mutation input: trimmed, empty optional fields as null, the region dropped where the country has none. */
export function toAddressInput(v: AddressValues): AddressInput {
  const region = v.region.trim();
  const line2 = v.line2.trim();
  return {
    firstName: v.firstName.trim(),
    lastName: v.lastName.trim(),
    line1: v.line1.trim(),
    line2: line2 === '' ? null : line2,
    city: v.city.trim(),
    region: region === '' ? null : region,
    postalCode: v.postalCode.trim(),
    country: v.country,
    phone: v.phone.trim(),
    isDefaultShipping: v.isDefaultShipping,
    isDefaultBilling: v.isDefaultBilling,
  };
}

/** The form's values for a saved address (null optional fields as empty strings). */
export function fromAddress(a: Omit<AddressValues, 'line2' | 'region'> & { line2: string | null; region: string | null }): AddressValues {
  return {
    firstName: a.firstName,
    lastName: a.lastName,
    line1: a.line1,
    line2: a.line2 ?? '',
    city: a.city,
    region: a.region ?? '',
    postalCode: a.postalCode,
    country: a.country,
    phone: a.phone,
    isDefaultShipping: a.isDefaultShipping,
    isDefaultBilling: a.isDefaultBilling,
  };
}
