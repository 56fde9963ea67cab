import { describe, expect, it } from 'vitest';
import { checkedData } from '../lib/messages';
import { Refused } from '../lib/refused';
import { toolbarState } from '../lib/toolbar';

describe("the toolbar button's state", () => {
  it('counts distinct terms over every frame of the tab', () => {
    const frames = new Map([
      [0, { enabled: true, entryIds: ['xi-jinping', 'cpv'] }],
      [5, { enabled: true, entryIds: ['cpv', 'rcep'] }],
    ]);
    expect(toolbarState(frames, true)).toEqual({ off: false, terms: 3, badge: '3' });
  });

  it('shows no number where the reader switched the badge off, or where there is no term', () => {
    expect(toolbarState(new Map([[0, { enabled: true, entryIds: ['cpv'] }]]), false).badge).toBe('');
    expect(toolbarState(new Map([[0, { enabled: true, entryIds: [] }]]), true)).toEqual({
      off: false,
      terms: 0,
      badge: '',
    });
    expect(toolbarState(new Map(), true)).toEqual({ off: false, terms: 0, badge: '' });
  });

  it('is off, grey and without a number where Gloss is off on the site', () => {
    expect(
      toolbarState(
        new Map([
          [0, { enabled: false, entryIds: [] }],
          [3, { enabled: true, entryIds: ['cpv'] }],
        ]),
        true,
      ),
    ).toEqual({ off: true, terms: 0, badge: '' });
  });

  it('reads only well-formed reports', () => {
    expect(checkedData('pageTerms', { enabled: true, entryIds: ['cpv'] })).toEqual({
      enabled: true,
      entryIds: ['cpv'],
    });
    expect(() => checkedData('pageTerms', { enabled: 'yes', entryIds: [] })).toThrow(Refused);
    expect(() => checkedData('pageTerms', { enabled: true, entryIds: [1] })).toThrow(Refused);
    expect(() => checkedData('pageTerms', null)).toThrow(Refused);
  });
});
