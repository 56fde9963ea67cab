/**
 * Reads and checks the glossary (corpus/glossary.yaml). Every problem is reported with the file and
 * the line it is on, so the build's message points straight at the fix.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import type { CaseRule } from '../match/matcher';
import { CorpusError } from './documents';
import { ENTRY_KINDS, type EntryKind } from './types';

export interface QuoteSpec {
  quote: string;
  doc: string;
  /** Line of the quote in the glossary file, for error messages. */
  line: number;
}

export interface AliasInput {
  text: string;
  caseRule: CaseRule;
  ambiguous: boolean;
}

export interface GlossaryEntry {
  id: string;
  name: string;
  kind: EntryKind;
  aliases: AliasInput[];
  label: QuoteSpec;
  facts: QuoteSpec[];
  related: string[];
  line: number;
}

const CASE_RULES: readonly CaseRule[] = ['any', 'name', 'acronym'];
export const MAX_FACTS = 6;

/** The case rule an alias gets when the glossary does not say. */
export function defaultCaseRule(text: string, kind: EntryKind): CaseRule {
  if (/^[\p{Lu}\d]{2,6}$/u.test(text) && /\p{Lu}/u.test(text)) return 'acronym';
  if (kind === 'person' || kind === 'place' || kind === 'institution' || kind === 'media' || kind === 'party') return 'name';
  return 'any';
}

export function parseGlossary(source: string, file: string): GlossaryEntry[] {
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

  const root = doc.contents;
  if (!isMap(root)) return fail('the glossary must be a mapping with an "entries" list', root);
  const list = root.get('entries', true);
  if (!isSeq(list)) return fail('"entries" must be a list', list ?? root);

  const str = (map: YamlNode, key: string, where: string): string => {
    const node = isMap(map) ? map.get(key, true) : undefined;
    if (!isScalar(node) || typeof node.value !== 'string' || !node.value.trim()) {
      return fail(`${where}: "${key}" must be a non-empty string`, node ?? map);
    }
    return node.value;
  };
  const quoteSpec = (node: unknown, where: string): QuoteSpec => {
    if (!isMap(node)) return fail(`${where} must be { quote, doc }`, node);
    const quoteNode = node.get('quote', true);
    return { quote: str(node, 'quote', where), doc: str(node, 'doc', where), line: lineOf(quoteNode) };
  };

  const seen = new Map<string, number>();
  const entries: GlossaryEntry[] = [];
  for (const item of list.items) {
    if (!isMap(item)) fail('each entry must be a mapping', item);
    const map = item as YamlNode;
    const id = str(map, 'id', 'entry');
    const where = `entry "${id}"`;
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) fail(`${where}: id must be lower-case words joined by hyphens`, map);
    if (seen.has(id)) fail(`${where}: the id is used twice (first on line ${seen.get(id)})`, map);
    seen.set(id, lineOf(map));
    const name = str(map, 'name', where);
    const kind = str(map, 'kind', where) as EntryKind;
    if (!ENTRY_KINDS.includes(kind)) fail(`${where}: kind must be one of ${ENTRY_KINDS.join(', ')}`, isMap(map) ? map.get('kind', true) : map);

    const aliases: AliasInput[] = [{ text: name, caseRule: defaultCaseRule(name, kind), ambiguous: false }];
    const aliasList = isMap(map) ? map.get('aliases', true) : undefined;
    if (aliasList !== undefined && !isSeq(aliasList)) fail(`${where}: aliases must be a list`, aliasList);
    for (const a of isSeq(aliasList) ? aliasList.items : []) {
      if (isScalar(a) && typeof a.value === 'string' && a.value.trim()) {
        aliases.push({ text: a.value, caseRule: defaultCaseRule(a.value, kind), ambiguous: false });
      } else if (isMap(a)) {
        const text = str(a, 'text', `${where} alias`);
        const caseNode = a.get('case', true);
        const caseRule = (isScalar(caseNode) ? caseNode.value : defaultCaseRule(text, kind)) as CaseRule;
        if (!CASE_RULES.includes(caseRule)) fail(`${where}: alias case must be one of ${CASE_RULES.join(', ')}`, caseNode);
        const ambiguousNode = a.get('ambiguous', true);
        if (ambiguousNode !== undefined && !(isScalar(ambiguousNode) && typeof ambiguousNode.value === 'boolean')) {
          fail(`${where}: alias "ambiguous" must be true or false`, ambiguousNode);
        }
        aliases.push({ text, caseRule, ambiguous: isScalar(ambiguousNode) && ambiguousNode.value === true });
      } else {
        fail(`${where}: an alias must be a string or { text, case, ambiguous }`, a);
      }
    }

    const label = quoteSpec(isMap(map) ? map.get('label', true) : undefined, `${where} label`);
    if (label.quote.length > 160) fail(`${where}: the label is a short phrase (160 characters at most)`, map);
    const factList = isMap(map) ? map.get('facts', true) : undefined;
    if (!isSeq(factList) || factList.items.length < 1 || factList.items.length > MAX_FACTS) {
      fail(`${where}: facts must be a list of 1 to ${MAX_FACTS} quotes`, factList ?? map);
    }
    const facts = (factList as unknown as { items: unknown[] }).items.map((f, i) => quoteSpec(f, `${where} fact ${i + 1}`));

    const relatedNode = isMap(map) ? map.get('related', true) : undefined;
    const related: string[] = [];
    if (relatedNode !== undefined) {
      if (!isSeq(relatedNode)) fail(`${where}: related must be a list of entry ids`, relatedNode);
      for (const r of (relatedNode as unknown as { items: unknown[] }).items) {
        if (!isScalar(r) || typeof r.value !== 'string') fail(`${where}: related must be a list of entry ids`, r);
        related.push((r as { value: string }).value);
      }
    }
    entries.push({ id, name, kind, aliases, label, facts, related, line: lineOf(map) });
  }

  for (const entry of entries) {
    for (const r of entry.related) {
      if (!seen.has(r)) throw new CorpusError(`entry "${entry.id}": related entry "${r}" does not exist`, file, entry.line);
      if (r === entry.id) throw new CorpusError(`entry "${entry.id}" lists itself as related`, file, entry.line);
    }
  }
  return entries;
}
