/**
 * The reader's settings as values: their defaults, and how whatever storage, a backup or a message
 * holds is read into them (junk never breaks Gloss). Where they are kept is adapters/storage.ts; the
 * content script gets them from the background and uses only this module.
 */
import { DWELL_MS } from './timing';

/** A list of sites read from storage or a message: anything but a list of strings is no list. */
export function readSiteList(value: unknown): string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : [];
}

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

const oneOf = <T extends string>(list: readonly T[], value: unknown, fallback: T): T =>
  list.includes(value as T) ? (value as T) : fallback;

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

/** `stored` with `change` applied, every field checked as readPreferences checks a stored one. */
export function patchPreferences(stored: Preferences, change: Partial<Preferences>): Preferences {
  return readPreferences({ ...stored, ...change });
}

/** Whether the event's modifier keys satisfy the card trigger. */
export function triggerHeld(
  trigger: Preferences['cardTrigger'],
  keys: { altKey: boolean; shiftKey: boolean },
): boolean {
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
