import { gzipSync } from 'node:zlib';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CorpusError } from '../lib/corpus/documents';
import { compareVersions, MAX_PACK_BYTES, PACK_FORMAT, type CompiledPack, type PackFile } from '../lib/packs/format';
import { readPack } from '../lib/packs/read';
import { GlossService } from '../lib/service';
import { DATABASE_NAME, GlossDatabase, PACK_TABLES } from '../lib/store/db';
import { databaseRows, Knowledge } from '../lib/store/knowledge';
import { seedBundledPack } from '../lib/store/seed';
import { addUserEntry } from '../lib/user/entries';
import { runJob, type JobRequest } from '../lib/user/jobs';
import { importDocument, realPack, repack } from './helpers';
import { buildTestPack, nextRelease, SECOND_FACT, withPackFolder } from './pack-fixtures';
import { buildPack } from '../adapters/node-corpus';
import { refusedAs } from '../lib/refused';

afterEach(async () => {
  await Dexie.delete(DATABASE_NAME);
});

const LMC = 'mekong-notes--lancang-mekong-cooperation';
const control = { report: () => {}, cancelled: () => false };
const fileOf = (pack: PackFile | string) => new Blob([typeof pack === 'string' ? pack : JSON.stringify(pack)]);
/** Runs a job as the options page's worker does; its refusal's problem and detail, or 'done'. */
const outcome = (db: GlossDatabase, request: JobRequest) =>
  runJob(db, request, control).then(
    () => 'done',
    (e) =>
      refusedAs(e, 'pack') ? `${e.refusal.problem}${e.refusal.detail ? `: ${e.refusal.detail}` : ''}` : `other: ${e}`,
  );
const install = (db: GlossDatabase, pack: PackFile | string) =>
  outcome(db, { kind: 'installPack', file: fileOf(pack) });
/** Everything the packs and the reader's data are stored as, to check that a refusal changed nothing. */
const snapshot = async (db: GlossDatabase) =>
  JSON.stringify(
    await Promise.all(
      [
        db.packs,
        ...PACK_TABLES.map((t) => db.table(t)),
        db.userDocuments,
        db.userEntries,
        db.userMentionPages,
        db.meta,
      ].map((t) => t.toArray()),
    ),
  );

describe('building a pack', () => {
  it('builds the fixture folder with the corpus compiler: manifest, each source’s publisher, a stable hash', async () => {
    const pack = await buildTestPack();
    expect(pack.glossPack).toBe(PACK_FORMAT);
    expect(pack.manifest).toMatchObject({
      id: 'mekong-notes',
      title: 'Mekong notes (test pack)',
      version: '1.0.0',
      authors: ['Gloss tests'],
      created: '2026-12-01',
    });
    expect(pack.manifest.sources).toEqual([
      { doc: 'forum-notes', title: 'Notes on the river forum', outlet: 'Mekong Notes', perspective: 'not-stated' },
      { doc: 'delta-diary', title: 'A diary from the delta', outlet: 'Delta Diary', perspective: 'not-stated' },
    ]);
    expect(pack.compiled.entries.map((e) => e.id)).toEqual(['lancang-mekong-cooperation', 'xi-jinping']);
    expect(pack.yaml.glossary).toContain('Lancang-Mekong Cooperation');
    expect((await buildTestPack()).hash).toBe(pack.hash);
    expect((await nextRelease()).hash).not.toBe(pack.hash);
    // The bundled corpus is a pack built the same way.
    expect((await realPack()).manifest).toMatchObject({ id: 'china-vietnam', version: '1.0.0' });
  });

  it('fails on a broken quote with the file, the line and the nearest text; on a broken manifest with its line', async () => {
    const broken = buildTestPack({
      'glossary.yaml': (text) =>
        text.replace('set up in 2016.", doc: forum-notes }', 'set up in 2017.", doc: forum-notes }'),
    });
    await expect(broken).rejects.toThrow(CorpusError);
    await expect(broken).rejects.toThrow(
      /glossary\.yaml:9: entry "lancang-mekong-cooperation" fact 1: the quote is not in the document[\s\S]*nearest text \(forum-notes ¶ 2\): "The Lancang-Mekong Cooperation is a forum/,
    );
    await expect(
      buildTestPack({ 'pack.yaml': (text) => text.replace('version: 1.0.0', 'version: one') }),
    ).rejects.toThrow(/pack\.yaml:5: "version" must be dotted numbers/);
    await expect(withPackFolder({ 'pack.yaml': () => 'id: User-Pack\n' }, buildPack)).rejects.toThrow(
      /pack\.yaml:1: "id" must be lower-case words/,
    );
  });

  it('compares versions number by number', () => {
    expect(compareVersions('1.10', '1.9')).toBeGreaterThan(0);
    expect(compareVersions('2', '2.0.0')).toBe(0);
    expect(compareVersions('1.0.0', '1.0.1')).toBeLessThan(0);
  });
});

