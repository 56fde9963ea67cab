/** The case rule an alias gets when no one says: from the glossary, or from a reader's own entry. */
import type { EntryKind } from '../corpus/types';
import type { CaseRule } from './matcher';

export function defaultCaseRule(text: string, kind: EntryKind): CaseRule {
  if (/^[\p{Lu}\d]{2,6}$/u.test(text) && /\p{Lu}/u.test(text)) return 'acronym';
  if (kind === 'person' || kind === 'place' || kind === 'institution' || kind === 'media' || kind === 'party')
    return 'name';
  return 'any';
}
