/**
 * The matcher as it travels from the background to every frame of every page: built once per browser
 * session (and again when the reader's own entries change), then read, not rebuilt, where the page
 * is. Runtime messaging carries JSON, so each table of numbers goes as base64 text of its bytes, and
 * is read back into the same kind of typed array without a pass over its values.
 */
import type { Automaton } from './automaton';
import type { Side } from './evidence';
import type { AliasSpec, Matcher } from './matcher';
import type { Sieve } from './sieve';

/** Changes with the shape of the tables: a frame never reads tables of another shape. */
const FORMAT = 2;

type NumberArray = Int32Array | Uint16Array;
type ArrayKind = 'Int32Array' | 'Uint16Array';
const ARRAY_KINDS = { Int32Array, Uint16Array } as const;

/** Each field of a table, and the kind of typed array it is. */
const AUTOMATON_FIELDS: Record<keyof Automaton, ArrayKind> = {
  edgeStart: 'Int32Array',
  edgeCode: 'Uint16Array',
  fail: 'Int32Array',
  patternAt: 'Int32Array',
  outputLink: 'Int32Array',
  rootAscii: 'Int32Array',
};
const SIEVE_FIELDS: Record<keyof Sieve, ArrayKind> = {
  words: 'Int32Array',
  pairs: 'Int32Array',
  wordBits: 'Int32Array',
  capitalBits: 'Int32Array',
};
const UNIT_FIELDS = { entries: 'Int32Array' } as const;

/** Field name → base64 of the array's bytes. */
type EncodedTable = Record<string, string>;

/**
 * The sieve alone: what a frame needs to tell whether its text may hold a term at all. Most frames'
 * text holds none, and they never ask for the rest of the matcher.
 */
export interface SerializedSieve {
  format: number;
  table: EncodedTable;
}

/** The rest of the matcher: the aliases and the exact automaton. */
export interface SerializedMatcher {
  format: number;
  /** Passed along as they are: the matcher reads only the fields it knows. */
  aliases: AliasSpec[];
  patterns: string[];
  patternAliases: number[][];
  automaton: EncodedTable;
}

/**
 * What a content script marks a page with, once its text may hold a term: the matcher, and the
 * evidence rules (evidence.ts) as lists, since messages carry no Map or Set.
 */
export interface PageMatcherData {
  matcher: SerializedMatcher;
  related: [string, string[]][];
  sides: [string, Side][];
  topical: string[];
}

/** The shared code units' entries (normalize.ts sharedUnitEntries), as base64. */
export function serializeUnits(entries: Int32Array): string {
  return encodeTable({ entries }, UNIT_FIELDS).entries;
}

/** The shared code units' entries from their serialized form; null if it is not one this code reads. */
export function readUnits(value: unknown): Int32Array | null {
  return decodeTable<{ entries: Int32Array }>({ entries: value }, UNIT_FIELDS)?.entries ?? null;
}

export function serializeSieve(sieve: Sieve): SerializedSieve {
  return { format: FORMAT, table: encodeTable(sieve, SIEVE_FIELDS) };
}

/** The sieve from its serialized form; null if the form is not one this code reads. */
export function readSieve(value: unknown): Sieve | null {
  const s = value as Partial<SerializedSieve> | null;
  return (s?.format === FORMAT && decodeTable<Sieve>(s.table, SIEVE_FIELDS)) || null;
}

/** The matcher but its sieve (serializeSieve sends that), serialized. */
export function serializeMatcher(matcher: Matcher): SerializedMatcher {
  return {
    format: FORMAT,
    aliases: [...matcher.aliases],
    patterns: [...matcher.patterns],
    patternAliases: matcher.patternAliases.map((a) => [...a]),
    automaton: encodeTable(matcher.automaton, AUTOMATON_FIELDS),
  };
}

/** The matcher from its serialized form and the sieve read before; null if the form is not one this code reads. */
export function readMatcher(value: unknown, sieve: Sieve | null): Matcher | null {
  const s = value as Partial<SerializedMatcher> | null;
  if (
    !s ||
    s.format !== FORMAT ||
    !Array.isArray(s.aliases) ||
    !Array.isArray(s.patterns) ||
    !Array.isArray(s.patternAliases)
  )
    return null;
  const automaton = decodeTable<Automaton>(s.automaton, AUTOMATON_FIELDS);
  return automaton
    ? { aliases: s.aliases, patterns: s.patterns, patternAliases: s.patternAliases, automaton, sieve }
    : null;
}

function encodeTable<T extends object>(table: T, fields: Record<keyof T, ArrayKind>): EncodedTable {
  const encoded: EncodedTable = {};
  for (const name of Object.keys(fields) as (keyof T & string)[]) {
    const array = table[name] as NumberArray;
    encoded[name] = toBase64(new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
  }
  return encoded;
}

/** The table, or undefined if a field is missing or not of its kind. */
function decodeTable<T>(encoded: unknown, fields: Record<string, ArrayKind>): T | undefined {
  if (!encoded || typeof encoded !== 'object') return undefined;
  const table: Record<string, NumberArray> = {};
  for (const [name, kind] of Object.entries(fields)) {
    const text = (encoded as Record<string, unknown>)[name];
    if (typeof text !== 'string') return undefined;
    const bytes = fromBase64(text);
    const ArrayType = ARRAY_KINDS[kind];
    if (!bytes || bytes.byteLength % ArrayType.BYTES_PER_ELEMENT !== 0) return undefined;
    // The bytes are in this machine's order, as the background (on the same machine) wrote them.
    table[name] = new ArrayType(bytes.buffer, bytes.byteOffset, bytes.byteLength / ArrayType.BYTES_PER_ELEMENT);
  }
  return table as T;
}

type Base64Native = { toBase64?: (this: Uint8Array) => string };
type Base64NativeStatic = { fromBase64?: (text: string) => Uint8Array<ArrayBuffer> };

/**
 * Bytes as base64. Browsers from 2025 on (Chrome 140, Firefox 133) do it natively; the fallback
 * goes through a binary string, a chunk at a time.
 */
function toBase64(bytes: Uint8Array): string {
  const native = (Uint8Array.prototype as Base64Native).toBase64;
  if (native) return native.call(bytes);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * The bytes of base64 text, or null if it is not base64. Its buffer is its own (offset 0), so typed arrays of any width
 * can view it.
 */
function fromBase64(text: string): Uint8Array<ArrayBuffer> | null {
  try {
    const native = (Uint8Array as Base64NativeStatic).fromBase64;
    if (native) return native.call(Uint8Array, text);
    const binary = atob(text);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return null;
  }
}
