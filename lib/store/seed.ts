/**
 * Installing the bundled pack, on every start of the background: a no-op when the same pack (by its
 * hash) is installed; otherwise it is checked like any pack and installed in one transaction
 * (lib/packs/store.ts), replacing the previous release whole. The reader's documents and entries are
 * not part of it; what is derived from them is found again with the new entries.
 */
import { preparePack, storePack } from '../packs/store';
import { checkPack } from '../packs/read';
import type { PackFile } from '../packs/format';
import type { GlossDatabase } from './db';

export type SeedResult = { status: 'unchanged' } | { status: 'seeded'; previousHash: string | null };

export async function seedBundledPack(db: GlossDatabase, pack: PackFile): Promise<SeedResult> {
  const installed = await db.packs.get(pack.manifest.id);
  if (installed?.bundled && installed.hash === pack.hash) return { status: 'unchanged' };
  const result = await storePack(db, preparePack(await checkPack(pack), true));
  return result.status === 'unchanged' ? result : { status: 'seeded', previousHash: installed?.hash ?? null };
}
