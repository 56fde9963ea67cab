/**
 * Reading a pack file someone gives Gloss, before anything is stored: it must be a pack, of a format
 * this Gloss reads, whole (its hash matches its content), well formed in every field, and every quote
 * it shows — labels, facts, timeline accounts, mentions — must stand in its own documents, word for
 * word at the place it says. Anything else is refused with the fault named, and nothing changes.
 */
import {
  BUNDLE_FORMAT,
  ENTRY_KINDS,
  GENRES,
  PERSPECTIVES,
  USER_ID_PREFIX,
  type Citation,
  type Entry,
  type Mention,
  type Paragraph,
} from '../corpus/types';
import { EVIDENCE_LEVELS, SIDES } from '../match/evidence';
import type { CaseRule } from '../match/matcher';
import * as v from 'valibot';
import { fieldReader, Filled, isObject, Line, Text, Whole, type Check } from '../json-fields';
import type { Progress } from '../user/document-text';
import {
  MAX_PACK_BYTES,
  MAX_PACK_ID,
  PACK_FORMAT,
  PACK_ID_PATTERN,
  packHash,
  VERSION_PATTERN,
  type PackFile,
} from './format';
import { refuse } from '../refused';

export type PackProblem =
  | 'tooLarge'
  | 'notPack'
  | 'damaged'
  | 'newerFormat'
  | 'tampered'
  | 'malformed'
  | 'quoteNotInDocuments'
  /** The file's pack is the bundled one, which updates with Gloss (detail: its title). */
  | 'builtIn'
  /** The same or a newer version is installed (detail: the installed version). */
  | 'notNewer';

/** How a pack file starts: its first key says what it is, so a cut-off pack is told from a file that is none. */
const PACK_START = /^\ufeff?\s*\{\s*"glossPack"\s*:/;
const MAX_ID = 80;
const CASE_RULES: readonly CaseRule[] = ['any', 'name', 'acronym'];
/** Items checked between two progress reports. */
const CHECKS_PER_REPORT = 2000;

const fields = fieldReader((where) => refuse.pack('malformed', where));
const check: Check = fields.check;
const { read } = fields;

// ── The schema of each part of a pack ──────────────────────────────────────────────────────────
const notUser = v.check((s: string) => !s.startsWith(USER_ID_PREFIX));
const Id = v.pipe(Text(MAX_ID), v.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/), notUser);
const Ids = v.array(Text(MAX_ID));
const TextOrNull = v.nullable(Text(1000));
const IsoDate = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/));
const StatedDate = v.object({ date: Text(1000), dateISO: v.nullable(IsoDate) });
const QUOTE = 100_000;

const Manifest = v.object({
  id: v.pipe(Text(MAX_PACK_ID), v.regex(PACK_ID_PATTERN), notUser),
  version: v.pipe(Text(40), v.regex(VERSION_PATTERN)),
  created: IsoDate,
  sources: v.array(v.object({ doc: Id, title: Text(1000), outlet: TextOrNull, perspective: v.picklist(PERSPECTIVES) })),
  description: v.optional(Text(2000)),
  title: Filled(200),
  licence: Filled(2000),
  authors: v.pipe(v.array(Text(200)), v.minLength(1)),
});

const Document = v.object({
  id: Id,
  file: Text(1000),
  title: Text(1000),
  outlet: TextOrNull,
  outletNote: v.optional(Text(2000)),
  authors: v.array(Text(200)),
  date: TextOrNull,
  dateISO: v.nullable(IsoDate),
  republished: v.optional(v.object({ by: TextOrNull, date: v.nullable(StatedDate) })),
  updated: v.optional(StatedDate),
  perspective: v.picklist(PERSPECTIVES),
  genre: v.picklist(GENRES),
  licence: v.optional(Text(2000)),
});

const Paragraph = v.object({
  docId: Text(MAX_ID),
  n: Whole(1),
  text: Line(1_000_000),
  sentences: v.array(v.tuple([Whole(0), Whole(0)])),
});

