import type { ReactNode } from 'react';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { useOnline } from './useOnline';

/** Props of {@link AuthCard}. */
export interface AuthCardProps {
  /** The page's h1 and tab title. */
  title: string;
  /** One line under the title. */
  intro?: ReactNode;
  children: ReactNode;
  /** Links under the card ("Forgot your password?"). */
  footer?: ReactNode;
}

/** The frame of every auth page: a narrow centred card with the h1, an offline note when there is no network, the form, links. */
export function AuthCard({ title, intro, children, footer }: AuthCardProps) {
  useDocumentTitle(title);
  const online = useOnline();
  return (
    <div className="mx-auto w-full max-w-md px-4 py-10 sm:py-16">
      <div className="rounded-2xl border border-zinc-200 bg-white p-6 shadow-sm sm:p-8 dark:border-zinc-700 dark:bg-zinc-800/60">
        <h1 className="text-2xl font-bold tracking-tight text-zinc-900 dark:text-white">{title}</h1>
        {intro ? <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-300">{intro}</p> : null}
        {!online ? (
          <p role="status" className="mt-4 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950/60 dark:text-amber-100">
            You are offline. You can fill in the form; sending it needs a connection.
          </p>
        ) : null}
        <div className="mt-6">{children}</div>
      </div>
      {footer ? <div className="mt-6 space-y-2 text-center text-sm text-zinc-600 dark:text-zinc-300">{footer}</div> : null}
    </div>
  );
}
