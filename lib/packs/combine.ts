/**
 * How the enabled packs read as one: an entry that two packs both have — the same name, accents and
 * case aside — is one entry, under the id of the first pack's (the bundled pack first, then in the
 * order the packs were installed), with every pack's facts, each cited from its own documents. A
 * spelling two packs give to different entries is the first pack's (the matcher takes the first
 * alias of a spelling). A disabled pack is in none of this.
 */
import Dexie from 'dexie';
import type { Entry, PackRef } from '../corpus/types';
import type { AliasSpec } from '../match/matcher';
import type { GlossDatabase, PackEntryRow, PackRow } from '../store/db';
import { QUALIFIER } from './format';

/** The pack a document's or an entry's id belongs to: qualified ids name theirs, the bundled pack's are plain. */
export function packOfId(id: string, packs: readonly PackRow[]): PackRow | undefined {
  const at = id.indexOf(QUALIFIER);
  return at > 0 ? packs.find((p) => p.id === id.slice(0, at)) : packs.find((p) => p.bundled);
}

export const packRef = (pack: Pick<PackRow, 'id' | 'title'> & { bundled?: boolean }): PackRef => ({
  id: pack.id,
  title: pack.title,
  ...(pack.bundled ? { bundled: true } : {}),
});

/**
 * The one entry the members (one per pack, in pack order) make; `canonical` gives a related entry's id as combined, or
 * nothing.
 */
export function combineEntry(members: readonly PackEntryRow[], canonical: (id: string) => string | undefined): Entry {
  const [first] = members;
  const related = new Set<string>();
  for (const m of members) {
    for (const r of m.related) {
      const id = canonical(r);
      if (id && id !== first.id) related.add(id);
    }
  }
  const side = members.find((m) => m.side)?.side;
  const label = members.find((m) => m.label)?.label;
  return {
    id: first.id,
    name: first.name,
    kind: first.kind,
    ...(side ? { side } : {}),
    ...(label ? { label } : {}),
    facts: members.flatMap((m) => m.facts),
    related: [...related],
    aliases: [...new Set(members.flatMap((m) => m.aliases))],
  };
}

/** Which id each entry of the enabled packs goes by once combined: the first pack's entry of its name. */
export class EntryCatalogue {
  private readonly ids = new Map<string, string>();

  /** `entries` in pack order. */
  constructor(entries: Iterable<{ id: string; key: string }>) {
    const firstOfKey = new Map<string, string>();
    for (const { id, key } of entries) {
      if (!firstOfKey.has(key)) firstOfKey.set(key, id);
      this.ids.set(id, firstOfKey.get(key)!);
    }
  }

  /** The combined id of an entry of an enabled pack; undefined for any other. */
  canonical = (id: string): string | undefined => this.ids.get(id);

  /** The aliases of the enabled packs (each pack's, in pack order) under the combined ids; exact repeats once. */
  aliases(lists: readonly (readonly AliasSpec[])[]): AliasSpec[] {
    const seen = new Set<string>();
    const out: AliasSpec[] = [];
    for (const alias of lists.flat()) {
      const entryId = this.canonical(alias.entryId);
      if (!entryId) continue;
      const near = alias.near?.map((g) => ({
        ...g,
        entries: g.entries.map((e) => this.canonical(e)).filter((e): e is string => !!e),
      }));
      const combined: AliasSpec = { ...alias, entryId, ...(near ? { near } : {}) };
      const key = JSON.stringify(combined);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(combined);
    }
    return out;
  }
}

/** Orders rows by their pack's place; rows of packs not in `packs` are left out. */
export function inPackOrder<T extends { pack: string }>(
  rows: readonly T[],
  packs: readonly Pick<PackRow, 'id' | 'order'>[],
): T[] {
  const order = new Map(packs.map((p) => [p.id, p.order]));
  return rows.filter((r) => order.has(r.pack)).sort((a, b) => order.get(a.pack)! - order.get(b.pack)!);
}

/**
 * The catalogue of the enabled packs, read from the index of names alone (no entry is read whole).
 * A chain of Dexie's own promises: it runs inside transactions, which lose their zone after too many
 * native awaits between two requests (docs/browser-bugs.md, "A transaction ends at the first pause").
 */
export function readCatalogue(db: GlossDatabase, packs: readonly PackRow[]): Promise<EntryCatalogue> {
  const index = db.packEntries.orderBy('[pack+key]');
  return Dexie.Promise.all([index.keys(), index.primaryKeys()]).then(([keys, ids]) => {
    const rows = ids.map((id, i) => {
      const [pack, key] = keys[i] as unknown as [string, string];
      return { id, key, pack };
    });
    return new EntryCatalogue(inPackOrder(rows, packs));
  });
}

/**
 * For each id of an enabled pack's entry: the entries of its name in every enabled pack, in pack
 * order (the first's id is the combined one). Ids of no enabled pack are left out.
 */
export async function entryGroups(
  db: GlossDatabase,
  packs: readonly PackRow[],
  ids: readonly string[],
): Promise<Map<string, PackEntryRow[]>> {
  const order = new Map(packs.map((p) => [p.id, p.order]));
  const rows = (await db.packEntries.bulkGet([...ids])).filter((r): r is PackEntryRow => !!r && order.has(r.pack));
  const keys = [...new Set(rows.map((r) => r.key))];
  // One request per name, all sent at once: anyOf walks the index with a cursor, a round trip per step
  // (twenty names took 20–50 ms in Chromium with a pack of 5,000 entries installed).
  const members = (await Promise.all(keys.map((key) => db.packEntries.where('key').equals(key).toArray())))
    .flat()
    .filter((m) => order.has(m.pack));
  members.sort((a, b) => order.get(a.pack)! - order.get(b.pack)!);
  const groups = new Map<string, PackEntryRow[]>();
  for (const row of rows)
    groups.set(
      row.id,
      members.filter((m) => m.key === row.key),
    );
  return groups;
}