const CitationSchema = v.object({ docId: Id, paragraph: Whole(1), quote: Text(QUOTE), start: Whole(0), end: Whole(0) });
const Fact = v.object({
  ...CitationSchema.entries,
  attribution: v.optional(v.union([v.literal('narration'), v.object({ speaker: Text(200) })])),
  truncated: v.optional(v.literal(true)),
  note: v.optional(Text(2000)),
});

const EntrySchema = v.object({
  id: Id,
  name: Text(200),
  kind: v.picklist(ENTRY_KINDS),
  side: v.optional(v.picklist(SIDES)),
  label: v.optional(CitationSchema),
  facts: v.array(Fact),
  related: Ids,
  aliases: v.pipe(v.array(Filled(200)), v.minLength(1)),
});

const Alias = v.object({
  entryId: Text(MAX_ID),
  text: Filled(200),
  caseRule: v.picklist(CASE_RULES),
  needs: v.optional(v.picklist(EVIDENCE_LEVELS)),
  near: v.optional(v.array(v.object({ entries: Ids, words: v.array(Text(200)) }))),
  blocks: v.optional(v.literal(true)),
});

const MentionSchema = v.object({
  entryId: Text(MAX_ID),
  docId: Text(MAX_ID),
  paragraph: Whole(1),
  start: Whole(0),
  end: Whole(0),
  text: Text(1000),
});

const Event = v.object({
  id: Id,
  title: Text(500),
  sort: v.nullable(v.pipe(v.string(), v.regex(/^\d{4}(-\d{2}(-\d{2})?)?$/))),
  accounts: v.array(v.object({ when: TextOrNull, citation: Fact })),
  entries: Ids,
});

const Compiled = v.object({
  format: v.literal(BUNDLE_FORMAT),
  documents: v.pipe(v.array(Document), v.minLength(1)),
  paragraphs: v.array(v.unknown()),
  entries: v.array(v.unknown()),
  aliases: v.array(Alias),
  mentions: v.array(v.unknown()),
  timeline: v.array(Event),
  report: v.record(v.string(), v.unknown()),
});

/**
 * A pack file's text, checked whole: a refusal says what is wrong. `progress` counts the items
 * checked (paragraphs, entries, mentions…).
 */
export async function readPack(source: string, progress: Progress = () => {}): Promise<PackFile> {
  if (source.length > MAX_PACK_BYTES) throw refuse.pack('tooLarge');
  if (!PACK_START.test(source.slice(0, 200))) throw refuse.pack('notPack');
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch {
    // It starts as a pack does, but does not end as JSON: cut off, or damaged on the way.
    throw refuse.pack('damaged');
  }
  return checkPack(value, progress);
}

/** A parsed pack, checked whole (as readPack does after parsing): the bundled pack is checked so too. */
export async function checkPack(value: unknown, progress: Progress = () => {}): Promise<PackFile> {
  check(isObject(value), 'the file');
  // Only a whole number above this Gloss's comes from a newer Gloss; any other is damage.
  if (typeof value.glossPack === 'number' && Number.isInteger(value.glossPack) && value.glossPack > PACK_FORMAT)
    throw refuse.pack('newerFormat', String(value.glossPack));
  check(value.glossPack === PACK_FORMAT, 'glossPack');
  const claimed = read(Text(64), value.hash, 'hash');
  const content = {
    glossPack: value.glossPack,
    manifest: value.manifest,
    yaml: value.yaml,
    compiled: value.compiled,
  } as Omit<PackFile, 'hash'>;
  if ((await packHash(content)) !== claimed) throw refuse.pack('tampered');
  const yamlText = Text(MAX_PACK_BYTES);
  const yaml = read(v.object({ glossary: yamlText, timeline: yamlText, exclusions: yamlText }), value.yaml, 'yaml');
  const compiled = await readCompiled(value.compiled, progress);
  const manifest = read(Manifest, value.manifest, 'manifest');
  const known = new Set(compiled.documents.map((d) => d.id));
  check(manifest.sources.length === known.size && manifest.sources.every((s) => known.has(s.doc)), 'manifest.sources');
  return { glossPack: PACK_FORMAT, manifest, yaml, compiled, hash: claimed };
}

