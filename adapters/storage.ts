/**
 * The settings in extension storage (`storage.local`): what lib/settings.ts reads and checks, kept
 * where the browser keeps it. Used from the extension's own pages and the background, where the
 * storage API exists; content scripts get the settings from the background (entrypoints/background.ts)
 * and use only lib/settings.ts. Plain storage calls rather than a storage library: the background
 * and every page load this, and it must stay small (BENCHMARKS.md).
 */
import { browser } from 'wxt/browser';
import { patchPreferences, readPreferences, readSiteList, type Preferences } from '../lib/settings';

export interface StoredSetting<T> {
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
  /** Calls `onChange` with each new value; returns the function that stops watching. */
  watch(onChange: (value: T) => void): () => void;
}

/** A setting under `key`; `read` turns whatever is stored (possibly nothing, or junk) into a value. */
function storedSetting<T>(key: string, read: (stored: unknown) => T): StoredSetting<T> {
  return {
    async getValue() {
      return read((await browser.storage.local.get(key))[key]);
    },
    async setValue(value) {
      await browser.storage.local.set({ [key]: read(value) });
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

/** Sites (host names) where the reader switched Gloss off. */
export const disabledSites = storedSetting<string[]>('disabledSites', readSiteList);

/**
 * Changes whenever the reader's documents or entries change (the options page sets it, after the
 * background has dropped its caches); content scripts then rebuild their matcher.
 */
export const userDataVersion = storedSetting<number>('userDataVersion', (v) => (typeof v === 'number' ? v : 0));

/** The options page's preferences. */
export const preferences = storedSetting<Preferences>('preferences', readPreferences);

let preferenceWrites: Promise<void> = Promise.resolve();
/**
 * Changes some preferences and keeps the rest as stored. Changes are applied one after another, each
 * to what the last one stored: two controls changed in quick succession (before the first write came
 * back to the page) must not undo each other.
 */
export function updatePreferences(change: Partial<Preferences>): Promise<void> {
  preferenceWrites = preferenceWrites.then(async () =>
    preferences.setValue(patchPreferences(await preferences.getValue(), change)),
  );
  return preferenceWrites;
}
