/**
 * The UI's words, through `browser.i18n` (public/_locales): English, Vietnamese and Simplified
 * Chinese, chosen by the browser's language. Keys are checked against the English messages at compile
 * time; corpus text is never translated.
 */
import { browser } from 'wxt/browser';
import type english from '../public/_locales/en/messages.json';

export type MessageKey = keyof typeof english;

/**
 * getMessage as the browsers define it. (WXT types it from the messages as they were at its last
 * `wxt prepare`; MessageKey, from the English file itself, is always current.)
 */
const getMessage = (key: string, substitutions: string[]): string => (browser.i18n.getMessage as (k: string, s: string[]) => string)(key, substitutions);

/** The message for `key`, with `$1`, `$2`… replaced by `substitutions`. */
export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  // getMessage answers '' for a key it does not know; the key itself is a better sign of the bug.
  return getMessage(key, substitutions.map(String)) || key;
}
