/**
 * Installed packs in the store. Installing (or updating) a pack writes all of its rows in one
 * transaction, after removing the rows of the version it replaces; switching a pack off or removing
 * it is one transaction too. The reader's documents and entries are never written: only what Gloss
 * derives from them (their mentions, counts) is found again, in the same transaction, since the
 * entries a page or a document is read with have changed.
 */
import type { KnowledgeBundle, Mention } from '../corpus/types';
import { groupBy } from '../group-by';
import { buildSearchRecords } from '../search/records';
import {
  PACK_TABLES,
  type GlossDatabase,
  type MentionPageRow,
  type PackDocumentRow,
  type PackEntryDocumentsRow,
  type PackEntryRow,
  type PackIndexRow,
  type PackRow,
  type PackSearchRow,
  type ParagraphPageRow,
} from '../store/db';
import { mentionPages, paragraphPages } from '../store/pages';
import { foldKey } from '../text/normalize';
import { entryDocumentRows, rebuildDerivedUserData, type SteadyPace } from '../user/derived';
import { compareVersions, packBundle, qualifiedId, type PackFile } from './format';
import { refuse } from '../refused';

/** Meta key of the counter that changes with every change to the packs (what the reader's mentions depend on). */
export const PACKS_REVISION_KEY = 'packsRevision';

/** Every row a pack is stored as, made before its transaction. */
export interface PreparedPack {
  pack: Omit<PackRow, 'enabled' | 'order' | 'installedAt'>;
  documents: PackDocumentRow[];
  paragraphPages: ParagraphPageRow[];
  mentionPages: MentionPageRow[];
  entries: PackEntryRow[];
  entryDocuments: PackEntryDocumentsRow[];
  index: PackIndexRow;
  search: PackSearchRow;
}

/** A pack's bundle with every id of a document, entry or event qualified by the pack's. */
export function qualifyBundle(bundle: KnowledgeBundle, packId: string): KnowledgeBundle {
  const q = (id: string) => qualifiedId(packId, id);
  const cite = <T extends { docId: string }>(c: T): T => ({ ...c, docId: q(c.docId) });
  return {
    ...bundle,
    documents: bundle.documents.map((d) => ({ ...d, id: q(d.id) })),
    paragraphs: bundle.paragraphs.map(cite),
    entries: bundle.entries.map((e) => ({
      ...e,
      id: q(e.id),
      related: e.related.map(q),
      ...(e.label ? { label: cite(e.label) } : {}),
      facts: e.facts.map(cite),
    })),
    aliases: bundle.aliases.map((a) => ({
      ...a,
      entryId: q(a.entryId),
      ...(a.near ? { near: a.near.map((g) => ({ ...g, entries: g.entries.map(q) })) } : {}),
    })),
    mentions: bundle.mentions.map((m) => ({ ...m, entryId: q(m.entryId), docId: q(m.docId) })),
    timeline: bundle.timeline.map((t) => ({
      ...t,
      id: q(t.id),
      entries: t.entries.map(q),
      accounts: t.accounts.map((a) => ({ ...a, citation: cite(a.citation) })),
    })),
  };
}

/** The rows of a checked pack (lib/packs/read.ts). The bundled pack keeps its ids; any other's are qualified. */
export function preparePack(file: PackFile, bundled: boolean): PreparedPack {
  const { manifest } = file;
  const packId = manifest.id;
  const bundle = bundled ? packBundle(file) : qualifyBundle(packBundle(file), packId);
  const paragraphsByDoc = groupBy(bundle.paragraphs, (p) => p.docId);
  const mentionsByDoc = groupBy(bundle.mentions, (m) => m.docId);
  const byEntry = groupBy(entryDocumentRows(bundle.mentions), (row) => row.entryId);
  return {
    pack: {
      id: packId,
      title: manifest.title,
      version: manifest.version,
      authors: manifest.authors,
      licence: manifest.licence,
      created: manifest.created,
      ...(manifest.description ? { description: manifest.description } : {}),
      hash: file.hash,
      bundled,
      documents: bundle.documents.length,
      entries: bundle.entries.length,
    },
    documents: bundle.documents.map((d, order) => ({ ...d, pack: packId, order })),
    paragraphPages: bundle.documents.flatMap((d) => paragraphPages(d.id, paragraphsByDoc.get(d.id) ?? [], packId)),
    mentionPages: bundle.documents.flatMap((d) => mentionPages(d.id, mentionsByDoc.get(d.id) ?? [], packId)),
    entries: bundle.entries.map((e) => ({ ...e, pack: packId, key: foldKey(e.name) })),
    entryDocuments: [...byEntry].map(([entryId, rows]) => ({
      entryId,
      pack: packId,
      documents: rows.map(({ docId, mentions, first }) => ({ docId, mentions, first })),
    })),
    index: { pack: packId, aliases: bundle.aliases, timeline: bundle.timeline },
    search: { pack: packId, records: buildSearchRecords([], bundle.paragraphs) },
  };
}

/** Rows written in one request at most: progress is reported between them. */
const ROWS_PER_WRITE = 1000;

/** Removes every row of a pack but its own row in `packs`. */
async function deletePackRows(db: GlossDatabase, packId: string): Promise<void> {
  for (const name of PACK_TABLES) await db.table(name).where('pack').equals(packId).delete();
}

