/** The password rules the auth subgraph publishes (`passwordPolicy`); the defaults until it answers. */
export interface PasswordRules {
  minLength: number;
  maxLength: number;
}

/** What the form assumes before `passwordPolicy` has answered (the server checks again anyway). */
export const DEFAULT_RULES: PasswordRules = { minLength: 10, maxLength: 128 };

/** A field's problem, or undefined when it is fine. */
export type Check = (value: string) => string | undefined;

// One @, something before it, a dot in the domain, no spaces: what a form can check; the server decides the rest.
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

/** The email field: required, an address, at most 254 characters. */
export const checkEmail: Check = (v) => {
  const s = v.trim();
  if (!s) return 'Enter your email address';
  if (s.length > 254) return 'Enter an email address of at most 254 characters';
  if (!EMAIL.test(s)) return 'Enter an email address like name@example.com';
  return undefined;
};

/** A required field with a human name ("first name"), at most `max` characters. */
export const checkRequired =
  (name: string, max = 100): Check =>
  (v) => {
    const s = v.trim();
    if (!s) return `Enter your ${name}`;
    if ([...s].length > max) return `Enter a ${name} of at most ${max} characters`;
    return undefined;
  };

/** A new password against the policy, counted in code points as the server counts. */
export const checkNewPassword =
  (rules: PasswordRules): Check =>
  (v) => {
    const n = [...v].length;
    if (!n) return 'Enter a password';
    if (n < rules.minLength) return `Use at least ${rules.minLength} characters for your password`;
    if (n > rules.maxLength) return `Use at most ${rules.maxLength} characters for your password`;
    return undefined;
  };

/** The hint under a new-password field. */
export const passwordHint = (rules: PasswordRules): string => `At least ${rules.minLength} characters. A passphrase of a few words is easy to remember and hard to guess.`;
