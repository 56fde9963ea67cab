/**
 * Settings kept in extension storage (`storage.local`). Used from the extension's own pages and the
 * background, where the storage API exists; content scripts get the settings from the background
 * (entrypoints/background.ts), and use only this module's plain functions. Plain storage calls rather
 * than a storage library: this module is in the content script, which runs on every page and must
 * stay small (BENCHMARKS.md).
 */
import { browser } from 'wxt/browser';
import { DWELL_MS } from './page/hover';

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

/** A list of sites read from storage or a message: anything but a list of strings is no list. */
export function readSiteList(value: unknown): string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : [];
}

/** Sites (host names) where the reader switched Gloss off. */
export const disabledSites = storedSetting<string[]>('disabledSites', readSiteList);

/**
 * Changes whenever the reader's documents or entries change (the options page sets it, after the
 * background has dropped its caches); content scripts then rebuild their matcher.
 */
export const userDataVersion = storedSetting<number>('userDataVersion', (v) => (typeof v === 'number' ? v : 0));

/** When a card opens: on resting the pointer on a term, or only while a modifier key is held. */
export const CARD_TRIGGERS = ['hover', 'alt', 'shift'] as const;
/** How terms are marked: dotted underline, a background tint, or not at all (hover still works). */
export const MARK_STYLES = ['underline', 'tint', 'none'] as const;
export const THEMES = ['system', 'light', 'dark'] as const;
/** Which mentions are underlined: the first of each entry in each section of a page, or every one. */
export const MARK_DENSITIES = ['first', 'every'] as const;
/** The shortest and longest hover delay the options page offers, in ms. */
export const HOVER_DELAY_RANGE = [0, 1500] as const;

export interface Preferences {
  /** Rest this long on a term before its card opens. */
  hoverDelayMs: number;
  cardTrigger: (typeof CARD_TRIGGERS)[number];
  markStyle: (typeof MARK_STYLES)[number];
  theme: (typeof THEMES)[number];
  markDensity: (typeof MARK_DENSITIES)[number];
  /** The number of terms on the page, on the toolbar button. */
  showBadge: boolean;
}

export const DEFAULT_PREFERENCES: Preferences = {
  hoverDelayMs: DWELL_MS,
  cardTrigger: 'hover',
  markStyle: 'underline',
  theme: 'system',
  markDensity: 'first',
  showBadge: true,
};

const oneOf = <T extends string>(list: readonly T[], value: unknown, fallback: T): T => (list.includes(value as T) ? (value as T) : fallback);

/**
 * Preferences read from storage (or a backup), field by field: a missing or invalid field takes its
 * default, so a stored value from another version never breaks Gloss.
 */
export function readPreferences(value: unknown): Preferences {
  const v = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  const delay = v.hoverDelayMs;
  return {
    hoverDelayMs:
      typeof delay === 'number' && Number.isFinite(delay)
        ? Math.round(Math.min(HOVER_DELAY_RANGE[1], Math.max(HOVER_DELAY_RANGE[0], delay)))
        : DEFAULT_PREFERENCES.hoverDelayMs,
    cardTrigger: oneOf(CARD_TRIGGERS, v.cardTrigger, DEFAULT_PREFERENCES.cardTrigger),
    markStyle: oneOf(MARK_STYLES, v.markStyle, DEFAULT_PREFERENCES.markStyle),
    theme: oneOf(THEMES, v.theme, DEFAULT_PREFERENCES.theme),
    markDensity: oneOf(MARK_DENSITIES, v.markDensity, DEFAULT_PREFERENCES.markDensity),
    showBadge: typeof v.showBadge === 'boolean' ? v.showBadge : DEFAULT_PREFERENCES.showBadge,
  };
}

/** The options page's preferences. */
export const preferences = storedSetting<Preferences>('preferences', readPreferences);

let preferenceWrites: Promise<void> = Promise.resolve();
/**
 * Changes some preferences and keeps the rest as stored. Changes are applied one after another, each
 * to what the last one stored: two controls changed in quick succession (before the first write came
 * back to the page) must not undo each other.
 */
export function updatePreferences(change: Partial<Preferences>): Promise<void> {
  preferenceWrites = preferenceWrites.then(async () => preferences.setValue({ ...(await preferences.getValue()), ...change }));
  return preferenceWrites;
}

/** Whether the event's modifier keys satisfy the card trigger. */
export function triggerHeld(trigger: Preferences['cardTrigger'], keys: { altKey: boolean; shiftKey: boolean }): boolean {
  return trigger === 'hover' || (trigger === 'alt' ? keys.altKey : keys.shiftKey);
}

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
