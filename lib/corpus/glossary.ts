/**
 * Reads and checks the glossary (corpus/glossary.yaml). Every problem is reported with the file and
 * the line it is on, so the build's message points straight at the fix.
 */
import { isMap, isScalar, isSeq } from 'yaml';
import { defaultCaseRule } from '../match/case-rule';
import type { CaseRule } from '../match/matcher';
import { CorpusError } from './documents';
import { ENTRY_KINDS, type EntryKind } from './types';
import { ID_PATTERN, readYaml, type QuoteSpec } from './yaml';

export type { QuoteSpec };

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


export function parseGlossary(source: string, file: string): GlossaryEntry[] {
  const { list, lineOf, fail, str, field, strings, quoteSpec } = readYaml(source, file);
  const seen = new Map<string, number>();
  const entries: GlossaryEntry[] = [];
  for (const map of list('entries')) {
    if (!isMap(map)) fail('each entry must be a mapping', map);
    const id = str(map, 'id', 'entry');
    const where = `entry "${id}"`;
    if (!ID_PATTERN.test(id)) fail(`${where}: id must be lower-case words joined by hyphens`, map);
    if (seen.has(id)) fail(`${where}: the id is used twice (first on line ${seen.get(id)})`, map);
    seen.set(id, lineOf(map));
    const name = str(map, 'name', where);
    const kind = str(map, 'kind', where) as EntryKind;
    if (!ENTRY_KINDS.includes(kind)) fail(`${where}: kind must be one of ${ENTRY_KINDS.join(', ')}`, field(map, 'kind'));

    const aliases: AliasInput[] = [{ text: name, caseRule: defaultCaseRule(name, kind), ambiguous: false }];
    const aliasList = field(map, 'aliases');
    if (aliasList !== undefined && !isSeq(aliasList)) fail(`${where}: aliases must be a list`, aliasList);
    for (const a of isSeq(aliasList) ? aliasList.items : []) {
      if (isScalar(a) && typeof a.value === 'string' && a.value.trim()) {
        aliases.push({ text: a.value, caseRule: defaultCaseRule(a.value, kind), ambiguous: false });
      } else if (isMap(a)) {
        const text = str(a, 'text', `${where} alias`);
        const caseNode = field(a, 'case');
        const caseRule = (isScalar(caseNode) ? caseNode.value : defaultCaseRule(text, kind)) as CaseRule;
        if (!CASE_RULES.includes(caseRule)) fail(`${where}: alias case must be one of ${CASE_RULES.join(', ')}`, caseNode);
        const ambiguousNode = field(a, 'ambiguous');
        if (ambiguousNode !== undefined && !(isScalar(ambiguousNode) && typeof ambiguousNode.value === 'boolean')) {
          fail(`${where}: alias "ambiguous" must be true or false`, ambiguousNode);
        }
        aliases.push({ text, caseRule, ambiguous: isScalar(ambiguousNode) && ambiguousNode.value === true });
      } else {
        fail(`${where}: an alias must be a string or { text, case, ambiguous }`, a);
      }
    }

    const label = quoteSpec(field(map, 'label'), `${where} label`);
    if (label.quote.length > 160) fail(`${where}: the label is a short phrase (160 characters at most)`, map);
    const factList = field(map, 'facts');
    if (!isSeq(factList) || factList.items.length < 1 || factList.items.length > MAX_FACTS) {
      fail(`${where}: facts must be a list of 1 to ${MAX_FACTS} quotes`, factList ?? map);
    }
    const facts = (factList as unknown as { items: unknown[] }).items.map((f, i) => quoteSpec(f, `${where} fact ${i + 1}`));

    const related = strings(map, 'related', where);
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
