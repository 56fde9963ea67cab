/**
 * Settings kept in extension storage. This module only declares the items; it is used from
 * entrypoints (content script, popup), where the storage API exists.
 */
import { storage } from 'wxt/utils/storage';

/** Sites (host names) where the reader switched Gloss off. */
export const disabledSites = storage.defineItem<string[]>('local:disabledSites', { fallback: [] });

/** The key a site is remembered by: its host name, or the whole origin where there is none (file:). */
export function siteKey(url: string): string {
  try {
    const u = new URL(url);
    return u.hostname || u.origin || u.protocol;
  } catch {
    return url;
  }
}
