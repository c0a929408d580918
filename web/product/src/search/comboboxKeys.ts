/** What a key press in the search combobox does. */
export type ComboboxAction =
  | { type: 'move'; active: number }
  | { type: 'pick'; index: number }
  | { type: 'submit' }
  | { type: 'close' }
  | { type: 'clear' }
  | { type: 'none' };

/**
 * The combobox keyboard rules (ARIA APG): ArrowDown/ArrowUp move the
 * highlight and wrap; Enter picks the highlighted suggestion or submits the
 * text; Escape closes an open list, else clears the text. Pure, so it is
 * tested without a browser.
 */
export function comboboxKey(key: string, state: { active: number; count: number; expanded: boolean; text: string }): ComboboxAction {
  const { active, count, expanded, text } = state;
  switch (key) {
    case 'ArrowDown':
      return { type: 'move', active: count === 0 ? -1 : (active + 1) % count };
    case 'ArrowUp':
      return { type: 'move', active: count === 0 ? -1 : active <= 0 ? count - 1 : active - 1 };
    case 'Enter':
      return expanded && active >= 0 && active < count ? { type: 'pick', index: active } : { type: 'submit' };
    case 'Escape':
      return expanded ? { type: 'close' } : text !== '' ? { type: 'clear' } : { type: 'none' };
    default:
      return { type: 'none' };
  }
}
