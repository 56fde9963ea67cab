/**
 * What fuzzy search looks through: one record per entry (name, aliases, label) and one per passage.
 * Fields are folded with the shared normalizer, so accents and case never stand between a query and
 * its entry ("Tô Lâm" finds To Lam, "doi moi" finds Đổi Mới). They are derived where they are searched
 * (lib/service.ts): a pack carries its text, not an index of it.
 */
import type { IFuseOptions } from 'fuse.js';
import { foldKey } from '../text/normalize';
import type { Entry, Paragraph, SearchRecord } from '../corpus/types';

/**
 * Fuse looks at entry names and aliases only. Labels are long quotes: fuzzy-matching every keystroke
 * against them cost most of the search time with 10,000 entries (BENCHMARKS.md) and found nothing
 * that the passage search does not.
 */
export const SEARCH_KEYS = [
  { name: 'name', weight: 3 },
  { name: 'aliases', weight: 2 },
];

export const SEARCH_OPTIONS: IFuseOptions<SearchRecord> = {
  keys: SEARCH_KEYS,
  includeScore: true,
  includeMatches: true,
  ignoreLocation: true,
  // 0.4 lets "nguyen phu trng" and "doi moy" through while keeping unrelated words out.
  threshold: 0.4,
  minMatchCharLength: 2,
};

export function passageRef(docId: string, paragraph: number): string {
  return `${docId}#${paragraph}`;
}

export function splitPassageRef(ref: string): [docId: string, paragraph: number] {
  const at = ref.lastIndexOf('#');
  return [ref.slice(0, at), Number(ref.slice(at + 1))];
}

export function buildSearchRecords(entries: readonly Entry[], paragraphs: readonly Paragraph[]): SearchRecord[] {
  return [
    ...entries.map((e): SearchRecord => ({
      type: 'entry',
      ref: e.id,
      name: foldKey(e.name),
      aliases: [...new Set(e.aliases.map(foldKey))],
      text: foldKey(e.label?.quote ?? ''),
    })),
    ...paragraphs.map((p): SearchRecord => ({
      type: 'passage',
      ref: passageRef(p.docId, p.n),
      name: '',
      aliases: [],
      text: foldKey(p.text),
    })),
  ];
}

/** Fuse searches entries only (passages are matched word by word, see search.ts). */
export function entryRecords(records: readonly SearchRecord[]): SearchRecord[] {
  return records.filter((r) => r.type === 'entry');
}
