/**
 * Why Gloss refused what it was given — a document, an entry, a backup, a knowledge pack, a message —
 * and changed nothing. One error class for all of them: `refusal.kind` says what was refused,
 * `refusal.problem` why (it picks the message the reader sees, lib/user/failures.ts), `detail` where
 * or what it concerns.
 */
import type { DocumentInfo } from './corpus/types';
import type { PackProblem } from './packs/read';
import type { BackupProblem } from './user/backup';
import type { DocumentProblem } from './user/document-text';
import type { EntryProblem } from './user/entries';

export type Refusal =
  | {
      kind: 'document';
      problem: DocumentProblem;
      detail: string;
      /** For 'duplicate': the stored document with the same text. */ existing?: DocumentInfo;
    }
  | { kind: 'entry'; problem: EntryProblem; detail: string }
  /** `detail`: where in the file, for 'malformed'. */
  | { kind: 'backup'; problem: BackupProblem; detail: string }
  /** `detail`: where in the file, or the installed version, or the format. */
  | { kind: 'pack'; problem: PackProblem; detail: string }
  /** `detail`: the message's type, and what in it does not meet its schema. */
  | { kind: 'message'; problem: 'data' | 'answer'; detail: string };

export class Refused extends Error {
  constructor(readonly refusal: Refusal) {
    super(`${refusal.kind} refused: ${refusal.problem}${refusal.detail ? ` (${refusal.detail})` : ''}`);
    this.name = 'Refused';
  }
}

/** The refusal of each kind of thing, by its problem. */
export const refuse = {
  document: (problem: DocumentProblem, existing?: DocumentInfo) =>
    new Refused({ kind: 'document', problem, detail: existing?.title ?? '', ...(existing ? { existing } : {}) }),
  entry: (problem: EntryProblem) => new Refused({ kind: 'entry', problem, detail: '' }),
  backup: (problem: BackupProblem, detail = '') => new Refused({ kind: 'backup', problem, detail }),
  pack: (problem: PackProblem, detail = '') => new Refused({ kind: 'pack', problem, detail }),
  message: (problem: 'data' | 'answer', detail: string) => new Refused({ kind: 'message', problem, detail }),
};

/** Whether `error` refused a thing of `kind`. */
export function refusedAs<K extends Refusal['kind']>(
  error: unknown,
  kind: K,
): error is Refused & { refusal: Extract<Refusal, { kind: K }> } {
  return error instanceof Refused && error.refusal.kind === kind;
}
