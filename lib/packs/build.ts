/**
 * Building a pack from a folder laid out like corpus/ (read from disk by adapters/node-corpus.ts, for
 * `npm run pack`, the extension's build for the bundled pack, tests and the benchmark). The folder's
 * documents, glossary, timeline and exclusions go through the corpus compiler unchanged — every
 * quote verified, the review, the coverage, the matcher's evidence rules — and its `pack.yaml` gives
 * the manifest.
 */
import { isScalar, isSeq } from 'yaml';
import { compileCorpus, type CompileInput } from '../corpus/compile';
import { USER_ID_PREFIX } from '../corpus/types';
import { readYaml } from '../corpus/yaml';
import {
  MAX_PACK_ID,
  PACK_FORMAT,
  PACK_ID_PATTERN,
  packHash,
  VERSION_PATTERN,
  type PackFile,
  type PackManifest,
} from './format';

export const MANIFEST_FILE = 'pack.yaml';
const MANIFEST_FIELDS = ['id', 'title', 'version', 'authors', 'licence', 'created', 'description'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const WHERE = 'the manifest';

/** The manifest's own fields (the sources come from the documents' metadata); every problem with its line. */
export function parseManifest(source: string, file: string): Omit<PackManifest, 'sources'> {
  const { root, fail, str, optionalStr, field, onlyKeys } = readYaml(source, file);
  const map = root('of id, title, version, authors, licence and created');
  onlyKeys(map, MANIFEST_FIELDS, WHERE);
  const id = str(map, 'id', WHERE);
  if (!PACK_ID_PATTERN.test(id) || id.length > MAX_PACK_ID)
    fail(
      `"id" must be lower-case words joined by hyphens, at most ${MAX_PACK_ID} characters, not "${id}"`,
      field(map, 'id'),
    );
  if (id.startsWith(USER_ID_PREFIX))
    fail(`"id" may not start with "${USER_ID_PREFIX}", which is kept for the reader's own data`, field(map, 'id'));
  // A version or a date may be written unquoted; YAML then reads a number or a string, so both are read as text.
  const scalarText = (key: string) => {
    const node = field(map, key);
    return { node: node ?? map, text: isScalar(node) && node.value !== null ? String(node.value) : '' };
  };
  const version = scalarText('version');
  if (!VERSION_PATTERN.test(version.text))
    fail(`"version" must be dotted numbers ("1.0.0"), not "${version.text}"`, version.node);
  const created = scalarText('created');
  if (!DATE.test(created.text)) fail(`"created" must be a date, YYYY-MM-DD, not "${created.text}"`, created.node);
  const authorsNode = field(map, 'authors');
  if (!isSeq(authorsNode) || authorsNode.items.length === 0)
    fail('"authors" must be a list of names', authorsNode ?? map);
  const authors = (authorsNode as { items: unknown[] }).items.map((a) =>
    isScalar(a) && typeof a.value === 'string' && a.value.trim()
      ? a.value
      : fail('"authors" must be a list of names', a),
  );
  const description = optionalStr(map, 'description', WHERE);
  return {
    id,
    title: str(map, 'title', WHERE),
    version: version.text,
    authors,
    licence: str(map, 'licence', WHERE),
    created: created.text,
    ...(description ? { description } : {}),
  };
}

/**
 * Compiles a folder's manifest and corpus into a pack; a CorpusError names the file, the line and the nearest text of
 * what is wrong.
 */
export async function packFromCorpus(
  manifestFile: { file: string; text: string },
  input: CompileInput,
): Promise<PackFile> {
  const manifest = parseManifest(manifestFile.text, manifestFile.file);
  const { hash: _, ...compiled } = await compileCorpus(input);
  const sources = compiled.documents.map((d) => ({
    doc: d.id,
    title: d.title,
    outlet: d.outlet,
    perspective: d.perspective ?? 'not-stated',
  }));
  const pack = {
    glossPack: PACK_FORMAT,
    manifest: { ...manifest, sources },
    yaml: { glossary: input.glossary.text, timeline: input.timeline.text, exclusions: input.exclusions.text },
    compiled,
  };
  return { ...pack, hash: await packHash(pack) };
}
