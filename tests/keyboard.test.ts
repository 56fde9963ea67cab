import { describe, expect, it } from 'vitest';
import { isLookUpKey, stepOfKey } from '../lib/keyboard';
import { checkedData } from '../lib/messages';
import { Refused } from '../lib/refused';

const press = (
  code: string,
  mods: Partial<{ altKey: boolean; shiftKey: boolean; ctrlKey: boolean; metaKey: boolean }> = {},
) => ({
  code,
  altKey: false,
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  ...mods,
});

describe('the shortcuts read from a page’s keys', () => {
  it('are Alt+Shift with their key, and nothing else', () => {
    expect(stepOfKey(press('Period', { altKey: true, shiftKey: true }))).toBe('next');
    expect(stepOfKey(press('Comma', { altKey: true, shiftKey: true }))).toBe('previous');
    expect(stepOfKey(press('Period', { altKey: true }))).toBeNull();
    expect(isLookUpKey(press('KeyG', { altKey: true, shiftKey: true }))).toBe(true);
    expect(isLookUpKey(press('KeyG', { altKey: true, shiftKey: true, ctrlKey: true }))).toBe(false);
    expect(isLookUpKey(press('KeyG', { shiftKey: true }))).toBe(false);
  });

  it('reach Gloss’s own pages as a message for one tab, checked by its schema', () => {
    expect(checkedData('lookUpHere', { tabId: 4, text: '' })).toEqual({ tabId: 4, text: '' });
    expect(() => checkedData('lookUpHere', { tabId: 'this one', text: '' })).toThrow(Refused);
    expect(() => checkedData('lookUpHere', { tabId: 4, text: 'x'.repeat(20_000) })).toThrow(Refused);
  });
});
