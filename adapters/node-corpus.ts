/**
 * Reads a corpus folder (corpus/, or a pack's folder laid out like it) from disk, for Node only: the
 * build, `npm run corpus`, `npm run pack`, the tests and the benchmark. Each article `NAME.txt` has
 * its metadata beside it in `NAME.meta.yaml`; compiling it is lib/corpus's and lib/packs's work.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { compileCorpus, type CompileInput, type CorpusFile } from '../lib/corpus/compile';
import { CorpusError } from '../lib/corpus/documents';
import type { KnowledgeBundle } from '../lib/corpus/types';
import { MANIFEST_FILE, packFromCorpus } from '../lib/packs/build';
import type { PackFile } from '../lib/packs/format';

const GLOSSARY_FILE = 'glossary.yaml';
const TIMELINE_FILE = 'timeline.yaml';
const EXCLUSIONS_FILE = 'exclusions.yaml';

export async function readCorpus(dir: string): Promise<CompileInput> {
  const names = (await readdir(dir)).sort();
  const documents: CorpusFile[] = [];
  for (const file of names.filter((n) => n.endsWith('.txt'))) {
    const metaFile = file.replace(/\.txt$/, '.meta.yaml');
    if (!names.includes(metaFile))
      throw new CorpusError(`no metadata beside it (expected ${metaFile})`, join(dir, file));
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

/** Compiles a folder into a pack; a CorpusError names the file, the line and the nearest text of what is wrong. */
export async function buildPack(dir: string): Promise<PackFile> {
  const manifestPath = join(dir, MANIFEST_FILE);
  return packFromCorpus({ file: manifestPath, text: await readFile(manifestPath, 'utf8') }, await readCorpus(dir));
}
