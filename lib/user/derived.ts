/**
 * What Gloss derives from the reader's documents and entries, and keeps beside them: the mentions
 * (found with the matcher and evidence rules of the compiler and the content script), which documents
 * mention each entry (so a card never reads the mentions themselves), each document's word index
 * (lib/user/text-index.ts), its hash and the entries it names firmly (the evidence its other mentions
 * were judged by).
 *
 * Nothing here opens a transaction: callers run these inside their own, with the rows they write.
 */
import { evidenceRules, scanDocument, toMention } from '../corpus/mentions';
import type { Mention, Paragraph } from '../corpus/types';
import { groupBy } from '../group-by';
import { contextualEntries, firmEntries, PageEvidence, type EvidenceRules } from '../match/evidence';
import { buildMatcher, scan, type Match, type Matcher } from '../match/matcher';
import type { EntryDocumentRow, GlossDatabase, TextIndexRow } from '../store/db';
import { databaseRows } from '../store/knowledge';
import { deletePages, mentionPages, pageOf, readMentions, readParagraphs, replaceMentions } from '../store/pages';
import { looksVietnamese } from '../text/language';
import type { Progress } from './document-text';
import { enabledPackParagraphs, packParagraphsHolding } from '../packs/paragraphs';
import { bucketOf, indexRows, lookUpWord, paragraphsHolding } from './text-index';

/**
 * Reports how far a piece of work has come, and throws when the reader cancelled it. Outside a
 * transaction it may pause (return a promise) to let a cancel through.
 */
export type Pace = Progress;
/** The same inside a transaction, which ends at the first pause: it never pauses. */
export type SteadyPace = (done: number, total: number) => void;
const noPace: SteadyPace = () => {};

/** Paragraphs scanned between two progress reports. */
const PACE_EVERY = 500;

/** The matcher over every entry in the store, bundled and the reader's, with the evidence rules. */
interface StoreMatcher {
  matcher: Matcher;
  rules: EvidenceRules;
  userEntries: ReadonlySet<string>;
  /**
   * The entries whose being named can change another mention (evidence.ts contextualEntries). (The
   * reader's entries need no evidence and, defined on the options page, are related to none.)
   */
  contextual: ReadonlySet<string>;
}

export async function storeMatcher(db: GlossDatabase): Promise<StoreMatcher> {
  const rows = databaseRows(db);
  const [aliases, entries] = await Promise.all([rows.aliases(), rows.allEntries()]);
  const rules = evidenceRules(entries);
  return {
    matcher: buildMatcher(aliases),
    rules,
    userEntries: new Set(entries.filter((e) => e.user).map((e) => e.id)),
    contextual: contextualEntries(aliases, rules),
  };
}

const scanParagraph = (m: StoreMatcher, p: Paragraph): Match[] =>
  scan(m.matcher, p.text, { vietnamese: () => looksVietnamese(p.text) });

/**
 * Every mention in a reader's document (the document is the page), and the entries it names firmly;
 * a slice of paragraphs at a time, yielding how many are done (see deriveDocument), or run through
 * (deriveDocumentNow).
 */
const documentMentions = (
  m: StoreMatcher,
  paragraphs: readonly Paragraph[],
  out: { mentions: Mention[]; named: string[] },
) => scanDocument(m.matcher, m.rules, paragraphs, out, PACE_EVERY);

/** The reader's entries in a pack's paragraphs (the pack's own mentions are its compiler's, and stay). */
function corpusMentions(m: StoreMatcher, paragraphs: readonly Paragraph[]): Mention[] {
  return paragraphs.flatMap((p) =>
    scanParagraph(m, p)
      .filter((match) => m.userEntries.has(match.entryId))
      .map((match) => toMention(p, match)),
  );
}

/** Which documents each entry is mentioned in, how often, and where first. */
export function entryDocumentRows(mentions: readonly Mention[]): EntryDocumentRow[] {
  const rows = new Map<string, EntryDocumentRow>();
  for (const m of mentions) {
    const key = `${m.entryId}\u0000${m.docId}`;
    const row = rows.get(key);
    if (!row) rows.set(key, { entryId: m.entryId, docId: m.docId, mentions: 1, first: m });
    else {
      row.mentions++;
      if (precedes(m, row.first)) row.first = m;
    }
  }
  return [...rows.values()];
}

