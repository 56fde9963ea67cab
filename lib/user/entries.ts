/**
 * Entries the reader defines: a name, more spellings, a kind, and a label quoted from a sentence of
 * any document. They are spotted on web pages like the built-in entries (their aliases join the
 * matcher data) and cited the same way.
 */
import { ENTRY_KINDS, type Citation, type Entry, type EntryKind } from '../corpus/types';
import type { GlossDatabase } from '../store/db';
import { databaseRows } from '../store/knowledge';
import { foldKey } from '../text/normalize';
import type { SteadyPace } from './derived';
import { paragraphAt, userId, writeEntries } from './store';
import { refuse } from '../refused';

export interface EntryInput {
  name: string;
  /** Other spellings, besides the name. */
  aliases: string[];
  kind: EntryKind;
  /** The sentence chosen as the label: document, paragraph and its range in the paragraph. */
  label: { docId: string; paragraph: number; start: number; end: number };
}

export type EntryProblem = 'noName' | 'tooLong' | 'badKind' | 'badLabel' | 'nameTaken';

/** Longest name or alias; shorter than 2 characters matches too much. */
const ALIAS_LENGTH = [2, 100] as const;

/** Checks the input against the store and writes the entry with its mentions, in one transaction. */
export async function addUserEntry(db: GlossDatabase, input: EntryInput, pace?: SteadyPace): Promise<Entry> {
  const name = input.name.replace(/\s+/g, ' ').trim();
  if (name.length < ALIAS_LENGTH[0]) throw refuse.entry('noName');
  // One spelling per folded key, the name first: the matcher folds accents and case anyway.
  const byKey = new Map<string, string>();
  for (const alias of [name, ...input.aliases].map((a) => a.replace(/\s+/g, ' ').trim()).filter(Boolean)) {
    if (!byKey.has(foldKey(alias))) byKey.set(foldKey(alias), alias);
  }
  const aliases = [...byKey.values()];
  if (aliases.some((a) => a.length > ALIAS_LENGTH[1])) throw refuse.entry('tooLong');
  if (aliases.some((a) => a.length < ALIAS_LENGTH[0])) throw refuse.entry('noName');
  if (!ENTRY_KINDS.includes(input.kind)) throw refuse.entry('badKind');
  return writeEntries(
    db,
    async () => {
      if ((await databaseRows(db).entryIdsByAliasKey(foldKey(name))).length) throw refuse.entry('nameTaken');
      const { docId, paragraph: n } = input.label;
      const paragraph = typeof docId === 'string' && Number.isInteger(n) ? await paragraphAt(db, docId, n) : undefined;
      const { start, end } = input.label;
      if (
        !paragraph ||
        !Number.isInteger(start) ||
        !Number.isInteger(end) ||
        start < 0 ||
        end > paragraph.text.length ||
        end - start < 1
      ) {
        throw refuse.entry('badLabel');
      }
      const label: Citation = {
        docId: paragraph.docId,
        paragraph: paragraph.n,
        quote: paragraph.text.slice(start, end),
        start,
        end,
      };
      const entry: Entry = {
        id: userId(name, 'entry'),
        name,
        kind: input.kind,
        label,
        facts: [],
        related: [],
        aliases,
        user: true,
      };
      await db.userEntries.add(entry);
      return { result: entry, aliases };
    },
    pace,
  );
}

export async function deleteUserEntry(db: GlossDatabase, entryId: string): Promise<void> {
  await writeEntries(db, async () => {
    const entry = await db.userEntries.get(entryId);
    await db.userEntries.delete(entryId);
    return { result: undefined, aliases: entry?.aliases ?? [] };
  });
}

export function userEntries(db: GlossDatabase): Promise<Entry[]> {
  return db.userEntries.toArray();
}
