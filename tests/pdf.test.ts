import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { citationLabel, paragraphLabel } from '../lib/citation';
import { DATABASE_NAME, GlossDatabase } from '../lib/store/db';
import { databaseRows, Knowledge } from '../lib/store/knowledge';
import { sourceInfo } from '../lib/views';
import { readParagraphs } from '../lib/store/pages';
import { seedBundledPack } from '../lib/store/seed';
import { exportBackup, mergeBackup, parseBackup } from '../lib/user/backup';
import { pageParagraphs } from '../lib/user/pdf';
import { DEFAULT_PREFERENCES } from '../lib/settings';
import { importDocument, realPack } from './helpers';
import { REPORT_PAGES, REPORT_TITLE, reportPdf, scannedPdf } from '../e2e/tests/pdf-fixtures.mjs';
import { refusedAs } from '../lib/refused';

afterEach(async () => {
  await Dexie.delete(DATABASE_NAME);
});

async function store() {
  const db = new GlossDatabase();
  await seedBundledPack(db, await realPack());
  return db;
}
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => 'accepted',
    (e) => (refusedAs(e, 'document') ? e.refusal.problem : `other: ${e}`),
  );

describe('PDFs among the reader’s documents', () => {
  it('are read page by page: paragraphs joined across lines, parted at gaps, each knowing its page; cited “p. 2 ¶ 1”', async () => {
    const db = await store();
    const doc = await importDocument(db, await reportPdf(), {
      fileName: 'report.pdf',
      outlet: 'Border desk',
      date: '2026-11-01',
    });
    expect(doc.title).toBe(REPORT_TITLE);
    expect(doc.pages).toEqual([
      { label: '1', first: 1 },
      { label: '2', first: 4 },
      { label: '3', first: 6 },
    ]);
    const paragraphs = await readParagraphs(db, doc.id);
    expect(paragraphs.map((p) => p.text)).toEqual(REPORT_PAGES.flatMap((page) => page.map((lines) => lines.join(' '))));
    const k = new Knowledge(databaseRows(db), 'database');
    const rcep = (await k.card('rcep'))!.inYourDocuments[0];
    expect(rcep).toMatchObject({ docId: doc.id, paragraph: 4, quote: 'Regional Comprehensive Economic Partnership' });
    expect(citationLabel(rcep.source, rcep.paragraph)).toBe('Border desk · 2026-11-01 · p. 2 ¶ 1');
    const lam = (await k.card('to-lam'))!.inYourDocuments[0];
    expect(citationLabel(lam.source, lam.paragraph)).toBe('Border desk · 2026-11-01 · p. 3 ¶ 2');
    db.close();
  });

  it('keep their pages through a backup', async () => {
    const db = await store();
    const doc = await importDocument(db, await reportPdf(), { fileName: 'report.pdf' });
    const file = JSON.stringify(await exportBackup(db, { preferences: DEFAULT_PREFERENCES, disabledSites: [] }));
    await db.transaction('rw', db.tables, () => Promise.all([db.userDocuments.clear(), db.userParagraphPages.clear()]));
    await mergeBackup(db, await parseBackup(file));
    expect((await db.userDocuments.get(doc.id))?.pages).toEqual(doc.pages);
    db.close();
  });

  it('refuses a scan with no text layer, and a damaged PDF, writing nothing', async () => {
    const db = await store();
    expect(await refusal(importDocument(db, await scannedPdf(), { fileName: 'scan.pdf' }))).toBe('noTextLayer');
    const damaged = new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Catalog >>\nthe rest is lost');
    expect(await refusal(importDocument(db, damaged, { fileName: 'broken.pdf' }))).toBe('pdfUnreadable');
    expect(await db.userDocuments.count()).toBe(0);
    db.close();
  });

  it('joins a word broken by a hyphen at a line’s end without a space, and keeps the hyphen', () => {
    const item = (str: string, y: number) => ({ str, transform: [12, 0, 0, 12, 72, y], height: 12, hasEOL: true });
    expect(pageParagraphs([item('The co-', 700), item('operation grew.', 684), item('A new one.', 640)])).toEqual([
      'The co-operation grew.',
      'A new one.',
    ]);
    expect(paragraphLabel([{ label: 'iv', first: 10 }], 12)).toBe('p. iv ¶ 3');
    expect(paragraphLabel(undefined, 12)).toBe('¶ 12');
    expect(
      sourceInfo({
        id: 'x',
        file: '',
        title: 't',
        outlet: null,
        authors: [],
        date: null,
        dateISO: null,
        pages: [{ label: '1', first: 1 }],
      }).pages,
    ).toHaveLength(1);
  });
});
