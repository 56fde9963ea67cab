import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

type Messages = Record<string, { message: string; description?: string }>;
const dir = new URL('../public/_locales/', import.meta.url);
const load = (locale: string): Messages => JSON.parse(readFileSync(new URL(`${locale}/messages.json`, dir), 'utf8'));
const english = load('en');
const placeholders = (message: string) =>
  [...message.matchAll(/\$(\d)/g)]
    .map((m) => m[1])
    .sort()
    .join(',');

describe('UI translations', () => {
  it('ship English, Vietnamese and Simplified Chinese', () => {
    expect(readdirSync(dir).sort()).toEqual(['en', 'vi', 'zh_CN']);
  });

  for (const locale of ['vi', 'zh_CN']) {
    it(`${locale} translates every English message, with the same substitutions`, () => {
      const translated = load(locale);
      expect(Object.keys(translated).sort()).toEqual(Object.keys(english).sort());
      for (const [key, { message }] of Object.entries(english)) {
        expect(translated[key].message.trim(), `${locale}: ${key}`).not.toBe('');
        expect(placeholders(translated[key].message), `${locale}: ${key}`).toBe(placeholders(message));
      }
      expect(translated.localeCode.message).toBe(locale.replace('_', '-'));
    });
  }

  // The stores show these in their listings and refuse longer ones: the Chrome Web Store reads the
  // manifest's description (at most 132 characters), the name at most 75 (AMO's summary allows 250).
  for (const locale of ['en', 'vi', 'zh_CN']) {
    it(`${locale}: the name and description fit both stores' limits`, () => {
      const { extName, extDescription } = load(locale);
      expect([...extName.message].length).toBeLessThanOrEqual(75);
      expect([...extDescription.message].length).toBeLessThanOrEqual(132);
    });
  }

  it('uses only keys the browsers accept', () => {
    for (const key of Object.keys(english)) expect(key).toMatch(/^[A-Za-z0-9_]+$/);
  });
});
