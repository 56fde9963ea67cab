import { describe, expect, it } from 'vitest';
import { DEFAULT_PREFERENCES } from '../lib/settings';
import { failureMessage, formatSize, mergeSettings } from '../lib/user/failures';
import type { JobFailure } from '../lib/user/jobs';

describe('what the options page says when a job wrote nothing', () => {
  const refusals: JobFailure[] = [
    ...(
      ['empty', 'tooLarge', 'pdfTooLarge', 'binary', 'notUtf8', 'noText', 'noTextLayer', 'pdfUnreadable'] as const
    ).map((problem) => ({ kind: 'document' as const, problem, detail: '' })),
    { kind: 'document', problem: 'duplicate', detail: 'Zebra notes' },
    ...(['noName', 'tooLong', 'badKind', 'badLabel', 'nameTaken'] as const).map((problem) => ({
      kind: 'entry' as const,
      problem,
      detail: '',
    })),
    ...(['tooLarge', 'notJson', 'notBackup', 'newerVersion', 'malformed'] as const).map((problem) => ({
      kind: 'backup' as const,
      problem,
      detail: 'documents[3].title',
    })),
    ...(
      [
        'tooLarge',
        'notPack',
        'damaged',
        'newerFormat',
        'tampered',
        'malformed',
        'quoteNotInDocuments',
        'builtIn',
        'notNewer',
      ] as const
    ).map((problem) => ({ kind: 'pack' as const, problem, detail: '1.2.0' })),
    { kind: 'cancelled' },
    { kind: 'error', name: 'QuotaExceededError', message: 'the disk is full' },
  ];

  it('words every refusal, each differently, never as a bare key', () => {
    const messages = refusals.map(failureMessage);
    for (const [i, message] of messages.entries())
      expect(message, JSON.stringify(refusals[i])).toMatch(/^[A-Z“].{10,}/);
    expect(new Set(messages).size).toBe(messages.length);
  });

  it('names the limit, the document, the place in the file or the version the refusal concerns', () => {
    expect(failureMessage({ kind: 'document', problem: 'tooLarge', detail: '' })).toContain('5.0 MB');
    expect(failureMessage({ kind: 'document', problem: 'duplicate', detail: 'Zebra notes' })).toContain('Zebra notes');
    expect(failureMessage({ kind: 'backup', problem: 'malformed', detail: 'documents[3].title' })).toContain(
      'documents[3].title',
    );
    expect(failureMessage({ kind: 'pack', problem: 'notNewer', detail: '1.2.0' })).toContain('1.2.0');
    expect(failureMessage({ kind: 'error', name: 'QuotaExceededError', message: 'the disk is full' })).toContain(
      'the disk is full',
    );
  });

  it('writes sizes as a reader reads them', () => {
    expect(formatSize(1000)).toBe('1 KB');
    expect(formatSize(5 * 1024 * 1024)).toBe('5.0 MB');
  });
});

describe('a restored backup’s settings', () => {
  const theirs = {
    preferences: { ...DEFAULT_PREFERENCES, markStyle: 'tint' as const },
    disabledSites: ['b.example', 'c.example'],
  };

  it('add its sites to the reader’s, and take its preferences where the reader’s are the defaults', () => {
    const merged = mergeSettings(
      { preferences: DEFAULT_PREFERENCES, disabledSites: ['a.example', 'b.example'] },
      theirs,
      DEFAULT_PREFERENCES,
    );
    expect(merged.settings.disabledSites).toEqual(['a.example', 'b.example', 'c.example']);
    expect(merged.settings.preferences.markStyle).toBe('tint');
    expect(merged.preferencesKept).toBe(false);
  });

  it('keep preferences the reader chose, and say so only where the backup’s differ', () => {
    const mine = { preferences: { ...DEFAULT_PREFERENCES, theme: 'dark' as const }, disabledSites: [] };
    const merged = mergeSettings(mine, theirs, DEFAULT_PREFERENCES);
    expect(merged.settings.preferences).toEqual(mine.preferences);
    expect(merged.preferencesKept).toBe(true);
    expect(mergeSettings(mine, { ...theirs, preferences: mine.preferences }, DEFAULT_PREFERENCES).preferencesKept).toBe(
      false,
    );
  });
});
