import { t, type MessageKey } from '../lib/i18n';
import type { EntryKind } from '../lib/corpus/types';

const KIND_MESSAGES: Record<EntryKind, MessageKey> = {
  person: 'kindPerson',
  party: 'kindParty',
  institution: 'kindInstitution',
  media: 'kindMedia',
  policy: 'kindPolicy',
  slogan: 'kindSlogan',
  initiative: 'kindInitiative',
  agreement: 'kindAgreement',
  place: 'kindPlace',
  event: 'kindEvent',
  concept: 'kindConcept',
};

/** How a kind of entry is named in the interface. */
export const kindLabel = (kind: EntryKind): string => t(KIND_MESSAGES[kind]);
