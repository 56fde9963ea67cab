/**
 * A translated message with elements in it: `$1`, `$2`… in the message stand where `parts` go, so each
 * language orders its sentence its own way around the same <kbd>, <em> or link.
 */
import type { ComponentChildren } from 'preact';
import { t, type MessageKey } from '../lib/i18n';

/** Characters from Unicode's private use area: no translation contains them. */
const OPEN = '\uE000';
const CLOSE = '\uE001';

export function messageWith(key: MessageKey, ...parts: ComponentChildren[]): ComponentChildren[] {
  const text = t(key, ...parts.map((_, i) => `${OPEN}${i}${CLOSE}`));
  return text.split(new RegExp(`${OPEN}(\\d)${CLOSE}`)).map((piece, i) => (i % 2 === 1 ? parts[Number(piece)] : piece));
}
