import css from '../styles.css?inline';

const STYLE_ID = 'nexus-customer-styles';

/**
 * Adds the remote's stylesheet to the document once. Why inline: a Module
 * Federation remote's CSS chunks are not reliably linked by every host, while
 * a <style> the remote adds itself always is, in dev and in production.
 */
export function ensureStyles(doc: Document | undefined = globalThis.document): void {
  if (!doc || doc.getElementById(STYLE_ID)) return;
  const style = doc.createElement('style');
  style.id = STYLE_ID;
  style.textContent = css;
  doc.head.append(style);
}
