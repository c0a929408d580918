import type { AdminUserQuery } from '../gql/graphql';

type Customer = AdminUserQuery['customer'];

/** What the customer subgraph holds about the user: profile, addresses and how many products are on the wishlist. */
export function CustomerData({ customer }: { customer: Customer }) {
  return (
    <section aria-labelledby="customer-title" className="space-y-4 rounded-xl border border-zinc-200 p-4 lg:col-span-2 dark:border-zinc-800">
      <h2 id="customer-title" className="text-base font-semibold text-zinc-900 dark:text-zinc-100">
        Customer data
      </h2>
      {!customer ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">No customer data could be loaded for this user.</p>
      ) : (
        <>
          <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[auto_1fr]">
            <dt className="text-zinc-500 dark:text-zinc-400">Phone</dt>
            <dd className="text-zinc-900 dark:text-zinc-100">{customer.profile.phone ?? 'Not given'}</dd>
            <dt className="text-zinc-500 dark:text-zinc-400">Language</dt>
            <dd className="text-zinc-900 dark:text-zinc-100">{customer.profile.locale}</dd>
            <dt className="text-zinc-500 dark:text-zinc-400">Marketing emails</dt>
            <dd className="text-zinc-900 dark:text-zinc-100">{customer.profile.marketingEmails ? 'Yes' : 'No'}</dd>
            <dt className="text-zinc-500 dark:text-zinc-400">Wishlist</dt>
            <dd className="text-zinc-900 dark:text-zinc-100">{customer.wishlist.length === 1 ? '1 product' : `${customer.wishlist.length} products`}</dd>
          </dl>
          <h3 className="text-sm font-semibold text-zinc-900 dark:text-zinc-100">Addresses ({customer.addresses.length})</h3>
          {customer.addresses.length === 0 ? (
            <p className="text-sm text-zinc-600 dark:text-zinc-400">No saved addresses.</p>
          ) : (
            <ul aria-label="Addresses" className="grid gap-3 sm:grid-cols-2">
              {customer.addresses.map((a) => (
                <li key={a.id} className="rounded-lg border border-zinc-200 p-3 text-sm dark:border-zinc-800">
                  <address className="not-italic text-zinc-800 dark:text-zinc-200">
                    {a.firstName} {a.lastName}, {a.line1}
                    {a.line2 ? `, ${a.line2}` : ''}, {a.city}
                    {a.region ? `, ${a.region}` : ''} {a.postalCode}, {a.country}
                  </address>
                  {a.isDefaultShipping || a.isDefaultBilling ? (
                    <p className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">
                      {[a.isDefaultShipping && 'Default shipping', a.isDefaultBilling && 'Default billing'].filter(Boolean).join(' · ')}
                    </p>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
