/**
 * One citation shape everywhere: how it reads ("Xinhua · 2023-12-19 · ¶ 7") and
 * the reader address that opens the source at that passage (`reader.html#doc=ID&p=N&q=QUOTE`).
 */
import type { Citation } from './corpus/types';
import type { SourceInfo } from './store/knowledge';
import { t } from './i18n';

export const READER_PAGE = '/reader.html';

export interface ReaderTarget {
  docId: string;
  paragraph?: number;
  quote?: string;
}

export function readerHash(target: ReaderTarget): string {
  const params = new URLSearchParams({ doc: target.docId });
  if (target.paragraph) params.set('p', String(target.paragraph));
  if (target.quote) params.set('q', target.quote);
  return `#${params.toString()}`;
}

/** Reads a reader address's hash; anything malformed yields null, never an exception. */
export function parseReaderHash(hash: string): ReaderTarget | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const docId = params.get('doc');
  if (!docId || !/^[a-z0-9-]{1,100}$/.test(docId)) return null;
  const p = Number(params.get('p'));
  const quote = params.get('q');
  return {
    docId,
    ...(Number.isInteger(p) && p > 0 ? { paragraph: p } : {}),
    ...(quote ? { quote: quote.slice(0, 2000) } : {}),
  };
}

export function citationTarget(c: Citation): ReaderTarget {
  return { docId: c.docId, paragraph: c.paragraph, quote: c.quote };
}

/** Longest title shown in place of a missing outlet; the full title is in the link's tooltip. */
const TITLE_IN_CITATION = 32;

/** "Outlet · date · ¶ n"; a shortened title stands in for a missing outlet, "undated" for a missing date. */
export function citationLabel(source: SourceInfo, paragraph: number): string {
  const title = source.title.length > TITLE_IN_CITATION ? `${source.title.slice(0, TITLE_IN_CITATION).trimEnd()}…` : source.title;
  return `${source.outlet ?? title} · ${source.dateISO ?? source.date ?? t('undatedShort')} · ¶ ${paragraph}`;
}
