/**
 * Context rule for ambiguous aliases. A bare "Trong", "Lam" or "Xi" is a mention only where the same
 * page (or corpus document) also names the entry unambiguously, or one of its related entries.
 */
import type { Match } from './matcher';

export type RelatedEntries = ReadonlyMap<string, readonly string[]>;

/** The entries a set of matches names without ambiguity. */
export function firmEntries(matches: Iterable<Match>, into = new Set<string>()): Set<string> {
  for (const m of matches) if (!m.ambiguous) into.add(m.entryId);
  return into;
}

/** Whether an ambiguous mention of `entryId` is supported by the entries already named firmly. */
export function isSupported(entryId: string, named: ReadonlySet<string>, related: RelatedEntries): boolean {
  if (named.has(entryId)) return true;
  for (const other of related.get(entryId) ?? []) if (named.has(other)) return true;
  return false;
}

/** Keeps firm matches, and ambiguous ones that the named entries support. */
export function applyContext(matches: readonly Match[], named: ReadonlySet<string>, related: RelatedEntries): Match[] {
  return matches.filter((m) => !m.ambiguous || isSupported(m.entryId, named, related));
}
