import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { disabledSites, preferences, updatePreferences } from '../adapters/storage';
import { DEFAULT_PREFERENCES, patchPreferences, readPreferences, siteKey, triggerHeld } from '../lib/settings';

beforeEach(() => fakeBrowser.reset());

describe('settings', () => {
  it('stores the sites where Gloss is off, and reports changes', async () => {
    expect(await disabledSites.getValue()).toEqual([]);
    const seen: string[][] = [];
    const stop = disabledSites.watch((v) => seen.push(v));
    await disabledSites.setValue(['example.org']);
    expect(await disabledSites.getValue()).toEqual(['example.org']);
    stop();
    await disabledSites.setValue([]);
    expect(seen).toEqual([['example.org']]);
  });

  it('falls back to the default when storage holds something malformed', async () => {
    await browser.storage.local.set({ disabledSites: 'not a list' });
    expect(await disabledSites.getValue()).toEqual([]);
    await browser.storage.local.set({ disabledSites: ['ok', 42] });
    expect(await disabledSites.getValue()).toEqual([]);
  });

  it('keys sites by host name', () => {
    expect(siteKey('https://news.example.org/a?b#c')).toBe('news.example.org');
    expect(siteKey('http://127.0.0.1:8080/x')).toBe('127.0.0.1');
    expect(siteKey('file:///home/me/a.html')).toBe('file:');
    expect(siteKey('not a url')).toBe('not a url');
  });

  it('reads preferences field by field: defaults for what is missing, clamps the delay, drops junk', async () => {
    expect(await preferences.getValue()).toEqual(DEFAULT_PREFERENCES);
    await browser.storage.local.set({
      preferences: { hoverDelayMs: 99999, cardTrigger: 'alt', markStyle: 'glow', theme: 7 },
    });
    expect(await preferences.getValue()).toEqual({ ...DEFAULT_PREFERENCES, hoverDelayMs: 1500, cardTrigger: 'alt' });
    expect(readPreferences('nonsense')).toEqual(DEFAULT_PREFERENCES);
    expect(readPreferences({ hoverDelayMs: -5.5 }).hoverDelayMs).toBe(0);
    expect(readPreferences({ hoverDelayMs: Number.NaN }).hoverDelayMs).toBe(DEFAULT_PREFERENCES.hoverDelayMs);
  });

  it('stores only valid preferences and reports each change', async () => {
    const seen: number[] = [];
    const stop = preferences.watch((p) => seen.push(p.hoverDelayMs));
    await preferences.setValue({ ...DEFAULT_PREFERENCES, hoverDelayMs: 600, theme: 'bogus' as never });
    expect((await browser.storage.local.get('preferences')).preferences).toEqual({
      ...DEFAULT_PREFERENCES,
      hoverDelayMs: 600,
    });
    stop();
    expect(seen).toEqual([600]);
  });

  it('applies a change to the stored preferences field by field, each checked', () => {
    const stored = { ...DEFAULT_PREFERENCES, cardTrigger: 'alt' as const };
    expect(patchPreferences(stored, { hoverDelayMs: 400 })).toEqual({ ...stored, hoverDelayMs: 400 });
    expect(patchPreferences(stored, { hoverDelayMs: 99999, theme: 'bogus' as never })).toEqual({
      ...stored,
      hoverDelayMs: 1500,
      theme: 'system',
    });
  });

  it('applies changes of two controls made in quick succession, neither undoing the other', async () => {
    await Promise.all([updatePreferences({ cardTrigger: 'alt' }), updatePreferences({ hoverDelayMs: 100 })]);
    expect(await preferences.getValue()).toEqual({ ...DEFAULT_PREFERENCES, cardTrigger: 'alt', hoverDelayMs: 100 });
  });

  it('holds a card trigger only with its modifier key', () => {
    const none = { altKey: false, shiftKey: false };
    expect(triggerHeld('hover', none)).toBe(true);
    expect(triggerHeld('alt', none)).toBe(false);
    expect(triggerHeld('alt', { altKey: true, shiftKey: false })).toBe(true);
    expect(triggerHeld('shift', { altKey: true, shiftKey: false })).toBe(false);
    expect(triggerHeld('shift', { altKey: false, shiftKey: true })).toBe(true);
  });
});
