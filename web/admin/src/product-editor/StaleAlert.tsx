import { Button } from '@nexus/ui';

/** A refused edit (an outdated version, or a rule only the server knows) with a way on: reload the product. */
export function StaleAlert({ message, onReload }: { message: string; onReload?: () => void }) {
  return (
    <div role="alert" className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-700/60 dark:bg-amber-950/40 dark:text-amber-200">
      <span>{message}</span>
      {onReload ? (
        <Button size="sm" variant="secondary" onClick={onReload}>
          Reload product
        </Button>
      ) : null}
    </div>
  );
}
