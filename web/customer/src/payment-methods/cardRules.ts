/** The add-card form's values as typed. The number is only ever sent to `tokenizeTestCard`. */
export interface CardValues {
  holderName: string;
  number: string;
  expMonth: string;
  expYear: string;
  cvc: string;
  isDefault: boolean;
}

/** The text fields of the card form; also the names the server's `extensions.field` maps to. */
export const CARD_FIELDS = ['holderName', 'number', 'expMonth', 'expYear', 'cvc'] as const;
/** One text field of the card form. */
export type CardField = (typeof CARD_FIELDS)[number];
/** Inline errors by field. */
export type CardErrors = Partial<Record<CardField, string>>;

/** The digits of a card number typed with spaces (or dashes); null when anything else is in it. */
export function cardDigits(number: string): string | null {
  const s = number.replace(/[\s-]/g, '');
  return /^\d+$/.test(s) ? s : null;
}

/** The Luhn checksum every card number carries. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return digits.length > 0 && sum % 10 === 0;
}

/**
 * The checks of TestCardInput and AddPaymentMethodInput (customer.graphqls): name 1 to 100 characters; 13 to 19
 * digits passing Luhn; month 1 to 12; a four-digit year, not expired as of `now` (a card is valid through its
 * expiry month); CVC of 3 or 4 digits.
 */
export function validateCard(v: CardValues, now: Date = new Date()): CardErrors {
  const errors: CardErrors = {};
  const name = v.holderName.trim();
  if (name === '') errors.holderName = 'Enter the name on the card.';
  else if ([...name].length > 100) errors.holderName = 'The name must be at most 100 characters.';
  const digits = cardDigits(v.number.trim());
  if (v.number.trim() === '') errors.number = 'Enter the card number.';
  else if (digits === null || digits.length < 13 || digits.length > 19 || !luhnValid(digits)) errors.number = 'Enter a valid card number.';
  const month = /^\d{1,2}$/.test(v.expMonth.trim()) ? Number(v.expMonth) : NaN;
  const year = /^\d{4}$/.test(v.expYear.trim()) ? Number(v.expYear) : NaN;
  if (!(month >= 1 && month <= 12)) errors.expMonth = 'Enter a month from 1 to 12.';
  if (Number.isNaN(year)) errors.expYear = 'Enter a four-digit year.';
  else if (year < now.getUTCFullYear() || (year === now.getUTCFullYear() && !errors.expMonth && month < now.getUTCMonth() + 1)) errors.expYear = 'This card has expired.';
  if (!/^\d{3,4}$/.test(v.cvc.trim())) errors.cvc = 'Enter the 3 or 4 digit security code.';
  return errors;
}

/** A brand as the API names it (`visa`), as a shopper reads it (`Visa`). */
export function brandName(brand: string): string {
  const names: Record<string, string> = { visa: 'Visa', mastercard: 'Mastercard', amex: 'American Express', discover: 'Discover', diners: 'Diners Club', jcb: 'JCB', unionpay: 'UnionPay' };
  return names[brand.toLowerCase()] ?? (brand ? brand[0]!.toUpperCase() + brand.slice(1) : 'Card');
}

/** The masked number shown for a saved card: only the last four digits. */
export const maskedNumber = (last4: string) => `•••• ${last4}`;

/** Expiry as MM/YYYY. */
export const expiry = (month: number, year: number) => `${String(month).padStart(2, '0')}/${year}`;
