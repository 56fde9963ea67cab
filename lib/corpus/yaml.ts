/**
 * Reading the corpus's YAML files (glossary, timeline) with line numbers, so every problem the
 * compiler reports points at the line to fix.
 */
import {
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Node as YamlNode,
  type YAMLMap,
  type YAMLSeq,
} from 'yaml';
import { CorpusError } from './documents';

export interface QuoteSpec {
  quote: string;
  doc: string;
  /** Line of the quote in its file, for error messages. */
  line: number;
  /** Who speaks, where the quote does not say; the compiler checks the text names them beside it. */
  speaker?: string;
  /** The pronoun by which the quote names its entry ("he"), where it does not name it otherwise. */
  pronoun?: string;
  /** Gloss's note on a source error the quote keeps verbatim. */
  note?: string;
}

/** What a quote may carry besides `quote` and `doc`. */
type QuoteField = 'speaker' | 'pronoun' | 'note';

export const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

interface YamlReader {
  /** The file's top-level mapping, or a failure naming the file. */
  root(what: string): YAMLMap;
  /** The top-level list under `key`, or a failure naming the file. */
  list(key: string): YAMLSeq['items'];
  lineOf(node: unknown): number;
  fail(message: string, node: unknown): never;
  /** A required non-empty string field of a mapping. */
  str(map: unknown, key: string, where: string): string;
  /** An optional string field; undefined when absent. */
  optionalStr(map: unknown, key: string, where: string): string | undefined;
  /** A list of strings (ids), empty when absent. */
  strings(map: unknown, key: string, where: string): string[];
  /**
   * `{ quote, doc }` at `node`, with the optional fields named in `extra`; `others` are keys the
   * caller reads itself. Any other key fails.
   */
  quoteSpec(node: unknown, where: string, extra?: readonly QuoteField[], others?: readonly string[]): QuoteSpec;
  field(map: unknown, key: string): unknown;
  /** Fails on a key of `map` that is not in `keys`: a misspelt field would otherwise be ignored. */
  onlyKeys(map: unknown, keys: readonly string[], where: string): void;
}

export function readYaml(source: string, file: string): YamlReader {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false });
  if (doc.errors.length) {
    const e = doc.errors[0];
    throw new CorpusError(`YAML: ${e.message.split('\n')[0]}`, file, lineCounter.linePos(e.pos[0]).line);
  }
  const lineOf = (node: unknown): number =>
    node && typeof node === 'object' && 'range' in node && Array.isArray((node as YamlNode).range)
      ? lineCounter.linePos((node as YamlNode).range![0]).line
      : 0;
  const fail = (message: string, node: unknown): never => {
    throw new CorpusError(message, file, lineOf(node));
  };
  const field = (map: unknown, key: string): unknown => (isMap(map) ? map.get(key, true) : undefined);
  const optionalStr = (map: unknown, key: string, where: string): string | undefined => {
    const node = field(map, key);
    if (node === undefined) return undefined;
    if (!isScalar(node) || typeof node.value !== 'string' || !node.value.trim()) {
      return fail(`${where}: "${key}" must be a non-empty string`, node);
    }
    return node.value;
  };
  const str = (map: unknown, key: string, where: string): string =>
    optionalStr(map, key, where) ?? fail(`${where}: "${key}" must be a non-empty string`, map);
  const onlyKeys = (map: unknown, keys: readonly string[], where: string): void => {
    if (!isMap(map)) return;
    for (const pair of map.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (!keys.includes(key)) fail(`${where}: unknown field "${key}" (known: ${keys.join(', ')})`, pair.key);
    }
  };
  const root = (what: string): YAMLMap =>
    isMap(doc.contents) ? doc.contents : fail(`the file must be a mapping ${what}`, doc.contents);
  return {
    root,
    list(key) {
      const list = root(`with a "${key}" list`).get(key, true);
      if (!isSeq(list)) return fail(`"${key}" must be a list`, list ?? doc.contents);
      return list.items;
    },
    lineOf,
    fail,
    str,
    optionalStr,
    field,
    strings(map, key, where) {
      const node = field(map, key);
      if (node === undefined) return [];
      if (!isSeq(node)) return fail(`${where}: ${key} must be a list of entry ids`, node);
      return node.items.map((r) =>
        isScalar(r) && typeof r.value === 'string' ? r.value : fail(`${where}: ${key} must be a list of entry ids`, r),
      );
    },
    onlyKeys,
    quoteSpec(node, where, extra = [], others = []) {
      if (!isMap(node)) return fail(`${where} must be { quote, doc }`, node);
      onlyKeys(node, ['quote', 'doc', ...extra, ...others], where);
      const spec: QuoteSpec = {
        quote: str(node, 'quote', where),
        doc: str(node, 'doc', where),
        line: lineOf(field(node, 'quote')),
      };
      for (const key of extra) {
        const value = optionalStr(node, key, where);
        if (value !== undefined) spec[key] = value;
      }
      return spec;
    },
  };
}
