/**
 * One citation shape everywhere: how it reads ("Xinhua · republished 2023-12-19 · ¶ 7", "… · p. 12 ¶ 3"), who
 * publishes the source and who speaks in a quote ("Chinese state media", "Trong said", "Xinhua
 * reports"), as of when a title held, and the source viewer's address that opens the source at that passage
 * (`viewer.html#doc=ID&p=N&q=QUOTE`).
 */
import type { Citation, Fact, Genre, PageStart, Perspective } from './corpus/types';
import type { SourceInfo } from './views';
import { t, type MessageKey } from './i18n';

export const VIEWER_PAGE = '/viewer.html';

export interface ViewerTarget {
  docId: string;
  paragraph?: number;
  quote?: string;
}

export function viewerHash(target: ViewerTarget): string {
  const params = new URLSearchParams({ doc: target.docId });
  if (target.paragraph) params.set('p', String(target.paragraph));
  if (target.quote) params.set('q', target.quote);
  return `#${params.toString()}`;
}

/** The source viewer's index of every entry. */
export const ENTRY_INDEX_HASH = '#entries';

/** The source viewer's address of an entry in full: its facts, where each document mentions it. */
export function entryHash(entryId: string): string {
  return `#${new URLSearchParams({ entry: entryId }).toString()}`;
}

