import { ErrorState } from '@nexus/ui';
import { errorMessage, isOffline, type ErrorLike } from './errorMessage';

/** Props of {@link LoadFailed}. */
export interface LoadFailedProps {
  /** What could not be loaded, for the title: "your addresses". */
  what: string;
  error: ErrorLike | undefined;
  onRetry: () => void;
  retrying?: boolean;
}

/** A page's failed first load: the offline state when the network is gone, otherwise the error, both with a retry. */
export function LoadFailed({ what, error, onRetry, retrying }: LoadFailedProps) {
  return (
    <ErrorState
      title={isOffline(error) ? "You're offline" : `We couldn't load ${what}`}
      message={errorMessage(error)}
      onRetry={onRetry}
      retrying={retrying}
    />
  );
}
