/**
 * The UI's words (public/_locales): English, Vietnamese and Simplified Chinese, chosen by the
 * browser's language. Keys are checked against the English messages at compile time; corpus text is
 * never translated. Where the words come from is given once per context: the browser's i18n in the
 * extension (adapters/i18n-browser.ts), the English file in the tests (tests/setup.ts).
 */
import type english from '../public/_locales/en/messages.json';

export type MessageKey = keyof typeof english;

/** The message for a key with `$1`, `$2`… replaced, as `i18n.getMessage` answers: '' for a key it does not know. */
export type MessageLookup = (key: string, substitutions: string[]) => string;

let lookUp: MessageLookup = () => '';

/** Where `t` reads its messages from, from now on. */
export function setMessageLookup(lookup: MessageLookup): void {
  lookUp = lookup;
}

/** The message for `key`, with `$1`, `$2`… replaced by `substitutions`. */
export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  // An unknown key (or no lookup given) gets ''; the key itself is a better sign of the bug.
  return lookUp(key, substitutions.map(String)) || key;
}
