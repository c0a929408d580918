import { Component, type ComponentType, type ErrorInfo, type ReactNode } from 'react';

/** What a fallback gets: the error and a reset that re-renders the children (after the caller fixed the cause). */
export interface FallbackProps {
  error: Error;
  reset: () => void;
}

/** Props of {@link ErrorBoundary} (the seed's "Error Boundary Strategy"). */
export interface ErrorBoundaryProps {
  /** Which remote or region this is; shows up in the log. */
  name: string;
  fallback: ComponentType<FallbackProps>;
  onError?: (error: Error, info: ErrorInfo) => void;
  /** Called by reset before the children render again (e.g. to reload a remote). */
  onReset?: () => void;
  children?: ReactNode;
}

interface State {
  error: Error | null;
}

/**
 * Keeps a failing remote (or slot) from taking the page down: it catches render and load errors below it, logs
 * them (seed property 31), and renders the fallback with a reset.
 */
export class ErrorBoundary extends Component<ErrorBoundaryProps, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`[${this.props.name}] failed:`, error, info.componentStack);
    this.props.onError?.(error, info);
  }

  reset = (): void => {
    this.props.onReset?.();
    this.setState({ error: null });
  };

  override render(): ReactNode {
    const { error } = this.state;
    if (error) {
      const Fallback = this.props.fallback;
      return <Fallback error={error} reset={this.reset} />;
    }
    return this.props.children;
  }
}
