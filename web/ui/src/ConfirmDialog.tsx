import type { FormEvent, ReactNode } from 'react';
import { Button, type ButtonVariant } from './Button.tsx';
import { Dialog } from './Dialog.tsx';

/** Props of {@link ConfirmDialog}. */
export interface ConfirmDialogProps {
  open: boolean;
  title: ReactNode;
  /** What will happen, in plain words. */
  children?: ReactNode;
  /** The confirming button's text: the action ("Delete address"), never "OK". */
  confirmLabel: string;
  cancelLabel?: string;
  /** `danger` for destructive actions (the default). */
  variant?: ButtonVariant;
  /** True while the action runs: the confirm button shows its loading state. */
  busy?: boolean;
  /** An error of the last attempt, shown as an alert inside the dialog. */
  error?: ReactNode;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * A modal asking to confirm an action. The body is a form, so fields inside it (a required reason) are checked
 * by the browser before onConfirm runs and Enter confirms; Escape and "Cancel" call onCancel.
 */
export function ConfirmDialog({ open, title, children, confirmLabel, cancelLabel = 'Cancel', variant = 'danger', busy, error, onConfirm, onCancel }: ConfirmDialogProps) {
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!busy) onConfirm();
  };
  return (
    <Dialog open={open} onClose={onCancel} title={title}>
      <form onSubmit={submit} className="space-y-4">
        {children ? <div className="space-y-3 text-sm text-zinc-700 dark:text-zinc-300">{children}</div> : null}
        {error ? (
          <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700 dark:bg-red-950/40 dark:text-red-300">
            {error}
          </p>
        ) : null}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onCancel} disabled={busy}>
            {cancelLabel}
          </Button>
          <Button type="submit" variant={variant} loading={busy}>
            {confirmLabel}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
