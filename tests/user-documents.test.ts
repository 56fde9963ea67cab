// @vitest-environment jsdom
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { GlossService } from '../lib/service';
import { DATABASE_NAME, GlossDatabase } from '../lib/store/db';
import { databaseRows, Knowledge } from '../lib/store/knowledge';
import { seedBundledPack } from '../lib/store/seed';
import {
  decodeDocument,
  documentFormat,
  htmlDocumentText,
  markdownDocumentText,
  MAX_DOCUMENT_BYTES,
} from '../lib/user/document-text';
import { runJob, type JobProgress } from '../lib/user/jobs';
import { readMentions } from '../lib/store/pages';
import { deleteUserDocument, userId } from '../lib/user/store';
import { importDocument, realPack } from './helpers';
import { Refused, refusedAs } from '../lib/refused';

afterEach(async () => {
  await Dexie.delete(DATABASE_NAME);
});

const bytes = (text: string) => new TextEncoder().encode(text);
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => 'accepted',
    (e) => (refusedAs(e, 'document') ? e.refusal.problem : `other: ${e}`),
  );

describe('reading an imported file', () => {
  it('refuses empty, oversized, binary and non-UTF-8 files, and strips a byte-order mark', async () => {
    expect(await refusal(decodeDocument(new Uint8Array()))).toBe('empty');
    expect(await refusal(decodeDocument(bytes('  \n\t\n')))).toBe('empty');
    expect(await refusal(decodeDocument(new Uint8Array(MAX_DOCUMENT_BYTES + 1).fill(65)))).toBe('tooLarge');
    expect(
      await refusal(decodeDocument(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))),
    ).toBe('binary');
    expect(
      await refusal(
        decodeDocument(new Uint8Array([...bytes('%PDF-1.7 '), ...Array.from({ length: 40 }, (_, i) => (i % 8) + 1)])),
      ),
    ).toBe('binary');
    // "Hà Nội" saved as Windows-1258, not UTF-8.
    expect(
      await refusal(
        decodeDocument(
          new Uint8Array([...bytes('Talks in H'), 0xe0, ...bytes(' N'), 0xf4, 0xd2, ...bytes('i today.')]),
        ),
      ),
    ).toBe('notUtf8');
    expect(await decodeDocument(bytes('\ufeffTô Lâm met Xi Jinping.'))).toBe('Tô Lâm met Xi Jinping.');
    // A character cut between two pieces of the decoder is read whole.
    const long = `${'a'.repeat(512 * 1024 - 1)}ộ and more`;
    expect(await decodeDocument(bytes(long))).toBe(long);
  });

  it('tells the format from the name, then the type, then the text', () => {
    expect(documentFormat('notes.md', '', '# x')).toBe('markdown');
    expect(documentFormat('page.HTM', '', 'x')).toBe('html');
    expect(documentFormat('', 'text/html', 'x')).toBe('html');
    expect(documentFormat('', '', '<!DOCTYPE html><p>x')).toBe('html');
    expect(documentFormat('a.txt', '', '<html>')).toBe('text');
    expect(documentFormat('', '', 'plain words')).toBe('text');
  });

  it('reads HTML as text only: no script, style or markup survives, blocks become paragraphs', async () => {
    const created = document.createElement;
    document.createElement = (() => {
      throw new Error('an element was made');
    }) as never;
    const { text, title } =
      await htmlDocumentText(`<html><head><title>Hanoi talks</title><style>p{}</style><script>window.ran = 1</script></head>
        <body onload="window.ran = 3"><nav>Home | World</nav><h1>Talks in <em>Hanoi</em></h1><p>To Lam met <b>Xi&nbsp;Jinping</b>.<br>Second line</p>
        <img src="http://127.0.0.1:1/x.png" onerror="window.ran = 2"><ul><li>RCEP</li><li>&lt;script&gt;</li></ul><template><p>hidden</p></template></body></html>`);
    document.createElement = created;
    expect(title).toBe('Hanoi talks');
    expect(text.split('\n')).toEqual(['Talks in Hanoi', 'To Lam met Xi Jinping.', 'Second line', 'RCEP', '<script>']);
    expect((window as { ran?: number }).ran).toBeUndefined();
  });

  it('reads 100,000 nested elements without recursion, and takes the first heading when there is no title', async () => {
    const depth = 100_000;
    const { text, title } = await htmlDocumentText(
      `<h1>Deep</h1>${'<div>'.repeat(depth)}To Lam${'</div>'.repeat(depth)}<p>After</p>`,
    );
    expect(title).toBe('Deep');
    expect(text.split('\n')).toEqual(['Deep', 'To Lam', 'After']);
  });

  it('reads Markdown as its words: headings, lists, quotes, links and emphasis lose their marks', () => {
    const { text, title } = markdownDocumentText(
      '# Notes on *Doi Moi*\n\nThe [Communist Party of Vietnam](https://x.y) began\n**Đổi Mới** in 1986.\n\n- RCEP\n- Belt_and_Road stays\n\n> A quote\n\n```\ncode line\n```\n',
    );
    expect(title).toBe('Notes on Doi Moi');
    expect(text.split('\n')).toEqual([
      'Notes on Doi Moi',
      'The Communist Party of Vietnam began Đổi Mới in 1986.',
      'RCEP',
      'Belt_and_Road stays',
      'A quote',
      'code line',
    ]);
  });

  it('gives a reader’s document an id valid in reader addresses and distinct from the corpus ids', () => {
    expect(userId('Tô Lâm’s visit: notes!', 'document', () => 0.5)).toMatch(/^user-to-lam-s-visit-notes-[a-z0-9]{6}$/);
    expect(userId('越南', 'document', () => 0)).toBe('user-document-000000');
  });
});

