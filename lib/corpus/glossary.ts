/**
 * Reads and checks the glossary (corpus/glossary.yaml). Every problem is reported with the file and
 * the line it is on, so the build's message points straight at the fix.
 */
import { isMap, isScalar, isSeq } from 'yaml';
import { defaultCaseRule } from '../match/case-rule';
import { EVIDENCE_LEVELS, SIDES, type Evidence, type Side } from '../match/evidence';
import type { CaseRule } from '../match/matcher';
import { CorpusError } from './documents';
import { ENTRY_KINDS, type EntryKind } from './types';
import { ID_PATTERN, readYaml, type QuoteSpec } from './yaml';

export type { QuoteSpec };

interface AliasInput {
  text: string;
  caseRule: CaseRule;
  needs?: Evidence;
  /** Cue groups as written: each item an entry id or a word (resolved by the compiler). */
  near?: string[][];
  /** The source's own misspelling of the name: it needs the entry or a related one on the page. */
  misspelling?: true;
}

interface GlossaryEntry {
  id: string;
  name: string;
  kind: EntryKind;
  side?: Side;
  aliases: AliasInput[];
  /** Longer names that hold one of the aliases and mean something else. */
  not: string[];
  /** Absent where no sentence of the corpus defines the entry. */
  label?: QuoteSpec;
  facts: QuoteSpec[];
  related: string[];
  line: number;
}

const CASE_RULES: readonly CaseRule[] = ['any', 'name', 'acronym'];
const MAX_FACTS = 6;
const ENTRY_FIELDS = ['id', 'name', 'kind', 'side', 'aliases', 'not', 'label', 'facts', 'related'];
const ALIAS_FIELDS = ['text', 'case', 'needs', 'near', 'misspelling'];

