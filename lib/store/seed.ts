/**
 * Seeding the store from the knowledge bundle: one transaction, keyed by the bundle's hash. The same
 * bundle twice is a no-op; a new bundle replaces the corpus tables whole; the reader's tables are not
 * part of the transaction, so they cannot be touched. A failure midway rolls back to the previous
 * corpus, whole.
 */
import { foldKey } from '../text/normalize';
import type { KnowledgeBundle } from '../corpus/types';
import { CORPUS_TABLES, type GlossDatabase } from './db';

export const BUNDLE_HASH_KEY = 'bundleHash';
/** The timeline is small and read whole: one meta row, replaced with the rest of the corpus. */
export const TIMELINE_KEY = 'timeline';

export type SeedResult = { status: 'unchanged' } | { status: 'seeded'; previousHash: string | null; rows: number };

export async function seedFromBundle(db: GlossDatabase, bundle: KnowledgeBundle): Promise<SeedResult> {
  const tables = [...CORPUS_TABLES.map((name) => db.table(name)), db.meta];
  return db.transaction('rw', tables, async () => {
    const previous = (await db.meta.get(BUNDLE_HASH_KEY))?.value as string | undefined;
    if (previous === bundle.hash) return { status: 'unchanged' } as const;
    await Promise.all(CORPUS_TABLES.map((name) => db.table(name).clear()));
    await db.documents.bulkAdd(bundle.documents);
    await db.paragraphs.bulkAdd(bundle.paragraphs);
    await db.entries.bulkAdd(bundle.entries);
    await db.aliases.bulkAdd(bundle.aliases.map((a) => ({ ...a, key: foldKey(a.text) })));
    await db.mentions.bulkAdd(bundle.mentions);
    await db.meta.put({ key: TIMELINE_KEY, value: bundle.timeline });
    await db.meta.put({ key: BUNDLE_HASH_KEY, value: bundle.hash });
    const rows = bundle.documents.length + bundle.paragraphs.length + bundle.entries.length + bundle.aliases.length + bundle.mentions.length;
    return { status: 'seeded', previousHash: previous ?? null, rows } as const;
  });
}
