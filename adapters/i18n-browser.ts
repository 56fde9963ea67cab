/**
 * Gives lib/i18n.ts the browser's messages (public/_locales, in the browser's language). Imported
 * first by every entry point that shows words: the extension's pages, the background, the card.
 */
import { browser } from 'wxt/browser';
import { setMessageLookup } from '../lib/i18n';

// getMessage as the browsers define it. (WXT types it from the messages as they were at its last
// `wxt prepare`; lib/i18n.ts's MessageKey, from the English file itself, is always current.)
setMessageLookup((key, substitutions) =>
  (browser.i18n.getMessage as (k: string, s: string[]) => string)(key, substitutions),
);
