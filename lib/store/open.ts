/**
 * Opens the store and seeds it from the bundle; if IndexedDB is unavailable or fails, falls back to
 * the bundle in memory and says why, so Gloss keeps working and the popup can tell the reader.
 */
import type { KnowledgeBundle } from '../corpus/types';
import { GlossDatabase } from './db';
import { databaseRows, Knowledge, memoryRows } from './knowledge';
import { rebuildDerivedUserData } from '../user/derived';
import { BUNDLE_HASH_KEY, seedFromBundle, type SeedResult } from './seed';
import { t } from '../i18n';

export interface StoreStatus {
  mode: Knowledge['mode'];
  /** Why the database could not be used, in plain words; absent when it is in use. */
  problem?: string;
  bundleHash: string;
  seed?: SeedResult['status'];
}

export interface OpenedStore {
  knowledge: Knowledge;
  status: StoreStatus;
  db?: GlossDatabase;
}

export async function openStore(bundle: KnowledgeBundle, dexieOptions?: ConstructorParameters<typeof GlossDatabase>[1]): Promise<OpenedStore> {
  let db: GlossDatabase | undefined;
  try {
    db = new GlossDatabase(undefined, dexieOptions);
    await db.open();
    const seed = await seedFromBundle(db, bundle);
    // A new corpus may name the reader's entries differently, and its own entries may be named in the
    // reader's documents: the mentions that involve the reader's data are found again.
    const hasUserData = (await db.userEntries.count()) > 0 || (await db.userParagraphPages.count()) > 0;
    if (seed.status === 'seeded' && hasUserData) await db.transaction('rw', db.tables, () => rebuildDerivedUserData(db!));
    return { db, knowledge: new Knowledge(databaseRows(db), 'database'), status: { mode: 'database', bundleHash: bundle.hash, seed: seed.status } };
  } catch (error) {
    db?.close();
    return {
      knowledge: new Knowledge(memoryRows(bundle), 'memory'),
      status: { mode: 'memory', bundleHash: bundle.hash, problem: describeStorageError(error) },
    };
  }
}

function describeStorageError(error: unknown): string {
  const name = (error as { name?: string })?.name ?? '';
  const inner = (error as { inner?: { name?: string } })?.inner?.name ?? '';
  if (name === 'MissingAPIError' || inner === 'MissingAPIError') {
    return t('storageMissing');
  }
  if (name === 'QuotaExceededError' || inner === 'QuotaExceededError') {
    return t('storageFull');
  }
  return t('storageFailed', `${name || 'error'}: ${(error as Error)?.message ?? String(error)}`);
}

/**
 * For extension pages (popup, reader): the database the background seeded, or the bundle in memory
 * when the database is unavailable or not seeded yet.
 */
export async function openForReading(loadBundle: () => Promise<KnowledgeBundle>): Promise<Knowledge> {
  try {
    const db = new GlossDatabase();
    await db.open();
    if (await db.meta.get(BUNDLE_HASH_KEY)) return new Knowledge(databaseRows(db), 'database');
    db.close();
  } catch {
    // Fall through to the bundle: the page still works, from memory.
  }
  return new Knowledge(memoryRows(await loadBundle()), 'memory');
}