/** The pack's documents, paragraph by paragraph, for checking quotes. */
type Texts = Map<string, string[]>;

/** A quote must be the very words its paragraph holds between `start` and `end`; refused, naming `what`, if not. */
function checkQuote(texts: Texts, c: Citation, what: string): void {
  const paragraph = texts.get(c.docId)?.[c.paragraph - 1];
  if (paragraph === undefined || c.start >= c.end || paragraph.slice(c.start, c.end) !== c.quote)
    throw refuse.pack('quoteNotInDocuments', `${what}: “${c.quote.slice(0, 120)}” (${c.docId} ¶ ${c.paragraph})`);
}

async function readCompiled(value: unknown, progress: Progress): Promise<PackFile['compiled']> {
  const compiled = read(Compiled, value, 'compiled');
  const { documents } = compiled;
  check(new Set(documents.map((d) => d.id)).size === documents.length, 'compiled.documents: an id twice');
  const total = compiled.paragraphs.length + compiled.mentions.length + compiled.entries.length;
  let done = 0;
  const tick = async () => {
    if (done++ % CHECKS_PER_REPORT === 0) await progress(done, total);
  };

  const texts: Texts = new Map(documents.map((d) => [d.id, []]));
  const paragraphs: Paragraph[] = [];
  for (const [i, raw] of compiled.paragraphs.entries()) {
    await tick();
    const where = `compiled.paragraphs[${i}]`;
    const p = read(Paragraph, raw, where);
    const own = texts.get(p.docId);
    check(own, `${where}.docId`);
    // Numbered from 1 in each document, in order: a quote's paragraph is found by its number.
    check(p.n === own.length + 1, `${where}.n`);
    p.sentences.forEach(([start, end], j) => check(start <= end && end <= p.text.length, `${where}.sentences[${j}]`));
    own.push(p.text);
    paragraphs.push(p);
  }
  check(
    [...texts.values()].every((t) => t.length > 0),
    'compiled.paragraphs: a document without paragraphs',
  );

  const entryIds = new Set(compiled.entries.map((e) => (isObject(e) ? e.id : null)));
  const named = (ids: readonly unknown[]) => ids.every((id) => entryIds.has(id));
  const entries: Entry[] = [];
  for (const [i, raw] of compiled.entries.entries()) {
    await tick();
    const where = `compiled.entries[${i}]`;
    const entry = read(EntrySchema, raw, where);
    check(named(entry.related) && !entry.related.includes(entry.id), `${where}.related`);
    const what = `entry “${entry.name}”`;
    if (entry.label) checkQuote(texts, entry.label, `${what}, label`);
    entry.facts.forEach((f, j) => checkQuote(texts, f, `${what}, fact ${j + 1}`));
    entries.push(entry);
  }
  check(entries.length === entryIds.size, 'compiled.entries: an id twice');

  compiled.aliases.forEach((a, i) => {
    check(entryIds.has(a.entryId), `compiled.aliases[${i}].entryId`);
    a.near?.forEach((g, j) => check(named(g.entries), `compiled.aliases[${i}].near[${j}].entries`));
  });

  const mentions: Mention[] = [];
  for (const [i, raw] of compiled.mentions.entries()) {
    await tick();
    const where = `compiled.mentions[${i}]`;
    const mention = read(MentionSchema, raw, where);
    check(entryIds.has(mention.entryId), `${where}.entryId`);
    checkQuote(texts, { ...mention, quote: mention.text }, 'mention');
    mentions.push(mention);
  }

  compiled.timeline.forEach((event, i) => {
    check(named(event.entries), `compiled.timeline[${i}].entries`);
    event.accounts.forEach((a, j) => checkQuote(texts, a.citation, `event “${event.title}”, account ${j + 1}`));
  });
  await progress(total, total);
  return {
    ...compiled,
    paragraphs,
    entries,
    mentions,
    report: compiled.report as unknown as PackFile['compiled']['report'],
  };
}