describe('reading a pack file', () => {
  it('refuses what is not a pack, a newer format, a cut-off file, a changed one, malformed fields, a quote not in its documents', async () => {
    const pack = await buildTestPack();
    const text = JSON.stringify(pack);
    const problem = (source: string) =>
      readPack(source).then(
        () => 'read',
        (e) =>
          refusedAs(e, 'pack')
            ? `${e.refusal.problem}${e.refusal.detail ? `: ${e.refusal.detail}` : ''}`
            : `other: ${e}`,
      );
    expect(await problem('{"hello": 1}')).toBe('notPack');
    expect(await problem('%PDF-1.7\n%âãÏÓ\n1 0 obj')).toBe('notPack');
    expect(await problem(JSON.stringify({ format: 'gloss-backup', version: 1 }))).toBe('notPack');
    expect(await problem(JSON.stringify({ ...pack, glossPack: 2 }))).toBe('newerFormat: 2');
    expect(await problem(text.slice(0, Math.floor(text.length / 2)))).toBe('damaged');
    // One word changed after the pack was built: its hash no longer matches.
    expect(
      await problem(text.replace('six countries along the river, set', 'seven countries along the river, set')),
    ).toBe('tampered');
    // Pretty-printed, it is the same pack.
    expect(await problem(JSON.stringify(pack, null, 2))).toBe('read');
    const kinds = await repack(pack, (c) => ({
      ...c,
      entries: c.entries.map((e, i) => (i === 0 ? { ...e, kind: 'planet' as never } : e)),
    }));
    expect(await problem(JSON.stringify(kinds))).toBe('malformed: compiled.entries[0].kind');
    const ids = await repack(pack, (c) => ({
      ...c,
      documents: c.documents.map((d) => ({ ...d, id: `user-${d.id}` })),
    }));
    expect(await problem(JSON.stringify(ids))).toBe('malformed: compiled.documents[0].id');
    // Every field is named by its path, however deep.
    const malformed = async (change: (c: CompiledPack) => CompiledPack) =>
      problem(JSON.stringify(await repack(pack, change)));
    expect(
      await malformed((c) => ({
        ...c,
        entries: c.entries.map((e, i) => (i === 0 ? { ...e, facts: [{ ...e.facts[0], start: -1 }] } : e)),
      })),
    ).toBe('malformed: compiled.entries[0].facts[0].start');
    expect(
      await malformed((c) => ({
        ...c,
        aliases: c.aliases.map((a, i) => (i === 1 ? { ...a, caseRule: 'loud' as never } : a)),
      })),
    ).toBe('malformed: compiled.aliases[1].caseRule');
    expect(
      await malformed((c) => ({
        ...c,
        paragraphs: c.paragraphs.map((p, i) => (i === 0 ? { ...p, sentences: [[0, p.text.length + 1]] } : p)),
      })),
    ).toBe('malformed: compiled.paragraphs[0].sentences[0]');
    expect(
      await malformed((c) => ({
        ...c,
        timeline: c.timeline.map((t, i) => (i === 0 ? { ...t, entries: ['no-such-entry'] } : t)),
      })),
    ).toBe('malformed: compiled.timeline[0].entries');
    expect(
      await malformed((c) => ({
        ...c,
        documents: c.documents.map((d, i) => (i === 0 ? { ...d, republished: { by: 7 as never, date: null } } : d)),
      })),
    ).toBe('malformed: compiled.documents[0].republished.by');
    // Rebuilt with a hash that matches, but a fact that is not what its paragraph says.
    const lying = await repack(pack, (c) => ({
      ...c,
      entries: c.entries.map((e) => ({
        ...e,
        facts: e.facts.map((f) => ({ ...f, quote: f.quote.replace('six', 'seven') })),
      })),
    }));
    expect(await problem(JSON.stringify(lying))).toBe(
      'quoteNotInDocuments: entry “Lancang-Mekong Cooperation”, fact 1: “The Lancang-Mekong Cooperation is a forum of the seven countries along the river, set up in 2016.” (forum-notes ¶ 2)',
    );
    const mention = await repack(pack, (c) => ({
      ...c,
      mentions: c.mentions.map((m, i) => (i === 0 ? { ...m, start: m.start + 1 } : m)),
    }));
    expect(await problem(JSON.stringify(mention))).toMatch(/^quoteNotInDocuments: mention: “/);
  });
});

