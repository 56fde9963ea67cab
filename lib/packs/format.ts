/**
 * The knowledge pack format (docs/packs.md): one JSON file, `NAME.gloss`, that holds a manifest, the
 * folder's YAML as its authors wrote it, the compiled corpus Gloss loads (documents as paragraphs,
 * entries, aliases, mentions, timeline, the compiler's report) and a SHA-256 hash of all of it. The
 * bundled corpus is a pack too, built by the same code (lib/packs/build.ts). What Gloss derives from
 * the text on install (the search records, the pages it stores) is not in the file.
 */
import { sha256 } from '../corpus/compile';
import type { KnowledgeBundle, Perspective } from '../corpus/types';

/** The pack format this Gloss writes and reads; a pack of a higher one is refused as newer. */
export const PACK_FORMAT = 1;
/** The file name's ending. */
export const PACK_EXTENSION = '.gloss';
/**
 * The largest pack file Gloss reads: four times the generated benchmark pack of 1,000 documents
 * (about 20 MB), well under what a worker can parse in memory (README states it).
 */
export const MAX_PACK_BYTES = 100 * 1024 * 1024;
/** A pack's id: lower-case words joined by hyphens, short enough to prefix its documents' ids. */
export const PACK_ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const MAX_PACK_ID = 40;
/** Versions are dotted numbers ("1", "1.2", "2.0.1"); a newer one replaces an installed pack. */
export const VERSION_PATTERN = /^\d{1,6}(\.\d{1,6}){0,3}$/;

/** Who publishes one of the pack's documents, as its metadata says. */
export interface PackSource {
  doc: string;
  title: string;
  outlet: string | null;
  perspective: Perspective;
}

export interface PackManifest {
  id: string;
  title: string;
  version: string;
  authors: string[];
  licence: string;
  /** YYYY-MM-DD, as the pack's authors give it. */
  created: string;
  description?: string;
  /** Each document, with who publishes it. */
  sources: PackSource[];
}

/** The compiled corpus as a pack carries it: the knowledge bundle without its own hash (the pack's covers it). */
export type CompiledPack = Omit<KnowledgeBundle, 'hash'>;

export interface PackFile {
  /** First in the file: says it is a pack, and of which format, before anything else is read. */
  glossPack: number;
  manifest: PackManifest;
  /** The folder's glossary, timeline and exclusions exactly as written: what was compiled. */
  yaml: { glossary: string; timeline: string; exclusions: string };
  compiled: CompiledPack;
  /** SHA-256 of the rest, serialized as JSON (whitespace aside: the same content, the same hash). */
  hash: string;
}

/** The hash a pack's content must carry. */
export function packHash(pack: Omit<PackFile, 'hash'>): Promise<string> {
  return sha256(
    JSON.stringify({ glossPack: pack.glossPack, manifest: pack.manifest, yaml: pack.yaml, compiled: pack.compiled }),
  );
}

/** The pack's compiled corpus as the store and the in-memory fallback read it. */
export function packBundle(pack: PackFile): KnowledgeBundle {
  return { ...pack.compiled, hash: pack.hash };
}

/** Compares two versions number by number ("1.10" is newer than "1.9"): negative, zero or positive. */
export function compareVersions(a: string, b: string): number {
  const x = a.split('.').map(Number);
  const y = b.split('.').map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d) return d;
  }
  return 0;
}

/**
 * Ids of a pack installed beside others are prefixed with the pack's ("mekong-reports--report-12"),
 * so two packs may use the same ids; no compiled id holds "--". The bundled pack keeps its own: its
 * ids are in the reader's labels and in addresses saved before there were packs.
 */
export const QUALIFIER = '--';
export const qualifiedId = (packId: string, id: string) => `${packId}${QUALIFIER}${id}`;
