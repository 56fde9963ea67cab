/**
 * The test pack (tests/fixtures/pack-mekong), as built, and built again from a changed copy of its
 * folder: a newer release, a broken quote. Used by the unit tests; e2e/tests/packs.mjs builds the same
 * folder with `npm run pack`.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildPack } from '../adapters/node-corpus';
import type { PackFile } from '../lib/packs/format';
import next from './fixtures/pack-mekong-next.json';

export const PACK_FOLDER = 'tests/fixtures/pack-mekong';

/** The fixture folder copied, with `edit` applied to its files (name → text → new text), then `use`d. */
export async function withPackFolder<T>(
  edit: Record<string, (text: string) => string>,
  use: (dir: string) => Promise<T>,
): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'gloss-pack-'));
  try {
    await cp(PACK_FOLDER, dir, { recursive: true });
    for (const [name, change] of Object.entries(edit))
      await writeFile(join(dir, name), change(await readFile(join(dir, name), 'utf8')));
    return await use(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The test pack, with `edit` applied to its folder first. */
export const buildTestPack = (edit: Record<string, (text: string) => string> = {}): Promise<PackFile> =>
  withPackFolder(edit, buildPack);

/** Release 1.1.0 (tests/fixtures/pack-mekong-next.json): the forum gets a second fact, from the diary. */
export const SECOND_FACT = 'The Lancang-Mekong Cooperation held a meeting on water data that week.';
export const nextRelease = () =>
  buildTestPack(
    Object.fromEntries(
      Object.entries(next.edits).map(([file, pairs]) => [
        file,
        (text: string) => pairs.reduce((t, [from, to]) => t.replace(from, to), text),
      ]),
    ),
  );
