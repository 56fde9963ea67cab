import type { EntryKind } from '../lib/corpus/types';

/** How each kind of entry is named in the interface. */
export const KIND_LABELS: Record<EntryKind, string> = {
  person: 'Person', party: 'Party', institution: 'Institution', media: 'Media', policy: 'Policy',
  initiative: 'Initiative', agreement: 'Agreement', place: 'Place', event: 'Event', concept: 'Concept',
};
