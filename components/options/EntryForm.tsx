/**
 * Defining an entry: its name and other spellings, its kind, and a label chosen from the sentences
 * of any document (bundled or the reader's own), so the label is a quote like every other.
 */
import { useEffect, useState } from 'preact/hooks';
import type { DocumentInfo, EntryKind, Paragraph } from '../../lib/corpus/types';
import { ENTRY_KINDS } from '../../lib/corpus/types';
import { t } from '../../lib/i18n';
import type { EntryInput } from '../../lib/user/entries';
import { kindLabel } from '../kinds';
import { Outcome } from './Outcome';

export interface EntryFormProps {
  /** Every document, bundled and the reader's; null while the store is being read. */
  documents: readonly DocumentInfo[] | null;
  paragraphsOf(docId: string): Promise<Paragraph[]>;
  message: { error: boolean; text: string } | null;
  onAdd(input: EntryInput): void;
}

export function EntryForm({ documents, paragraphsOf, message, onAdd }: EntryFormProps) {
  const [name, setName] = useState('');
  const [aliases, setAliases] = useState('');
  const [kind, setKind] = useState<EntryKind>('person');
  const [docId, setDocId] = useState('');
  const [paragraphs, setParagraphs] = useState<Paragraph[]>([]);
  const [paragraphN, setParagraphN] = useState(0);
  const [sentence, setSentence] = useState(0);
  useEffect(() => {
    setParagraphs([]);
    setParagraphN(0);
    if (docId) void paragraphsOf(docId).then(setParagraphs);
  }, [docId]);
  const paragraph = paragraphs.find((p) => p.n === paragraphN);
  const range = paragraph?.sentences[sentence];
  const submit = (e: Event) => {
    e.preventDefault();
    if (!paragraph || !range) return;
    onAdd({ name, aliases: aliases.split('\n'), kind, label: { docId, paragraph: paragraph.n, start: range[0], end: range[1] } });
  };
  return (
    <form class="entry-form" onSubmit={submit}>
      <div class="fields">
        <label class="field">
          <span>{t('entryName')}</span>
          <input type="text" name="entryName" value={name} onInput={(e) => setName((e.target as HTMLInputElement).value)} />
        </label>
        <label class="field">
          <span>{t('entryKind')}</span>
          <select name="entryKind" value={kind} onChange={(e) => setKind((e.target as HTMLSelectElement).value as EntryKind)}>
            {ENTRY_KINDS.map((k) => (
              <option key={k} value={k}>
                {kindLabel(k)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label class="field">
        <span>{t('entryAliases')}</span>
        <textarea name="entryAliases" rows={2} value={aliases} onInput={(e) => setAliases((e.target as HTMLTextAreaElement).value)} />
      </label>
      <label class="field">
        <span>{t('labelDocument')}</span>
        <select name="labelDocument" value={docId} aria-busy={documents === null} onChange={(e) => setDocId((e.target as HTMLSelectElement).value)}>
          <option value="">{documents === null ? t('loading') : '—'}</option>
          {documents?.map((d) => (
            <option key={d.id} value={d.id}>
              {d.title}
            </option>
          ))}
        </select>
      </label>
      {paragraphs.length > 0 && (
        <label class="field">
          <span>{t('labelParagraph')}</span>
          <select
            name="labelParagraph"
            value={paragraphN}
            onChange={(e) => {
              setParagraphN(Number((e.target as HTMLSelectElement).value));
              setSentence(0);
            }}
          >
            <option value={0}>—</option>
            {paragraphs.map((p) => (
              <option key={p.n} value={p.n}>
                ¶ {p.n} — {p.text.slice(0, 90)}
              </option>
            ))}
          </select>
        </label>
      )}
      {paragraph && (
        <fieldset class="sentences">
          <legend>{t('labelSentence')}</legend>
          {paragraph.sentences.map(([start, end], i) => (
            <label key={start} class="sentence">
              <input type="radio" name="labelSentence" checked={sentence === i} onChange={() => setSentence(i)} />
              {paragraph.text.slice(start, end)}
            </label>
          ))}
        </fieldset>
      )}
      <button type="submit" disabled={!name.trim() || !range}>
        {t('addEntry')}
      </button>
      {message && <Outcome refused={message.error}>{message.text}</Outcome>}
    </form>
  );
}
