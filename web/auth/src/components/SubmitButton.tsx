import { Button } from '@nexus/ui';
import type { ReactNode } from 'react';

/** A form's submit button: full width, disabled with a spinner while the submit runs (no double submit). */
export function SubmitButton({ pending, children }: { pending: boolean; children: ReactNode }) {
  return (
    <Button type="submit" loading={pending} className="w-full">
      {children}
    </Button>
  );
}
