import { Badge } from '@nexus/ui';
import { useQuery } from '@nexus/client/react';
import { AccountProfileDocument } from '../gql/graphql';
import { ListSkeleton } from '../layout/ListSkeleton';
import { PageHeader } from '../layout/PageHeader';
import { LoadFailed } from '../lib/LoadFailed';
import { ProfileForm } from './ProfileForm';

/** /account: the email and its verification state, and the profile form (name, phone, language, marketing mail). */
export default function ProfilePage() {
  const { data, error, loading, fetching, refetch } = useQuery(AccountProfileDocument);
  return (
    <>
      <PageHeader title="Profile" description="Your name, contact details and preferences." />
      {loading ? (
        <ListSkeleton label="Loading your profile" rows={2} />
      ) : !data ? (
        <LoadFailed what="your profile" error={error} onRetry={refetch} retrying={fetching} />
      ) : (
        <div className="space-y-8">
          <section aria-labelledby="profile-email" className="rounded-xl border border-zinc-200 p-4 dark:border-zinc-800">
            <h2 id="profile-email" className="text-sm font-semibold text-zinc-900 dark:text-zinc-100">
              Email
            </h2>
            <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-zinc-800 dark:text-zinc-200">
              <span>{data.me.email}</span>
              {data.me.emailVerified ? <Badge tone="success">Verified</Badge> : <Badge tone="warning">Not verified</Badge>}
            </p>
          </section>
          <ProfileForm
            key={data.me.id}
            initial={{
              firstName: data.me.firstName,
              lastName: data.me.lastName,
              phone: data.myAccount.profile.phone ?? '',
              marketingEmails: data.myAccount.profile.marketingEmails,
              locale: data.myAccount.profile.locale,
            }}
          />
        </div>
      )}
    </>
  );
}
