import { useEffect } from 'react';
import { Link } from 'react-router';
import { Badge, Button, Rating, focusRing } from '@nexus/ui';
import { useQuery } from '@nexus/client/react';
import { AdminReviewsDocument, type AdminReviewFragment, type AdminReviewsQuery, type AdminReviewsQueryVariables } from '../gql/graphql';
import { errorMessage } from '../lib/errorMessage';
import type { Moderation } from './ModerateDialog';

type Edge = { node: AdminReviewFragment };

/** Props of {@link ReviewRows}: rows already loaded (the first page) or the variables of a later page. */
export type ReviewRowsProps = { onModerate: (m: Moderation) => void } & (
  | { edges: ReadonlyArray<Edge>; variables?: undefined; onPageInfo?: undefined }
  | { edges?: undefined; variables: AdminReviewsQueryVariables; onPageInfo?: (p: AdminReviewsQuery['reviews']['pageInfo']) => void }
);

/** One page of the moderation table as a `<tbody>`: the review (escaped text), its stars, its product and rating, its status and actions. */
export function ReviewRows(props: ReviewRowsProps) {
  const page = useQuery(AdminReviewsDocument, props.variables, { enabled: props.variables !== undefined });
  const info = page.data?.reviews.pageInfo;
  const { onPageInfo, onModerate } = props;
  useEffect(() => {
    if (info) onPageInfo?.(info);
  }, [info, onPageInfo]);
  const edges = props.edges ?? page.data?.reviews.edges;
  if (!edges) {
    return (
      <tbody>
        <tr>
          <td colSpan={5} className="px-4 py-3 text-sm">
            {page.loading ? (
              <span role="status">Loading more reviews…</span>
            ) : (
              <span role="alert">
                {errorMessage(page.error)}{' '}
                <button type="button" className={`underline ${focusRing}`} onClick={page.refetch}>
                  Try again
                </button>
              </span>
            )}
          </td>
        </tr>
      </tbody>
    );
  }
  return (
    <tbody className="divide-y divide-zinc-200 align-top dark:divide-zinc-800">
      {edges.map(({ node: r }) => (
        <tr key={r.id}>
          <th scope="row" className="max-w-md px-4 py-3 font-normal">
            <span className="block font-medium text-zinc-900 dark:text-zinc-100">{r.title}</span>
            <span className="mt-1 line-clamp-3 block whitespace-pre-line text-zinc-700 dark:text-zinc-300">{r.body}</span>
            <span className="mt-1 block text-xs text-zinc-500 dark:text-zinc-400">
              {r.authorName} · {new Date(r.createdAt).toLocaleDateString('en', { dateStyle: 'medium' })}
            </span>
            {r.moderationReason ? <span className="mt-1 block text-xs text-amber-800 dark:text-amber-300">Reason: {r.moderationReason}</span> : null}
          </th>
          <td className="whitespace-nowrap px-4 py-3">
            <Rating value={r.rating} showCount={false} />
          </td>
          <td className="px-4 py-3">
            <Link to={`/admin/products/${r.product.id}`} className={`rounded text-indigo-700 hover:underline dark:text-indigo-300 ${focusRing}`}>
              {r.product.name}
            </Link>
            <span className="mt-1 block">
              <Rating value={r.product.rating} count={r.product.reviewCount} />
            </span>
          </td>
          <td className="px-4 py-3">{r.status === 'HIDDEN' ? <Badge tone="warning">Hidden</Badge> : <Badge tone="success">Visible</Badge>}</td>
          <td className="px-4 py-3">
            <div className="flex justify-end gap-1">
              {r.status === 'HIDDEN' ? (
                <Button size="sm" variant="secondary" aria-label={`Restore “${r.title}”`} onClick={() => onModerate({ action: 'restore', review: r })}>
                  Restore
                </Button>
              ) : (
                <Button size="sm" variant="secondary" aria-label={`Hide “${r.title}”`} onClick={() => onModerate({ action: 'hide', review: r })}>
                  Hide
                </Button>
              )}
              <Button size="sm" variant="ghost" aria-label={`Delete “${r.title}”`} onClick={() => onModerate({ action: 'delete', review: r })}>
                Delete
              </Button>
            </div>
          </td>
        </tr>
      ))}
    </tbody>
  );
}
