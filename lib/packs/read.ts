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
  type DocumentInfo,
  type Entry,
  type Fact,
  type Mention,
  type Paragraph,
  type TimelineEvent,
} from '../corpus/types';
import { EVIDENCE_LEVELS, SIDES } from '../match/evidence';
import type { AliasSpec, CaseRule } from '../match/matcher';
import { fieldReaders, isObject, type Check, type Json } from '../json-fields';
import type { Progress } from '../user/document-text';
import {
  MAX_PACK_BYTES,
  MAX_PACK_ID,
  PACK_FORMAT,
  PACK_ID_PATTERN,
  packHash,
  VERSION_PATTERN,
  type PackFile,
  type PackManifest,
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
const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const MAX_ID = 80;
const CASE_RULES: readonly CaseRule[] = ['any', 'name', 'acronym'];
/** Items checked between two progress reports. */
const CHECKS_PER_REPORT = 2000;

const fields = fieldReaders((where) => refuse.pack('malformed', where), 100_000);
const check: Check = fields.check;
const { text, list } = fields;
const optionalText = (v: unknown, where: string, max?: number): string | undefined =>
  v === undefined ? undefined : text(v, where, max);
const textOrNull = (v: unknown, where: string): string | null => (v === null ? null : text(v, where, 1000));
const textList = (v: unknown, where: string, max?: number): string[] =>
  list(v, where).map((s, i) => text(s, `${where}[${i}]`, max));
const whole = (v: unknown, where: string, min = 0): number => {
  check(Number.isInteger(v) && (v as number) >= min, where);
  return v as number;
};
const oneOf = <T>(values: readonly T[], v: unknown, where: string): T => {
  check(values.includes(v as T), where);
  return v as T;
};
const id = (v: unknown, where: string): string => {
  check(typeof v === 'string' && ID.test(v) && v.length <= MAX_ID && !v.startsWith(USER_ID_PREFIX), where);
  return v as string;
};

/**
 * A pack file's text, checked whole: PackRefused says what is wrong. `progress` counts the items
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
  const claimed = text(value.hash, 'hash', 64);
  const content = {
    glossPack: value.glossPack,
    manifest: value.manifest,
    yaml: value.yaml,
    compiled: value.compiled,
  } as Omit<PackFile, 'hash'>;
  if ((await packHash(content)) !== claimed) throw refuse.pack('tampered');
  check(isObject(value.yaml), 'yaml');
  const yaml = {
    glossary: text(value.yaml.glossary, 'yaml.glossary', MAX_PACK_BYTES),
    timeline: text(value.yaml.timeline, 'yaml.timeline', MAX_PACK_BYTES),
    exclusions: text(value.yaml.exclusions, 'yaml.exclusions', MAX_PACK_BYTES),
  };
  const compiled = await readCompiled(value.compiled, progress);
  const manifest = readManifest(value.manifest, compiled.documents);
  return { glossPack: PACK_FORMAT, manifest, yaml, compiled, hash: claimed };
}

function readManifest(v: unknown, documents: readonly DocumentInfo[]): PackManifest {
  const where = 'manifest';
  check(isObject(v), where);
  const packId = text(v.id, `${where}.id`, MAX_PACK_ID);
  check(PACK_ID_PATTERN.test(packId) && !packId.startsWith(USER_ID_PREFIX), `${where}.id`);
  const version = text(v.version, `${where}.version`, 40);
  check(VERSION_PATTERN.test(version), `${where}.version`);
  const created = text(v.created, `${where}.created`, 10);
  check(/^\d{4}-\d{2}-\d{2}$/.test(created), `${where}.created`);
  const known = new Set(documents.map((d) => d.id));
  const sources = list(v.sources, `${where}.sources`).map((s, i) => {
    const at = `${where}.sources[${i}]`;
    check(isObject(s), at);
    return {
      doc: id(s.doc, `${at}.doc`),
      title: text(s.title, `${at}.title`, 1000),
      outlet: textOrNull(s.outlet, `${at}.outlet`),
      perspective: oneOf(PERSPECTIVES, s.perspective, `${at}.perspective`),
    };
  });
  check(sources.length === documents.length && sources.every((s) => known.has(s.doc)), `${where}.sources`);
  const description = optionalText(v.description, `${where}.description`, 2000);
  const title = text(v.title, `${where}.title`, 200);
  const licence = text(v.licence, `${where}.licence`, 2000);
  check(title.trim() && licence.trim(), `${where}.title`);
  const authors = textList(v.authors, `${where}.authors`, 200);
  check(authors.length > 0, `${where}.authors`);
  return { id: packId, title, version, authors, licence, created, ...(description ? { description } : {}), sources };
}

function readStatedDate(v: unknown, where: string) {
  check(isObject(v), where);
  const dateISO = textOrNull(v.dateISO, `${where}.dateISO`);
  check(dateISO === null || /^\d{4}-\d{2}-\d{2}$/.test(dateISO), `${where}.dateISO`);
  return { date: text(v.date, `${where}.date`, 1000), dateISO };
}

function readDocument(v: unknown, i: number): DocumentInfo {
  const where = `compiled.documents[${i}]`;
  check(isObject(v), where);
  const dateISO = textOrNull(v.dateISO, `${where}.dateISO`);
  check(dateISO === null || /^\d{4}-\d{2}-\d{2}$/.test(dateISO), `${where}.dateISO`);
  check(v.republished === undefined || isObject(v.republished), `${where}.republished`);
  const republished = v.republished as Json | undefined;
  const outletNote = optionalText(v.outletNote, `${where}.outletNote`, 2000);
  const licence = optionalText(v.licence, `${where}.licence`, 2000);
  return {
    id: id(v.id, `${where}.id`),
    file: text(v.file, `${where}.file`, 1000),
    title: text(v.title, `${where}.title`, 1000),
    outlet: textOrNull(v.outlet, `${where}.outlet`),
    ...(outletNote ? { outletNote } : {}),
    authors: textList(v.authors, `${where}.authors`, 200),
    date: textOrNull(v.date, `${where}.date`),
    dateISO,
    ...(republished
      ? {
          republished: {
            by: textOrNull(republished.by, `${where}.republished.by`),
            date: republished.date === null ? null : readStatedDate(republished.date, `${where}.republished.date`),
          },
        }
      : {}),
    ...(v.updated !== undefined ? { updated: readStatedDate(v.updated, `${where}.updated`) } : {}),
    perspective: oneOf(PERSPECTIVES, v.perspective, `${where}.perspective`),
    genre: oneOf(GENRES, v.genre, `${where}.genre`),
    ...(licence ? { licence } : {}),
  };
}

/** The pack's documents, paragraph by paragraph, for checking quotes. */
type Texts = Map<string, string[]>;

/** A quote must be the very words its paragraph holds between `start` and `end`. */
function quoteStands(
  texts: Texts,
  c: { docId: string; paragraph: number; start: number; end: number; quote: string },
): boolean {
  const paragraph = texts.get(c.docId)?.[c.paragraph - 1];
  return (
    paragraph !== undefined &&
    c.start < c.end &&
    c.end <= paragraph.length &&
    paragraph.slice(c.start, c.end) === c.quote
  );
}

function readCitation(v: unknown, where: string, texts: Texts, what: string): Citation {
  check(isObject(v), where);
  const citation: Citation = {
    docId: id(v.docId, `${where}.docId`),
    paragraph: whole(v.paragraph, `${where}.paragraph`, 1),
    quote: text(v.quote, `${where}.quote`),
    start: whole(v.start, `${where}.start`),
    end: whole(v.end, `${where}.end`),
  };
  if (!quoteStands(texts, citation))
    throw refuse.pack(
      'quoteNotInDocuments',
      `${what}: “${citation.quote.slice(0, 120)}” (${citation.docId} ¶ ${citation.paragraph})`,
    );
  return citation;
}

function readFact(v: unknown, where: string, texts: Texts, what: string): Fact {
  const fact: Fact = readCitation(v, where, texts, what);
  const f = v as Json;
  if (f.attribution !== undefined) {
    const a = f.attribution;
    check(
      a === 'narration' || (isObject(a) && typeof a.speaker === 'string' && a.speaker.length <= 200),
      `${where}.attribution`,
    );
    fact.attribution = a === 'narration' ? 'narration' : { speaker: (a as Json).speaker as string };
  }
  if (f.truncated !== undefined) fact.truncated = oneOf([true] as const, f.truncated, `${where}.truncated`);
  if (f.note !== undefined) fact.note = text(f.note, `${where}.note`, 2000);
  return fact;
}

async function readCompiled(v: unknown, progress: Progress): Promise<PackFile['compiled']> {
  check(isObject(v), 'compiled');
  check(v.format === BUNDLE_FORMAT, 'compiled.format');
  const documents = list(v.documents, 'compiled.documents').map(readDocument);
  check(documents.length > 0, 'compiled.documents');
  check(new Set(documents.map((d) => d.id)).size === documents.length, 'compiled.documents: an id twice');
  const rawParagraphs = list(v.paragraphs, 'compiled.paragraphs');
  const rawMentions = list(v.mentions, 'compiled.mentions');
  const rawEntries = list(v.entries, 'compiled.entries');
  const total = rawParagraphs.length + rawMentions.length + rawEntries.length;
  let done = 0;
  const tick = async () => {
    if (done++ % CHECKS_PER_REPORT === 0) await progress(done, total);
  };

  const texts: Texts = new Map(documents.map((d) => [d.id, []]));
  const paragraphs: Paragraph[] = [];
  for (const [i, p] of rawParagraphs.entries()) {
    await tick();
    const where = `compiled.paragraphs[${i}]`;
    check(isObject(p), where);
    const docId = text(p.docId, `${where}.docId`, MAX_ID);
    const own = texts.get(docId);
    check(own, `${where}.docId`);
    // Numbered from 1 in each document, in order: a quote's paragraph is found by its number.
    check(p.n === own.length + 1, `${where}.n`);
    const body = text(p.text, `${where}.text`, 1_000_000);
    check(body.trim() && !body.includes('\n'), `${where}.text`);
    const sentences = list(p.sentences, `${where}.sentences`).map((s, j) => {
      check(
        Array.isArray(s) &&
          s.length === 2 &&
          Number.isInteger(s[0]) &&
          Number.isInteger(s[1]) &&
          0 <= s[0] &&
          s[0] <= s[1] &&
          s[1] <= body.length,
        `${where}.sentences[${j}]`,
      );
      return [s[0], s[1]] as [number, number];
    });
    own.push(body);
    paragraphs.push({ docId, n: p.n as number, text: body, sentences });
  }
  check(
    [...texts.values()].every((t) => t.length > 0),
    'compiled.paragraphs: a document without paragraphs',
  );

  const entryIds = new Set(rawEntries.map((e) => (isObject(e) ? e.id : null)));
  const entries: Entry[] = [];
  for (const [i, e] of rawEntries.entries()) {
    await tick();
    const where = `compiled.entries[${i}]`;
    check(isObject(e), where);
    const entryId = id(e.id, `${where}.id`);
    const name = text(e.name, `${where}.name`, 200);
    const what = `entry “${name}”`;
    const aliases = textList(e.aliases, `${where}.aliases`, 200);
    check(aliases.length > 0 && aliases.every((a) => a.trim()), `${where}.aliases`);
    const related = textList(e.related, `${where}.related`, MAX_ID);
    check(
      related.every((r) => entryIds.has(r) && r !== entryId),
      `${where}.related`,
    );
    entries.push({
      id: entryId,
      name,
      kind: oneOf(ENTRY_KINDS, e.kind, `${where}.kind`),
      ...(e.side !== undefined ? { side: oneOf(SIDES, e.side, `${where}.side`) } : {}),
      ...(e.label !== undefined ? { label: readCitation(e.label, `${where}.label`, texts, `${what}, label`) } : {}),
      facts: list(e.facts, `${where}.facts`).map((f, j) =>
        readFact(f, `${where}.facts[${j}]`, texts, `${what}, fact ${j + 1}`),
      ),
      related,
      aliases,
    });
  }
  check(entries.length === entryIds.size, 'compiled.entries: an id twice');

  const aliases = list(v.aliases, 'compiled.aliases').map((a, i): AliasSpec => {
    const where = `compiled.aliases[${i}]`;
    check(isObject(a), where);
    check(entryIds.has(a.entryId), `${where}.entryId`);
    const aliasText = text(a.text, `${where}.text`, 200);
    check(aliasText.trim(), `${where}.text`);
    const near =
      a.near === undefined
        ? undefined
        : list(a.near, `${where}.near`).map((g, j) => {
            check(isObject(g), `${where}.near[${j}]`);
            const groupEntries = textList(g.entries, `${where}.near[${j}].entries`, MAX_ID);
            check(
              groupEntries.every((x) => entryIds.has(x)),
              `${where}.near[${j}].entries`,
            );
            return { entries: groupEntries, words: textList(g.words, `${where}.near[${j}].words`, 200) };
          });
    return {
      entryId: a.entryId as string,
      text: aliasText,
      caseRule: oneOf(CASE_RULES, a.caseRule, `${where}.caseRule`),
      ...(a.needs !== undefined ? { needs: oneOf(EVIDENCE_LEVELS, a.needs, `${where}.needs`) } : {}),
      ...(near ? { near } : {}),
      ...(a.blocks !== undefined ? { blocks: oneOf([true] as const, a.blocks, `${where}.blocks`) } : {}),
    };
  });

  const mentions: Mention[] = [];
  for (const [i, m] of rawMentions.entries()) {
    await tick();
    const where = `compiled.mentions[${i}]`;
    check(isObject(m), where);
    check(entryIds.has(m.entryId), `${where}.entryId`);
    const mention: Mention = {
      entryId: m.entryId as string,
      docId: text(m.docId, `${where}.docId`, MAX_ID),
      paragraph: whole(m.paragraph, `${where}.paragraph`, 1),
      start: whole(m.start, `${where}.start`),
      end: whole(m.end, `${where}.end`),
      text: text(m.text, `${where}.text`, 1000),
    };
    if (!quoteStands(texts, { ...mention, quote: mention.text }))
      throw refuse.pack(
        'quoteNotInDocuments',
        `mention “${mention.text.slice(0, 120)}” (${mention.docId} ¶ ${mention.paragraph})`,
      );
    mentions.push(mention);
  }

  const timeline = list(v.timeline, 'compiled.timeline').map((t, i): TimelineEvent => {
    const where = `compiled.timeline[${i}]`;
    check(isObject(t), where);
    const title = text(t.title, `${where}.title`, 500);
    const sort = textOrNull(t.sort, `${where}.sort`);
    check(sort === null || /^\d{4}(-\d{2}(-\d{2})?)?$/.test(sort), `${where}.sort`);
    const involved = textList(t.entries, `${where}.entries`, MAX_ID);
    check(
      involved.every((x) => entryIds.has(x)),
      `${where}.entries`,
    );
    return {
      id: id(t.id, `${where}.id`),
      title,
      sort,
      accounts: list(t.accounts, `${where}.accounts`).map((a, j) => {
        check(isObject(a), `${where}.accounts[${j}]`);
        return {
          when: textOrNull(a.when, `${where}.accounts[${j}].when`),
          citation: readFact(
            a.citation,
            `${where}.accounts[${j}].citation`,
            texts,
            `event “${title}”, account ${j + 1}`,
          ),
        };
      }),
      entries: involved,
    };
  });
  await progress(total, total);
  check(isObject(v.report), 'compiled.report');
  return {
    format: BUNDLE_FORMAT,
    documents,
    paragraphs,
    entries,
    aliases,
    mentions,
    timeline,
    report: v.report as unknown as PackFile['compiled']['report'],
  };
}