/** The entry an address names (unchecked: the caller checks it is an entry id), or null. */
export function entryOfHash(hash: string): string | null {
  return new URLSearchParams(hash.replace(/^#/, '')).get('entry');
}

/** Reads a source viewer address's hash; anything malformed yields null, never an exception. */
export function parseViewerHash(hash: string): ViewerTarget | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const docId = params.get('doc');
  if (!docId || !/^[a-z0-9-]{1,200}$/.test(docId)) return null;
  const p = Number(params.get('p'));
  const quote = params.get('q');
  return {
    docId,
    ...(Number.isInteger(p) && p > 0 ? { paragraph: p } : {}),
    ...(quote ? { quote: quote.slice(0, 2000) } : {}),
  };
}

export function citationTarget(c: Citation): ViewerTarget {
  return { docId: c.docId, paragraph: c.paragraph, quote: c.quote };
}

/** Longest short title shown beside "no outlet named"; the full title is in the link's tooltip. */
const SHORT_TITLE = 40;

/** A title cut at a word boundary to at most `max` characters, with "…" where it was cut. */
export function shortTitle(title: string, max = SHORT_TITLE): string {
  if (title.length <= max) return title;
  const cut = title.slice(0, max + 1);
  const atWord = cut.lastIndexOf(' ');
  return `${(atWord > max / 2 ? cut.slice(0, atWord) : cut.slice(0, max)).replace(/[\s,;:–-]+$/, '')}…`;
}

/**
 * The parts of a citation, each shown unbroken: who published it, when, where in it. "Xinhua",
 * "republished 2023-12-19", "¶ 7" (or "p. 12 ¶ 3" in a PDF). The outlet, or where the source names
 * none the document's short title and "no outlet named". The date is the original's; where the copy
 * gives only its own, it says so ("republished 2023-12-19", "updated 2024-01-29"), and "undated" where
 * it gives none.
 */
export function citationParts(source: SourceInfo, paragraph: number): string[] {
  const publisher = source.outlet ?? t('noOutletNamed', shortTitle(source.title));
  return [publisher, citedDate(source), paragraphLabel(source.pages, paragraph)];
}

/** "Outlet · date · ¶ n": the citation as one line of text. */
export function citationLabel(source: SourceInfo, paragraph: number): string {
  return citationParts(source, paragraph).join(' · ');
}

/** The page a paragraph of a paged document (a PDF) stands on, and its number on that page. */
export function pageOfParagraph(
  pages: readonly PageStart[] | undefined,
  paragraph: number,
): { label: string; first: number; n: number } | null {
  let page: PageStart | undefined;
  for (const p of pages ?? []) if (p.first <= paragraph) page = p;
  return page ? { ...page, n: paragraph - page.first + 1 } : null;
}

/** "¶ 7", or "p. 12 ¶ 3" on a page of a PDF. */
export function paragraphLabel(pages: readonly PageStart[] | undefined, paragraph: number): string {
  const page = pageOfParagraph(pages, paragraph);
  return page ? t('pageCitation', page.label, page.n) : `¶ ${paragraph}`;
}

/** The date a source is cited by: "2023-12-12", "republished 2023-12-19", "updated 2024-01-29" or "undated". */
export function citedDate(source: SourceInfo): string {
  return sourceDate(source, {
    original: (d) => d,
    republished: (d) => t('republishedOn', d),
    updated: (d) => t('updatedOn', d),
    none: () => t('undatedShort'),
  });
}

/** The date a source can be cited by, worded by which date it is: the original's, the copy's, or an update's. */
function sourceDate(
  source: SourceInfo,
  wording: { original(d: string): string; republished(d: string): string; updated(d: string): string; none(): string },
): string {
  const original = source.dateISO ?? source.date;
  if (original) return wording.original(original);
  const republished = source.republished?.date;
  if (republished) return wording.republished(republished.dateISO ?? republished.date);
  if (source.updated) return wording.updated(source.updated.dateISO ?? source.updated.date);
  return wording.none();
}

/** "as of 2023-09-11": when a title a source gives a person held, by the source's own date. */
export function asOfLabel(source: SourceInfo): string {
  return sourceDate(source, {
    original: (d) => t('asOf', d),
    republished: (d) => t('asOfRepublished', d),
    updated: (d) => t('asOfUpdated', d),
    none: () => t('undatedSource'),
  });
}

const PERSPECTIVE_MESSAGES: Record<Perspective, MessageKey> = {
  'chinese-state-media': 'perspectiveChineseStateMedia',
  'chinese-party-newspaper': 'perspectiveChinesePartyNewspaper',
  'chinese-media': 'perspectiveChineseMedia',
  'us-government': 'perspectiveUsGovernment',
  'not-stated': 'perspectiveNotStated',
};

/** Who publishes the source ("Chinese state media"), or null for the reader's own documents. */
export function perspectiveLabel(source: SourceInfo): string | null {
  return source.perspective ? t(PERSPECTIVE_MESSAGES[source.perspective]) : null;
}

/**
 * Who speaks in a document's own narration: "Commentary by Zhai Kun", "Interview by Jiang Xinyu,
 * China.com", "Joint statement published by The White House"; for a report or an article, its outlet
 * ("Xinhua reports"), or "Unsigned article" where the text names none.
 */
function narrationLabel(source: SourceInfo): string {
  const authors = new Intl.ListFormat(t('localeCode'), { type: 'conjunction' }).format(source.authors ?? []);
  const byGenre: Partial<Record<Genre, () => string | null>> = {
    commentary: () => authors && t('commentaryBy', authors),
    interview: () => authors && source.outlet && t('interviewBy', authors, source.outlet),
    'joint-statement': () => source.outlet && t('jointStatementBy', source.outlet),
  };
  return (
    (source.genre && byGenre[source.genre]?.()) || (source.outlet ? t('reports', source.outlet) : t('unsignedArticle'))
  );
}

/** Who speaks in a fact, where the quote does not say ("Trong said", "Xinhua reports"); null where it does. */
export function attributionLabel(fact: Fact, source: SourceInfo): string | null {
  if (!fact.attribution) return null;
  return fact.attribution === 'narration' ? narrationLabel(source) : t('saidBy', fact.attribution.speaker);
}

/** Where a quote stands and what it says. */
type Quoted = Pick<Citation, 'docId' | 'paragraph' | 'quote'>;

/** Whether a fact quotes the sentence the label comes from: under that label it says the label twice. */
export function repeatsLabel(fact: Quoted, label: Quoted | undefined): boolean {
  return (
    !!label &&
    fact.docId === label.docId &&
    fact.paragraph === label.paragraph &&
    (fact.quote.includes(label.quote) || label.quote.includes(fact.quote))
  );
}

/**
 * The facts a card shows first: every pack that holds some, and more than one voice where there is
 * more than one. In the glossary's order, except that the first fact of each pack comes before the
 * rest, and a fact from a side the card does not show yet (counting the label's) before a second fact
 * from the same side; the card shows as many of these as fit. A fact that repeats the label is left
 * for the entry in full.
 */
export function factsForCard<F extends Quoted & { source: SourceInfo }>(
  facts: readonly F[],
  label?: Quoted & { source: SourceInfo },
): F[] {
  const voice = (source: SourceInfo) => source.perspective ?? source.outlet ?? source.title;
  const heard = new Set(label ? [voice(label.source)] : []);
  const first: F[] = [];
  const rest: F[] = [];
  for (const fact of facts) {
    if (repeatsLabel(fact, label)) continue;
    const v = voice(fact.source);
    if (heard.has(v)) rest.push(fact);
    else {
      heard.add(v);
      first.push(fact);
    }
  }
  const byVoice = [...first, ...rest];
  const firstOfPack = new Map<string, F>();
  for (const fact of byVoice)
    if (!firstOfPack.has(fact.source.pack?.id ?? '')) firstOfPack.set(fact.source.pack?.id ?? '', fact);
  const leading = new Set(firstOfPack.values());
  return [...leading, ...byVoice.filter((fact) => !leading.has(fact))];
}
