import { IconButton } from '@nexus/ui';
import type { Theme } from '../theme/theme.ts';
import { Icon } from './Icon.tsx';

/** The accessible name of the theme toggle: what pressing it does. */
export function themeToggleLabel(theme: Theme): string {
  return theme === 'dark' ? 'Switch to light theme' : 'Switch to dark theme';
}

/** Header button switching light/dark; named after the action ("Switch to dark theme"). */
export function ThemeToggle({ theme, onToggle }: { theme: Theme; onToggle: () => void }) {
  return (
    <IconButton aria-label={themeToggleLabel(theme)} onClick={onToggle}>
      <Icon name={theme === 'dark' ? 'sun' : 'moon'} className="h-5 w-5" />
    </IconButton>
  );
}
