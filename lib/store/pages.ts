/**
 * Paragraphs and mentions are stored a page at a time, the reader's and the packs' alike: one row
 * holds a hundred paragraphs of a document (or the mentions in them). IndexedDB spends about as long on each row as
 * on its contents (36,000 rows took 6 s to write in Chromium; the same text in 360 rows, 0.35 s),
 * and a document is read a page at a time anyway (the source viewer, a backup, a rebuild).
 */
import { USER_ID_PREFIX, type Mention, type Paragraph } from '../corpus/types';
import Dexie, { type Table } from 'dexie';
import type { GlossDatabase, MentionPageRow, ParagraphPageRow } from './db';
import { groupBy } from '../group-by';

/** Paragraphs per page: page 0 holds paragraphs 1–100. */
export const PAGE_SIZE = 100;

export const pageOf = (paragraph: number) => Math.floor((paragraph - 1) / PAGE_SIZE);

/** `items` by the page of their paragraph, in their order. */
const byPage = <T>(items: readonly T[], paragraphOf: (item: T) => number) =>
  groupBy(items, (item) => pageOf(paragraphOf(item)));

/** The rows of a document's paragraphs (a pack's carry its id). */
export function paragraphPages(docId: string, paragraphs: readonly Paragraph[], pack?: string): ParagraphPageRow[] {
  return [...byPage(paragraphs, (p) => p.n)].map(([page, list]) => ({
    docId,
    page,
    paragraphs: list,
    ...(pack ? { pack } : {}),
  }));
}

/** The rows of a document's mentions (a pack's carry its id); a page without mentions has no row. */
export function mentionPages(docId: string, mentions: readonly Mention[], pack?: string): MentionPageRow[] {
  return [...byPage(mentions, (m) => m.paragraph)].map(([page, list]) => ({
    docId,
    page,
    mentions: list,
    ...(pack ? { pack } : {}),
  }));
}

/** A document's key range over pages `from`…`to`. */
const pageRange = (docId: string, from = -Infinity, to = Infinity): [[string, number], [string, number]] => [
  [docId, from],
  [docId, to],
];

/** Where a document's paragraphs are: the reader's own, or a pack's. */
const paragraphTable = (db: GlossDatabase, docId: string): Table<ParagraphPageRow, [string, number]> =>
  docId.startsWith(USER_ID_PREFIX) ? db.userParagraphPages : db.packParagraphPages;

/** The rows of pages `from`…`to` (by paragraph number) of a document in a table of pages. */
const pagesBetween = <T>(table: Table<T, [string, number]>, docId: string, from: number, to: number) =>
  table
    .where('[docId+page]')
    .between(...pageRange(docId, pageOf(from), to === Infinity ? Infinity : pageOf(to)), true, true)
    .toArray();

/** Paragraphs `from`…`to` of a document, the reader's or a pack's (all of it by default), in order. */
export async function readParagraphs(db: GlossDatabase, docId: string, from = 1, to = Infinity): Promise<Paragraph[]> {
  const rows = await pagesBetween(paragraphTable(db, docId), docId, from, to);
  return rows.flatMap((row) => row.paragraphs).filter((p) => p.n >= from && p.n <= to);
}

/**
 * The reader's mentions (`table`: userMentionPages) or a pack's own (packMentionPages) in paragraphs `from`…`to` of a
 * document, in text order.
 */
export async function readMentions(
  db: GlossDatabase,
  docId: string,
  from = 1,
  to = Infinity,
  table: Table<MentionPageRow, [string, number]> = db.userMentionPages,
): Promise<Mention[]> {
  const rows = await pagesBetween(table, docId, from, to);
  return rows.flatMap((row) => row.mentions).filter((m) => m.paragraph >= from && m.paragraph <= to);
}

/**
 * The paragraphs at `refs` (a document and a paragraph number each), the reader's or a pack's: each
 * page they stand on read once, in one request per table. A chain of Dexie's own promises, as it runs
 * inside transactions too (docs/browser-bugs.md, "A transaction ends at the first pause").
 */
export function readPassages(
  db: GlossDatabase,
  refs: readonly (readonly [docId: string, paragraph: number])[],
): Promise<Paragraph[]> {
  const wanted = new Map<string, Set<number>>();
  for (const [docId, n] of refs) wanted.set(docId, (wanted.get(docId) ?? new Set()).add(n));
  const keys = [...wanted].flatMap(([docId, ns]) =>
    [...new Set([...ns].map(pageOf))].map((page): [string, number] => [docId, page]),
  );
  const own = keys.filter(([docId]) => docId.startsWith(USER_ID_PREFIX));
  const packs = keys.filter(([docId]) => !docId.startsWith(USER_ID_PREFIX));
  return Dexie.Promise.all([db.userParagraphPages.bulkGet(own), db.packParagraphPages.bulkGet(packs)]).then((tables) =>
    tables.flat().flatMap((page) => page?.paragraphs.filter((p) => wanted.get(p.docId)!.has(p.n)) ?? []),
  );
}

/** How many paragraphs a document has: the last one's number. */
export async function paragraphCount(db: GlossDatabase, docId: string): Promise<number> {
  const last = await paragraphTable(db, docId)
    .where('[docId+page]')
    .between(...pageRange(docId), true, true)
    .last();
  return last?.paragraphs.at(-1)?.n ?? 0;
}

/** Every paragraph of every reader's document, by document and number. */
export async function allParagraphs(db: GlossDatabase): Promise<Paragraph[]> {
  return (await db.userParagraphPages.orderBy('[docId+page]').toArray()).flatMap((row) => row.paragraphs);
}

/** Removes a document's pages of paragraphs and of mentions. */
export async function deletePages(
  db: GlossDatabase,
  docId: string,
  tables: ('paragraphs' | 'mentions')[],
): Promise<void> {
  if (tables.includes('paragraphs'))
    await db.userParagraphPages
      .where('[docId+page]')
      .between(...pageRange(docId), true, true)
      .delete();
  if (tables.includes('mentions'))
    await db.userMentionPages
      .where('[docId+page]')
      .between(...pageRange(docId), true, true)
      .delete();
}

/**
 * The mentions of some paragraphs of a document replaced by `mentions` (which stand in those
 * paragraphs); the pages they are on are read and written whole. Returns the mentions replaced.
 */
export async function replaceMentions(
  db: GlossDatabase,
  docId: string,
  paragraphs: readonly number[],
  mentions: readonly Mention[],
): Promise<Mention[]> {
  const replaced = new Set(paragraphs);
  const pages = [...new Set(paragraphs.map(pageOf))];
  const rows = await db.userMentionPages.bulkGet(pages.map((page): [string, number] => [docId, page]));
  const incoming = byPage(mentions, (m) => m.paragraph);
  const old: Mention[] = [];
  const written: MentionPageRow[] = [];
  const emptied: [string, number][] = [];
  pages.forEach((page, i) => {
    const kept: Mention[] = [];
    for (const m of rows[i]?.mentions ?? []) (replaced.has(m.paragraph) ? old : kept).push(m);
    const list = [...kept, ...(incoming.get(page) ?? [])].sort(
      (a, b) => a.paragraph - b.paragraph || a.start - b.start,
    );
    if (list.length) written.push({ docId, page, mentions: list });
    else emptied.push([docId, page]);
  });
  await db.userMentionPages.bulkPut(written);
  await db.userMentionPages.bulkDelete(emptied);
  return old;
}