describe('installed packs', () => {
  let db: GlossDatabase;
  beforeEach(async () => {
    db = new GlossDatabase();
    await seedBundledPack(db, await realPack());
  });
  afterEach(() => db.close());
  const knowledge = () => new Knowledge(databaseRows(db), 'database');

  it('installs a pack gzipped for sharing; refuses every bad file before writing anything: 200 MB, gzip that holds too much or is cut off, not a pack, newer, cut off, changed, a quote not in its documents, the bundled pack’s id, a version not newer', async () => {
    const pack = await buildTestPack();
    const text = JSON.stringify(pack);
    const gzipped = (bytes: Uint8Array | string) => new Blob([gzipSync(bytes)]);
    expect(await outcome(db, { kind: 'installPack', file: gzipped(text) })).toBe('done');
    const before = await snapshot(db);
    const megabyte = new Uint8Array(1024 * 1024);
    expect(
      await outcome(db, { kind: 'installPack', file: new Blob(Array.from({ length: 200 }, () => megabyte)) }),
    ).toBe('tooLarge');
    expect(MAX_PACK_BYTES).toBeLessThan(200 * 1024 * 1024);
    // A file of a few kilobytes that unpacks past the limit is stopped there.
    expect(await outcome(db, { kind: 'installPack', file: gzipped(new Uint8Array(MAX_PACK_BYTES + 1)) })).toBe(
      'tooLarge',
    );
    const whole = gzipSync(text);
    expect(await outcome(db, { kind: 'installPack', file: new Blob([whole.subarray(0, whole.length / 2)]) })).toBe(
      'damaged',
    );
    expect(await install(db, 'just some text')).toBe('notPack');
    expect(await outcome(db, { kind: 'installPack', file: new Blob([new Uint8Array([0x7b, 0xff, 0xfe, 0x00])]) })).toBe(
      'notPack',
    );
    expect(await install(db, JSON.stringify({ ...pack, glossPack: 3 }))).toBe('newerFormat: 3');
    expect(await install(db, text.slice(0, text.length - 40))).toBe('damaged');
    expect(await install(db, text.replace('"Delta Diary"', '"Delta Daily"'))).toBe('tampered');
    const lying = await repack(
      pack,
      (c) => ({
        ...c,
        timeline: c.timeline.map((t) => ({
          ...t,
          accounts: t.accounts.map((a) => ({ ...a, citation: { ...a.citation, paragraph: 3 } })),
        })),
      }),
      { version: '2.0.0' },
    );
    expect(await install(db, lying)).toMatch(/^quoteNotInDocuments: event “The river forum is set up”, account 1/);
    expect(await install(db, await repack(await realPack(), (c) => c, { version: '9.0.0' }))).toBe(
      'builtIn: China–Vietnam relations',
    );
    expect(await install(db, pack)).toBe('notNewer: 1.0.0');
    expect(await install(db, await repack(pack, (c) => c, { version: '0.9' }))).toBe('notNewer: 1.0.0');
    expect(await snapshot(db)).toBe(before);
  });

  it('a cancelled install writes nothing', async () => {
    const before = await snapshot(db);
    let stages = 0;
    const cancelling = { report: () => stages++, cancelled: () => stages > 2 };
    await expect(runJob(db, { kind: 'installPack', file: fileOf(await buildTestPack()) }, cancelling)).rejects.toThrow(
      'cancelled',
    );
    expect(await snapshot(db)).toBe(before);
  });

  it('install → a card cites the pack → update → switch off → on → remove, the reader’s data untouched', async () => {
    const doc = await importDocument(
      db,
      'Forum notes of mine\nThe Lancang-Mekong Cooperation met again in Vientiane.',
      { title: 'Forum notes of mine' },
    );
    const entry = await addUserEntry(db, {
      name: 'Vientiane',
      aliases: [],
      kind: 'place',
      label: { docId: doc.id, paragraph: 2, start: 0, end: 30 },
    });
    const yours = async () =>
      JSON.stringify([
        await db.userDocuments.toArray(),
        await db.userParagraphPages.toArray(),
        await db.userEntries.toArray(),
      ]);
    const mine = await yours();
    const k = knowledge();

    expect(await install(db, await buildTestPack())).toBe('done');
    const card = (await k.card(LMC))!;
    expect(card.label).toMatchObject({
      quote: 'a forum of the six countries along the river',
      docId: 'mekong-notes--forum-notes',
    });
    expect(card.facts.map((f) => [f.quote, f.source.outlet, f.source.pack?.title])).toEqual([
      [
        'The Lancang-Mekong Cooperation is a forum of the six countries along the river, set up in 2016.',
        'Mekong Notes',
        'Mekong notes (test pack)',
      ],
    ]);
    expect(card.alsoIn).toEqual([
      expect.objectContaining({
        pack: { id: 'mekong-notes', title: 'Mekong notes (test pack)' },
        quotes: [expect.objectContaining({ docId: 'mekong-notes--delta-diary', paragraph: 3 })],
        more: 0,
      }),
    ]);
    expect(card.documentCount).toBe(6 + 2 + 1);
    // The reader's document is read with the pack's entries too.
    expect(card.inYourDocuments.map((c) => c.docId)).toEqual([doc.id]);
    expect(card.related.map((r) => r.id)).toEqual(['xi-jinping']);
    // Xi Jinping is in both packs: one card, both sets of facts, each cited from its own pack.
    const xi = (await k.card('mekong-notes--xi-jinping'))!;
    expect(xi.id).toBe('xi-jinping');
    const packsOfFacts = xi.facts.map((f) => f.source.pack?.id);
    expect(packsOfFacts.filter((p) => p === 'mekong-notes')).toHaveLength(1);
    expect(packsOfFacts.indexOf('mekong-notes')).toBe(packsOfFacts.length - 1);
    expect(packsOfFacts.filter((p) => p === 'china-vietnam').length).toBeGreaterThan(2);
    expect(xi.mentionedIn).toBe(
      (
        await (
          await realPack()
        ).compiled.mentions
          .filter((m) => m.entryId === 'xi-jinping')
          .reduce((docs, m) => docs.add(m.docId), new Set<string>())
      ).size + 1,
    );
    // The matcher reads both packs: the pack's spellings under its ids, a shared name once, under the first pack's id.
    const data = await k.matcherData();
    expect(data.aliases).toContainEqual({ entryId: LMC, text: 'Lancang-Mekong Cooperation', caseRule: 'any' });
    expect(data.aliases.filter((a) => a.text === 'Xi Jinping').map((a) => a.entryId)).toEqual(['xi-jinping']);
    expect(data.related).toContainEqual([LMC, ['xi-jinping']]);
    expect((await k.timeline()).map((t) => t.id)).toContain('mekong-notes--forum-set-up');
    const service = await GlossService.start(await realPack());
    expect((await service.search('lancang mekong'))[0]).toMatchObject({ type: 'entry', id: LMC });
    expect((await service.search('water data')).map((r) => r.type === 'passage' && r.docId)).toContain(
      'mekong-notes--delta-diary',
    );
    expect((await service.briefs([LMC, 'xi-jinping'])).map((b) => b.name)).toEqual([
      'Lancang-Mekong Cooperation',
      'Xi Jinping',
    ]);

    // A newer release replaces it whole.
    const updated = await runJob(db, { kind: 'installPack', file: fileOf(await nextRelease()) }, control);
    expect(updated).toMatchObject({
      kind: 'installPack',
      pack: { version: '1.1.0', order: 1 },
      replaced: { version: '1.0.0' },
    });
    // Both facts, the one that quotes the label's own sentence last (a card would otherwise say the label twice).
    expect((await k.card(LMC))!.facts.map((f) => f.quote)).toEqual([
      SECOND_FACT,
      'The Lancang-Mekong Cooperation is a forum of the six countries along the river, set up in 2016.',
    ]);
    expect(
      await db.packEntries.where('[pack+key]').between(['mekong-notes', ''], ['mekong-notes', '\uffff']).count(),
    ).toBe(2);

    // Switched off: in no card, matcher, list, search or timeline; the reader's document no longer mentions it.
    expect(await outcome(db, { kind: 'setPackEnabled', packId: 'mekong-notes', enabled: false })).toBe('done');
    service.userDataChanged();
    expect(await k.card(LMC)).toBeNull();
    expect((await k.card('xi-jinping'))!.facts.every((f) => f.source.pack?.id === 'china-vietnam')).toBe(true);
    expect((await k.matcherData()).aliases.some((a) => a.entryId === LMC)).toBe(false);
    expect((await k.documents()).some((d) => d.pack?.id === 'mekong-notes')).toBe(false);
    expect((await service.search('lancang mekong')).some((r) => r.type === 'entry' && r.id === LMC)).toBe(false);
    expect((await k.timeline()).map((t) => t.id)).not.toContain('mekong-notes--forum-set-up');
    expect((await k.mentionsIn(doc.id)).map((m) => m.entryId)).toEqual([entry.id]);
    expect(await outcome(db, { kind: 'setPackEnabled', packId: 'mekong-notes', enabled: true })).toBe('done');
    expect((await k.card(LMC))!.inYourDocuments).toHaveLength(1);

    // Removed: every row of it goes; the bundled pack cannot be.
    expect(await outcome(db, { kind: 'removePack', packId: 'mekong-notes' })).toBe('done');
    for (const table of PACK_TABLES)
      expect(await db.table(table).where('pack').equals('mekong-notes').count(), table).toBe(0);
    expect(await db.packs.get('mekong-notes')).toBeUndefined();
    expect(await outcome(db, { kind: 'removePack', packId: 'china-vietnam' })).toBe('builtIn: China–Vietnam relations');
    expect(await yours()).toBe(mine);
    expect((await k.mentionsIn(doc.id)).map((m) => m.entryId)).toEqual([entry.id]);
  });
});