/**
 * What follows every change to the packs, inside its transaction: the revision moves, and the
 * mentions derived from the reader's documents and entries are found again with the entries now in
 * force. The reader's documents and entries themselves are not written.
 */
async function packsChanged(db: GlossDatabase, pace?: SteadyPace): Promise<void> {
  await db.meta.put({
    key: PACKS_REVISION_KEY,
    value: Number((await db.meta.get(PACKS_REVISION_KEY))?.value ?? 0) + 1,
  });
  const hasUserData = (await db.userEntries.count()) > 0 || (await db.userDocuments.count()) > 0;
  if (hasUserData) await rebuildDerivedUserData(db, pace);
}

export type StoreResult = { status: 'unchanged' } | { status: 'installed'; pack: PackRow; replaced: PackRow | null };

/**
 * Stores a prepared pack in one transaction. A pack the reader installs must be newer than the one
 * of the same id it replaces, and may not replace the bundled pack; the bundled pack replaces
 * whatever has its id, and removes a bundled pack of another id (an earlier release's).
 */
export async function storePack(
  db: GlossDatabase,
  prepared: PreparedPack,
  pace: { saving?: SteadyPace; finding?: SteadyPace } = {},
  now = new Date(),
): Promise<StoreResult> {
  const { pack } = prepared;
  return db.transaction('rw', db.tables, async () => {
    const existing = (await db.packs.get(pack.id)) ?? null;
    if (pack.bundled && existing?.bundled && existing.hash === pack.hash) return { status: 'unchanged' } as const;
    if (!pack.bundled && existing?.bundled) throw refuse.pack('builtIn', existing.title);
    if (!pack.bundled && existing && compareVersions(pack.version, existing.version) <= 0)
      throw refuse.pack('notNewer', existing.version);
    if (existing) await deletePackRows(db, pack.id);
    if (pack.bundled) {
      for (const earlier of await db.packs.filter((p) => p.bundled && p.id !== pack.id).toArray()) {
        await deletePackRows(db, earlier.id);
        await db.packs.delete(earlier.id);
      }
    }
    const writes: [string, unknown[]][] = [
      ['packDocuments', prepared.documents],
      ['packParagraphPages', prepared.paragraphPages],
      ['packMentionPages', prepared.mentionPages],
      ['packEntries', prepared.entries],
      ['packEntryDocuments', prepared.entryDocuments],
      ['packIndexes', [prepared.index]],
      ['packSearch', [prepared.search]],
    ];
    const total = writes.reduce((n, [, rows]) => n + rows.length, 0);
    let done = 0;
    for (const [table, rows] of writes) {
      for (let at = 0; at < rows.length; at += ROWS_PER_WRITE) {
        pace.saving?.(done, total);
        await db.table(table).bulkAdd(rows.slice(at, at + ROWS_PER_WRITE));
        done += Math.min(ROWS_PER_WRITE, rows.length - at);
      }
    }
    pace.saving?.(total, total);
    const orders = (await db.packs.toArray()).map((p) => p.order);
    const order = existing?.order ?? (pack.bundled ? 0 : Math.max(0, ...orders) + 1);
    const row: PackRow = { ...pack, enabled: existing?.enabled ?? true, order, installedAt: now.toISOString() };
    await db.packs.put(row);
    await packsChanged(db, pace.finding);
    return { status: 'installed', pack: row, replaced: existing } as const;
  });
}

/** Switches a pack on or off everywhere: cards, search, the popup's summary, the matcher, the reader. */
export async function setPackEnabled(
  db: GlossDatabase,
  packId: string,
  enabled: boolean,
  pace?: SteadyPace,
): Promise<PackRow | undefined> {
  return db.transaction('rw', db.tables, async () => {
    const row = await db.packs.get(packId);
    if (!row || row.enabled === enabled) return row;
    await db.packs.update(packId, { enabled });
    await packsChanged(db, pace);
    return { ...row, enabled };
  });
}

/** Removes an installed pack with all its rows; the bundled pack cannot be removed (only switched off). */
export async function removePack(db: GlossDatabase, packId: string, pace?: SteadyPace): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    const row = await db.packs.get(packId);
    if (!row) return;
    if (row.bundled) throw refuse.pack('builtIn', row.title);
    await deletePackRows(db, packId);
    await db.packs.delete(packId);
    await packsChanged(db, pace);
  });
}

// The readers below are chains of Dexie's own promises, as they run inside transactions too (see readCatalogue).

/** Every installed pack, in order (the bundled first). */
export function installedPacks(db: GlossDatabase): Promise<PackRow[]> {
  return db.packs.toArray().then((rows) => rows.sort((a, b) => a.order - b.order));
}

/** The packs switched on, in order. */
export function enabledPacks(db: GlossDatabase): Promise<PackRow[]> {
  return installedPacks(db).then((rows) => rows.filter((p) => p.enabled));
}

/** The first mention in each of the packs' documents that mention one of `entryIds`. */
export function packFirstMentions(db: GlossDatabase, entryIds: readonly string[]): Promise<Mention[]> {
  return db.packEntryDocuments
    .bulkGet([...entryIds])
    .then((rows) => rows.flatMap((row) => row?.documents.map((d) => d.first) ?? []));
}
