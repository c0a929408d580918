/** The profile form's values: the name (auth's updateMe) and the customer profile (updateProfile). */
export interface ProfileValues {
  firstName: string;
  lastName: string;
  phone: string;
  marketingEmails: boolean;
  locale: string;
}

/** The text fields of the profile form; also the names the server's `extensions.field` maps to. */
export const PROFILE_FIELDS = ['firstName', 'lastName', 'phone', 'locale'] as const;
/** One text field of the profile form. */
export type ProfileField = (typeof PROFILE_FIELDS)[number];
/** Inline errors by field. */
export type ProfileErrors = Partial<Record<ProfileField, string>>;

/** Languages the locale select offers (BCP 47 tags and their names). */
export const LOCALES: ReadonlyArray<{ value: string; label: string }> = [
  { value: 'en', label: 'English' },
  { value: 'en-GB', label: 'English (United Kingdom)' },
  { value: 'de', label: 'Deutsch' },
  { value: 'de-CH', label: 'Deutsch (Schweiz)' },
  { value: 'fr', label: 'Français' },
  { value: 'es', label: 'Español' },
  { value: 'it', label: 'Italiano' },
  { value: 'nl', label: 'Nederlands' },
];

/** A BCP 47 tag's shape, 2 to 35 characters (UpdateProfileInput.locale). */
const LOCALE = /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/;

/** Client checks: names 1 to 100 characters; the phone empty (removes it) or 4 to 15 digits; a well-formed locale. */
export function validateProfile(v: ProfileValues): ProfileErrors {
  const errors: ProfileErrors = {};
  for (const [field, label] of [
    ['firstName', 'first name'],
    ['lastName', 'last name'],
  ] as const) {
    const value = v[field].trim();
    if (value === '') errors[field] = `Enter your ${label}.`;
    else if ([...value].length > 100) errors[field] = `Your ${label} must be at most 100 characters.`;
  }
  const phone = v.phone.trim();
  const digits = phone.replace(/\D/g, '').length;
  if (phone !== '' && (!/^\+?[\d\s().-]+$/.test(phone) || digits < 4 || digits > 15)) errors.phone = 'Enter a phone number with 4 to 15 digits, or leave it empty.';
  if (v.locale.length < 2 || v.locale.length > 35 || !LOCALE.test(v.locale)) errors.locale = 'Choose a language.';
  return errors;
}
