// User administration (admin remote) as the seeded admin: find a fresh
// customer by search, disable them with a reason — their open tab is
// refused at once, their access token too — enable them again, change
// their role; an admin's own role change is refused with a clear message.
import { describe, expect, test } from 'vitest';
import { ADMIN, api, registerCustomer, signInPage, tokenOf, type Account } from '../src/account.ts';
import { axe, noBrowser, page } from '../src/harness.ts';

const findUser = async (p: import('playwright-core').Page, who: Pick<Account, 'email'>) => {
  await p.getByRole('searchbox', { name: 'Search users' }).fill(who.email);
  await p.getByRole('button', { name: 'Search', exact: true }).click();
  await expect.poll(() => p.getByRole('status').filter({ hasText: /^1 user$/ }).isVisible()).toBe(true);
  expect(new URL(p.url()).searchParams.get('q')).toBe(who.email);
};

describe.skipIf(noBrowser)('admin: users', () => {
  test('disable a customer with a reason (their tab and token are refused at once), enable, change role', async () => {
    const customer = await registerCustomer('disable');
    const shopper = await page();
    await signInPage(shopper, customer, '/account');
    await expect.poll(() => shopper.getByRole('heading', { level: 1, name: 'Profile' }).isVisible()).toBe(true);

    const p = await page();
    await signInPage(p, ADMIN, '/admin/users');
    await expect.poll(() => p.getByRole('heading', { level: 1, name: 'Users' }).isVisible()).toBe(true);
    await expect.poll(() => p.getByRole('table', { name: 'Users' }).getByRole('row').count()).toBeGreaterThan(1);
    await p.waitForLoadState('networkidle');
    expect(await axe(p), 'user list').toEqual([]);

    await p.getByLabel('Role').selectOption('ADMIN');
    await expect.poll(() => new URL(p.url()).searchParams.get('role')).toBe('ADMIN');
    const table = p.getByRole('table', { name: 'Users' });
    // every listed user is an admin: as many "Admin" role cells as body rows
    await expect
      .poll(async () => {
        const rows = await table.getByRole('rowgroup').nth(1).getByRole('row').count();
        return rows > 0 && rows === (await table.getByRole('cell', { name: 'Admin', exact: true }).count());
      })
      .toBe(true);
    await p.getByLabel('Role').selectOption('');

    await findUser(p, customer);
    const fullName = `${customer.firstName} ${customer.lastName}`;
    await p.getByRole('link', { name: fullName }).click();
    await expect.poll(() => p.getByRole('heading', { level: 1, name: fullName }).isVisible()).toBe(true);
    expect(await p.getByText(customer.email).first().isVisible()).toBe(true);
    expect(await p.getByRole('heading', { name: 'Customer data' }).isVisible()).toBe(true);
    await p.waitForLoadState('networkidle');
    expect(await axe(p), 'user detail').toEqual([]);

    await p.getByRole('button', { name: 'Disable account' }).click();
    const disable = p.getByRole('dialog', { name: `Disable ${fullName}'s account?` });
    await disable.getByRole('button', { name: 'Disable account' }).click();
    await expect.poll(() => disable.getByText('Enter a reason for disabling this account.').isVisible()).toBe(true);
    expect(await disable.getByLabel('Reason').getAttribute('aria-invalid')).toBe('true');
    expect(await axe(p), 'disable dialog with an error').toEqual([]);
    await disable.getByLabel('Reason').fill('Chargeback fraud investigation');
    await disable.getByRole('button', { name: 'Disable account' }).click();
    await expect.poll(() => p.getByText('This account is disabled: it cannot sign in.').isVisible()).toBe(true);

    // the disabled customer's unexpired access token is refused by the router (revocation feed)...
    await expect.poll(async () => (await api('{ myAccount { id } }', {}, customer.accessToken)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    // ...and their open tab: its next request fails, the refresh is refused, the shell signs it out
    await shopper.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Addresses' }).click();
    await shopper.waitForURL(/\/account\/sign-in/);
    const refused = await api('mutation ($input: SignInInput!) { signIn(input: $input) { accessToken } }', { input: { email: customer.email, password: customer.password } });
    expect(refused.errors?.[0]?.message).toBe('email or password is incorrect');

    await p.getByRole('button', { name: 'Enable account' }).click();
    await p.getByRole('dialog', { name: `Enable ${fullName}'s account?` }).getByRole('button', { name: 'Enable account' }).click();
    await expect.poll(() => p.getByText('This account is active.').isVisible()).toBe(true);
    const token = await tokenOf(customer);
    expect(token.length).toBeGreaterThan(20);

    await p.getByLabel('Role').selectOption('ADMIN');
    await p.getByRole('button', { name: 'Change role' }).click();
    await p.getByRole('dialog', { name: `Make ${fullName} an admin?` }).getByRole('button', { name: 'Change role' }).click();
    await expect.poll(() => p.getByRole('main').getByText('Admin', { exact: true }).first().isVisible()).toBe(true);
    const role = await api<{ user: { role: string } }>(`{ user(id: "${customer.id}") { role } }`, {}, await tokenOf(ADMIN));
    expect(role.data?.user.role).toBe('ADMIN');
    await shopper.context().close();
    await p.context().close();
  }, 150_000);

  test("an admin's own role change is refused with the server's message", async () => {
    const p = await page();
    await signInPage(p, ADMIN, '/admin/users');
    await findUser(p, ADMIN);
    await p.getByRole('table', { name: 'Users' }).getByRole('link').first().click();
    await p.getByRole('heading', { level: 1 }).waitFor();
    await p.getByLabel('Role').selectOption('CUSTOMER');
    await p.getByRole('button', { name: 'Change role' }).click();
    const dialog = p.getByRole('dialog', { name: /a customer\?$/ });
    await dialog.getByRole('button', { name: 'Change role' }).click();
    const alert = dialog.getByRole('alert');
    await expect.poll(() => alert.isVisible()).toBe(true);
    expect(await alert.innerText()).toMatch(/own role/i);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    const me = await api<{ me: { role: string } }>('{ me { role } }', {}, await tokenOf(ADMIN));
    expect(me.data?.me.role).toBe('ADMIN');
    await p.context().close();
  }, 150_000);
});
