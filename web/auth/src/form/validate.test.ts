import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkEmail, checkNewPassword, checkRequired } from './validate.ts';

const seed = Number(process.env.FC_SEED ?? Date.now() % 2 ** 31);
console.log(`auth form properties: fast-check seed ${seed} (FC_SEED=${seed} replays)`);

describe('checkEmail', () => {
  it.each(['a@b.co', 'Ada.Lovelace+shop@example.org', '  ada@example.com  '])('accepts %j', (v) => expect(checkEmail(v)).toBeUndefined());
  it.each([
    ['', 'Enter your email address'],
    ['   ', 'Enter your email address'],
    ['ada', 'Enter an email address like name@example.com'],
    ['ada@example', 'Enter an email address like name@example.com'],
    ['a b@example.com', 'Enter an email address like name@example.com'],
    ['@example.com', 'Enter an email address like name@example.com'],
    [`${'a'.repeat(250)}@b.co`, 'Enter an email address of at most 254 characters'],
  ])('refuses %j: %s', (v, msg) => expect(checkEmail(v)).toBe(msg));

  it('property: every generated address passes', () => {
    fc.assert(fc.property(fc.emailAddress(), (e) => e.length > 254 || e.split('@')[1]!.includes('.') === false || checkEmail(e) === undefined), { seed, numRuns: 500 });
  });
});

describe('checkNewPassword', () => {
  const rules = { minLength: 10, maxLength: 64 };
  it('counts code points, as the server does, and names the rule that failed', () => {
    expect(checkNewPassword(rules)('')).toBe('Enter a password');
    expect(checkNewPassword(rules)('short')).toBe('Use at least 10 characters for your password');
    expect(checkNewPassword(rules)('🔑'.repeat(10))).toBeUndefined();
    expect(checkNewPassword(rules)('x'.repeat(65))).toBe('Use at most 64 characters for your password');
  });

  it('property: accepted exactly when the length is within the policy', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), fc.integer({ min: 1, max: 20 }), fc.integer({ min: 20, max: 70 }), (p, min, max) => {
        const n = [...p].length;
        expect(checkNewPassword({ minLength: min, maxLength: max })(p) === undefined).toBe(n >= min && n <= max);
      }),
      { seed, numRuns: 500 },
    );
  });
});

describe('checkRequired', () => {
  it('names the field and its limit', () => {
    expect(checkRequired('first name')(' ')).toBe('Enter your first name');
    expect(checkRequired('first name', 3)('abcd')).toBe('Enter a first name of at most 3 characters');
    expect(checkRequired('first name')('Ada')).toBeUndefined();
  });
});
