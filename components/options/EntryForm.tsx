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

/**
 * Up to this many paragraphs a document's are offered in a list; past it, by number (a list of thousands helps nobody).
 */
const LISTED_PARAGRAPHS = 400;

interface EntryFormProps {
  /** Every document, bundled and the reader's; null while the store is being read. */
  documents: readonly DocumentInfo[] | null;
  paragraphCount(docId: string): Promise<number>;
  /** Paragraphs `from`…`to` of a document. */
  paragraphRange(docId: string, from: number, to: number): Promise<Paragraph[]>;
  message: { error: boolean; text: string } | null;
  onAdd(input: EntryInput): void;
}

export function EntryForm({ documents, paragraphCount, paragraphRange, message, onAdd }: EntryFormProps) {
  const [name, setName] = useState('');
  const [aliases, setAliases] = useState('');
  const [kind, setKind] = useState<EntryKind>('person');
  const [docId, setDocId] = useState('');
  /** The document's paragraphs when it has few enough to list; else only the one asked for by number. */
  const [paragraphs, setParagraphs] = useState<Paragraph[]>([]);
  const [count, setCount] = useState(0);
  const [paragraphN, setParagraphN] = useState(0);
  const [sentence, setSentence] = useState(0);
  useEffect(() => {
    setParagraphs([]);
    setParagraphN(0);
    setCount(0);
    if (!docId) return;
    void paragraphCount(docId).then(async (n) => {
      setCount(n);
      if (n <= LISTED_PARAGRAPHS) setParagraphs(await paragraphRange(docId, 1, n));
    });
  }, [docId]);
  const listed = count > 0 && count <= LISTED_PARAGRAPHS;
  const choose = (n: number) => {
    setParagraphN(n);
    setSentence(0);
    if (!listed && n >= 1 && n <= count) void paragraphRange(docId, n, n).then(setParagraphs);
  };
  const paragraph = paragraphs.find((p) => p.n === paragraphN);
  const range = paragraph?.sentences[sentence];
  const submit = (e: Event) => {
    e.preventDefault();
    if (!paragraph || !range) return;
    onAdd({
      name,
      aliases: aliases.split('\n'),
      kind,
      label: { docId, paragraph: paragraph.n, start: range[0], end: range[1] },
    });
  };
  return (
    <form class="entry-form" onSubmit={submit}>
      <div class="fields">
        <label class="field">
          <span>{t('entryName')}</span>
          <input type="text" name="entryName" value={name} onInput={(e) => setName(e.currentTarget.value)} />
        </label>
        <label class="field">
          <span>{t('entryKind')}</span>
          <select name="entryKind" value={kind} onChange={(e) => setKind(e.currentTarget.value as EntryKind)}>
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
        <textarea name="entryAliases" rows={2} value={aliases} onInput={(e) => setAliases(e.currentTarget.value)} />
      </label>
      <label class="field">
        <span>{t('labelDocument')}</span>
        <select
          name="labelDocument"
          value={docId}
          aria-busy={documents === null}
          onChange={(e) => setDocId(e.currentTarget.value)}
        >
          <option value="">{documents === null ? t('loading') : '—'}</option>
          {documents?.map((d) => (
            <option key={d.id} value={d.id}>
              {d.title}
            </option>
          ))}
        </select>
      </label>
      {count > LISTED_PARAGRAPHS && (
        <label class="field">
          <span>{t('labelParagraphNumber', String(count))}</span>
          <input
            type="number"
            name="labelParagraphNumber"
            min={1}
            max={count}
            value={paragraphN || ''}
            onChange={(e) => choose(Number(e.currentTarget.value))}
          />
        </label>
      )}
      {listed && (
        <label class="field">
          <span>{t('labelParagraph')}</span>
          <select name="labelParagraph" value={paragraphN} onChange={(e) => choose(Number(e.currentTarget.value))}>
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
