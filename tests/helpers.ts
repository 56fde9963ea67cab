import { buildPack, readCorpus } from '../adapters/node-corpus';
import type { DocumentInfo, KnowledgeBundle } from '../lib/corpus/types';
import { packBundle, packHash, type CompiledPack, type PackFile } from '../lib/packs/format';
import type { GlossDatabase } from '../lib/store/db';
import { runJob } from '../lib/user/jobs';

let pack: Promise<PackFile> | null = null;
/** The bundled pack, built from corpus/ once per test file, as the extension's build does. */
export function realPack(): Promise<PackFile> {
  pack ??= buildPack('corpus');
  return pack;
}

/** The real corpus, compiled: the bundled pack's contents. */
export async function realBundle(): Promise<KnowledgeBundle> {
  return packBundle(await realPack());
}

/**
 * A pack with its compiled corpus changed by `change`, and hashed again: a new release of it, as its builder would
 * make.
 */
export async function repack(
  pack: PackFile,
  change: (compiled: CompiledPack) => CompiledPack,
  manifest: Partial<PackFile['manifest']> = {},
): Promise<PackFile> {
  const next = { ...pack, manifest: { ...pack.manifest, ...manifest }, compiled: change(pack.compiled) };
  return { ...next, hash: await packHash(next) };
}

export { readCorpus };

/** Imports a text (or a file's bytes) as the options page does, through the worker's job. */
export async function importDocument(
  db: GlossDatabase,
  content: string | Uint8Array,
  details: { title?: string; outlet?: string; date?: string; fileName?: string } = {},
  allowDuplicate = false,
): Promise<DocumentInfo> {
  const file = new Blob([content as BlobPart]);
  const request = {
    kind: 'import' as const,
    file,
    fileName: details.fileName ?? '',
    mimeType: '',
    details: { title: details.title ?? '', outlet: details.outlet ?? null, date: details.date ?? null },
    allowDuplicate,
  };
  const result = await runJob(db, request, { report: () => {}, cancelled: () => false });
  if (result.kind !== 'import') throw new Error(`not an import: ${result.kind}`);
  return result.document;
}