export function parseGlossary(source: string, file: string): GlossaryEntry[] {
  const { list, lineOf, fail, str, field, strings, quoteSpec, onlyKeys } = readYaml(source, file);
  const seen = new Map<string, number>();
  const entries: GlossaryEntry[] = [];
  /** A scalar string or a list of them, as a list. */
  const oneOrMany = (node: unknown, what: string): string[] => {
    if (isScalar(node) && node.value !== null && String(node.value).trim()) return [String(node.value)];
    if (isSeq(node) && node.items.length) return node.items.map((item) => oneOrMany(item, what)[0]);
    return fail(`${what} must be a word, an entry id, or a list of them`, node);
  };
  const parseAlias = (a: unknown, where: string, kind: EntryKind): AliasInput => {
    if (isScalar(a) && typeof a.value === 'string' && a.value.trim())
      return { text: a.value, caseRule: defaultCaseRule(a.value, kind) };
    if (!isMap(a)) return fail(`${where}: an alias must be a string or { text, case, needs, near, misspelling }`, a);
    onlyKeys(a, ALIAS_FIELDS, `${where} alias`);
    const text = str(a, 'text', `${where} alias`);
    const caseNode = field(a, 'case');
    const caseRule = (isScalar(caseNode) ? caseNode.value : defaultCaseRule(text, kind)) as CaseRule;
    if (!CASE_RULES.includes(caseRule)) fail(`${where}: alias case must be one of ${CASE_RULES.join(', ')}`, caseNode);
    const misspellingNode = field(a, 'misspelling');
    if (misspellingNode !== undefined && !(isScalar(misspellingNode) && misspellingNode.value === true)) {
      fail(`${where}: alias "${text}": misspelling must be true when given`, misspellingNode);
    }
    const needsNode = field(a, 'needs');
    const needs = (isScalar(needsNode) ? needsNode.value : misspellingNode ? 'related' : undefined) as
      Evidence | undefined;
    if (needsNode !== undefined && !EVIDENCE_LEVELS.includes(needs as Evidence)) {
      fail(`${where}: alias "${text}": needs must be one of ${EVIDENCE_LEVELS.join(', ')}`, needsNode);
    }
    const nearNode = field(a, 'near');
    const near =
      nearNode === undefined
        ? undefined
        : isSeq(nearNode)
          ? nearNode.items.map((g) => oneOrMany(g, `${where}: alias "${text}": each group of near`))
          : fail(`${where}: alias "${text}": near must be a list of groups`, nearNode);
    const bySentence = needs === 'sentence' || needs === 'sentence-only';
    if (bySentence && !near?.length)
      fail(`${where}: alias "${text}": needs ${needs} names what the sentence must hold in "near"`, a);
    if (!bySentence && near)
      fail(`${where}: alias "${text}": "near" is read only with needs: sentence or sentence-only`, nearNode);
    return {
      text,
      caseRule,
      ...(needs ? { needs } : {}),
      ...(near ? { near } : {}),
      ...(misspellingNode ? { misspelling: true as const } : {}),
    };
  };
  for (const map of list('entries')) {
    if (!isMap(map)) fail('each entry must be a mapping', map);
    const id = str(map, 'id', 'entry');
    const where = `entry "${id}"`;
    onlyKeys(map, ENTRY_FIELDS, where);
    if (!ID_PATTERN.test(id)) fail(`${where}: id must be lower-case words joined by hyphens`, map);
    if (seen.has(id)) fail(`${where}: the id is used twice (first on line ${seen.get(id)})`, map);
    seen.set(id, lineOf(map));
    const name = str(map, 'name', where);
    const kind = str(map, 'kind', where) as EntryKind;
    if (!ENTRY_KINDS.includes(kind))
      fail(`${where}: kind must be one of ${ENTRY_KINDS.join(', ')}`, field(map, 'kind'));
    const sideNode = field(map, 'side');
    const side = isScalar(sideNode) ? (sideNode.value as Side) : undefined;
    if (sideNode !== undefined && !SIDES.includes(side as Side))
      fail(`${where}: side must be one of ${SIDES.join(', ')}`, sideNode);

    const aliases: AliasInput[] = [{ text: name, caseRule: defaultCaseRule(name, kind) }];
    const aliasList = field(map, 'aliases');
    if (aliasList !== undefined && !isSeq(aliasList)) fail(`${where}: aliases must be a list`, aliasList);
    for (const a of isSeq(aliasList) ? aliasList.items : []) {
      const alias = parseAlias(a, where, kind);
      // The name listed again, to give it a `needs`, replaces the name's own firm alias.
      if (alias.text.normalize('NFC') === name.normalize('NFC')) aliases[0] = alias;
      else aliases.push(alias);
    }
    const notNode = field(map, 'not');
    const not = notNode === undefined ? [] : oneOrMany(notNode, `${where}: not`);

    const labelNode = field(map, 'label');
    const label =
      labelNode === undefined || (isScalar(labelNode) && labelNode.value === null)
        ? undefined
        : quoteSpec(labelNode, `${where} label`);
    if (label && label.quote.length > 160)
      fail(`${where}: the label is a short phrase (160 characters at most)`, labelNode);
    // An empty list says the documents only name the entry; a missing one would be a forgotten field.
    const factList = field(map, 'facts');
    if (!isSeq(factList) || factList.items.length > MAX_FACTS) {
      fail(
        `${where}: facts must be a list of at most ${MAX_FACTS} quotes ([] where the documents say nothing about it)`,
        factList ?? map,
      );
    }
    const facts = (factList as unknown as { items: unknown[] }).items.map((f, i) =>
      quoteSpec(f, `${where} fact ${i + 1}`, ['speaker', 'pronoun', 'note']),
    );

    const related = strings(map, 'related', where);
    entries.push({
      id,
      name,
      kind,
      ...(side ? { side } : {}),
      aliases,
      not,
      ...(label ? { label } : {}),
      facts,
      related,
      line: lineOf(map),
    });
  }

  for (const entry of entries) {
    for (const r of entry.related) {
      if (!seen.has(r))
        throw new CorpusError(`entry "${entry.id}": related entry "${r}" does not exist`, file, entry.line);
      if (r === entry.id) throw new CorpusError(`entry "${entry.id}" lists itself as related`, file, entry.line);
    }
  }
  return entries;
}