/** A 53-bit hash of a document's text (cyrb53): finds a stored twin quickly; the text is then compared. */
function textHash(paragraphs: readonly Paragraph[]): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (const p of paragraphs) {
    for (let i = 0; i <= p.text.length; i++) {
      const code = i < p.text.length ? p.text.charCodeAt(i) : 10;
      h1 = Math.imul(h1 ^ code, 2654435761);
      h2 = Math.imul(h2 ^ code, 1597334677);
    }
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** What a new reader's document adds to the derived tables, computed before its transaction. */
export interface DerivedDocument {
  docId: string;
  hash: string;
  mentions: Mention[];
  named: string[];
  index: TextIndexRow[];
}

/** A document's derived data, outside any transaction: progress reported, with pauses for a cancel. */
export async function deriveDocument(
  m: StoreMatcher,
  docId: string,
  paragraphs: readonly Paragraph[],
  pace: Pace,
): Promise<DerivedDocument> {
  const derived: DerivedDocument = { docId, hash: textHash(paragraphs), mentions: [], named: [], index: [] };
  for (const done of documentMentions(m, paragraphs, derived)) await pace(done, paragraphs.length);
  derived.index = indexRows(docId, paragraphs);
  await pace(paragraphs.length, paragraphs.length);
  return derived;
}

/** A document's derived data at once, as a transaction needs it (no pause: a transaction ends at the first). */
export function deriveDocumentNow(m: StoreMatcher, docId: string, paragraphs: readonly Paragraph[]): DerivedDocument {
  const derived: DerivedDocument = {
    docId,
    hash: textHash(paragraphs),
    mentions: [],
    named: [],
    index: indexRows(docId, paragraphs),
  };
  for (const _ of documentMentions(m, paragraphs, derived));
  return derived;
}

/** Stores a reader's document's derived rows (its paragraphs are written by the caller). */
export async function writeDerivedDocument(db: GlossDatabase, derived: DerivedDocument): Promise<void> {
  await db.userMentionPages.bulkPut(mentionPages(derived.docId, derived.mentions));
  await db.userEntryDocuments.bulkPut(entryDocumentRows(derived.mentions));
  await db.userTextIndex.bulkPut(derived.index);
  await db.userDocumentFacts.put({ docId: derived.docId, hash: derived.hash, named: derived.named });
}

/** Removes everything derived from a document (mentions of the reader's entries in it, for a bundled one). */
export async function deleteDerivedDocument(db: GlossDatabase, docId: string): Promise<void> {
  await deletePages(db, docId, ['mentions']);
  await db.userEntryDocuments.where('docId').equals(docId).delete();
  await db.userTextIndex.where('[docId+bucket]').between([docId, -Infinity], [docId, Infinity], true, true).delete();
  await db.userDocumentFacts.delete(docId);
}

/** The stored reader's document whose text is `paragraphs`' exactly, if any. */
export async function storedTwin(
  db: GlossDatabase,
  derived: Pick<DerivedDocument, 'hash'>,
  paragraphs: readonly Paragraph[],
): Promise<string | null> {
  for (const facts of await db.userDocumentFacts.where('hash').equals(derived.hash).toArray()) {
    const stored = await readParagraphs(db, facts.docId);
    if (stored.length === paragraphs.length && stored.every((p, i) => p.text === paragraphs[i].text))
      return facts.docId;
  }
  return null;
}

/**
 * Everything derived, found again from the reader's documents and entries and the enabled packs:
 * after any change to the packs (a new release of the bundled one, one installed, updated, switched
 * on or off, removed). `pace` counts the reader's documents.
 */
export async function rebuildDerivedUserData(db: GlossDatabase, pace: SteadyPace = noPace): Promise<void> {
  await Promise.all([
    db.userMentionPages.clear(),
    db.userEntryDocuments.clear(),
    db.userTextIndex.clear(),
    db.userDocumentFacts.clear(),
  ]);
  const m = await storeMatcher(db);
  const documents = await db.userDocuments.toCollection().primaryKeys();
  for (const [i, docId] of documents.entries()) {
    pace(i, documents.length);
    await writeDerivedDocument(db, deriveDocumentNow(m, docId, await readParagraphs(db, docId)));
  }
  pace(documents.length, documents.length);
  if (m.userEntries.size) {
    for (const [docId, paragraphs] of byDocument(await enabledPackParagraphs(db))) {
      const mentions = corpusMentions(m, paragraphs);
      if (mentions.length === 0) continue;
      await db.userMentionPages.bulkPut(mentionPages(docId, mentions));
      await db.userEntryDocuments.bulkPut(entryDocumentRows(mentions));
    }
  }
}

/**
 * After entries were added or deleted (`changedAliases` are their spellings): the mentions found
 * again only where those spellings can stand, by the word index of each reader's document (and the
 * packs' search records for their documents). `before` and `after` are the matchers over the
 * entries before and after the change. A paragraph where the change moves a bundled entry's firm
 * mention (a longer alias of the reader's now covers it, or no longer does) may change the context of
 * its whole document: that document is found again whole.
 */
export async function updateForEntryChange(
  db: GlossDatabase,
  before: StoreMatcher,
  after: StoreMatcher,
  changedAliases: readonly string[],
  pace: SteadyPace = noPace,
): Promise<void> {
  const words = new Set(changedAliases.map(lookUpWord).filter((w): w is string => !!w));
  if (words.size === 0) return;
  const buckets = [...new Set([...words].map(bucketOf))];
  /** The mentions of a document's `paragraphs` replaced, and the counts of the entries they name found again. */
  const replace = async (docId: string, paragraphs: readonly number[], mentions: Mention[]) => {
    const old = await replaceMentions(db, docId, paragraphs, mentions);
    await recount(db, docId, old, mentions);
  };
  const documents = await db.userDocuments.toCollection().primaryKeys();
  let done = 0;
  for (const docId of documents) {
    pace(done++, documents.length + 1);
    const rows = (await db.userTextIndex.bulkGet(buckets.map((b): [string, number] => [docId, b]))).filter(
      (r): r is TextIndexRow => !!r,
    );
    const candidates = [...paragraphsHolding(rows, words)].sort((a, b) => a - b);
    if (candidates.length === 0) continue;
    // The pages the candidates stand on, in one request.
    const wanted = new Set(candidates);
    const pages = await db.userParagraphPages.bulkGet(
      [...new Set(candidates.map(pageOf))].map((page): [string, number] => [docId, page]),
    );
    const paragraphs = pages.flatMap((page) => page?.paragraphs ?? []).filter((p) => wanted.has(p.n));
    const facts = await db.userDocumentFacts.get(docId);
    const scans = paragraphs.map((p) => ({ p, now: scanParagraph(after, p) }));
    const contextual = new Set([...before.contextual, ...after.contextual]);
    const namedHere = (matches: Match[]) => new Set([...firmEntries(matches)].filter((e) => contextual.has(e)));
    const contextMoved =
      !facts || paragraphs.some((p, i) => !sameSet(namedHere(scanParagraph(before, p)), namedHere(scans[i].now)));
    if (contextMoved) {
      const all = await readParagraphs(db, docId);
      await deleteDerivedDocument(db, docId);
      await writeDerivedDocument(db, deriveDocumentNow(after, docId, all));
      continue;
    }
    const evidence = new PageEvidence(after.rules);
    evidence.noteNamed(facts.named);
    await replace(
      docId,
      candidates,
      scans.flatMap(({ p, now }) =>
        now.filter((match) => evidence.verdict(match, p.text, now) === 'mark').map((match) => toMention(p, match)),
      ),
    );
  }
  // The packs' documents: those of their paragraphs that hold a word of the changed spellings.
  for (const [docId, paragraphs] of byDocument(await packParagraphsHolding(db, words)))
    await replace(
      docId,
      paragraphs.map((p) => p.n),
      corpusMentions(after, paragraphs),
    );
  pace(documents.length + 1, documents.length + 1);
}

/** Paragraphs by document, in their order. */
const byDocument = (paragraphs: readonly Paragraph[]) => groupBy(paragraphs, (p) => p.docId);

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === b.size && [...a].every((x) => b.has(x));
}

