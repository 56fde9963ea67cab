/**
 * Opens the store and installs the bundled pack in it; if IndexedDB is unavailable or fails, falls
 * back to the bundled pack in memory and says why, so Gloss keeps working and the popup can tell the
 * reader. (Packs the reader installed need the store: in memory only the bundled one is read.)
 */
import { packBundle, type PackFile } from '../packs/format';
import { GlossDatabase } from './db';
import { databaseRows, Knowledge, memoryRows } from './knowledge';
import { seedBundledPack, type SeedResult } from './seed';
import { t } from '../i18n';

export interface StoreStatus {
  mode: Knowledge['mode'];
  /** Why the database could not be used, in plain words; absent when it is in use. */
  problem?: string;
  /** The bundled pack's hash. */
  bundleHash: string;
  seed?: SeedResult['status'];
}

export interface OpenedStore {
  knowledge: Knowledge;
  status: StoreStatus;
  db?: GlossDatabase;
}

/** The bundled pack, read from memory alone. */
const memoryKnowledge = (pack: PackFile) => new Knowledge(memoryRows(packBundle(pack), pack.manifest), 'memory');

export async function openStore(
  pack: PackFile,
  dexieOptions?: ConstructorParameters<typeof GlossDatabase>[1],
): Promise<OpenedStore> {
  let db: GlossDatabase | undefined;
  try {
    db = new GlossDatabase(undefined, dexieOptions);
    await db.open();
    const seed = await seedBundledPack(db, pack);
    return {
      db,
      knowledge: new Knowledge(databaseRows(db), 'database'),
      status: { mode: 'database', bundleHash: pack.hash, seed: seed.status },
    };
  } catch (error) {
    db?.close();
    return {
      knowledge: memoryKnowledge(pack),
      status: { mode: 'memory', bundleHash: pack.hash, problem: describeStorageError(error) },
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
 * For extension pages (popup, reader, options): the database the background filled, or the bundled
 * pack in memory when the database is unavailable or holds no pack yet.
 */
export async function openForReading(loadPack: () => Promise<PackFile>): Promise<Knowledge> {
  try {
    const db = new GlossDatabase();
    await db.open();
    if ((await db.packs.count()) > 0) return new Knowledge(databaseRows(db), 'database');
    db.close();
  } catch {
    // Fall through to the bundled pack: the page still works, from memory.
  }
  return memoryKnowledge(await loadPack());
}
