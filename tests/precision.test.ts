// @vitest-environment jsdom
/**
 * Gloss on pages written by others: every place a glossary alias occurs on 37 pages is labelled with
 * what Gloss must mark there (tests/precision/labels.yaml), and Gloss's real matcher and page scanner
 * must make exactly those marks: every expected mark, and no other.
 */
import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeBundle } from '../lib/corpus/types';
import { realBundle } from './helpers';
import { evaluatePage, readLabels, SHARED_PAGES } from './precision/precision';

const labelled = readLabels();

describe('the labelled precision set', () => {
  let bundle: KnowledgeBundle;
  beforeAll(async () => {
    bundle = await realBundle();
  });

  it('reads the shared pages (../shared/pages)', () => {
    expect(existsSync(SHARED_PAGES)).toBe(true);
    expect(labelled.length).toBeGreaterThanOrEqual(37);
  });

  for (const page of labelled) {
    it(`marks exactly what the labels say on ${page.page}`, async () => {
      const result = await evaluatePage(document, bundle, page);
      const wrong = result.outcomes
        .filter((o) => o.status !== 'ok')
        .map(
          (o) =>
            `${o.status}: "${o.text}" #${o.occurrence} expected ${o.expected ?? 'none'}, marked ${o.marked ?? 'nothing'} — ${o.context}`,
        );
      expect(wrong).toEqual([]);
      expect(
        result.unused.map((r) => `${r.text}${r.in ? ` in "${r.in}"` : ''}${r.occurrence ? ` #${r.occurrence}` : ''}`),
        'labels that match nothing on the page',
      ).toEqual([]);
    }, 60_000);
  }
});