const precedes = (a: Mention, b: Mention) =>
  a.paragraph < b.paragraph || (a.paragraph === b.paragraph && a.start < b.start);

/**
 * The documents-per-entry rows of one document after `removed` mentions gave way to `added` ones:
 * counts move by the difference; a first mention is read again from all the document's mentions
 * only when the old first one was removed.
 */
async function recount(
  db: GlossDatabase,
  docId: string,
  removed: readonly Mention[],
  added: readonly Mention[],
): Promise<void> {
  const entries = [...new Set([...removed, ...added].map((m) => m.entryId))];
  if (entries.length === 0) return;
  const rows = await db.userEntryDocuments.bulkGet(entries.map((e): [string, string] => [e, docId]));
  const written: EntryDocumentRow[] = [];
  const gone: [string, string][] = [];
  const lost: string[] = [];
  entries.forEach((entryId, i) => {
    const row = rows[i];
    const out = removed.filter((m) => m.entryId === entryId);
    const into = added.filter((m) => m.entryId === entryId);
    const mentions = (row?.mentions ?? 0) - out.length + into.length;
    if (mentions <= 0) return gone.push([entryId, docId]);
    if (row && out.some((m) => m.paragraph === row.first.paragraph && m.start === row.first.start))
      return lost.push(entryId);
    const first = [...(row ? [row.first] : []), ...into].reduce((a, b) => (precedes(b, a) ? b : a));
    written.push({ entryId, docId, mentions, first });
  });
  if (lost.length) {
    const wanted = new Set(lost);
    written.push(...entryDocumentRows((await readMentions(db, docId)).filter((m) => wanted.has(m.entryId))));
  }
  await db.userEntryDocuments.bulkPut(written);
  await db.userEntryDocuments.bulkDelete(gone);
}
