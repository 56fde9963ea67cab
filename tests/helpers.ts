import { compileCorpusDir, readCorpus } from '../lib/corpus/load';
import type { DocumentInfo, KnowledgeBundle } from '../lib/corpus/types';
import type { GlossDatabase } from '../lib/store/db';
import { runJob } from '../lib/user/jobs';

let bundle: Promise<KnowledgeBundle> | null = null;
/** The real corpus, compiled once per test file. */
export function realBundle(): Promise<KnowledgeBundle> {
  bundle ??= compileCorpusDir('corpus');
  return bundle;
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
  const request = { kind: 'import' as const, file, fileName: details.fileName ?? '', mimeType: '', details: { title: details.title ?? '', outlet: details.outlet ?? null, date: details.date ?? null }, allowDuplicate };
  const result = await runJob(db, request, { report: () => {}, cancelled: () => false });
  if (result.kind !== 'import') throw new Error(`not an import: ${result.kind}`);
  return result.document;
}