describe('the reader’s documents in the store', () => {
  async function seeded() {
    const pack = await realPack();
    const db = new GlossDatabase();
    await seedBundledPack(db, pack);
    return { pack, db };
  }
  const notes = 'Seminar notes\nThe RCEP came up twice.\nTo Lam and Xi Jinping spoke of Doi Moi.';

  it('stores a document with its paragraphs and the mentions the compiler’s code finds', async () => {
    const { db } = await seeded();
    const info = await importDocument(db, notes, { fileName: 'notes.txt', outlet: 'My notebook', date: '2026-11-20' });
    expect(info).toMatchObject({
      title: 'Seminar notes',
      outlet: 'My notebook',
      date: '2026-11-20',
      dateISO: '2026-11-20',
      user: true,
    });
    const mentions = await new Knowledge(databaseRows(db), 'database').mentionsIn(info.id);
    expect(mentions.map((m) => [m.entryId, m.paragraph, m.text])).toEqual(
      expect.arrayContaining([
        ['rcep', 2, 'RCEP'],
        ['to-lam', 3, 'To Lam'],
        ['doi-moi', 3, 'Doi Moi'],
      ]),
    );
    const card = await new Knowledge(databaseRows(db), 'database').card('rcep');
    expect(card?.inYourDocuments).toEqual([
      expect.objectContaining({
        docId: info.id,
        paragraph: 2,
        quote: 'RCEP',
        source: expect.objectContaining({ title: 'Seminar notes', outlet: 'My notebook' }),
      }),
    ]);
    expect(card?.documentCount).toBe(7);
    db.close();
  });

  it('finds the new document in search and in the source viewer’s list; deleting removes every row', async () => {
    const { pack, db } = await seeded();
    db.close();
    const service = await GlossService.start(pack);
    const db2 = new GlossDatabase();
    const info = await importDocument(
      db2,
      'Field notes\nA quiet zebra crossing near the Regional Comprehensive Economic Partnership office.',
      { title: 'Field notes' },
    );
    service.userDataChanged();
    const results = await service.search('zebra crossing');
    expect(results[0]).toMatchObject({ type: 'passage', docId: info.id, paragraph: 2 });
    expect((await service.card('rcep'))?.inYourDocuments).toHaveLength(1);
    await deleteUserDocument(db2, info.id);
    service.userDataChanged();
    expect(await service.search('zebra crossing')).toEqual([]);
    expect([
      await db2.userDocuments.count(),
      await db2.userParagraphPages.count(),
      await db2.userMentionPages.count(),
      await db2.userEntryDocuments.count(),
    ]).toEqual([0, 0, 0, 0]);
    db2.close();
  });

  it('a refused file or a failed write leaves the store exactly as it was', async () => {
    const { db } = await seeded();
    await importDocument(db, notes, { title: 'Kept' });
    const counts = async () =>
      Promise.all(
        [
          db.userDocuments,
          db.userParagraphPages,
          db.userMentionPages,
          db.userEntryDocuments,
          db.userTextIndex,
          db.userDocumentFacts,
        ].map((table) => table.count()),
      );
    const before = await counts();
    await expect(importDocument(db, new Uint8Array([1, 2, 0, 4]), { fileName: 'x.png' })).rejects.toThrow(Refused);
    // A write that fails midway (the index refuses its rows) rolls back the document too.
    const bulkPut = db.userTextIndex.bulkPut.bind(db.userTextIndex);
    db.userTextIndex.bulkPut = (() => Promise.reject(new Error('disk full'))) as never;
    await expect(importDocument(db, `${notes}\nMore.`, { title: 'Lost' })).rejects.toThrow('disk full');
    db.userTextIndex.bulkPut = bulkPut;
    expect(await counts()).toEqual(before);
    expect((await db.userDocuments.toArray()).map((d) => d.title)).toEqual(['Kept']);
    db.close();
  });

  it('refuses a text already stored, naming the document, unless the reader adds it again on purpose', async () => {
    const { db } = await seeded();
    const first = await importDocument(db, notes, { title: 'Notes, first copy' });
    const again = await importDocument(db, `\n${notes}\n`, { title: 'Notes, second copy' }).catch((e) => e);
    expect(again).toBeInstanceOf(Refused);
    expect([again.refusal.problem, again.refusal.existing?.id]).toEqual(['duplicate', first.id]);
    const kept = await importDocument(db, notes, { title: 'Notes, second copy' }, true);
    expect((await db.userDocuments.toArray()).map((d) => d.title).sort()).toEqual([
      'Notes, first copy',
      'Notes, second copy',
    ]);
    expect((await readMentions(db, kept.id)).length).toBeGreaterThan(0);
    db.close();
  });

  it('a cancelled import reports real progress and writes nothing', async () => {
    const { db } = await seeded();
    const text = Array.from({ length: 3000 }, (_, i) => `Paragraph ${i}: To Lam met Xi Jinping about the RCEP.`).join(
      '\n',
    );
    const seen: JobProgress[] = [];
    const request = {
      kind: 'import' as const,
      file: new Blob([text]),
      fileName: 'long.txt',
      mimeType: 'text/plain',
      details: { title: '', outlet: null, date: null },
      allowDuplicate: false,
    };
    const cancelled = runJob(db, request, {
      report: (p) => seen.push(p),
      cancelled: () => seen.some((p) => p.stage === 'finding' && p.done >= 1000),
    });
    await expect(cancelled).rejects.toThrow('cancelled');
    expect(seen.find((p) => p.stage === 'reading')?.total).toBe(text.length);
    expect(seen.filter((p) => p.stage === 'finding').map((p) => p.total)).toContain(3000);
    expect([
      await db.userDocuments.count(),
      await db.userParagraphPages.count(),
      await db.userMentionPages.count(),
      await db.userTextIndex.count(),
    ]).toEqual([0, 0, 0, 0]);
    db.close();
  });
});
