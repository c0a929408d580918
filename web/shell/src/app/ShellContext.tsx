import { createContext, useContext } from 'react';
import type { ShellServices } from './bootstrap.ts';

/** The shell's page services for its own components (remotes use @nexus/client/react and the bus instead). */
export const ShellContext = createContext<ShellServices | null>(null);

/** Reads the shell's services; only valid below <App>. */
export function useShell(): ShellServices {
  const s = useContext(ShellContext);
  if (!s) throw new Error('useShell outside <App>');
  return s;
}
