/**
 * Reads corpus/ from disk for the compiler (Node only: the build, `npm run corpus` and tests).
 * Each article `NAME.txt` has its metadata beside it in `NAME.meta.yaml`.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { compileCorpus, type CompileInput, type CorpusFile } from './compile';
import { CorpusError } from './documents';
import type { KnowledgeBundle } from './types';

export const GLOSSARY_FILE = 'glossary.yaml';
export const TIMELINE_FILE = 'timeline.yaml';
export const EXCLUSIONS_FILE = 'exclusions.yaml';

export async function readCorpus(dir: string): Promise<CompileInput> {
  const names = (await readdir(dir)).sort();
  const documents: CorpusFile[] = [];
  for (const file of names.filter((n) => n.endsWith('.txt'))) {
    const metaFile = file.replace(/\.txt$/, '.meta.yaml');
    if (!names.includes(metaFile)) throw new CorpusError(`no metadata beside it (expected ${metaFile})`, join(dir, file));
    const metaText = await readFile(join(dir, metaFile), 'utf8');
    let meta: unknown;
    try {
      meta = parse(metaText);
    } catch (e) {
      throw new CorpusError(`YAML: ${(e as Error).message.split('\n')[0]}`, join(dir, metaFile));
    }
    documents.push({ file, text: await readFile(join(dir, file), 'utf8'), metaFile: join(dir, metaFile), meta });
  }
  const glossaryPath = join(dir, GLOSSARY_FILE);
  const timelinePath = join(dir, TIMELINE_FILE);
  const exclusionsPath = join(dir, EXCLUSIONS_FILE);
  return {
    documents,
    glossary: { file: glossaryPath, text: await readFile(glossaryPath, 'utf8') },
    timeline: { file: timelinePath, text: await readFile(timelinePath, 'utf8') },
    exclusions: { file: exclusionsPath, text: await readFile(exclusionsPath, 'utf8') },
  };
}

export async function compileCorpusDir(dir: string): Promise<KnowledgeBundle> {
  return compileCorpus(await readCorpus(dir));
}
