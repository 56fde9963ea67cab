/**
 * The source reader: any corpus document in full, opened at the cited paragraph with the quote marked
 * (`reader.html#doc=ID&p=N&q=QUOTE`).
 */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { DocumentView } from '../../components/DocumentView';
import { BUNDLE_PATH } from '../../lib/bundle-url';
import { parseReaderHash, readerHash, type ReaderTarget } from '../../lib/citation';
import type { DocumentInfo, KnowledgeBundle, Paragraph } from '../../lib/corpus/types';
import { openForReading } from '../../lib/store/open';
import './reader.css';

const knowledge = openForReading(async () => (await fetch(browser.runtime.getURL(BUNDLE_PATH))).json() as Promise<KnowledgeBundle>);

function Reader() {
  const [target, setTarget] = useState<ReaderTarget | null>(() => parseReaderHash(location.hash));
  const [documents, setDocuments] = useState<DocumentInfo[]>([]);
  const [paragraphs, setParagraphs] = useState<Paragraph[] | null>(null);

  useEffect(() => {
    const onHash = () => setTarget(parseReaderHash(location.hash));
    addEventListener('hashchange', onHash);
    knowledge.then((k) => k.documents()).then(setDocuments);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  useEffect(() => {
    setParagraphs(null);
    if (target) knowledge.then((k) => k.paragraphsOf(target.docId)).then(setParagraphs);
  }, [target?.docId]);

  const doc = documents.find((d) => d.id === target?.docId);
  useEffect(() => {
    document.title = doc ? `${doc.title} — Gloss` : 'Gloss — source reader';
  }, [doc]);
  return (
    <div class="layout">
      <nav class="doclist" aria-label="Documents">
        <h2>Documents</h2>
        <ul>
          {documents.map((d) => (
            <li key={d.id}>
              <a href={readerHash({ docId: d.id })} aria-current={d.id === target?.docId ? 'page' : undefined}>
                {d.title}
              </a>
              <span class="meta">{d.outlet ?? 'Outlet not stated'} · {d.dateISO ?? d.date ?? 'undated'}</span>
            </li>
          ))}
        </ul>
      </nav>
      <main>
        {!target && <p class="empty">Choose a document, or follow a citation from a Gloss card.</p>}
        {target && documents.length > 0 && !doc && <p class="empty">There is no document “{target.docId}” in Gloss.</p>}
        {doc && paragraphs && <DocumentView document={doc} paragraphs={paragraphs} paragraph={target?.paragraph} quote={target?.quote} />}
      </main>
    </div>
  );
}

render(<Reader />, document.getElementById('app')!);
