import { compileCorpusDir, readCorpus } from '../lib/corpus/load';
import type { KnowledgeBundle } from '../lib/corpus/types';

let bundle: Promise<KnowledgeBundle> | null = null;
/** The real corpus, compiled once per test file. */
export function realBundle(): Promise<KnowledgeBundle> {
  bundle ??= compileCorpusDir('corpus');
  return bundle;
}

export { readCorpus };
