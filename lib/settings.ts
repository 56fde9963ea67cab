/**
 * Settings kept in extension storage (`storage.local`). Used from entrypoints (content script, popup),
 * where the storage API exists. Plain storage calls rather than a storage library: this module is in
 * the content script, which runs on every page and must stay small (BENCHMARKS.md).
 */
import { browser } from 'wxt/browser';

export interface StoredSetting<T> {
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
  /** Calls `onChange` with each new value; returns the function that stops watching. */
  watch(onChange: (value: T) => void): () => void;
}

function storedSetting<T>(key: string, fallback: T, isValid: (value: unknown) => value is T): StoredSetting<T> {
  const read = (value: unknown): T => (isValid(value) ? value : fallback);
  return {
    async getValue() {
      return read((await browser.storage.local.get(key))[key]);
    },
    async setValue(value) {
      await browser.storage.local.set({ [key]: value });
    },
    watch(onChange) {
      const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
        if (area === 'local' && key in changes) onChange(read(changes[key].newValue));
      };
      browser.storage.onChanged.addListener(listener);
      return () => browser.storage.onChanged.removeListener(listener);
    },
  };
}

const isStringList = (value: unknown): value is string[] => Array.isArray(value) && value.every((v) => typeof v === 'string');

/** Sites (host names) where the reader switched Gloss off. */
export const disabledSites = storedSetting<string[]>('disabledSites', [], isStringList);

/**
 * The key a site is remembered by: its host name; where there is none, the origin, or the scheme for
 * opaque origins (every file: page shares "file:"; URL.origin is the string "null" there).
 */
export function siteKey(url: string): string {
  try {
    const u = new URL(url);
    return u.hostname || (u.origin !== 'null' ? u.origin : u.protocol);
  } catch {
    return url;
  }
}
