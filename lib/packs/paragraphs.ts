/**
 * The enabled packs' paragraphs, as the reader's entries are looked for in them (lib/user/derived.ts):
 * all of them after a change to the packs, or only those that may hold a word of a changed entry.
 */
import type { Paragraph } from '../corpus/types';
import type { GlossDatabase } from '../store/db';
import { readPassages } from '../store/pages';
import { splitPassageRef } from '../search/records';
import { enabledPacks } from './store';

// Both run inside transactions: chains of Dexie's own promises (see lib/packs/combine.ts readCatalogue).

/** Every paragraph of the enabled packs. */
export function enabledPackParagraphs(db: GlossDatabase): Promise<Paragraph[]> {
  return enabledPacks(db)
    .then((packs) =>
      db.packParagraphPages
        .where('pack')
        .anyOf(packs.map((p) => p.id))
        .toArray(),
    )
    .then((rows) => rows.flatMap((row) => row.paragraphs));
}

/**
 * The paragraphs of the enabled packs whose folded text holds any of `words` (folded): found in the
 * packs' search records, then read a page at a time. It may offer a paragraph where a word stands
 * inside a longer one; the scan that follows finds nothing there.
 */
export function packParagraphsHolding(db: GlossDatabase, words: ReadonlySet<string>): Promise<Paragraph[]> {
  return enabledPacks(db)
    .then((packs) => db.packSearch.bulkGet(packs.map((p) => p.id)))
    .then((rows) => {
      const holding = rows
        .flatMap((row) => row?.records ?? [])
        .filter((record) => [...words].some((w) => record.text.includes(w)));
      return readPassages(
        db,
        holding.map((record) => splitPassageRef(record.ref)),
      );
    });
}
