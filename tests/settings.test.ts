import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { disabledSites, siteKey } from '../lib/settings';

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
});
